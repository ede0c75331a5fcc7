// Counterfactual hints for failed conditions: the first date a condition would
// hold (re-evaluated on the facts as they would stand then), how far a number
// misses its bound, or which enumeration values would pass. One hint at most,
// in that order of preference.
#pragma once

#include <functional>
#include <optional>

#include "cadre/date.hpp"
#include "cadre/expression.hpp"
#include "cadre/hint.hpp"

namespace cadre::engine {

/// The facts as they would stand on another evaluation date (the same
/// record, derived values recomputed); returns false when it cannot.
/// `out` is an activation of the same environment holding the facts at
/// `as_of` or those of an earlier step of the search: fill it whole.
using FactsOn = std::function<bool(Date date, Activation& out)>;

/// A hint for a condition that evaluated to false, or nullopt when none applies
/// (the condition passed or is undecided, or no rule fits). `facts_on` may be
/// empty: no date hint is then looked for. A date hint assumes the condition,
/// once true, stays true (ages and tenures only grow); it is searched for up to
/// 100 years after `as_of`.
std::optional<Hint> hint_for(const Program& condition, const Activation& facts, Date as_of,
                             const FactsOn& facts_on);

}  // namespace cadre::engine
