// Collecting why a decision is undetermined: unknown values carry attribute
// paths (missing facts) or reason codes (`unspecified_parameter:…`,
// `unenumerated_list:…`, `ambiguous_reading:…`), which end up in a decision's
// `missing` and `undetermined` lists, sorted and without repeats.
#pragma once

#include <string>
#include <vector>

#include "cadre/decision.hpp"

namespace cadre::engine {

/// Reason codes that are not missing facts keep their prefix; anything else
/// is the path of a missing fact.
bool is_reason_code(const std::string& attribute);

/// Adds the unknowns of `value` to the decision's missing/undetermined lists.
void add_unknowns(const Value& value, DecisionResult& result);
void add_unknowns(const Value& value, std::vector<std::string>& missing);

/// Adds why `value` is not what `what` should give (`expected`, "a bool"):
/// its unknowns, its error, or that it is of another kind.
void add_reasons(const Value& value, DecisionResult& result, const std::string& what,
                 const std::string& expected);

/// The reason `applies`, unknown: what it could not read, or its error.
Reason applies_unknown_reason(const Value& applies, const std::string& expression);

/// Records that `applies` (written as `expression`) could not be read: its
/// unknowns as the result's, and a reason `applies`, unknown, so that a
/// reader (and test coverage) sees the decision stopped there.
void add_applies_unknown(const Value& applies, const std::string& expression,
                         DecisionResult& result);

/// Sorts and removes repeats in the decision's lists.
void tidy(DecisionResult& result);

}  // namespace cadre::engine
