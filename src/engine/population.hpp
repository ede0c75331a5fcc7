// Evaluating records together, as one population (see Engine::evaluate_population).
#pragma once

#include <functional>
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

/// Decides `population` together; results come back for the records
/// `wanted` marks, in population order. The others are there for their
/// groups (stand-ins for unreadable records; in a file decided in parts, the
/// records of the part's groups decided elsewhere): they are decided without
/// explanations and only through the steps the barriers read (cohort
/// allocations, group values), which is all the others read of them.
std::vector<RecordDecisions> evaluate_wanted(const CompiledRuleSetImpl& impl,
                                             const std::vector<RecordValue>& population,
                                             const std::vector<bool>& wanted, Date as_of,
                                             EvaluationOptions options);

/// As above, each wanted record's results handed to `take` (with its index
/// in `population`) as soon as they are complete, in population order, so
/// that the caller can render and drop them one at a time.
void evaluate_wanted(const CompiledRuleSetImpl& impl, const std::vector<RecordValue>& population,
                     const std::vector<bool>& wanted, Date as_of, EvaluationOptions options,
                     const std::function<void(std::size_t, RecordDecisions&&)>& take);

/// Adds the flag `outside_validity` to every result when `as_of` is outside
/// the rule set's `valid` dates: the rules were not in force then.
void flag_validity(const CompiledRuleSetImpl& impl, Date as_of,
                   std::vector<DecisionResult>& results);

}  // namespace cadre::engine
