// Matching argument types against builtin signatures with type parameters
// (A, K, V). dyn matches anything; a parameter bound twice must agree.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cadre/type.hpp"

namespace cadre::expr {

class TypeUnifier {
 public:
  /// True when `actual` fits `parameter`, binding type parameters on the way.
  bool unify(const Type& parameter, const Type& actual);
  /// `type` with bound parameters replaced (unbound ones become dyn).
  Type substitute(const Type& type) const;

 private:
  Type* binding(const std::string& name);
  std::vector<std::pair<std::string, Type>> bindings_;
};

/// True when values of the two types may be equal: same type, or dyn on
/// either side, recursively for lists and maps.
bool types_compatible(const Type& a, const Type& b);

}  // namespace cadre::expr
