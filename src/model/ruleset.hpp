// The rule-set model: what a rule set says, as plain data, after loading and
// before checking and compiling. Field names mirror the YAML keys of
// docs/rules.md. Every element that a diagnostic may point at carries an
// OriginId into RuleSet::origins.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "model/origin.hpp"

namespace cadre::model {

/// Chinese and English text; either may be empty.
struct Text {
  std::string zh;
  std::string en;
  OriginId zh_origin = kNoOrigin;  ///< the scalar holding `zh` (for message placeholders)
  OriginId en_origin = kNoOrigin;
};

/// An expression as written, with where it was written.
struct Expression {
  std::string text;
  OriginId origin = kNoOrigin;
  bool empty() const { return text.empty(); }
};

// ---- metadata ---------------------------------------------------------------

enum class SourceNature : std::uint8_t { normative, report };

struct Source {
  std::string id;  ///< document code used in provision IDs: HY, PS, ...
  Text title;
  std::string issuer;
  std::optional<Date> date;
  std::string file;
  SourceNature nature = SourceNature::normative;
  bool truncated = false;
  OriginId origin = kNoOrigin;
};

struct Metadata {
  std::string id;
  std::string version;
  Text title;
  std::string jurisdiction;
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  ///< inclusive
  std::string extends;           ///< path of the base rule set, for a variant
  std::vector<std::string> include;
  /// Shared vocabulary (schema, enums, sources) for other rule sets to
  /// extend; it decides nothing of its own. Not inherited by a variant.
  bool abstract = false;
  OriginId origin = kNoOrigin;
  OriginId extends_origin = kNoOrigin;
};

/// A provision citation, e.g. HY-WARN-02, with an optional verbatim quote.
struct Citation {
  std::string provision;
  std::string quote;
  OriginId origin = kNoOrigin;
};

// ---- schema -----------------------------------------------------------------

enum class EnumOrderModel : std::uint8_t { unordered, ascending, descending };

struct EnumDecl {
  std::string id;
  std::vector<std::string> values;
  EnumOrderModel order = EnumOrderModel::unordered;
  /// Values of other enumerations that count as the same level: 合格 ≈ 称职.
  /// Keyed "<other enum>.<own value>": in pi_grade, "cadre_grade.合格" -> "称职".
  std::map<std::string, std::string> same_as;
  /// The text does not fix the scale (a team-grade scale the city leaves to
  /// its counties): records may hold values not listed, which are unknown
  /// (`unspecified_parameter:<id>`) until a variant places them.
  bool open = false;
  Text title;
  OriginId origin = kNoOrigin;
};

/// A field's type as written ("date", "list<assessment>", an enum id,
/// an inline record for list entries), resolved by the compiler.
struct FieldDecl {
  std::string name;
  std::string type;              ///< type text; empty when `entry` is set
  std::vector<FieldDecl> entry;  ///< fields of an inline record (list of records)
  bool list = false;             ///< `entry` describes list elements
  bool required = false;
  std::string ref;                     ///< record kind whose key this field holds
  std::string dated_by;                ///< for history lists: the entry field that dates it
  std::vector<std::string> unique_by;  ///< entry fields naming one fact (year, kind)
  OriginId type_origin = kNoOrigin;    ///< where the type text is written
  Text title;
  OriginId origin = kNoOrigin;
};

/// Facts of one record that cannot all be true (a full party member whose
/// probation ends after the evaluation date): while `when` holds, `fields`
/// are unknown with `conflicting_facts:<fields>`, never trusted.
struct FactConflict {
  Expression when;
  std::vector<std::string> fields;
  std::vector<OriginId> field_origins;  ///< where each of `fields` is written
  Citation cite;
  OriginId origin = kNoOrigin;
};

struct RecordKind {
  std::string id;  ///< cadre, village, town, sending_unit
  std::string key = "id";
  /// The record this one belongs to, via a field holding its key:
  /// cadre belongs to village via village_id.
  std::string parent;
  std::string parent_field;
  std::vector<FieldDecl> fields;
  /// `fields` is written: a kind a variant only adds conflicts to has none.
  bool declares_fields = false;
  std::vector<FactConflict> conflicts;
  Text title;
  OriginId origin = kNoOrigin;
};

struct Schema {
  std::vector<EnumDecl> enums;
  std::vector<RecordKind> records;
};

// ---- parameters, switches, lists --------------------------------------------

/// One value as written in YAML: its text, its items (a list), or `unspecified`.
struct ParamValue {
  std::string text;
  bool unspecified = false;
  OriginId origin = kNoOrigin;
  OriginId key_origin = kNoOrigin;      ///< table entries: where the key is written
  std::vector<std::string> items = {};  ///< a list-typed value: its items as written
  bool is_list = false;                 ///< written as a YAML sequence
  /// Why the text gives no value (`unspecified: {because: …}`): an open value
  /// stated on purpose, which explanations show. Empty: not said.
  Text because = {};
  bool explained() const { return !because.zh.empty() || !because.en.empty(); }
};

struct SeriesEntry {
  Date from;
  ParamValue value;
};

enum class ParamForm : std::uint8_t { scalar, table, series, range, unspecified };

struct Parameter {
  std::string id;  ///< dotted, e.g. hy.warning_period
  std::string type;
  std::string unit;
  ParamForm form = ParamForm::scalar;
  ParamValue value;  ///< scalar; for `unspecified`, the whole parameter's mark and reason
  std::vector<std::pair<std::string, ParamValue>> table;  ///< table: key → value, file order
  std::string table_key;                                  ///< enum id the table is keyed by
  /// A keyed table: what the keys it does not list are (`others:
  /// {unspecified: {because: …}}`); unset: a key left out is an oversight.
  std::optional<ParamValue> others;
  std::vector<SeriesEntry> series;  ///< effective-dated values
  ParamValue low, high;             ///< range: known only within bounds
  /// The values an unspecified parameter can take (免职, 责令辞职, 罢免): the
  /// engine may decide at each of them.
  std::vector<std::string> one_of;
  OriginId one_of_origin = kNoOrigin;
  /// The name its reason codes carry, when MODEL.md names it otherwise than
  /// the id (a decision may hold the id): `unspecified_parameter:hy.exit_mode`.
  std::string reported_as;
  /// The reason code while unspecified: `unspecified_parameter` (a value the
  /// text leaves blank, the default) or `ambiguous_reading` (a reading it leaves open).
  std::string unset_code;
  Citation cite;
  Text title;
  OriginId origin = kNoOrigin;
};

struct Switch {
  std::string id;
  std::vector<std::string> values;
  std::string default_value;  ///< empty: unset (decisions needing it are undetermined)
  Citation cite;
  Text title;
  OriginId origin = kNoOrigin;
  /// The reason code while unset: `ambiguous_reading` (the default) or
  /// `unspecified_parameter` (the text leaves a value open, not a reading).
  std::string unset_code = {};
};

/// A list the text names but may not enumerate (九不选, the 10 warning situations).
struct NamedList {
  std::string id;
  std::optional<int> size;                          ///< how many items the text says there are
  std::vector<std::pair<std::string, Text>> items;  ///< the items it names
  Citation cite;
  OriginId origin = kNoOrigin;
  bool complete() const { return !size || static_cast<int>(items.size()) >= *size; }
};

// ---- derived values and decisions ------------------------------------------

enum class AggregateKind : std::uint8_t { count, sum, min, max, any, all, list };

/// A value of a group (a town, a village) computed over the records that
/// belong to it (its cadres, directly or through their villages), decided
/// once the whole population has reached it.
struct Aggregate {
  std::string over;  ///< the members' record kind
  OriginId over_origin = kNoOrigin;
  AggregateKind kind = AggregateKind::count;
  Expression where;  ///< which members count (about the member); empty: all
  Expression value;  ///< what is summed, compared or listed (about the member)
  /// Without a population: the figure read from the group's own record.
  Expression from_record;
};

struct Derived {
  std::string id;
  std::string subject;
  OriginId subject_origin = kNoOrigin;
  std::string type;  ///< optional declared type
  Expression expr;
  std::optional<Aggregate> aggregate;  ///< set instead of `expr` for a group value
  Citation cite;
  Text title;
  OriginId origin = kNoOrigin;
};

/// A condition, or a group of conditions (all / any) nested inside one.
struct Condition {
  enum class Group : std::uint8_t { leaf, all, any };
  std::string id;
  Group group = Group::leaf;
  Expression when;                  ///< leaf
  std::vector<Condition> children;  ///< all / any
  bool soft = false;                ///< 一般, 原则上: failing gives a soft negative
  Citation cite;
  Text message;  ///< templates with {expression} placeholders
  OriginId origin = kNoOrigin;
};

enum class DecisionKind : std::uint8_t { eligibility, warning, exit, pay, assessment, allocation };

enum class ExitAction : std::uint8_t {
  dismissal,            ///< 免职
  ordered_resignation,  ///< 责令辞职
  recall,               ///< 罢免 (by legal procedure)
  programme_exit,       ///< exit from a programme
  referral,             ///< referral to discipline authorities
  stand_down,           ///< 歇职: stood down from duty for a time, not removed from office
};

struct WarningSpec {
  Expression start;          ///< date the period starts (the warning talk)
  Expression period_months;  ///< int
  Expression review_result;  ///< "pass" / "fail" / unknown
  std::string escalate_to;   ///< exit decision id
  OriginId escalate_origin = kNoOrigin;
  Expression held = {};  ///< bool: has the warning talk been held? (empty: when `start` is known)
};

struct Rounding {
  int places = 2;
  std::string mode = "half_up";  ///< half_up, floor, ceiling
  /// The mode read from an expression (a switch the text leaves unset):
  /// unknown keeps the result undetermined, with its exact value beside it.
  Expression by;
  bool given = false;
};

/// A qualifier of a result (`above_range`) that holds only when `when` does;
/// an empty `when` always holds.
struct ConditionalFlag {
  std::string name;
  Expression when;
  OriginId origin = kNoOrigin;
};

struct PayComponent {
  std::string id;
  Expression formula;
  Rounding round;
  Citation cite;
  Text title;
  OriginId origin = kNoOrigin;
};

enum class HitPolicy : std::uint8_t { unique, first, priority, collect_sum };

struct TableInput {
  std::string id;
  Expression expr;
  OriginId origin = kNoOrigin;
};

/// One cell of a rule, parsed: `-`, a value or list of values, a comparison
/// (`>= 2`) or an interval (`[1, 3)`). Numbers are kept as written.
struct TableCell {
  enum class Test : std::uint8_t { any, values, compare, interval };
  std::string input;  ///< the input id it tests
  Test test = Test::any;
  std::vector<std::string> values;  ///< values: any one of these
  std::string op;                   ///< compare: `>=`, `>`, `<=`, `<` or `=`
  std::string number;               ///< compare: the number compared with
  std::string low, high;            ///< interval bounds
  bool low_closed = true, high_closed = true;
  OriginId origin = kNoOrigin;
};

struct TableRule {
  std::vector<std::pair<std::string, std::string>> cells;  ///< input id → test text
  std::vector<TableCell> tests;                            ///< the same cells, parsed
  ParamValue output;                                       ///< expression text
  std::vector<ConditionalFlag> flags;                      ///< given to the result when it fires
  int priority = 0;
  Citation cite;
  OriginId origin = kNoOrigin;
};

struct DecisionTable {
  HitPolicy hit = HitPolicy::unique;
  std::vector<TableInput> inputs;
  std::vector<TableRule> rules;
  OriginId origin = kNoOrigin;
};

struct SortKey {
  Expression expr;
  bool descending = true;
};

struct Allocation {
  Expression group_by;
  Expression candidates;  ///< who competes (default: everyone in the group)
  std::vector<SortKey> rank_by;
  std::vector<SortKey> tie_break;  ///< empty: a tie at the cap is undetermined
  Expression quota_ratio;          ///< e.g. hy.excellent_max_ratio
  /// The base a ratio is of: the group's declared size (town.village_cadre_count),
  /// or, when `base_is_members`, the records of the group in the population.
  Expression quota_base;
  bool base_is_members = false;
  Expression quota_count;  ///< alternatively, a count
  std::string rounding;    ///< floor, ceil, half_up, exact (undetermined if fractional)
  std::vector<Expression> tier_shares;  ///< tiers by share (1/3 each)
  /// Without a population: the allocation read from the record's own facts
  /// (a `town_rank` given in the record); empty: undetermined.
  Expression from_record;
  OriginId origin = kNoOrigin;
};

/// One decision per key (per year, half-year, insurance kind): `key` is
/// bound to each value of `keys`, and each result is named `id[key]`.
struct ForEach {
  Expression keys;
  OriginId origin = kNoOrigin;
};

/// A gate of a selection passed in order; failing it gives `failed`.
struct Gate {
  Condition condition;
  std::string failed;  ///< the value when this is the first gate known to fail
};

struct Decision {
  std::string id;
  DecisionKind kind = DecisionKind::eligibility;
  std::string subject;
  OriginId subject_origin = kNoOrigin;
  Citation cite;
  Text title;
  Expression applies;               ///< false → not_applicable
  Condition all;                    ///< eligibility: must all hold (group all)
  Condition none;                   ///< disqualifiers: any one excludes (group any)
  Condition trigger;                ///< warning / exit triggers (group any or all)
  std::vector<ExitAction> actions;  ///< exit
  /// An exit whose text names no action (「清除出村干部队伍」, HY-EXIT-01):
  /// `actions: unspecified`, and its results list none.
  bool actions_unspecified = false;
  std::vector<Gate> gates;        ///< eligibility by ordered gates
  std::string passed = "passed";  ///< the value when every gate is passed
  std::optional<ForEach> for_each;
  /// The last day of the period a requirement is counted over: before it
  /// ends, an unmet requirement is `pending`, not failed.
  Expression period_last_day;
  WarningSpec warning;
  std::vector<PayComponent> components;  ///< pay
  std::optional<DecisionTable> table;    ///< pay / assessment
  Expression formula;                    ///< assessment score
  Rounding round;
  std::optional<Allocation> allocation;
  bool soft = false;
  bool discretionary = false;   ///< 可: a benefit, never a right
  bool truncated_text = false;  ///< the provision's text is cut: positives are undetermined
  std::string unless_switch;    ///< switch that lifts truncated_text when true
  /// Qualifiers the text implies, copied to every result (`average`: a
  /// reference value, not an entitlement).
  std::vector<ConditionalFlag> flags;
  Text message;
  /// Test-coverage gaps the text makes impossible (`coverage: {cannot: …,
  /// because: …}`): outcomes (`eligible`) and part statuses (`applies
  /// failed`, `dispatched_district_cadre failed`) no test can show.
  std::vector<std::string> coverage_cannot;
  Text coverage_because;
  OriginId coverage_origin = kNoOrigin;
  OriginId origin = kNoOrigin;
};

// ---- tests --------------------------------------------------------------------

struct ExpectedDecision {
  std::string decision;
  std::string key;  ///< for a decision made per key: the key as written in `id[key]`
  std::string outcome;
  OriginId outcome_origin = kNoOrigin;
  std::optional<std::string> value;  ///< as text
  std::vector<std::string> range;    ///< [low, high] as text, or empty
  std::vector<std::string> undetermined;
  std::vector<std::string> missing;
  std::vector<std::string> flags;
  OriginId origin = kNoOrigin;
  std::vector<std::string> possible = {};       ///< the possible values, all of them, as text
  std::optional<std::string> exact = {};        ///< the exact value, "9/2"
  std::vector<std::string> actions = {};        ///< an exit's actions, all of them
  std::vector<std::string> without_flags = {};  ///< flags the result must not have
  std::vector<std::string> failed = {};         ///< condition ids that must have failed
  std::vector<std::string> passed = {};         ///< condition ids that must have passed
  /// The decision's id as results carry it: `id` or `id[key]`.
  std::string result_id() const { return key.empty() ? decision : decision + "[" + key + "]"; }
};

struct TestCase {
  std::string name;
  std::optional<Date> as_of;
  OriginId records = kNoOrigin;  ///< the YAML node holding the records, read at test time
  std::vector<std::pair<std::string, std::vector<ExpectedDecision>>>
      expect;  ///< record id → decisions
  OriginId origin = kNoOrigin;
};

// ---- variants ---------------------------------------------------------------

/// What a variant changes in the rule set it extends.
struct VariantChanges {
  std::vector<Parameter> parameters;  ///< overrides of existing parameters
  std::vector<EnumDecl> enums;        ///< open enumerations of the base, supplied or extended
  std::vector<NamedList> lists;       ///< items of the base's lists, enumerated (R-13)
  std::vector<std::pair<std::string, std::string>> switches;  ///< switch → value
  std::vector<OriginId> switch_origins;                       ///< the switch ids
  std::vector<OriginId> switch_value_origins;                 ///< the values set
  std::vector<Decision> replace;                              ///< decisions replaced by id
  std::vector<std::pair<std::string, OriginId>> disable;      ///< decision ids disabled
};

// ---- the whole ----------------------------------------------------------------

struct RuleSet {
  Metadata metadata;
  std::vector<Source> sources;
  Schema schema;
  std::vector<Parameter> parameters;
  std::vector<Switch> switches;
  std::vector<NamedList> lists;
  std::vector<Derived> derived;
  std::vector<Decision> decisions;
  std::vector<TestCase> tests;
  VariantChanges variant;  ///< empty unless metadata.extends is set
};

}  // namespace cadre::model
