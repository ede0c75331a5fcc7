// The evaluation of one record: its facts on the evaluation date, the record
// kinds its rules may read, and the decisions about it, built step by step in
// the compiled dependency order. A population runs one of these per record and
// decides the barrier steps (cohort allocations, group values over members)
// between the others.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "engine/decisions.hpp"

namespace cadre::engine {

/// The values an unknown slot could take (a group count known only between
/// 3 and 5), by activation slot.
using PossibleValues = std::vector<std::pair<int, std::vector<Value>>>;

class RecordRun {
 public:
  RecordRun(const CompiledRuleSetImpl& rules, const RecordValue& subject,
            const std::vector<RecordValue>& related, Date as_of, EvaluationOptions options);
  /// No subject (null): the rule set's own context, decisions about no record.
  RecordRun(const CompiledRuleSetImpl& rules, const RecordValue* subject,
            const std::vector<RecordValue>& related, Date as_of, EvaluationOptions options);
  // Pinned: the hint callback refers to this object.
  RecordRun(const RecordRun&) = delete;
  RecordRun& operator=(const RecordRun&) = delete;

  const std::string& kind() const { return kind_; }
  const std::string& id() const { return id_; }
  const Activation& facts() const { return facts_; }
  const Explain& explain() const { return explain_; }

  /// The record's kind as an index in CompiledRuleSetImpl::kinds (-1: none).
  int kind_index() const { return kind_index_; }

  /// True when a rule about the kind with that index concerns this record
  /// (its own kind or a kind it belongs to; -1, a rule about no record, too).
  bool concerns(int subject_kind) const {
    return subject_kind < 0 || ((readable_ >> subject_kind) & 1U) != 0;
  }

  /// Evaluates a derived value, or a decision from this record's facts alone
  /// (a barrier step without its population: from the record, or undetermined).
  void run(const Step& step);

  /// Binds a decision decided elsewhere (a cohort allocation) and keeps its
  /// result when the decision is about this record's kind.
  void settle(const CompiledDecision& decision, Decided decided);

  /// Binds the value another record's decision gave (the allocation of the
  /// village this cadre belongs to).
  void bind(const CompiledDecision& decision, const Value& value);

  /// Binds a value decided over the population (a group count), with the
  /// values it could take when it is unknown.
  void bind_group_value(int slot, const Value& value, std::vector<Value> possible);

  std::vector<DecisionResult> take_results() { return std::move(results_); }

 private:
  /// Evaluates a step (not a barrier) into `facts`; results about this
  /// record's kind go to `results` when given. `alternatives`: decide again
  /// at the possible values of what leaves a result undetermined.
  void step_into(const Step& step, Activation& facts, const Explain& explain,
                 std::vector<DecisionResult>* results, bool alternatives) const;
  /// One decision (for the key bound in `facts`, if it is made per key).
  Decided decide_one(const CompiledDecision& decision, const Activation& facts,
                     const Explain& explain, bool alternatives) const;
  /// Decides again at the possible values of what leaves `decided` open.
  void try_alternatives(const CompiledDecision& decision, const Activation& facts,
                        const Explain& explain, Decided& decided) const;
  /// The one result `id[?]` of a decision made per key whose keys are unknown.
  Decided unknown_keys(const CompiledDecision& decision, Activation& facts,
                       const Value& keys) const;
  /// The facts as they would stand on `date`: the same record, derived values
  /// recomputed (for hints on dates).
  bool facts_on(Date date, Activation& out) const;
  /// Recomputes the derived values this record reads, after a rebinding.
  void recompute_derived(Activation& facts) const;
  /// A number undetermined only by parameters the text gives as a range
  /// (14% to 33%): decided at both bounds, the result is that range.
  void decide_within_ranges(const CompiledDecision& decision, const Activation& facts,
                            Decided& decided) const;

  const CompiledRuleSetImpl& rules_;
  std::string kind_;
  std::string id_;
  int kind_index_ = -1;
  std::uint64_t readable_ = 0;  ///< bit mask of the kinds this record's rules read
  Activation facts_;
  Explain explain_;
  PossibleValues possible_;  ///< of group values bound at barriers
  std::vector<DecisionResult> results_;
};

}  // namespace cadre::engine
