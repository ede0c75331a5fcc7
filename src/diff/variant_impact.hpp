// What a variant of a rule set changes (`cadre-policy diff BASE VARIANT
// [RECORDS]`): the rule-set difference item by item, the static impact (the
// decisions that can change because they read something the variant
// touched, and those that provably cannot), and, over a population, the
// results that changed, record by record, with the money by pay component
// and by group. Plain data, built by src/diff/ and laid out by the
// renderers in src/render/impact_*.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cadre/decision.hpp"

namespace cadre::diff {

/// A rule set named on the command line, as the report names it.
struct RuleSetName {
  std::string path;  ///< as given
  std::string id, version, digest;
  std::string title_zh, title_en;
};

enum class ItemKind : std::uint8_t {
  metadata,     ///< the rule set's validity
  enumeration,  ///< schema.enums
  record_kind,  ///< schema.records (fields)
  parameter,
  switch_value,
  list,
  derived,
  decision,
};
/// "metadata", "enumeration", "record_kind", "parameter", "switch", "list",
/// "derived", "decision" (the JSON's words).
const char* item_kind_name(ItemKind kind);

enum class Change : std::uint8_t { added, removed, changed };
const char* change_name(Change change);

/// One part of an item that differs: `value`, `table.称职`, `series.2019-01-01`,
/// `all.days_in_village.when`, `title.en`, `for_each`, …; before or after is
/// empty when the part exists on one side only.
struct FieldChange {
  std::string path;
  std::string before;
  std::string after;
};

/// An item the two rule sets do not have alike.
struct ItemChange {
  ItemKind kind = ItemKind::decision;
  std::string id;
  Change change = Change::changed;
  /// Only words differ (titles, messages, quotes, reasons given): results
  /// cannot change, their explanations can.
  bool wording_only = false;
  std::string title_zh, title_en;   ///< the variant's (the base's when removed); may be empty
  std::string cite, quote;          ///< provision id and sentence, as above; may be empty
  std::vector<FieldChange> fields;  ///< for `changed`: every part that differs, in model order
};

/// Why a decision can change, or that it cannot.
struct DecisionReach {
  enum class Status : std::uint8_t {
    changed,        ///< the decision itself differs (logic)
    added,          ///< only the variant has it
    removed,        ///< only the base has it (or the variant disables it)
    reads_changed,  ///< it reads, directly or through others, an item that differs
    wording,        ///< only words of it or of what it reads differ: results cannot change
    cannot_change,  ///< nothing it reads differs
  };
  std::string id;
  std::string kind;  ///< eligibility, exit, pay, …
  std::string title_zh, title_en;
  std::string cite;
  Status status = Status::cannot_change;
  /// For reads_changed and wording: the chains to what differs, each from the
  /// decision to the item (`hy.leiyang_attendance_met → hy.leiyang_period`).
  std::vector<std::vector<std::string>> through;
};
const char* reach_status_name(DecisionReach::Status status);

struct StaticImpact {
  std::vector<DecisionReach>
      decisions;          ///< every decision of either side, variant order then removed
  int can_change = 0;     ///< changed, added, removed or reads_changed
  int cannot_change = 0;  ///< wording or cannot_change
};

/// One result (record × decision, `id` or `id[key]`) that the two sides do
/// not decide alike.
struct ResultChange {
  enum class What : std::uint8_t {
    outcome,               ///< both determined, another outcome
    value,                 ///< same outcome, another value
    became_undetermined,   ///< determined by the base, undetermined by the variant
    became_determined,     ///< the other way round
    undetermined_reasons,  ///< undetermined on both sides, for other reasons
    added,                 ///< only the variant gives this result
    removed,               ///< only the base does
  };
  What what = What::outcome;
  std::string record;                           ///< the record's id
  std::string kind;                             ///< its record kind
  std::string group;                            ///< its group's id (the town), empty when none
  std::string result;                           ///< `id` or `id[key]`
  std::string decision;                         ///< the decision's id, without key
  std::optional<DecisionResult> before, after;  ///< as decided (reasons included)
};
const char* what_name(ResultChange::What what);

/// Per decision: how its results compare over the population.
struct DecisionTally {
  std::string id, kind, title_zh, title_en, cite;
  int compared = 0;  ///< results both sides give
  int unchanged = 0;
  int outcome = 0;  ///< What::outcome
  int value = 0;    ///< What::value
  int became_undetermined = 0, became_determined = 0, undetermined_reasons = 0;
  int added = 0, removed = 0;
  int undetermined_before = 0, undetermined_after = 0;  ///< counted apart, on each side
  /// `eligible → ineligible`: how many results moved so, most first.
  std::vector<std::pair<std::string, int>> moves;
  int changed() const {
    return outcome + value + became_undetermined + became_determined + undetermined_reasons +
           added + removed;
  }
};

/// Money of one pay component (or of a pay decision's total, component
/// empty) in one group (empty: all groups). Amounts are exact decimal text
/// ("12345.60"); totals sum the determined results of each side; the delta
/// is over the results both sides determined; undetermined ones are counted
/// apart, never as a change of value.
struct MoneyLine {
  std::string decision, component;
  std::string group;       ///< the group's id; empty for the whole population
  std::string group_name;  ///< its `name` field when the records give one
  std::string before, after, delta;
  int results = 0;  ///< determined on both sides
  int undetermined_before = 0, undetermined_after = 0;
};

struct PopulationImpact {
  std::string records;  ///< the file, as given
  std::string as_of;
  std::string group_kind;  ///< the record kind results are grouped by (`town`); empty: none
  int records_read = 0;
  int records_with_errors_base = 0, records_with_errors_variant = 0;
  /// Fields the records give that only the variant declares (`cadre.leave_days`):
  /// the base ignores them, and the report says so.
  std::vector<std::string> ignored_by_base;
  std::vector<DecisionTally> decisions;  ///< every decision with results, in variant order
  std::vector<ResultChange> changes;     ///< record order, then decision order
  std::vector<MoneyLine>
      money;  ///< per pay decision: total and components, all groups then each group
  int results_compared = 0, results_changed = 0;
  int records_affected = 0;  ///< records with at least one changed result
};

struct VariantImpact {
  RuleSetName base, variant;
  bool variant_extends_base = false;  ///< the variant names the base in `extends`
  std::vector<ItemChange>
      items;  ///< by kind (ItemKind order), then the variant's order, then removed
  StaticImpact reach;
  std::optional<PopulationImpact> population;  ///< with RECORDS
};

}  // namespace cadre::diff
