// Parser: CEL's grammar as a Pratt parser over the lexer's tokens.
//
// Grammar, lowest precedence first:
//   expr    = or ['?' or ':' expr]                  (right-associative)
//   or, and, relation, additive, multiplicative     (left-associative, kBinaryRules)
//   unary   = {'!' | '-'} member                    ('-' before a number folds into it)
//   member  = primary {'.' name | '.' name '(' args ')' | '[' expr ']'}
//   primary = literal | ident | ident '(' args ')' | '(' expr ')' | '[' list ']' | '{' map '}'
//
// Recovery: a mistake is reported, an error node takes the place of what was
// expected, and the parser skips ahead to a token that can close or separate
// the enclosing construct. At most one diagnostic is reported per source
// offset, which keeps one mistake from being reported again by each enclosing
// construct. Once the parser stops (a limit, or max_errors diagnostics) it sees
// only the end of the input, so every construct winds up quietly.
//
// The grammar is here; the token cursor, diagnostics, nodes and skipping ahead
// are in parse_context, macro expansion in macros, and the checks on the whole
// text before lexing in source_check.
#include "expr/parser.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>

#include "expr/macros.hpp"
#include "expr/parse_context.hpp"
#include "expr/source_check.hpp"

namespace cadre::expr {
namespace {

constexpr const char* kLiteral = code::expr_literal;

/// Binding levels of the binary operators, loosest first.
enum Level : int { kOr = 1, kAnd, kRelation, kAdditive, kMultiplicative };

struct BinaryRule {
  TokenKind token;
  int level;
  const char* function;
};

constexpr std::array<BinaryRule, 14> kBinaryRules = {{
    {TokenKind::or_or, kOr, op::kLogicalOr},
    {TokenKind::and_and, kAnd, op::kLogicalAnd},
    {TokenKind::eq_eq, kRelation, op::kEquals},
    {TokenKind::bang_eq, kRelation, op::kNotEquals},
    {TokenKind::less, kRelation, op::kLess},
    {TokenKind::less_eq, kRelation, op::kLessEquals},
    {TokenKind::greater, kRelation, op::kGreater},
    {TokenKind::greater_eq, kRelation, op::kGreaterEquals},
    {TokenKind::kw_in, kRelation, op::kIn},
    {TokenKind::plus, kAdditive, op::kAdd},
    {TokenKind::minus, kAdditive, op::kSubtract},
    {TokenKind::star, kMultiplicative, op::kMultiply},
    {TokenKind::slash, kMultiplicative, op::kDivide},
    {TokenKind::percent, kMultiplicative, op::kModulo},
}};

const BinaryRule* binary_rule(TokenKind kind) {
  const auto* rule = std::find_if(kBinaryRules.begin(), kBinaryRules.end(),
                                  [kind](const BinaryRule& r) { return r.token == kind; });
  return rule == kBinaryRules.end() ? nullptr : rule;
}

bool is_number(TokenKind kind) {
  return kind == TokenKind::int_literal || kind == TokenKind::double_literal;
}

/// `a.b.C` for an identifier or a chain of selects on one, else empty.
std::string dotted_name(const Expr& expr) {
  std::string name;
  const Expr* node = &expr;
  while (node->kind == ExprKind::select && !node->test_only && node->target) {
    name = "." + node->name + name;
    node = node->target.get();
  }
  return node->kind == ExprKind::ident ? node->name + name : std::string();
}

/// The grammar, over the cursor, diagnostics and nodes of its ParseContext.
class Parser : private ParseContext {
 public:
  Parser(std::string_view source, const ParseOptions& options) : ParseContext(source, options) {}

  ParseResult run();

 private:
  ExprPtr parse_expr();
  template <typename Parse>
  ExprPtr nested(Parse parse);
  ExprPtr parse_conditional();
  ExprPtr parse_branches(ExprPtr condition);
  ExprPtr parse_else_branch(int question);
  ExprPtr parse_binary(int min_level);
  ExprPtr parse_unary();
  ExprPtr parse_member();
  ExprPtr parse_select(ExprPtr operand);
  ExprPtr parse_index(ExprPtr operand);
  ExprPtr reject_message_construction(ExprPtr type_name);
  ExprPtr parse_primary();
  ExprPtr parse_literal();
  ExprPtr parse_number();
  ExprPtr parse_identifier();
  ExprPtr parse_qualified_name();
  ExprPtr parse_reserved_keyword();
  ExprPtr parse_parenthesized();
  ExprPtr parse_list();
  ExprPtr parse_map();
  void parse_map_entry(Expr& map);
  ExprPtr parse_error_token();
  ExprPtr parse_unexpected();
  template <typename Element>
  void parse_sequence(int open, TokenKind close, std::string_view what, bool trailing_comma,
                      Element element);

  // Calls; macros.cpp expands the ones that are macros.
  CallArguments parse_arguments();
  ExprPtr parse_global_call(const Name& name);
  ExprPtr parse_member_call(ExprPtr target, const Name& name);

  int depth_ = 0;  ///< nesting of parse_expr calls, held under max_depth
};

ParseResult Parser::run() {
  ExprPtr root = parse_expr();
  if (!at(TokenKind::end)) {
    report_found(peek(),
                 "unexpected " + describe(peek()) + ": expected an operator or end of input");
  }
  return finish(std::move(root));
}

/// Runs `parse` one nesting level deeper, unless that exceeds max_depth.
template <typename Parse>
ExprPtr Parser::nested(Parse parse) {
  if (depth_ >= options().max_depth) {
    report_limit(peek().offset);
    return make(ExprKind::error, peek().offset);
  }
  ++depth_;
  ExprPtr expr = parse();
  --depth_;
  return expr;
}

ExprPtr Parser::parse_expr() {
  return nested([this] { return parse_conditional(); });
}

ExprPtr Parser::parse_conditional() {
  ExprPtr condition = parse_binary(kOr);
  if (!at(TokenKind::question)) return condition;
  return parse_branches(std::move(condition));
}

/// `? then : else` after the condition. CEL does not allow a conditional as
/// the middle operand without parentheses; it is reported, then parsed as one.
ExprPtr Parser::parse_branches(ExprPtr condition) {
  const int question = advance();
  ExprPtr then_branch = parse_binary(kOr);
  if (at(TokenKind::question)) {
    report(peek().offset, kSyntax,
           "expected `:` to match `?` at " + position(question) + ", found `?`",
           "put a conditional in the middle of `?:` in parentheses: `a ? (b ? c : d) : e`");
    then_branch = nested([&] { return parse_branches(std::move(then_branch)); });
  }
  ExprPtr else_branch = parse_else_branch(question);
  ExprPtr call =
      make_call(question, op::kConditional, std::move(condition), std::move(then_branch));
  add_arg(*call, std::move(else_branch));
  return call;
}

ExprPtr Parser::parse_else_branch(int question) {
  if (!take_if(TokenKind::colon)) {
    report_found(peek(), "expected `:` to match `?` at " + position(question) + ", found " +
                             describe(peek()));
    skip_until(true, true);
    if (!take_if(TokenKind::colon)) return make(ExprKind::error, peek().offset);
  }
  return parse_expr();
}

ExprPtr Parser::parse_binary(int min_level) {
  ExprPtr left = parse_unary();
  bool chained = false;  // `left` is an `&&` or `||` call built by this loop
  while (const BinaryRule* rule = binary_rule(peek().kind)) {
    if (rule->level < min_level) break;
    const int op_offset = advance();
    ExprPtr right = parse_binary(rule->level + 1);
    if (chained && left->name == rule->function) {
      add_arg(*left, std::move(right));
      continue;
    }
    left = make_call(op_offset, rule->function, std::move(left), std::move(right));
    chained = rule->level <= kAnd;
  }
  return left;
}

ExprPtr Parser::parse_unary() {
  struct Prefix {
    int offset;
    const char* function;
  };
  std::vector<Prefix> prefixes;
  while (at(TokenKind::bang) || (at(TokenKind::minus) && !is_number(peek_next().kind))) {
    const char* function = at(TokenKind::bang) ? op::kLogicalNot : op::kNegate;
    prefixes.push_back({advance(), function});
  }
  ExprPtr operand = parse_member();
  for (auto it = prefixes.rbegin(); it != prefixes.rend() && !stopped(); ++it) {
    operand = make_call(it->offset, it->function, std::move(operand), nullptr);
  }
  return operand;
}

ExprPtr Parser::parse_member() {
  ExprPtr operand = parse_primary();
  while (true) {
    if (at(TokenKind::dot)) {
      operand = parse_select(std::move(operand));
    } else if (at(TokenKind::lbracket)) {
      operand = parse_index(std::move(operand));
    } else if (at(TokenKind::lbrace) && !dotted_name(*operand).empty()) {
      operand = reject_message_construction(std::move(operand));
    } else {
      return operand;
    }
  }
}

ExprPtr Parser::parse_select(ExprPtr operand) {
  const int dot = advance();
  if (!at(TokenKind::identifier)) {
    report_found(peek(), "expected a field name after `.`, found " + describe(peek()));
    return make(ExprKind::error, dot);
  }
  const Name name = take_name();
  if (at(TokenKind::lparen)) return parse_member_call(std::move(operand), name);
  ExprPtr select = make(ExprKind::select, dot);
  select->name = std::string(name.text);
  set_target(*select, std::move(operand));
  return select;
}

ExprPtr Parser::parse_index(ExprPtr operand) {
  const int open = advance();
  ExprPtr index = parse_expr();
  expect_closer(open, TokenKind::rbracket);
  return make_call(open, op::kIndex, std::move(operand), std::move(index));
}

ExprPtr Parser::reject_message_construction(ExprPtr type_name) {
  const int open = advance();
  report(open, kSyntax,
         "message construction `" + dotted_name(*type_name) + "{...}` is not supported",
         "use a map literal such as `{'field': value}`");
  skip_until(false, false);
  take_if(TokenKind::rbrace);
  return make(ExprKind::error, type_name->offset);
}

ExprPtr Parser::parse_primary() {
  switch (peek().kind) {
    case TokenKind::int_literal:
    case TokenKind::double_literal:
      return parse_number();
    case TokenKind::minus:
      return is_number(peek_next().kind) ? parse_number() : parse_unexpected();
    case TokenKind::string_literal:
    case TokenKind::kw_true:
    case TokenKind::kw_false:
    case TokenKind::kw_null:
      return parse_literal();
    case TokenKind::identifier:
      return parse_identifier();
    case TokenKind::dot:
      return peek_next().kind == TokenKind::identifier ? parse_qualified_name()
                                                       : parse_unexpected();
    case TokenKind::kw_in:
      return parse_reserved_keyword();
    case TokenKind::lparen:
      return parse_parenthesized();
    case TokenKind::lbracket:
      return parse_list();
    case TokenKind::lbrace:
      return parse_map();
    case TokenKind::error:
      return parse_error_token();
    default:
      return parse_unexpected();
  }
}

ExprPtr Parser::parse_literal() {
  Token token = take();
  ExprPtr literal = make(ExprKind::literal, token.offset);
  switch (token.kind) {
    case TokenKind::string_literal:
      literal->literal.value = std::move(token.string_value);
      break;
    case TokenKind::kw_true:
    case TokenKind::kw_false:
      literal->literal.value = token.kind == TokenKind::kw_true;
      break;
    default:
      literal->literal.value = Literal::Null{};
      break;
  }
  return literal;
}

/// A number, with a `-` directly before it folded in, so that the most
/// negative int64 can be written.
ExprPtr Parser::parse_number() {
  const int offset = peek().offset;
  const bool negative = take_if(TokenKind::minus);
  const Token number = take();
  const std::string text = (negative ? "-" : "") + std::string(number.text);
  ExprPtr literal = make(ExprKind::literal, offset);
  if (number.kind == TokenKind::double_literal) {
    literal->literal.value = negative ? -number.double_value : number.double_value;
    literal->literal.source_text = text;
    return literal;
  }
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (number.int_too_large || number.int_magnitude > kMax + (negative ? 1 : 0)) {
    report(offset, kLiteral, "integer literal `" + text + "` is out of range",
           "integers range from -9223372036854775808 to 9223372036854775807");
    literal->kind = ExprKind::error;
    return literal;
  }
  const std::uint64_t magnitude = number.int_magnitude;
  literal->literal.value =
      negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return literal;
}

ExprPtr Parser::parse_identifier() {
  const Name name = take_name();
  if (name.reserved) {
    report(
        name.offset, kSyntax,
        "`" + std::string(name.text) + "` is a reserved word and cannot be used as an identifier");
    if (at(TokenKind::lparen)) parse_arguments();
    return make(ExprKind::error, name.offset);
  }
  if (at(TokenKind::lparen)) return parse_global_call(name);
  ExprPtr ident = make(ExprKind::ident, name.offset);
  ident->name = std::string(name.text);
  return ident;
}

ExprPtr Parser::parse_qualified_name() {
  const int dot = advance();
  report(dot, kSyntax, "qualified names are not supported",
         "write `" + std::string(peek().text) + "` instead of `." + std::string(peek().text) + "`");
  parse_identifier();
  return make(ExprKind::error, dot);
}

/// `in` where an operand belongs.
ExprPtr Parser::parse_reserved_keyword() {
  const Token keyword = take();
  report(
      keyword.offset, kSyntax,
      "`" + std::string(keyword.text) + "` is a reserved word and cannot be used as an identifier");
  return make(ExprKind::error, keyword.offset);
}

ExprPtr Parser::parse_parenthesized() {
  const int open = advance();
  ExprPtr inner = parse_expr();
  expect_closer(open, TokenKind::rparen);
  return inner;
}

ExprPtr Parser::parse_list() {
  const int open = advance();
  ExprPtr list = make(ExprKind::list, open);
  parse_sequence(open, TokenKind::rbracket, "list element", true,
                 [&] { add_arg(*list, parse_expr()); });
  return list;
}

ExprPtr Parser::parse_map() {
  const int open = advance();
  ExprPtr map = make(ExprKind::map, open);
  parse_sequence(open, TokenKind::rbrace, "map entry", true, [&] { parse_map_entry(*map); });
  return map;
}

void Parser::parse_map_entry(Expr& map) {
  add_arg(map, parse_expr());
  if (take_if(TokenKind::colon)) {
    add_arg(map, parse_expr());
    return;
  }
  report_found(peek(), "expected `:` after map key, found " + describe(peek()));
  skip_until(true, false);
  add_arg(map, make(ExprKind::error, peek().offset));
}

/// A lexical mistake where an operand belongs. A malformed literal still
/// stands for one operand; anything else makes the parser skip ahead.
ExprPtr Parser::parse_error_token() {
  const Token token = take();
  report_lex_error(token);
  if (!token.error.operand) skip_until(true, true);
  return make(ExprKind::error, token.offset);
}

ExprPtr Parser::parse_unexpected() {
  const Token& found = peek();
  const int offset = found.offset;
  report_found(found, "unexpected " + describe(found) + ": expected an expression");
  skip_until(true, true);
  return make(ExprKind::error, offset);
}

/// Comma-separated elements up to `close`. At the end of the input, where an
/// element may be left out (first element, or after a comma when a trailing
/// comma is allowed), the missing closer is reported rather than the element.
template <typename Element>
void Parser::parse_sequence(int open, TokenKind close, std::string_view what, bool trailing_comma,
                            Element element) {
  if (take_if(close)) return;
  bool first = true;
  do {
    if (at(TokenKind::end) && (first || trailing_comma)) {
      report_unclosed(open, close, what);
      return;
    }
    first = false;
    element();
    if (take_if(close)) return;
    if (!at(TokenKind::comma)) {
      report_unclosed(open, close, what);
      skip_until(true, false);
      if (!at(TokenKind::comma)) {
        take_if(close);
        return;
      }
    }
    advance();
  } while (!(trailing_comma && take_if(close)));
}

CallArguments Parser::parse_arguments() {
  const int open = advance();
  CallArguments arguments;
  parse_sequence(open, TokenKind::rparen, "argument", false, [&] {
    arguments.starts.push_back(peek().offset);
    arguments.values.push_back(parse_expr());
  });
  return arguments;
}

ExprPtr Parser::parse_global_call(const Name& name) {
  CallArguments arguments = parse_arguments();
  if (is_has_macro(name.text, arguments.values.size())) {
    return expand_has(*this, name, std::move(arguments));
  }
  ExprPtr call = make(ExprKind::call, name.offset);
  call->name = std::string(name.text);
  for (ExprPtr& argument : arguments.values) {
    add_arg(*call, std::move(argument));
  }
  return call;
}

ExprPtr Parser::parse_member_call(ExprPtr target, const Name& name) {
  CallArguments arguments = parse_arguments();
  if (const std::optional<MacroKind> macro = receiver_macro(name.text, arguments.values.size())) {
    return expand_receiver_macro(*this, *macro, name, std::move(target), std::move(arguments));
  }
  ExprPtr call = make(ExprKind::call, name.offset);
  call->name = std::string(name.text);
  set_target(*call, std::move(target));
  for (ExprPtr& argument : arguments.values) {
    add_arg(*call, std::move(argument));
  }
  return call;
}

}  // namespace

ParseResult parse(std::string_view source, const ParseOptions& options) {
  ParseResult result;
  result.diagnostics = check_source(source, options);
  if (!result.diagnostics.empty()) return result;
  return Parser(source, options).run();
}

}  // namespace cadre::expr
