// Decisions as JSON, in the contract of shared/DESIGN.md ("Contracts other
// tools rely on"): one object per record with the rule set's name, version and
// digest, the evaluation date, every decision (kind, outcome, value, reasons,
// missing, undetermined, flags) and the record's errors.
#pragma once

#include "cadre/export.hpp"

#include <string>
#include <vector>

#include "cadre/decision.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::render {

/// Why a record could not be evaluated: where in which file, which field.
struct RecordError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;
  std::string message;
};

struct RecordOutput {
  std::string record;  ///< the record's id (or its position)
  std::string kind;    ///< the record kind, when known
  std::vector<DecisionResult> decisions;
  std::vector<RecordError> errors;
};

/// One line of JSON (no trailing newline); keys in a fixed order, so the same
/// input gives byte-identical output.
CADRE_API std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                                    const std::string& as_of);

}  // namespace cadre::render
