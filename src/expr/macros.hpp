// Macros: CEL's has() and its comprehension macros, expanded while parsing.
//
// has(a.b) becomes the select a.b marked test_only; range.all(x, p) and
// friends (all, exists, exists_one, filter, map) become a comprehension node
// over `range` with the iteration variable `x`. A call that matches no macro
// by name and argument count stays an ordinary call.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "expr/ast.hpp"
#include "expr/parse_context.hpp"

namespace cadre::expr {

/// A call's arguments as the parser read them.
struct CallArguments {
  std::vector<ExprPtr> values;
  std::vector<int> starts;  ///< offset of each argument's first token
};

/// Whether the global call `name(...)` with `arity` arguments is has().
bool is_has_macro(std::string_view name, std::size_t arity);

/// has(a.b): the argument, a select, marked test_only. Any other argument is
/// reported and gives an error node at `name`; an error node, whose mistake is
/// already reported, is handed back as it is.
ExprPtr expand_has(ParseContext& context, const Name& name, CallArguments arguments);

/// The macro the method call `range.name(...)` with `arity` arguments (the
/// iteration variable included) expands to; other counts make an ordinary
/// method call.
std::optional<MacroKind> receiver_macro(std::string_view name, std::size_t arity);

/// range.name(x, ...) as a comprehension of kind `macro` at `name`; an
/// iteration variable that is not an identifier gives an error node.
ExprPtr expand_receiver_macro(ParseContext& context, MacroKind macro, const Name& name,
                              ExprPtr range, CallArguments arguments);

}  // namespace cadre::expr
