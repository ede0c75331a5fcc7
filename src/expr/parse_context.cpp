// The parser's shared machinery: token cursor, diagnostics, nodes, recovery.
#include "expr/parse_context.hpp"

#include <algorithm>
#include <utility>

namespace cadre::expr {
namespace {

bool is_opener(TokenKind kind) {
  return kind == TokenKind::lparen || kind == TokenKind::lbracket || kind == TokenKind::lbrace;
}

bool is_closer(TokenKind kind) {
  return kind == TokenKind::rparen || kind == TokenKind::rbracket || kind == TokenKind::rbrace;
}

/// "`)`" for a closer, or with `opener` "`(`" for the bracket it closes.
const char* spelling(TokenKind closer, bool opener = false) {
  switch (closer) {
    case TokenKind::rparen:
      return opener ? "`(`" : "`)`";
    case TokenKind::rbracket:
      return opener ? "`[`" : "`]`";
    default:
      return opener ? "`{`" : "`}`";
  }
}

}  // namespace

std::string describe(const Token& token) {
  constexpr std::size_t kLongest = 32;
  if (token.kind == TokenKind::end) return "end of input";
  if (token.kind == TokenKind::string_literal) return "string literal";
  const bool cut = token.text.size() > kLongest;
  return "`" + std::string(token.text.substr(0, kLongest)) + (cut ? "...`" : "`");
}

ParseContext::ParseContext(std::string_view source, const ParseOptions& options)
    : options_(options), map_(source), lexer_(source) {
  end_.offset = static_cast<int>(source.size());
  current_ = lexer_.next();
  next_ = lexer_.next();
}

ParseResult ParseContext::finish(ExprPtr root) {
  ParseResult result;
  result.root = std::move(root);
  result.diagnostics = std::move(diagnostics_);
  result.next_id = next_id_;
  return result;
}

Token ParseContext::take() {
  if (stopped_) return end_;
  Token token = std::move(current_);
  current_ = std::move(next_);
  next_ = lexer_.next();
  return token;
}

int ParseContext::advance() {
  const int offset = peek().offset;
  if (!stopped_) {
    current_ = std::move(next_);
    next_ = lexer_.next();
  }
  return offset;
}

Name ParseContext::take_name() {
  const Name name{peek().offset, peek().text, peek().reserved};
  advance();
  return name;
}

bool ParseContext::take_if(TokenKind kind) {
  if (!at(kind)) return false;
  advance();
  return true;
}

void ParseContext::report(int offset, const char* code, std::string message, std::string help) {
  if (stopped_ || offset == last_error_offset_) return;
  last_error_offset_ = offset;
  Diagnostic diagnostic;
  diagnostic.code = code;
  diagnostic.location = map_.locate(offset);
  diagnostic.message = std::move(message);
  diagnostic.help = std::move(help);
  diagnostics_.push_back(std::move(diagnostic));
  if (static_cast<int>(diagnostics_.size()) >= options_.max_errors) stopped_ = true;
}

void ParseContext::report_found(const Token& found, std::string message) {
  if (found.kind == TokenKind::error) {
    report_lex_error(found);
  } else {
    report(found.offset, kSyntax, std::move(message));
  }
}

void ParseContext::report_lex_error(const Token& token) {
  const bool reported = !stopped_ && token.error.offset != last_error_offset_;
  report(token.error.offset, token.error.code, token.error.message, token.error.help);
  // An unterminated string runs to the end of the input: what the enclosing
  // constructs then miss there is the same mistake.
  const bool runs_to_end = token.offset + static_cast<int>(token.text.size()) >= end_.offset;
  if (reported && runs_to_end) last_error_offset_ = end_.offset;
}

void ParseContext::report_limit(int offset) {
  if (stopped_) return;
  Diagnostic diagnostic;
  diagnostic.code = kLimit;
  diagnostic.location = map_.locate(offset);
  diagnostic.message =
      "expression nests too deeply (limit " + std::to_string(options_.max_depth) + ")";
  diagnostics_.push_back(std::move(diagnostic));
  stopped_ = true;
}

void ParseContext::report_unclosed(int open, TokenKind close, std::string_view what) {
  const Token& found = peek();
  if (found.kind == TokenKind::end || is_closer(found.kind)) {
    report_found(found, unclosed_message(open, close));
  } else {
    report_found(found, "expected `,` or " + std::string(spelling(close)) + " after " +
                            std::string(what) + ", found " + describe(found));
  }
}

std::string ParseContext::unclosed_message(int open, TokenKind close) const {
  return "expected " + std::string(spelling(close)) + " to close " + spelling(close, true) +
         " opened at " + position(open) + ", found " + describe(peek());
}

std::string ParseContext::position(int offset) const {
  const SourceLocation location = map_.locate(offset);
  return std::to_string(location.line) + ":" + std::to_string(location.column);
}

ExprPtr ParseContext::make(ExprKind kind, int offset) {
  auto expr = std::make_unique<Expr>();
  expr->kind = kind;
  expr->id = next_id_++;
  expr->offset = offset;
  depths_.push_back(1);
  return expr;
}

void ParseContext::add_arg(Expr& parent, ExprPtr child) {
  note_depth(parent, *child);
  parent.args.push_back(std::move(child));
}

void ParseContext::set_target(Expr& parent, ExprPtr child) {
  note_depth(parent, *child);
  parent.target = std::move(child);
}

/// Keeps the tree depth of `parent` up to date as children are attached, so
/// that a long left-associative chain (`1+1+1+…`) is caught without recursion.
void ParseContext::note_depth(Expr& parent, const Expr& child) {
  int& depth = depths_[static_cast<std::size_t>(parent.id)];
  depth = std::max(depth, depths_[static_cast<std::size_t>(child.id)] + 1);
  if (depth > options_.max_depth) report_limit(parent.offset);
}

ExprPtr ParseContext::make_call(int offset, std::string name, ExprPtr first, ExprPtr second) {
  ExprPtr call = make(ExprKind::call, offset);
  call->name = std::move(name);
  add_arg(*call, std::move(first));
  if (second) add_arg(*call, std::move(second));
  return call;
}

void ParseContext::skip_until(bool stop_at_comma, bool stop_at_colon) {
  int nesting = 0;
  while (!at(TokenKind::end)) {
    const TokenKind kind = peek().kind;
    if (nesting == 0 && (is_closer(kind) || (stop_at_comma && kind == TokenKind::comma) ||
                         (stop_at_colon && kind == TokenKind::colon))) {
      return;
    }
    if (is_opener(kind)) ++nesting;
    if (is_closer(kind)) --nesting;
    advance();
  }
}

void ParseContext::expect_closer(int open, TokenKind close) {
  if (take_if(close)) return;
  report_found(peek(), unclosed_message(open, close));
  skip_until(false, false);
  take_if(close);
}

}  // namespace cadre::expr
