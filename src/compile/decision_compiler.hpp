// Compiling one derived value or decision (all its expressions).
#pragma once

#include "compile/compile_context.hpp"

namespace cadre {

CompiledDerived compile_derived(CompileContext& context, const model::Derived& model);
CompiledDecision compile_decision(CompileContext& context, const model::Decision& model);

}  // namespace cadre
