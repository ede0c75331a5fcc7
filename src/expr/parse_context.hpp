// What the parts of the parser share: the token cursor, the diagnostics and
// the rules for reporting them, new nodes (ids and tree depth), and skipping
// ahead to recover from a mistake. The grammar (parser.cpp) and the macro
// expansions (macros.cpp) both work through it.
//
// Invariants (the recovery in parser.cpp rests on them): at most one
// diagnostic is reported per source offset; once stopped (a limit, or
// max_errors diagnostics) the cursor sees only the end of the input and
// nothing more is reported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "diagnostics/codes.hpp"
#include "expr/ast.hpp"
#include "expr/lexer.hpp"
#include "expr/parser.hpp"
#include "expr/source_map.hpp"
#include "expr/token.hpp"

namespace cadre::expr {

/// A name token, kept small: parse functions that recurse hold one.
struct Name {
  int offset;
  std::string_view text;
  bool reserved;
};

/// How a message names the token it found: quoted source text, cut short.
std::string describe(const Token& token);

class ParseContext {
 public:
  static constexpr const char* kSyntax = code::expr_syntax;
  static constexpr const char* kLimit = code::expr_limit;

  ParseContext(std::string_view source, const ParseOptions& options);

  const ParseOptions& options() const { return options_; }
  /// The result of the parse: `root` with the diagnostics reported and the next node id.
  ParseResult finish(ExprPtr root);

  // Tokens.
  const Token& peek() const { return stopped_ ? end_ : current_; }
  const Token& peek_next() const { return stopped_ ? end_ : next_; }
  bool at(TokenKind kind) const { return peek().kind == kind; }
  Token take();
  /// Consumes the current token and returns its offset.
  int advance();
  Name take_name();
  bool take_if(TokenKind kind);

  // Diagnostics.
  /// True once the parser has stopped: see the file comment.
  bool stopped() const { return stopped_; }
  void report(int offset, const char* code, std::string message, std::string help = {});
  /// Reports a mistake about the token found; when that token is itself a
  /// lexical mistake, that mistake is the one worth reporting.
  void report_found(const Token& found, std::string message);
  void report_lex_error(const Token& token);
  void report_limit(int offset);
  void report_unclosed(int open, TokenKind close, std::string_view what);
  /// "expected `)` to close `(` opened at 1:4, found end of input".
  std::string unclosed_message(int open, TokenKind close) const;
  /// "1:4": the line and column of a byte offset, for messages.
  std::string position(int offset) const;

  // Nodes.
  ExprPtr make(ExprKind kind, int offset);
  void add_arg(Expr& parent, ExprPtr child);
  void set_target(Expr& parent, ExprPtr child);
  ExprPtr make_call(int offset, std::string name, ExprPtr first, ExprPtr second);

  // Recovery.
  /// Skips to a closing bracket of the enclosing construct (and to `,` or `:`
  /// when asked), stepping over balanced bracket pairs on the way.
  void skip_until(bool stop_at_comma, bool stop_at_colon);
  /// The closer of a bracket that holds one expression (`( )`, `[ ]` of an index).
  void expect_closer(int open, TokenKind close);

 private:
  void note_depth(Expr& parent, const Expr& child);

  const ParseOptions& options_;
  SourceMap map_;
  Lexer lexer_;
  Token current_;
  Token next_;
  Token end_;
  bool stopped_ = false;
  int last_error_offset_ = -1;
  std::int32_t next_id_ = 1;
  std::vector<int> depths_ = {0};  ///< tree depth of each node, by id
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace cadre::expr
