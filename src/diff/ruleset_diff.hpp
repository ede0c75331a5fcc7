// The rule-set difference: every item (validity, enumeration, record kind,
// parameter, switch, list, derived value, decision) that one rule set has and
// the other has not, or has otherwise, part by part (diff/canonical.hpp).
#pragma once

#include <vector>

#include "diff/variant_impact.hpp"
#include "model/ruleset.hpp"

namespace cadre::diff {

/// By kind (ItemKind order), then in the variant's order, then the items
/// only the base has, in its order.
std::vector<ItemChange> diff_items(const model::RuleSet& base, const model::RuleSet& variant);

}  // namespace cadre::diff
