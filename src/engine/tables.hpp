// Decision tables: each rule's cells test the inputs; the hit policy picks the
// output (unique: the one matching rule; first: the first in order; priority:
// the highest priority; collect_sum: the sum of all matches). A cell over an
// unknown input may or may not match, which leaves the result undetermined
// when that rule could decide it.
#pragma once

#include "cadre/expression.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::engine {

/// The table's output for the facts; unknown (with the inputs' missing facts)
/// or an error when it cannot be decided. `fired`, when given, receives the
/// rules that gave the output (their flags qualify the result).
Value evaluate_table(const CompiledTable& table, const Activation& facts,
                     std::vector<const CompiledTableRule*>* fired = nullptr);

}  // namespace cadre::engine
