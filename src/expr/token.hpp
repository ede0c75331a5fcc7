// Tokens: the units the lexer hands to the parser.
//
// A token keeps a view of its exact source text and, for literals, the value
// the lexer already worked out. A mistake found while lexing (an unterminated
// string, a bad escape, an unexpected character) becomes a token of kind
// `error` that carries its diagnostic, so the parser decides whether and where
// to report it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include "diagnostics/codes.hpp"

namespace cadre::expr {

enum class TokenKind : std::uint8_t {
  end,             ///< end of input
  error,           ///< a lexical mistake, described by Token::error
  identifier,      ///< a name; reserved words too (Token::reserved)
  int_literal,     ///< decimal or hex digits, magnitude in Token::int_magnitude
  double_literal,  ///< value in Token::double_value
  string_literal,  ///< decoded value in Token::string_value
  kw_true,
  kw_false,
  kw_null,
  kw_in,
  lparen,
  rparen,
  lbracket,
  rbracket,
  lbrace,
  rbrace,
  dot,
  comma,
  colon,
  question,
  plus,
  minus,
  star,
  slash,
  percent,
  bang,
  eq_eq,
  bang_eq,
  less,
  less_eq,
  greater,
  greater_eq,
  and_and,
  or_or,
};

/// The diagnostic of an error token. `operand` is true when the mistake is a
/// malformed literal: the token still stands for one operand, so the parser can
/// go on right after it instead of skipping ahead.
struct LexError {
  const char* code = code::expr_syntax;
  std::string message;
  std::string help;
  int offset = 0;
  bool operand = false;
};

struct Token {
  TokenKind kind = TokenKind::end;
  int offset = 0;         ///< byte offset of the first character
  std::string_view text;  ///< the exact source text
  bool reserved = false;  ///< identifier that is a reserved word
  /// Integer literals: the magnitude, and whether it exceeds 2^63.
  std::uint64_t int_magnitude = 0;
  bool int_too_large = false;
  double double_value = 0.0;
  std::string string_value;
  LexError error;  ///< kind == error
};

}  // namespace cadre::expr
