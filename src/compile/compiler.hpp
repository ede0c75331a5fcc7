// Compiler: checked expression tree → ProgramImpl (flat nodes, resolved
// slots, folded constants).
#pragma once

#include <memory>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/expression.hpp"
#include "eval/program.hpp"
#include "expr/ast.hpp"
#include "expr/checker.hpp"

namespace cadre {

/// Fills `program` (whose source, source_map, limits and declared count are set)
/// from the tree. `checked` is null when type checking is disabled: fields are
/// then looked up by name at run time and unknown names become error values.
/// Problems found while compiling (a literal that is not a decimal) are added
/// to `diagnostics`.
void compile_tree(const expr::Expr& root, const expr::CheckResult* checked,
                  const Environment& environment, ProgramImpl& program,
                  std::vector<Diagnostic>& diagnostics);

}  // namespace cadre
