// Deciding amounts: pay and assessments (decisions.cpp dispatches by kind).
#pragma once

#include "compile/compiled_ruleset.hpp"
#include "engine/decisions.hpp"

namespace cadre::engine {

/// Pay: the sum of its components (or its decision table), exact.
void pay(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
         Decided& out);

/// An assessment: its formula or decision table, rounded.
void assessment(const CompiledDecision& decision, const Activation& facts, Decided& out);

}  // namespace cadre::engine
