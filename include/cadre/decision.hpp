// Decisions: what the engine says about one record for one decision id, with
// the reasons a case officer reads and an auditor checks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/export.hpp"
#include "cadre/hint.hpp"
#include "cadre/value.hpp"

namespace cadre {

enum class Outcome : std::uint8_t {
  eligible,
  ineligible,
  triggered,
  clear,
  computed,
  not_applicable,
  undetermined,
  /// A requirement counted over a period that has not ended and is not yet
  /// met: it may still be (flag `through:<last day>`).
  pending,
};

/// "eligible", "ineligible", ... as in the JSON output.
CADRE_API const char* outcome_name(Outcome outcome);

enum class ReasonStatus : std::uint8_t { passed, failed, unknown };

CADRE_API const char* reason_status_name(ReasonStatus status);

/// One condition (or group of conditions) as evaluated.
struct Reason {
  std::string id;
  ReasonStatus status = ReasonStatus::unknown;
  std::string cite;        ///< provision id
  std::string expression;  ///< the condition as written
  std::string message_zh;  ///< rendered template
  std::string message_en;
  std::vector<std::string> missing;  ///< facts it could not read
  std::string error;                 ///< an evaluation error (division by zero, …)
  bool soft = false;
  /// The facts and parameters the condition read, by path, in reading order
  /// (empty when explanations are off).
  std::vector<std::pair<std::string, Value>> facts;
  std::optional<Hint> hint;      ///< what would make a failed condition pass
  std::vector<Reason> children;  ///< for all/any groups
};

/// One component of a pay decision: its formula, the parameters in force that
/// it read, the rounding applied and the amount.
struct PayLine {
  std::string id;
  std::string formula;
  std::string cite;
  Value amount;  ///< exact decimal, or unknown
  int places = 2;
  std::string rounding;  ///< half_up, floor, ceiling; empty when not rounded
  /// The parameters in force it read; a table read at one key as that
  /// entry, named by the read (`hy.perf_multiplier[hy.final_grade[2018]]`).
  std::vector<std::pair<std::string, Value>> parameters;
  /// The facts, derived values and decisions it read, the same way.
  std::vector<std::pair<std::string, Value>> facts;
};

/// Where a record stands in its cohort (a quota or tiers over a group).
struct CohortPlace {
  std::string group;  ///< the group's key (a town id); empty when unknown
  int size = 0;       ///< records in the group
  int candidates = 0;
  int rank = 0;                        ///< shared by ties; 0 when not ranked
  int quota = -1;                      ///< -1 when unknown or not a quota
  std::string quota_rule;              ///< "floor(0.2 × 23) = 4"
  int tier = 0;                        ///< tiers: 1-based; 0 when none
  std::vector<std::string> tied_with;  ///< record ids sharing the rank
  std::vector<std::string> tie_break;  ///< keys that broke a tie on rank
  int rank_needed = 0;                 ///< a rank that would have passed
  std::string message_zh, message_en;
};

struct DecisionResult {
  /// The decision's id; for a decision made per key, `id[key]` (`hp.rotation_training_met[2022]`).
  std::string id;
  Value key;         ///< the key of a decision made per key; null otherwise
  std::string kind;  ///< eligibility, warning, exit, pay, assessment, allocation
  Outcome outcome = Outcome::undetermined;
  Value value;  ///< null when undetermined
  /// A number known only within bounds (a parameter the text gives as a
  /// range): the value at the low and at the high bound; flag `range`.
  std::optional<std::pair<Value, Value>> range;
  /// The values an undetermined result could take, each decided at one
  /// possible value of what is unknown (S-28: 94.5 or 96.3); sorted.
  std::vector<Value> possible;
  /// The exact value, as a fraction, when only its rounding is unknown (9/2).
  std::string exact;
  /// The actions an exit decision takes (dismissal, ordered_resignation, …).
  std::vector<std::string> actions;
  std::string cite;
  std::string message_zh;  ///< the decision's own message, rendered (when it has one)
  std::string message_en;
  std::vector<Reason> reasons;
  std::vector<std::string> missing;       ///< attribute paths of missing facts
  std::vector<std::string> undetermined;  ///< reason codes: missing_fact:…, unspecified_parameter:…
  std::vector<std::string> flags;         ///< soft, discretionary, derived, range
  std::vector<PayLine> components;        ///< pay: the breakdown
  std::optional<CohortPlace> cohort;      ///< allocations over a population
};

}  // namespace cadre
