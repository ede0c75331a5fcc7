// Decisions as JSON, in the contract of shared/DESIGN.md ("Contracts other
// tools rely on"): one object per record with the rule set's name, version and
// digest, the evaluation date, every decision (kind, outcome, value, reasons,
// missing, undetermined, flags) and the record's errors.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "cadre/decision.hpp"
#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::render {

using cadre::RecordError;
using cadre::RecordOutput;

/// A value as the JSON carries it: exact decimals and dates as strings,
/// unknown and errors as null.
boost::json::value value_json(const Value& value);

/// One result as the object `eval` writes under "decisions". With `rules`,
/// the parts the rule set brings too (title, quote, source, why an open value
/// is open); without (null), only what the result itself carries.
boost::json::object decision_object(const DecisionResult& decision, const CompiledRuleSet* rules);

/// One line of JSON (no trailing newline); keys in a fixed order, so the same
/// input gives byte-identical output.
std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                          const std::string& as_of);

}  // namespace cadre::render
