// Macro expansion: the table of receiver-style macros, has() and comprehensions.
#include "expr/macros.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace cadre::expr {
namespace {

struct MacroRule {
  std::string_view name;
  std::size_t arity;
  MacroKind kind;
};

/// Receiver-style macros, by name and argument count (the iteration variable
/// included); other counts make an ordinary method call.
constexpr std::array<MacroRule, 6> kReceiverMacros = {{
    {"all", 2, MacroKind::all},
    {"exists", 2, MacroKind::exists},
    {"exists_one", 2, MacroKind::exists_one},
    {"filter", 2, MacroKind::filter},
    {"map", 2, MacroKind::map},
    {"map", 3, MacroKind::map_filter},
}};

}  // namespace

bool is_has_macro(std::string_view name, std::size_t arity) {
  return name == "has" && arity == 1;
}

ExprPtr expand_has(ParseContext& context, const Name& name, CallArguments arguments) {
  ExprPtr& argument = arguments.values.front();
  if (argument->kind == ExprKind::error) return std::move(argument);
  if (argument->kind != ExprKind::select || argument->test_only) {
    context.report(arguments.starts.front(), ParseContext::kSyntax,
                   "invalid argument to has() macro",
                   "has() takes a field selection such as `has(a.b)`");
    return context.make(ExprKind::error, name.offset);
  }
  argument->test_only = true;
  return std::move(argument);
}

std::optional<MacroKind> receiver_macro(std::string_view name, std::size_t arity) {
  const auto* rule =
      std::find_if(kReceiverMacros.begin(), kReceiverMacros.end(),
                   [&](const MacroRule& r) { return r.name == name && r.arity == arity; });
  if (rule == kReceiverMacros.end()) return std::nullopt;
  return rule->kind;
}

ExprPtr expand_receiver_macro(ParseContext& context, MacroKind macro, const Name& name,
                              ExprPtr range, CallArguments arguments) {
  const Expr& variable = *arguments.values.front();
  if (variable.kind != ExprKind::ident) {
    if (variable.kind != ExprKind::error) {
      context.report(
          arguments.starts.front(), ParseContext::kSyntax,
          "expected an identifier as the iteration variable of `" + std::string(name.text) + "()`");
    }
    return context.make(ExprKind::error, name.offset);
  }
  ExprPtr comprehension = context.make(ExprKind::comprehension, name.offset);
  comprehension->macro = macro;
  comprehension->name = variable.name;
  context.set_target(*comprehension, std::move(range));
  for (std::size_t i = 1; i < arguments.values.size(); ++i) {
    context.add_arg(*comprehension, std::move(arguments.values[i]));
  }
  return comprehension;
}

}  // namespace cadre::expr
