// Comparing one decision's result with what a test expects of it: the
// differences as messages (one per difference, as `cadre-policy test`
// prints them) and the expectation beside the result as rows, for the
// aspects the expectation names.
#pragma once

#include <string>
#include <vector>

#include "cadre/decision.hpp"
#include "engine/result_comparison.hpp"
#include "model/ruleset.hpp"

namespace cadre::engine {

struct ExpectationCheck {
  std::vector<std::string> differences;  ///< empty when the result is as expected
  std::vector<ComparisonRow> rows;       ///< expected | actual, the aspects it names
};

ExpectationCheck check_expectation(const model::ExpectedDecision& expected,
                                   const DecisionResult& actual);

}  // namespace cadre::engine
