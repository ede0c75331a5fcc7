// The compiled rule set: every expression of the model compiled against one
// environment, derived values and decisions in dependency order, parameter
// values parsed, and a digest of the files. Built once, then only read; safe
// to share between threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "cadre/expression.hpp"
#include "cadre/ruleset.hpp"
#include "compile/table_cells.hpp"
#include "load/loader.hpp"
#include "model/ruleset.hpp"

namespace cadre {

/// A compiled expression with where it was written.
struct CompiledExpression {
  std::optional<Program> program;  ///< empty when the expression did not compile
  model::OriginId origin = model::kNoOrigin;
  std::string text;
};

/// A message template: literal text and expression placeholders in order.
struct CompiledMessage {
  std::vector<std::variant<std::string, CompiledExpression>> zh;
  std::vector<std::variant<std::string, CompiledExpression>> en;
};

/// A fact an expression reads, by name, with a program reading it alone.
using FactProbe = std::pair<std::string, CompiledExpression>;

struct CompiledCondition {
  const model::Condition* model = nullptr;
  CompiledExpression when;
  std::vector<CompiledCondition> children;
  CompiledMessage message;
  std::vector<FactProbe> facts = {};  ///< what `when` reads, for explanations
  bool reads_date = false;            ///< may change with the evaluation date alone
};

/// A qualifier of a result, with the condition under which it holds (no
/// program: always).
struct CompiledFlag {
  const model::ConditionalFlag* model = nullptr;
  CompiledExpression when;
};

struct CompiledTableRule {
  const model::TableRule* model = nullptr;
  std::vector<CellTest> cells;  ///< one per table input, in input order
  CompiledExpression output;
  std::vector<CompiledFlag> flags;
};

struct CompiledTable {
  const model::DecisionTable* model = nullptr;
  std::vector<CompiledExpression> inputs;
  std::vector<Type> input_types;
  std::vector<CompiledTableRule> rules;
};

/// A parameter's value as typed values: one for a scalar, a map for a table,
/// dated values for a series, bounds for a range. Unspecified values are
/// unknown values naming the parameter.
struct CompiledParameter {
  const model::Parameter* model = nullptr;
  Type type;
  int slot = -1;
  Value value;                                 ///< scalar, table, unspecified
  std::vector<std::pair<Date, Value>> series;  ///< effective-dated
  Value low, high;                             ///< range
  /// The values an unspecified parameter can take (`one_of`), typed; the
  /// engine may decide at each of them.
  std::vector<Value> possible;
  std::string code;  ///< its reason code while unspecified: unspecified_parameter:<name>
};

struct CompiledDerived {
  const model::Derived* model = nullptr;
  int slot = -1;
  int subject_kind = -1;  ///< index in CompiledRuleSetImpl::kinds; -1: no subject
  CompiledExpression expr;
  /// A group value over members: their kind, and `where`, `value` and
  /// `from_record` compiled (the first two about the member).
  int over_kind = -1;
  CompiledExpression where, value, from_record;
  /// Positions in CompiledRuleSetImpl::order of the steps it reads, directly
  /// or through others, in order (as CompiledDecision::upstream).
  std::vector<std::size_t> upstream;
  bool is_aggregate() const { return model != nullptr && model->aggregate.has_value(); }
};

struct CompiledDecision {
  const model::Decision* model = nullptr;
  int slot = -1;
  int subject_kind = -1;  ///< index in CompiledRuleSetImpl::kinds; -1: no subject
  Type value_type;
  CompiledExpression applies;
  CompiledCondition all;
  CompiledCondition none;
  CompiledCondition trigger;
  std::vector<CompiledCondition> gates;  ///< in order
  CompiledExpression keys;               ///< for_each: the keys (a list)
  int key_slot = -1;                     ///< where `key` is bound
  CompiledExpression period_last_day;
  std::vector<CompiledFlag> flags;
  CompiledExpression warning_held, warning_start, warning_months, warning_review;
  std::vector<CompiledExpression> components;
  std::vector<std::vector<FactProbe>> component_facts;  ///< parameters each component reads
  /// The facts, derived values and decisions each component reads.
  std::vector<std::vector<FactProbe>> component_reads;
  std::optional<CompiledTable> table;
  CompiledExpression formula;
  CompiledExpression group_by, candidates, quota_ratio, quota_base, quota_count;
  CompiledExpression round_by;     ///< the rounding mode read from an expression
  int unless_slot = -1;            ///< the switch that lifts `truncated_text` when `true`
  CompiledExpression from_record;  ///< the allocation decided from the record's own facts
  std::vector<CompiledExpression> rank_by, tie_break;
  /// Tier shares written as exact fractions ("1/3" → {1, 3}); a share given as
  /// a decimal expression has {0, 0} here and its program in tier_shares.
  std::vector<std::pair<std::int64_t, std::int64_t>> tier_fractions;
  std::vector<CompiledExpression> tier_shares;
  CompiledMessage message;
  /// Positions in CompiledRuleSetImpl::order of the steps this decision reads,
  /// directly or through others, in order: replayed to decide it again at
  /// another possible value of an unknown.
  std::vector<std::size_t> upstream;
  bool keyed() const { return model != nullptr && model->for_each.has_value(); }
};

/// A conflict between facts of one record, compiled for its record kind.
struct CompiledConflict {
  const model::FactConflict* model = nullptr;
  CompiledExpression when;
  std::vector<int> fields;  ///< indices in the record type
  std::string code;         ///< conflicting_facts:party_status,probation_end_date
};

/// One step of the evaluation order.
struct Step {
  enum class Kind : std::uint8_t { derived, decision };
  Kind kind;
  std::size_t index;  ///< into derived or decisions
  /// Decided over the whole population at once (a cohort allocation, a group
  /// value over members): every record must have reached it first.
  bool barrier = false;
};

struct CompiledRuleSetImpl {
  std::unique_ptr<load::LoadedRuleSet> source;  ///< the model and its origins
  CompileOptions compile_options;               ///< the limits every expression is compiled with
  std::string digest;                           ///< sha256 hex over the canonical files
  Environment environment;
  std::map<std::string, std::shared_ptr<const EnumType>> enums;
  std::map<std::string, int> record_slots;  ///< record kind → activation slot
  /// Record kinds in schema order, and for each the kinds its rules may read
  /// (itself and the kinds it belongs to) as a bit mask: evaluation asks
  /// "does this rule concern this record" by index, not by name.
  std::vector<std::string> kinds;
  std::vector<std::uint64_t> readable;
  /// For each kind, the decisions about it: a record's results are reserved
  /// at this size (more come from decisions made per key).
  std::vector<std::size_t> decisions_about;
  int as_of_slot = -1;
  std::map<std::string, int> switch_slots;  ///< switch id → activation slot
  /// The conflicts between facts of each record kind, with the kind's slot.
  std::vector<std::pair<int, std::vector<CompiledConflict>>> conflicts;
  std::vector<Value> switch_values;  ///< by switch, in model order (unknown when unset)
  std::vector<std::vector<Value>> switch_possible;  ///< by switch: its values, for unset ones
  std::vector<CompiledParameter> parameters;
  /// The values the parameters leave open, each reason code once.
  std::vector<OpenValue> open_values;
  /// What a person reads about each decision (decision_info.hpp).
  std::vector<DecisionInfo> decision_info;
  std::vector<CompiledDerived> derived;
  std::vector<CompiledDecision> decisions;
  std::vector<Step> order;  ///< dependency order of derived values and decisions

  const model::RuleSet& rules() const { return source->rules; }
  const model::Origins& origins() const { return source->origins; }
};

}  // namespace cadre
