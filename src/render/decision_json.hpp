// Decisions as JSON, in the contract of shared/DESIGN.md ("Contracts other
// tools rely on"): one object per record with the rule set's name, version and
// digest, the evaluation date, every decision (kind, outcome, value, reasons,
// missing, undetermined, flags) and the record's errors.
#pragma once

#include <string>
#include <vector>

#include "cadre/decision.hpp"
#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::render {

using cadre::RecordError;
using cadre::RecordOutput;

/// One line of JSON (no trailing newline); keys in a fixed order, so the same
/// input gives byte-identical output.
std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                          const std::string& as_of);

}  // namespace cadre::render
