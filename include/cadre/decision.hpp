// Decisions: what the engine says about one record for one decision id, with
// the reasons a case officer reads and an auditor checks.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cadre/export.hpp"
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
  std::vector<Reason> children;  ///< for all/any groups
};

struct DecisionResult {
  std::string id;
  std::string kind;  ///< eligibility, warning, exit, pay, assessment, allocation
  Outcome outcome = Outcome::undetermined;
  Value value;  ///< null when undetermined
  std::string cite;
  std::vector<Reason> reasons;
  std::vector<std::string> missing;       ///< attribute paths of missing facts
  std::vector<std::string> undetermined;  ///< reason codes: missing_fact:…, unspecified_parameter:…
  std::vector<std::string> flags;         ///< soft, discretionary, derived
};

}  // namespace cadre
