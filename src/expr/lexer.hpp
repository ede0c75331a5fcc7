// Lexer: expression text → tokens, one at a time.
//
// It follows CEL's lexical grammar: decimal and hex integers, doubles
// (`1.5`, `.5`, `1e3`), the four kinds of quoted strings with an optional raw
// prefix, identifiers, keywords and operators; whitespace and `//` comments
// are skipped. It never fails: a lexical mistake becomes an error token.
// Literals CEL has but this engine does not (`1u`, `b'..'`) are error tokens
// too. The lexer does not check that strings and comments are valid UTF-8:
// parse() checks the whole input before lexing.
#pragma once

#include <string>
#include <string_view>

#include "expr/token.hpp"

namespace cadre::expr {

/// Words that cannot name a variable or a global function (they can name a
/// field or a method): CEL's reserved words. `true`, `false`, `null` and `in`
/// are keywords and never lexed as identifiers.
bool is_reserved_word(std::string_view word);

/// "invalid UTF-8 byte 0xFF": the message for a byte that starts no valid
/// UTF-8 sequence (shared with parse()'s check of the whole input).
std::string invalid_utf8_message(char byte);

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  /// The next token; at the end of the input, end tokens for ever.
  Token next();

 private:
  void skip_trivia();
  Token lex_number();
  Token lex_hex(int start);
  Token lex_decimal(int start);
  Token make_double(int start) const;
  Token unsigned_literal(int start);
  void skip_digits();
  Token lex_word();
  Token lex_string(int start, std::string_view prefix);
  Token finish_string(int start, int body_start, int body_end, std::string_view prefix);
  Token lex_punctuation();
  Token unexpected_character();
  Token make(TokenKind kind, int start) const;
  Token make_error(int start, LexError error) const;
  char at(int pos) const;
  int size() const { return static_cast<int>(source_.size()); }

  std::string_view source_;
  int pos_ = 0;
};

}  // namespace cadre::expr
