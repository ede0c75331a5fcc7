// Qualified names: `hy.warning_period` parses as a field selection on `hy`,
// but when an environment declares a variable with the dotted name, the chain
// denotes that variable (as CEL resolves qualified identifiers). Rule sets
// declare every parameter, derived value and decision this way.
#pragma once

#include <optional>
#include <string>

#include "expr/ast.hpp"

namespace cadre::expr {

/// "a.b.c" for a chain of field selections (not has()) over an identifier,
/// else nullopt. `root` receives the identifier.
inline std::optional<std::string> qualified_name(const Expr& e, const Expr** root = nullptr) {
  if (e.kind == ExprKind::ident) {
    if (root != nullptr) *root = &e;
    return e.name;
  }
  if (e.kind != ExprKind::select || e.test_only || !e.target) return std::nullopt;
  auto prefix = qualified_name(*e.target, root);
  if (!prefix) return std::nullopt;
  return *prefix + "." + e.name;
}

}  // namespace cadre::expr
