// The library's own way into the sealed public classes. The public headers
// show integrators only what they may rely on; the stages (the compiler, the
// engine, the renderers) also need the compiled forms behind them and the
// slot-level bindings that keep name lookups out of the inner loop. Every
// such reach goes through here, so it is one list, not scattered friends.
#pragma once

#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/decimal.hpp"
#include "cadre/expression.hpp"
#include "cadre/ruleset.hpp"

namespace cadre {

__extension__ using Int128 = __int128;
__extension__ using UInt128 = unsigned __int128;

namespace internal {

struct Access {
  static const CompiledRuleSetImpl& impl(const CompiledRuleSet& rules) { return *rules.impl_; }
  static CompiledRuleSet ruleset(std::shared_ptr<const CompiledRuleSetImpl> impl) {
    CompiledRuleSet rules;
    rules.impl_ = std::move(impl);
    return rules;
  }
  static const ProgramImpl& impl(const Program& program) { return *program.impl_; }
  static Program program(std::shared_ptr<const ProgramImpl> impl) {
    Program program;
    program.impl_ = std::move(impl);
    return program;
  }

  static int slot_of(const Environment& environment, std::string_view name) {
    return environment.slot_of(name);
  }
  static int list_index(const Environment& environment, std::string_view name) {
    return environment.list_index(name);
  }
  static const std::shared_ptr<const std::vector<Environment::Variable>>& declarations(
      const Environment& environment) {
    return environment.variables_;
  }
  static const std::shared_ptr<const int>& lineage(const Environment& environment) {
    return environment.lineage_;
  }
  static const std::shared_ptr<const std::vector<Environment::NamedList>>& lists(
      const Environment& environment) {
    return environment.lists_;
  }

  static void bind_slot(Activation& facts, int slot, Value value) {
    facts.values_.at(slot) = std::move(value);
    facts.bound_.at(slot) = true;
  }
  static const Value* slot(const Activation& facts, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= facts.values_.size() ||
        !facts.bound_[index]) {
      return nullptr;
    }
    return &facts.values_[index];
  }
  static const std::shared_ptr<const int>& lineage(const Activation& facts) {
    return facts.lineage_;
  }
  static std::size_t size(const Activation& facts) { return facts.values_.size(); }

  /// A placeholder in a builtin's signature (A, K, V), and its name when a
  /// type is one (else null).
  static Type type_param(std::string name);
  static const std::string* type_param_name(const Type& type);

  /// A Decimal's 128-bit coefficient, and a Decimal made of one without
  /// range checks (core/decimal_parts.hpp has the checked forms).
  static Int128 coefficient(const Decimal& value) {
    return static_cast<Int128>((static_cast<UInt128>(value.high_) << 64) | value.low_);
  }
  static Decimal decimal(Int128 coefficient, int scale) {
    Decimal result;
    result.low_ = static_cast<std::uint64_t>(coefficient);
    result.high_ = static_cast<std::int64_t>(coefficient >> 64);
    result.scale_ = static_cast<std::int8_t>(scale);
    return result;
  }
};

/// The compiled rule set behind the public handle.
inline const CompiledRuleSetImpl& impl_of(const CompiledRuleSet& rules) {
  return Access::impl(rules);
}
/// The compiled nodes behind a program.
inline const ProgramImpl& impl_of(const Program& program) {
  return Access::impl(program);
}
/// The slot of a declared variable in an Activation, or -1.
inline int slot_of(const Environment& environment, std::string_view name) {
  return Access::slot_of(environment, name);
}
/// Binds by slot (the engine's facts, resolved once at compile time).
inline void bind_slot(Activation& facts, int slot, Value value) {
  Access::bind_slot(facts, slot, std::move(value));
}
/// The value bound at a slot, or null.
inline const Value* bound_slot(const Activation& facts, int slot) {
  return Access::slot(facts, slot);
}

}  // namespace internal
}  // namespace cadre
