// Evaluating records together, as one population (see Engine::evaluate_population).
#pragma once

#include <vector>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::engine {

/// Decides `population` together. Only the first `evaluated` records give
/// results: the rest stand in for records that could not be read, members
/// of their groups whose facts are unknown.
std::vector<RecordDecisions> evaluate_all(const CompiledRuleSetImpl& impl,
                                          const std::vector<RecordValue>& population,
                                          std::size_t evaluated, Date as_of,
                                          EvaluationOptions options);

/// Adds the flag `outside_validity` to every result when `as_of` is outside
/// the rule set's `valid` dates: the rules were not in force then.
void flag_validity(const CompiledRuleSetImpl& impl, Date as_of,
                   std::vector<DecisionResult>& results);

}  // namespace cadre::engine
