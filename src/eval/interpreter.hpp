// Evaluates a compiled program against an activation.
//
// Three-valued and error-aware: `&&`, `||`, `all` and `exists` are commutative
// (a false operand decides `&&` whatever the others are, errors included);
// strict functions return the union of their arguments' unknowns, else the
// first error. Comprehension iterations count against ExpressionLimits.
#pragma once

#include "cadre/expression.hpp"
#include "eval/program.hpp"

namespace cadre::eval {

/// `facts` may be null (constant folding): variables are then unknown.
Value evaluate(const ProgramImpl& program, std::uint32_t node, const Activation* facts);

}  // namespace cadre::eval
