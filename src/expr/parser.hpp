// Parser: expression text → Expr tree plus diagnostics.
//
// A Pratt parser with CEL's grammar and precedence. It never throws for a
// mistake in the text: every problem becomes a diagnostic with the line and
// column inside the expression, and the parser recovers where it can so that
// several errors are reported at once.
#pragma once

#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "expr/ast.hpp"

namespace cadre::expr {

struct ParseOptions {
  /// Longest accepted expression text, in bytes.
  int max_length = 100'000;
  /// Deepest accepted nesting of the tree (parentheses, calls, lists, operators).
  int max_depth = 128;
  /// Diagnostics after which the parser stops.
  int max_errors = 20;
};

struct ParseResult {
  /// The tree; null only when nothing could be parsed. When diagnostics has
  /// errors the tree may contain ExprKind::error nodes and must not be compiled.
  ExprPtr root;
  std::vector<Diagnostic> diagnostics;
  /// One more than the largest node id used.
  std::int32_t next_id = 1;
};

ParseResult parse(std::string_view source, const ParseOptions& options = {});

}  // namespace cadre::expr
