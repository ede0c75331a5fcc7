// Tests of the lexer (every token class, literal form and lexical mistake) and
// of the string-literal decoding and UTF-8 primitives beneath it.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "expr/lexer.hpp"
#include "expr/string_literal.hpp"

namespace cadre::expr {
namespace {

using namespace std::string_literals;

std::vector<Token> lex_all(std::string_view source) {
  Lexer lexer(source);
  std::vector<Token> tokens;
  do {
    tokens.push_back(lexer.next());
  } while (tokens.back().kind != TokenKind::end);
  return tokens;
}

std::vector<TokenKind> kinds(std::string_view source) {
  std::vector<TokenKind> result;
  for (const Token& token : lex_all(source)) {
    result.push_back(token.kind);
  }
  return result;
}

/// Lexes a source that must be exactly one token (plus the end).
Token single(std::string_view source) {
  std::vector<Token> tokens = lex_all(source);
  REQUIRE(tokens.size() == 2);
  return tokens.front();
}

std::string string_value(std::string_view source) {
  const Token token = single(source);
  CAPTURE(source);
  CAPTURE(token.error.message);
  REQUIRE(token.kind == TokenKind::string_literal);
  return token.string_value;
}

/// The message and offset of the error token a source lexes to.
std::pair<std::string, int> lex_error(std::string_view source) {
  const Token token = lex_all(source).front();
  CAPTURE(source);
  REQUIRE(token.kind == TokenKind::error);
  return {token.error.message, token.error.offset};
}

TEST_CASE("punctuation and operators") {
  using K = TokenKind;
  CHECK(kinds("( ) [ ] { } . , : ?") == std::vector<K>{K::lparen, K::rparen, K::lbracket,
                                                       K::rbracket, K::lbrace, K::rbrace, K::dot,
                                                       K::comma, K::colon, K::question, K::end});
  CHECK(kinds("+ - * / % !") ==
        std::vector<K>{K::plus, K::minus, K::star, K::slash, K::percent, K::bang, K::end});
  CHECK(kinds("== != < <= > >= && ||") == std::vector<K>{K::eq_eq, K::bang_eq, K::less, K::less_eq,
                                                         K::greater, K::greater_eq, K::and_and,
                                                         K::or_or, K::end});
  CHECK(kinds("<=> != ==!") ==
        std::vector<K>{K::less_eq, K::greater, K::bang_eq, K::eq_eq, K::bang, K::end});
  CHECK(kinds("a.b") == std::vector<K>{K::identifier, K::dot, K::identifier, K::end});
}

TEST_CASE("identifiers, keywords and reserved words") {
  const std::vector<Token> tokens = lex_all("_a1 Zed true false null in if while has");
  REQUIRE(tokens.size() == 10);
  CHECK(tokens[0].kind == TokenKind::identifier);
  CHECK(tokens[0].text == "_a1");
  CHECK_FALSE(tokens[0].reserved);
  CHECK(tokens[1].text == "Zed");
  CHECK(tokens[2].kind == TokenKind::kw_true);
  CHECK(tokens[3].kind == TokenKind::kw_false);
  CHECK(tokens[4].kind == TokenKind::kw_null);
  CHECK(tokens[5].kind == TokenKind::kw_in);
  CHECK(tokens[6].kind == TokenKind::identifier);
  CHECK(tokens[6].reserved);
  CHECK(tokens[7].reserved);
  CHECK_FALSE(tokens[8].reserved);
  for (const std::string_view word :
       {"as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while"}) {
    CHECK(is_reserved_word(word));
  }
  CHECK_FALSE(is_reserved_word("truex"));
  CHECK(single("truex").kind == TokenKind::identifier);
  CHECK(single("inner").kind == TokenKind::identifier);
}

TEST_CASE("integer literals") {
  const Token decimal = single("1234");
  CHECK(decimal.kind == TokenKind::int_literal);
  CHECK(decimal.int_magnitude == 1234);
  CHECK(single("0").int_magnitude == 0);
  CHECK(single("0777").int_magnitude == 777);
  CHECK(single("0x1f").int_magnitude == 31);
  CHECK(single("0XAbC").int_magnitude == 0xABC);
  CHECK(single("9223372036854775807").int_magnitude == 9223372036854775807ULL);
  const Token limit = single("9223372036854775808");
  CHECK(limit.int_magnitude == 9223372036854775808ULL);
  CHECK_FALSE(limit.int_too_large);
  CHECK(single("9223372036854775809").int_too_large);
  CHECK(single("0x8000000000000001").int_too_large);
  CHECK(single("18446744073709551616").int_too_large);
  CHECK(kinds("1abc") ==
        std::vector<TokenKind>{TokenKind::int_literal, TokenKind::identifier, TokenKind::end});
}

TEST_CASE("double literals") {
  for (const auto& [text, value] :
       std::vector<std::pair<std::string_view, double>>{{"1.5", 1.5},
                                                        {".5", 0.5},
                                                        {"1e3", 1000.0},
                                                        {"1E3", 1000.0},
                                                        {"1.5e-3", 1.5e-3},
                                                        {"2e+2", 200.0},
                                                        {"0.0", 0.0},
                                                        {"1e-400", 0.0}}) {
    CAPTURE(text);
    const Token token = single(text);
    CHECK(token.kind == TokenKind::double_literal);
    CHECK(token.text == text);
    CHECK(token.double_value == value);
  }
  CHECK(kinds("1.") ==
        std::vector<TokenKind>{TokenKind::int_literal, TokenKind::dot, TokenKind::end});
  CHECK(kinds("1.e3") == std::vector<TokenKind>{TokenKind::int_literal, TokenKind::dot,
                                                TokenKind::identifier, TokenKind::end});
  CHECK(kinds("1e") ==
        std::vector<TokenKind>{TokenKind::int_literal, TokenKind::identifier, TokenKind::end});
  CHECK(lex_error("1e999").first == "double literal `1e999` is out of range");
}

TEST_CASE("unsupported and malformed number literals") {
  CHECK(lex_error("1u").first == "unsigned integer literals are not supported");
  CHECK(lex_error("0x1FU").first == "unsigned integer literals are not supported");
  CHECK(lex_error("0x").first ==
        "invalid hexadecimal literal `0x`: expected hex digits after `0x`");
  CHECK(lex_error("0xZZ").first ==
        "invalid hexadecimal literal `0xZZ`: expected hex digits after `0x`");
  const Token uint = lex_all("1u").front();
  CHECK(uint.error.code == std::string("expr.literal"));
  CHECK(uint.error.operand);
}

TEST_CASE("quoted string forms") {
  CHECK(string_value("'abc'") == "abc");
  CHECK(string_value("\"abc\"") == "abc");
  CHECK(string_value("''") == "");
  CHECK(string_value("\"\"") == "");
  CHECK(string_value("'''a'b''c'''") == "a'b''c");
  CHECK(string_value("\"\"\"a\"b\"\"c\"\"\"") == "a\"b\"\"c");
  CHECK(string_value("''''''") == "");
  CHECK(string_value("'''line\nline'''") == "line\nline");
  CHECK(string_value("\"\"\"cr\r\nlf\"\"\"") == "cr\r\nlf");
  CHECK(string_value("'\"'") == "\"");
  CHECK(string_value("\"'\"") == "'");
  CHECK(string_value("'\0\x01\t'"s) == "\0\x01\t"s);
  CHECK(string_value("'é😬'") == "é😬");
}

TEST_CASE("raw strings keep backslashes") {
  CHECK(string_value("r'\\n'") == "\\n");
  CHECK(string_value("R'\\'") == "\\");
  CHECK(string_value("r\"\\\"") == "\\");
  CHECK(string_value("r'''a\\'''") == "a\\");
  CHECK(string_value("R\"\"\"\\u0000\n\"\"\"") == "\\u0000\n");
  const std::vector<Token> tokens = lex_all("r 'x'");
  CHECK(tokens[0].kind == TokenKind::identifier);
  CHECK(tokens[1].kind == TokenKind::string_literal);
}

TEST_CASE("every escape form") {
  CHECK(string_value(R"('\a\b\f\n\r\t\v')") == "\a\b\f\n\r\t\v");
  CHECK(string_value(R"('\\\'\"\`\?')") == "\\'\"`?");
  CHECK(string_value(R"("\x41\X42\x7f")") == "AB\x7f");
  CHECK(string_value(R"('\xff')") == "\xc3\xbf");
  CHECK(string_value(R"('\101\000\377')") == "A\0\xc3\xbf"s);
  CHECK(string_value(R"('\u00e9\u20AC')") == "é€");
  CHECK(string_value(R"('\U0001F62C\U00088888')") == "😬\xf2\x88\xa2\x88");
  CHECK(string_value(R"('\U0010FFFF')") == "\xf4\x8f\xbf\xbf");
  CHECK(string_value(R"('''\'''')") == "'");
  CHECK(string_value(R"("""\"""")") == "\"");
}

TEST_CASE("malformed escapes point at their backslash") {
  CHECK(lex_error(R"('ab\q')") == std::pair<std::string, int>{"invalid escape sequence `\\q`", 3});
  CHECK(lex_error(R"('\x4')").first == "invalid escape sequence `\\x4`: expected 2 hex digits");
  CHECK(lex_error(R"('\xg0')").first == "invalid escape sequence `\\x`: expected 2 hex digits");
  CHECK(string_value(R"('\u12345')") ==
        "\u1234"
        "5");
  CHECK(lex_error(R"('\u12')").first == "invalid escape sequence `\\u12`: expected 4 hex digits");
  CHECK(lex_error(R"('\U1234567')").first ==
        "invalid escape sequence `\\U1234567`: expected 8 hex digits");
  CHECK(lex_error(R"('\uDFFF')").first ==
        "invalid escape sequence `\\uDFFF`: surrogate code points are not allowed");
  CHECK(lex_error(R"('\U0000D800')").first ==
        "invalid escape sequence `\\U0000D800`: surrogate code points are not allowed");
  CHECK(lex_error(R"('\U00110000')").first ==
        "invalid escape sequence `\\U00110000`: code point is above U+10FFFF");
  CHECK(lex_error(R"('\400')").first ==
        "invalid escape sequence `\\400`: octal escapes cannot exceed `\\377`");
  CHECK(lex_error(R"('\7')").first == "invalid escape sequence `\\7`: expected 3 octal digits");
  CHECK(lex_error(R"('\8')").first == "invalid escape sequence `\\8`");
  CHECK(lex_error("'\\é'").first == "invalid escape sequence: `\\` followed by U+00E9");
  CHECK(lex_error("'\\\0'"s).first == "invalid escape sequence: `\\` followed by U+0000");
  CHECK(lex_error("'''\\\n'''").first == "invalid escape sequence: `\\` followed by U+000A");
  const Token token = lex_all(R"(x + "\q")")[2];
  CHECK(token.offset == 4);
  CHECK(token.error.offset == 5);
  CHECK(token.error.code == std::string("expr.literal"));
  CHECK(token.error.operand);
}

TEST_CASE("unterminated strings run to the end of the input") {
  for (const std::string_view source : {"'abc", "\"abc", "'''abc''", "\"\"\"abc\"\"", "'abc\\'",
                                        "r'abc", "'abc\ndef'", "\"a\rb\"", "'", "'''"}) {
    CAPTURE(source);
    const std::vector<Token> tokens = lex_all(source);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].kind == TokenKind::error);
    CHECK(tokens[0].error.message == "unterminated string literal");
    CHECK(tokens[0].error.offset == 0);
    CHECK_FALSE(tokens[0].error.operand);
  }
  CHECK(lex_all("1 + r'x")[2].error.offset == 4);
}

TEST_CASE("bytes literals are not supported") {
  for (const std::string_view source : {"b'x'", "B\"x\"", "br'x'", "Rb'''x'''", "rB'\\q'"}) {
    CAPTURE(source);
    const Token token = single(source);
    CHECK(token.kind == TokenKind::error);
    CHECK(token.error.message == "bytes literals are not supported");
  }
  CHECK(kinds("bb'x'") ==
        std::vector<TokenKind>{TokenKind::identifier, TokenKind::string_literal, TokenKind::end});
}

TEST_CASE("comments and whitespace") {
  CHECK(kinds(" \t\r\n\f// all of it\n// and more") == std::vector<TokenKind>{TokenKind::end});
  const std::vector<Token> tokens = lex_all("a // x + y\n/ b");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[1].kind == TokenKind::slash);
  CHECK(tokens[1].offset == 11);
  CHECK(tokens[2].offset == 13);
  CHECK(tokens[3].offset == 14);
}

TEST_CASE("unexpected characters") {
  CHECK(lex_error("#") == std::pair<std::string, int>{"unexpected character `#`", 0});
  CHECK(lex_error("=").first == "unexpected character `=`");
  CHECK(lex_all("=")[0].error.help == "use `==` to compare values");
  CHECK(lex_all("&")[0].error.help == "use `&&` for a logical and");
  CHECK(lex_all("|")[0].error.help == "use `||` for a logical or");
  CHECK(lex_error("\v").first == "unexpected character U+000B");
  CHECK(lex_error("\0"s).first == "unexpected character U+0000");
  CHECK(lex_error("é").first == "unexpected character U+00E9");
  CHECK(lex_error("\xff").first == "invalid UTF-8 byte 0xFF");
  CHECK(lex_all("\xff")[0].error.code == std::string("expr.encoding"));
  CHECK(kinds("\xe2\x82\xac)") ==
        std::vector<TokenKind>{TokenKind::error, TokenKind::rparen, TokenKind::end});
}

TEST_CASE("tokens keep their offsets and text") {
  const std::vector<Token> tokens = lex_all("  foo(1.5, 'x')");
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].offset == 2);
  CHECK(tokens[0].text == "foo");
  CHECK(tokens[2].offset == 6);
  CHECK(tokens[2].text == "1.5");
  CHECK(tokens[4].text == "'x'");
  CHECK(tokens[6].offset == 15);
  CHECK(tokens[6].text.empty());
  Lexer lexer("x");
  lexer.next();
  CHECK(lexer.next().kind == TokenKind::end);
  CHECK(lexer.next().kind == TokenKind::end);
}

TEST_CASE("UTF-8 primitives") {
  CHECK(utf8_sequence_length("a", 0) == 1);
  CHECK(utf8_sequence_length("é", 0) == 2);
  CHECK(utf8_sequence_length("€", 0) == 3);
  CHECK(utf8_sequence_length("😬", 0) == 4);
  CHECK(utf8_sequence_length("\x80", 0) == 0);
  CHECK(utf8_sequence_length("\xc0\x80", 0) == 0);
  CHECK(utf8_sequence_length("\xe0\x80\x80", 0) == 0);
  CHECK(utf8_sequence_length("\xed\xa0\x80", 0) == 0);
  CHECK(utf8_sequence_length("\xf4\x90\x80\x80", 0) == 0);
  CHECK(utf8_sequence_length("\xf5\x80\x80\x80", 0) == 0);
  CHECK(utf8_sequence_length("\xe2\x82", 0) == 0);
  CHECK(utf8_sequence_length("a", 1) == 0);
  CHECK(decode_utf8("😬", 0) == U'\U0001F62C');
  CHECK(decode_utf8("\xff", 0) == 0xFFFD);
  std::string out;
  for (const char32_t code_point : {U'A', U'\u00e9', U'\u20ac', U'\U0001F62C'}) {
    append_utf8(out, code_point);
  }
  CHECK(out == "Aé€😬");
  CHECK(code_point_name(0xE9) == "U+00E9");
  CHECK(code_point_name(0x1F62C) == "U+1F62C");
}

TEST_CASE("decode_escapes reports the first malformed escape") {
  const DecodedString decoded = decode_escapes("ok\\n \\q \\z");
  REQUIRE(decoded.error);
  CHECK(decoded.error->offset == 5);
  CHECK(decoded.error->message == "invalid escape sequence `\\q`");
  CHECK(decode_escapes("plain").value == "plain");
  CHECK_FALSE(decode_escapes("a\\tb").error);
  CHECK(decode_escapes("trailing\\").error->message ==
        "invalid escape sequence: `\\` at the end of the string");
}

}  // namespace
}  // namespace cadre::expr
