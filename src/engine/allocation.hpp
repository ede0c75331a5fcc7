// Cohort allocations over a population: the records of the
// decision's subject kind are grouped (`group_by`), the candidates ranked
// (`rank_by`, then `tie_break`), and a quota of the group's size (with the
// rounding the rule states) or tiers by share given out by rank.
//
// Honest about what it cannot know: a candidate whose rank or candidacy is
// unknown could stand anywhere, so a record's place is settled only when it
// holds in the best and in the worst case; a tie that straddles the cap is
// `tie_at_cap`. Every result carries its explanation: rank 4 of 15 in the
// town, quota 3 = floor(0.2 × 15), tie broken by the id.
#pragma once

#include <vector>

#include "compile/compiled_ruleset.hpp"
#include "engine/decisions.hpp"
#include "engine/record_run.hpp"

namespace cadre::engine {

/// Decides `decision` (an allocation) for `members`, the records of its
/// subject kind; one result per member, in order.
std::vector<Decided> allocate(const CompiledDecision& decision,
                              const std::vector<const RecordRun*>& members, bool explain);

}  // namespace cadre::engine
