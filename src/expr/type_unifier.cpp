// Type-parameter binding for overload resolution.
#include "expr/type_unifier.hpp"
#include "core/access.hpp"

namespace cadre::expr {

bool types_compatible(const Type& a, const Type& b) {
  if (a.is_dyn() || b.is_dyn()) return true;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case TypeKind::list:
      return types_compatible(a.element(), b.element());
    case TypeKind::map:
      return types_compatible(a.key(), b.key()) && types_compatible(a.value(), b.value());
    case TypeKind::record:
      return a.record_type() == b.record_type();
    default:
      return true;
  }
}

Type* TypeUnifier::binding(const std::string& name) {
  for (auto& [bound_name, type] : bindings_) {
    if (bound_name == name) return &type;
  }
  return nullptr;
}

bool TypeUnifier::unify(const Type& parameter, const Type& actual) {
  if (const std::string* name = internal::Access::type_param_name(parameter)) {
    Type* bound = binding(*name);
    if (bound == nullptr) {
      bindings_.emplace_back(*name, actual);
      return true;
    }
    if (!types_compatible(*bound, actual)) return false;
    if (actual.is_dyn()) *bound = Type::dyn();
    return true;
  }
  if (parameter.is_dyn() || actual.is_dyn()) return true;
  if (parameter.kind() != actual.kind()) return false;
  switch (parameter.kind()) {
    case TypeKind::list:
      return unify(parameter.element(), actual.element());
    case TypeKind::map:
      return unify(parameter.key(), actual.key()) && unify(parameter.value(), actual.value());
    case TypeKind::record:
      return parameter.record_type() == actual.record_type();
    default:
      return true;
  }
}

Type TypeUnifier::substitute(const Type& type) const {
  if (const std::string* param = internal::Access::type_param_name(type)) {
    for (const auto& [name, bound] : bindings_) {
      if (name == *param) return bound;
    }
    return Type::dyn();
  }
  switch (type.kind()) {
    case TypeKind::list:
      return Type::list(substitute(type.element()));
    case TypeKind::map:
      return Type::map(substitute(type.key()), substitute(type.value()));
    default:
      return type;
  }
}

}  // namespace cadre::expr
