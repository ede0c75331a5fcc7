// Deciding one decision for one record, by its kind: eligibility (conditions
// and disqualifiers), exit and warning triggers (with the warning lifecycle),
// pay (components, rounding, exact total), assessment (formula or decision
// table). Cohort allocations need a population and are undetermined here.
#pragma once

#include "cadre/decision.hpp"
#include "cadre/expression.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::engine {

/// The decision and the value later rules read under its id (true/false for
/// eligibility and triggers, the status of a warning, the amount of pay, or
/// unknown with the reasons when undetermined).
struct Decided {
  DecisionResult result;
  Value value;
};

Decided decide(const CompiledDecision& decision, const Activation& facts, Date as_of);

}  // namespace cadre::engine
