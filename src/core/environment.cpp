// The declarations an expression may use (Environment) and the facts one
// evaluation reads (Activation): the low-level types every stage shares.
#include <memory>
#include <string>
#include <vector>

#include "cadre/expression.hpp"
#include "core/access.hpp"
#include "core/binding.hpp"

namespace cadre {

Environment::Environment()
    : variables_(
          std::make_shared<std::vector<Variable>>(std::vector<Variable>{{"as_of", Type::date()}})),
      lineage_(std::make_shared<const int>(0)),
      lists_(std::make_shared<const std::vector<NamedList>>()) {}

void Environment::declare_list(std::string_view name, std::vector<std::string> items,
                               bool complete) {
  auto copy = std::make_shared<std::vector<NamedList>>(*lists_);
  NamedList list{std::string(name), std::move(items), complete};
  int index = list_index(name);
  if (index >= 0) {
    (*copy)[index] = std::move(list);
  } else {
    copy->push_back(std::move(list));
  }
  lists_ = std::move(copy);
}

int Environment::list_index(std::string_view name) const {
  for (std::size_t i = 0; i < lists_->size(); ++i) {
    if ((*lists_)[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void Environment::declare(std::string_view name, Type type) {
  // Programs, activations and copies made before keep the declarations they
  // saw: the list is copied when one of them shares it, else changed in
  // place (a rule set declares thousands of names; copying each time was
  // quadratic). Every list was made non-const by make_shared below.
  if (variables_.use_count() > 1) variables_ = std::make_shared<std::vector<Variable>>(*variables_);
  auto& variables = const_cast<std::vector<Variable>&>(*variables_);
  const int slot = slot_of(name);
  if (slot >= 0) {
    variables[static_cast<std::size_t>(slot)].type = std::move(type);
  } else {
    variables.push_back(Variable{std::string(name), std::move(type)});
  }
}

const Environment::Variable* Environment::find(std::string_view name) const {
  int slot = slot_of(name);
  return slot >= 0 ? &(*variables_)[slot] : nullptr;
}

int Environment::slot_of(std::string_view name) const {
  for (std::size_t i = 0; i < variables_->size(); ++i) {
    if ((*variables_)[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<Environment::Variable>& Environment::variables() const {
  return *variables_;
}

Activation::Activation(const Environment& environment)
    : declarations_(internal::Access::declarations(environment)),
      lineage_(internal::Access::lineage(environment)),
      values_(declarations_->size()),
      bound_(declarations_->size()) {}

std::string Activation::bind(std::string_view name, Value value) {
  for (std::size_t i = 0; i < declarations_->size(); ++i) {
    const auto& variable = (*declarations_)[i];
    if (variable.name != name) continue;
    Value fitted = fit_to_type(value, variable.type, variable.name);
    if (fitted.is_error() && !value.is_error()) return fitted.as_error().message;
    internal::Access::bind_slot(*this, static_cast<int>(i), std::move(fitted));
    return {};
  }
  return "`" + std::string(name) + "` is not a declared variable";
}

void Activation::unbind(std::string_view name) {
  for (std::size_t i = 0; i < declarations_->size(); ++i) {
    if ((*declarations_)[i].name == name) {
      values_[i] = Value();
      bound_[i] = false;
    }
  }
}

const Value* Activation::bound(std::string_view name) const {
  for (std::size_t i = 0; i < declarations_->size(); ++i) {
    if ((*declarations_)[i].name == name) return internal::Access::slot(*this, static_cast<int>(i));
  }
  return nullptr;
}

}  // namespace cadre
