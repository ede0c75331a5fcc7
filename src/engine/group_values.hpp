// Group values over members (issue capability 1): a town's count of proposed
// 优秀, a village's reserves, a district's total across its units. Decided
// once every record has reached the step, from the members' own facts and
// decisions (allocations included).
//
// Honest about who belongs: a member whose group is unknown may belong to any
// group, and a member whose `where` is unknown may or may not count; either
// makes the value unknown, naming their missing facts with their ids
// (`c7:cadre.village_id`), and a count or sum then lists the values it could
// take (3, 4 or 5), so that a rule reading it is settled where they all agree.
#pragma once

#include <string>
#include <vector>

#include "compile/compiled_ruleset.hpp"
#include "engine/record_run.hpp"

namespace cadre::engine {

/// A record of the members' kind, as the group value sees it.
struct Member {
  const RecordRun* run = nullptr;
  int group = -1;          ///< index of its group; -1: unknown (it may be in any)
  std::string membership;  ///< when the group is unknown: what is missing, `c7:cadre.village_id`
};

/// The value of a group, and the values it could take when it is unknown.
struct GroupValue {
  Value value;
  std::vector<Value> possible;
  std::size_t members = 0;  ///< members of the group, counted or not, and those that may be
};

/// The figure the group's own record carries (`from_record`), reconciled
/// with its members: used when no member is in the population, kept when the
/// members agree (or may), and a conflict of facts when they cannot.
void reconcile(const CompiledDerived& derived, const Value& carried, GroupValue& value);

/// `derived` (an aggregate) for each of `groups` records, from `members`.
std::vector<GroupValue> group_values(const CompiledDerived& derived, std::size_t groups,
                                     const std::vector<Member>& members);

}  // namespace cadre::engine
