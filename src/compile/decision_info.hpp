// What a person reads about each decision whatever the record (title,
// citation, quoted source sentence, document), gathered once at compile time
// so that renderers need not reach into the model.
#pragma once

#include <vector>

#include "cadre/ruleset.hpp"
#include "model/origin.hpp"
#include "model/ruleset.hpp"

namespace cadre {

/// One DecisionInfo per decision, in the rule set's order.
std::vector<DecisionInfo> describe_decisions(const model::RuleSet& rules,
                                             const model::Origins& origins);

}  // namespace cadre
