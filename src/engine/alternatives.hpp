// Possible values of what is unknown (issue capability 8): where a result is
// undetermined only by unknowns with a small closed domain — a bool or
// enumeration fact, an unset switch, a parameter the text leaves to one of a
// few values, a group count known within bounds — the decision is taken again
// at each combination of their values. If every combination gives the same
// result, that is the result (the unknown does not matter); if they differ,
// the result stays undetermined with its reasons and lists the values it
// could take (S-28: 94.5 or 96.3). Never a guess: a combination that is still
// undetermined leaves the result as it was.
#pragma once

#include <functional>

#include "compile/compiled_ruleset.hpp"
#include "engine/decisions.hpp"
#include "engine/record_run.hpp"

namespace cadre::engine {

/// Decides `decision` with `facts` changed (upstream steps replayed).
using DecideAt = std::function<Decided(Activation& facts)>;

/// Tries the possible values of the unknowns behind an undetermined
/// `decided`; settles it or lists its possible values.
void decide_alternatives(const CompiledRuleSetImpl& rules, const CompiledDecision& decision,
                         const Activation& facts, const PossibleValues& possible,
                         const DecideAt& decide_at, bool explain, Decided& decided);

}  // namespace cadre::engine
