// The static impact of a variant: for every decision, whether its results
// can change, found from what it reads (its expressions, and through them
// the derived values and decisions it reads, transitively), with the chains
// that lead to what differs; a decision none of whose reads differs provably
// cannot change. Reads are the names in its expressions (parameters,
// `switches.<id>`, record fields, other rules), the lists named in
// `listed(…, '<id>')` / `unenumerated('<id>')`, a warning's exit and a
// truncated text's switch. Message templates are words only: a change they
// read changes explanations, not results.
#pragma once

#include <vector>

#include "diff/variant_impact.hpp"
#include "model/ruleset.hpp"

namespace cadre::diff {

StaticImpact static_reach(const model::RuleSet& base, const model::RuleSet& variant,
                          const std::vector<ItemChange>& items);

}  // namespace cadre::diff
