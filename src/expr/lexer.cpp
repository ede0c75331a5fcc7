// Lexer: CEL's lexical grammar, one token per call to next().
#include "expr/lexer.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>
#include <utility>

#include "expr/string_literal.hpp"

namespace cadre::expr {
namespace {

constexpr const char* kLiteral = code::expr_literal;
constexpr const char* kEncoding = code::expr_encoding;
constexpr std::uint64_t kTwoToThe63 = std::uint64_t{1} << 63;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_hex_digit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_word_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_word_char(char c) {
  return is_word_start(c) || is_digit(c);
}

bool is_quote(char c) {
  return c == '\'' || c == '"';
}

bool is_whitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int digit_value(char c) {
  if (is_digit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}

/// Accumulates the magnitude of an integer literal; anything above 2^63 only
/// sets `too_large` (no int64, negative or not, can hold it).
void accumulate_magnitude(Token& token, std::string_view digits, std::uint64_t base) {
  for (const char c : digits) {
    const auto digit = static_cast<std::uint64_t>(digit_value(c));
    if (token.int_magnitude > (kTwoToThe63 - digit) / base) {
      token.int_too_large = true;
      return;
    }
    token.int_magnitude = token.int_magnitude * base + digit;
  }
}

/// Whether an out-of-range double literal is too large (rather than too close
/// to zero): the sign of its decimal exponent decides.
bool overflows(std::string_view text) {
  long long exponent = 0;
  const std::size_t e = text.find_first_of("eE");
  if (e != std::string_view::npos) {
    const std::string_view digits = text.substr(e + 1);
    const bool negative = !digits.empty() && digits[0] == '-';
    for (const char c : digits) {
      if (is_digit(c) && exponent < 100'000) exponent = exponent * 10 + (c - '0');
    }
    if (negative) exponent = -exponent;
  }
  const std::string_view mantissa = text.substr(0, e);
  const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
  const std::size_t first = mantissa.find_first_of("123456789");
  if (first == std::string_view::npos) return false;
  const long long position = first < point ? static_cast<long long>(point - first - 1)
                                           : -static_cast<long long>(first - point);
  return position + exponent > 0;
}

constexpr std::array<std::string_view, 17> kReservedWords = {
    "as",  "break", "const",     "continue", "else",   "for", "function", "if",   "import",
    "let", "loop",  "namespace", "package",  "return", "var", "void",     "while"};

struct Keyword {
  std::string_view word;
  TokenKind kind;
};
constexpr std::array<Keyword, 4> kKeywords = {{{"true", TokenKind::kw_true},
                                               {"false", TokenKind::kw_false},
                                               {"null", TokenKind::kw_null},
                                               {"in", TokenKind::kw_in}}};

struct Punctuation {
  std::string_view text;
  TokenKind kind;
};
/// Two-character operators first, so that the longest match wins.
constexpr std::array<Punctuation, 24> kPunctuation = {{
    {"==", TokenKind::eq_eq},      {"!=", TokenKind::bang_eq}, {"<=", TokenKind::less_eq},
    {">=", TokenKind::greater_eq}, {"&&", TokenKind::and_and}, {"||", TokenKind::or_or},
    {"(", TokenKind::lparen},      {")", TokenKind::rparen},   {"[", TokenKind::lbracket},
    {"]", TokenKind::rbracket},    {"{", TokenKind::lbrace},   {"}", TokenKind::rbrace},
    {".", TokenKind::dot},         {",", TokenKind::comma},    {":", TokenKind::colon},
    {"?", TokenKind::question},    {"+", TokenKind::plus},     {"-", TokenKind::minus},
    {"*", TokenKind::star},        {"/", TokenKind::slash},    {"%", TokenKind::percent},
    {"!", TokenKind::bang},        {"<", TokenKind::less},     {">", TokenKind::greater},
}};

/// A string prefix is `r`, `b` or both, in either order and either case.
bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  int raw = 0;
  int bytes = 0;
  for (const char c : word) {
    raw += (c == 'r' || c == 'R') ? 1 : 0;
    bytes += (c == 'b' || c == 'B') ? 1 : 0;
  }
  return raw <= 1 && bytes <= 1 && raw + bytes == static_cast<int>(word.size());
}

bool has_prefix_letter(std::string_view prefix, char lower) {
  for (const char c : prefix) {
    if ((c | 0x20) == lower) return true;
  }
  return false;
}

std::string help_for_character(char c) {
  switch (c) {
    case '=':
      return "use `==` to compare values";
    case '&':
      return "use `&&` for a logical and";
    case '|':
      return "use `||` for a logical or";
    default:
      return {};
  }
}

}  // namespace

std::string invalid_utf8_message(char byte) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  const auto value = static_cast<unsigned char>(byte);
  return std::string("invalid UTF-8 byte 0x") + kHex[value >> 4] + kHex[value & 0xF];
}

bool is_reserved_word(std::string_view word) {
  for (const std::string_view reserved : kReservedWords) {
    if (reserved == word) return true;
  }
  return false;
}

Token Lexer::next() {
  skip_trivia();
  if (pos_ >= size()) return make(TokenKind::end, pos_);
  const char c = source_[static_cast<std::size_t>(pos_)];
  if (is_digit(c) || (c == '.' && is_digit(at(pos_ + 1)))) return lex_number();
  if (is_word_start(c)) return lex_word();
  if (is_quote(c)) return lex_string(pos_, {});
  return lex_punctuation();
}

void Lexer::skip_trivia() {
  while (pos_ < size()) {
    const char c = source_[static_cast<std::size_t>(pos_)];
    if (is_whitespace(c)) {
      ++pos_;
    } else if (c == '/' && at(pos_ + 1) == '/') {
      while (pos_ < size() && source_[static_cast<std::size_t>(pos_)] != '\n') {
        ++pos_;
      }
    } else {
      return;
    }
  }
}

Token Lexer::lex_number() {
  const int start = pos_;
  if (at(pos_) == '0' && (at(pos_ + 1) == 'x' || at(pos_ + 1) == 'X')) return lex_hex(start);
  return lex_decimal(start);
}

Token Lexer::lex_hex(int start) {
  pos_ += 2;
  const int digits_start = pos_;
  while (is_hex_digit(at(pos_))) {
    ++pos_;
  }
  if (pos_ == digits_start) {
    while (is_word_char(at(pos_))) {
      ++pos_;
    }
    const std::string text(
        source_.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(pos_ - start)));
    return make_error(start,
                      {kLiteral,
                       "invalid hexadecimal literal `" + text + "`: expected hex digits after `0x`",
                       {},
                       start,
                       true});
  }
  if (at(pos_) == 'u' || at(pos_) == 'U') return unsigned_literal(start);
  Token token = make(TokenKind::int_literal, start);
  accumulate_magnitude(token, token.text.substr(2), 16);
  return token;
}

Token Lexer::lex_decimal(int start) {
  bool is_double = false;
  skip_digits();
  if (at(pos_) == '.' && is_digit(at(pos_ + 1))) {
    is_double = true;
    ++pos_;
    skip_digits();
  }
  const int sign = (at(pos_ + 1) == '+' || at(pos_ + 1) == '-') ? 1 : 0;
  if ((at(pos_) == 'e' || at(pos_) == 'E') && is_digit(at(pos_ + 1 + sign))) {
    is_double = true;
    pos_ += 1 + sign;
    skip_digits();
  }
  if (is_double) return make_double(start);
  if (at(pos_) == 'u' || at(pos_) == 'U') return unsigned_literal(start);
  Token token = make(TokenKind::int_literal, start);
  accumulate_magnitude(token, token.text, 10);
  return token;
}

/// A double literal ends at pos_. Values too close to zero read as zero (as
/// strtod and Go's ParseFloat have it); values too large are an error.
Token Lexer::make_double(int start) const {
  Token token = make(TokenKind::double_literal, start);
  const char* first = token.text.data();
  const auto result = std::from_chars(first, first + token.text.size(), token.double_value);
  if (result.ec != std::errc::result_out_of_range) return token;
  if (!overflows(token.text)) {
    token.double_value = 0.0;
    return token;
  }
  return make_error(start, {kLiteral,
                            "double literal `" + std::string(token.text) + "` is out of range",
                            {},
                            start,
                            true});
}

/// An integer followed by `u`: CEL's uint literal, which this engine lacks.
Token Lexer::unsigned_literal(int start) {
  ++pos_;
  return make_error(start, {kLiteral, "unsigned integer literals are not supported",
                            "remove the `u` suffix", start, true});
}

void Lexer::skip_digits() {
  while (is_digit(at(pos_))) {
    ++pos_;
  }
}

Token Lexer::lex_word() {
  const int start = pos_;
  while (is_word_char(at(pos_))) {
    ++pos_;
  }
  const std::string_view word =
      source_.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(pos_ - start));
  if (is_quote(at(pos_)) && is_string_prefix(word)) return lex_string(start, word);
  for (const Keyword& keyword : kKeywords) {
    if (keyword.word == word) return make(keyword.kind, start);
  }
  Token token = make(TokenKind::identifier, start);
  token.reserved = is_reserved_word(word);
  return token;
}

Token Lexer::lex_string(int start, std::string_view prefix) {
  const bool raw = has_prefix_letter(prefix, 'r');
  const char quote = at(pos_);
  const bool triple = at(pos_ + 1) == quote && at(pos_ + 2) == quote;
  pos_ += triple ? 3 : 1;
  const int body_start = pos_;
  while (pos_ < size()) {
    const char c = source_[static_cast<std::size_t>(pos_)];
    if (c == quote && (!triple || (at(pos_ + 1) == quote && at(pos_ + 2) == quote))) {
      pos_ += triple ? 3 : 1;
      return finish_string(start, body_start, pos_ - (triple ? 3 : 1), prefix);
    }
    if (!triple && (c == '\n' || c == '\r')) break;
    pos_ += (!raw && c == '\\') ? 2 : 1;
  }
  const bool line_break = pos_ < size();
  pos_ = size();
  return make_error(start, {code::expr_syntax, "unterminated string literal",
                            line_break ? "a quoted string ends on its own line; use `'''` or "
                                         "`\"\"\"` for text with line breaks"
                                       : std::string(),
                            start, false});
}

Token Lexer::finish_string(int start, int body_start, int body_end, std::string_view prefix) {
  if (has_prefix_letter(prefix, 'b')) {
    return make_error(start, {kLiteral, "bytes literals are not supported",
                              "remove the `b` prefix to write a string", start, true});
  }
  Token token = make(TokenKind::string_literal, start);
  const std::string_view body = source_.substr(static_cast<std::size_t>(body_start),
                                               static_cast<std::size_t>(body_end - body_start));
  if (has_prefix_letter(prefix, 'r')) {
    token.string_value = std::string(body);
    return token;
  }
  DecodedString decoded = decode_escapes(body);
  if (decoded.error) {
    return make_error(start, {kLiteral,
                              std::move(decoded.error->message),
                              {},
                              body_start + decoded.error->offset,
                              true});
  }
  token.string_value = std::move(decoded.value);
  return token;
}

Token Lexer::lex_punctuation() {
  const std::string_view rest = source_.substr(static_cast<std::size_t>(pos_));
  for (const Punctuation& punctuation : kPunctuation) {
    if (rest.substr(0, punctuation.text.size()) == punctuation.text) {
      const int start = pos_;
      pos_ += static_cast<int>(punctuation.text.size());
      return make(punctuation.kind, start);
    }
  }
  return unexpected_character();
}

Token Lexer::unexpected_character() {
  const int start = pos_;
  const char c = source_[static_cast<std::size_t>(pos_)];
  if (c > 0x20 && c < 0x7F) {
    ++pos_;
    return make_error(start, {code::expr_syntax, std::string("unexpected character `") + c + "`",
                              help_for_character(c), start, false});
  }
  const int length = utf8_sequence_length(source_, static_cast<std::size_t>(pos_));
  if (length == 0) {
    ++pos_;
    return make_error(start, {kEncoding, invalid_utf8_message(c), {}, start, false});
  }
  pos_ += length;
  const char32_t code_point = decode_utf8(source_, static_cast<std::size_t>(start));
  return make_error(
      start,
      {code::expr_syntax, "unexpected character " + code_point_name(code_point), {}, start, false});
}

Token Lexer::make(TokenKind kind, int start) const {
  Token token;
  token.kind = kind;
  token.offset = start;
  token.text =
      source_.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(pos_ - start));
  return token;
}

Token Lexer::make_error(int start, LexError error) const {
  Token token = make(TokenKind::error, start);
  token.error = std::move(error);
  return token;
}

char Lexer::at(int pos) const {
  return pos >= 0 && pos < size() ? source_[static_cast<std::size_t>(pos)] : '\0';
}

}  // namespace cadre::expr
