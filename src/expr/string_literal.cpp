// Decoding of string literal bodies and the UTF-8 primitives it needs.
#include "expr/string_literal.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace cadre::expr {
namespace {

constexpr char32_t kMaxCodePoint = 0x10FFFF;

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

bool is_surrogate(char32_t code_point) {
  return code_point >= 0xD800 && code_point <= 0xDFFF;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// The allowed range of the second byte of a multi-byte sequence, which rules
/// out overlong forms, surrogates and code points above U+10FFFF.
struct LeadRule {
  int length;
  unsigned char second_min;
  unsigned char second_max;
};

std::optional<LeadRule> lead_rule(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return LeadRule{2, 0x80, 0xBF};
  if (lead == 0xE0) return LeadRule{3, 0xA0, 0xBF};
  if (lead == 0xED) return LeadRule{3, 0x80, 0x9F};
  if (lead >= 0xE1 && lead <= 0xEF) return LeadRule{3, 0x80, 0xBF};
  if (lead == 0xF0) return LeadRule{4, 0x90, 0xBF};
  if (lead >= 0xF1 && lead <= 0xF3) return LeadRule{4, 0x80, 0xBF};
  if (lead == 0xF4) return LeadRule{4, 0x80, 0x8F};
  return std::nullopt;
}

/// One decoded escape: the code point and how many bytes of the body it used.
struct Escape {
  char32_t value = 0;
  std::size_t length = 0;
  std::string problem;  ///< non-empty when the escape is malformed
};

std::optional<char32_t> simple_escape(char c) {
  static constexpr std::array<std::pair<char, char>, 12> kTable = {{{'a', '\a'},
                                                                    {'b', '\b'},
                                                                    {'f', '\f'},
                                                                    {'n', '\n'},
                                                                    {'r', '\r'},
                                                                    {'t', '\t'},
                                                                    {'v', '\v'},
                                                                    {'\\', '\\'},
                                                                    {'\'', '\''},
                                                                    {'"', '"'},
                                                                    {'`', '`'},
                                                                    {'?', '?'}}};
  for (const auto& [name, value] : kTable) {
    if (name == c) return static_cast<char32_t>(value);
  }
  return std::nullopt;
}

std::string quoted(std::string_view text) {
  return "`" + std::string(text) + "`";
}

/// \xHH, \XHH, \uHHHH, \UHHHHHHHH: `digits` hex digits after the letter.
Escape hex_escape(std::string_view body, std::size_t pos, std::size_t digits) {
  Escape escape;
  std::size_t count = 0;
  while (count < digits && pos + 2 + count < body.size() && hex_value(body[pos + 2 + count]) >= 0) {
    escape.value = escape.value * 16 + static_cast<char32_t>(hex_value(body[pos + 2 + count]));
    ++count;
  }
  escape.length = 2 + count;
  const std::string text = quoted(body.substr(pos, escape.length));
  if (count < digits) {
    escape.problem =
        "invalid escape sequence " + text + ": expected " + std::to_string(digits) + " hex digits";
  } else if (is_surrogate(escape.value)) {
    escape.problem = "invalid escape sequence " + text + ": surrogate code points are not allowed";
  } else if (escape.value > kMaxCodePoint) {
    escape.problem = "invalid escape sequence " + text + ": code point is above U+10FFFF";
  }
  return escape;
}

/// \ooo: exactly three octal digits, at most \377.
Escape octal_escape(std::string_view body, std::size_t pos) {
  Escape escape;
  std::size_t count = 0;
  while (count < 3 && pos + 1 + count < body.size() && body[pos + 1 + count] >= '0' &&
         body[pos + 1 + count] <= '7') {
    escape.value = escape.value * 8 + static_cast<char32_t>(body[pos + 1 + count] - '0');
    ++count;
  }
  escape.length = 1 + count;
  const std::string text = quoted(body.substr(pos, escape.length));
  if (count < 3) {
    escape.problem = "invalid escape sequence " + text + ": expected 3 octal digits";
  } else if (escape.value > 0377) {
    escape.problem = "invalid escape sequence " + text + ": octal escapes cannot exceed `\\377`";
  }
  return escape;
}

Escape unknown_escape(std::string_view body, std::size_t pos) {
  Escape escape;
  escape.length = 2;
  const auto c = static_cast<unsigned char>(body[pos + 1]);
  if (c > 0x20 && c < 0x7F) {
    escape.problem = "invalid escape sequence " + quoted(body.substr(pos, 2));
    return escape;
  }
  const int length = utf8_sequence_length(body, pos + 1);
  const char32_t code_point = length > 0 ? decode_utf8(body, pos + 1) : c;
  escape.length = 1 + static_cast<std::size_t>(length > 0 ? length : 1);
  escape.problem = "invalid escape sequence: `\\` followed by " + code_point_name(code_point);
  return escape;
}

Escape decode_escape(std::string_view body, std::size_t pos) {
  if (pos + 1 >= body.size()) {
    return Escape{0, 1, "invalid escape sequence: `\\` at the end of the string"};
  }
  const char c = body[pos + 1];
  if (auto simple = simple_escape(c)) return Escape{*simple, 2, {}};
  if (c == 'x' || c == 'X') return hex_escape(body, pos, 2);
  if (c == 'u') return hex_escape(body, pos, 4);
  if (c == 'U') return hex_escape(body, pos, 8);
  if (c >= '0' && c <= '7') return octal_escape(body, pos);
  return unknown_escape(body, pos);
}

}  // namespace

int utf8_sequence_length(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return 1;
  const auto rule = lead_rule(lead);
  if (!rule || pos + static_cast<std::size_t>(rule->length) > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  if (second < rule->second_min || second > rule->second_max) return 0;
  for (int i = 2; i < rule->length; ++i) {
    if (!is_continuation(static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]))) {
      return 0;
    }
  }
  return rule->length;
}

char32_t decode_utf8(std::string_view text, std::size_t pos) {
  const int length = utf8_sequence_length(text, pos);
  if (length == 0) return 0xFFFD;
  const auto lead = static_cast<unsigned char>(text[pos]);
  static constexpr std::array<unsigned char, 5> kLeadMask = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t value = lead & kLeadMask[static_cast<std::size_t>(length)];
  for (int i = 1; i < length; ++i) {
    value =
        (value << 6) | (static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]) & 0x3F);
  }
  return value;
}

void append_utf8(std::string& out, char32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

std::string code_point_name(char32_t code_point) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "U+%04X", static_cast<unsigned>(code_point));
  return buffer.data();
}

DecodedString decode_escapes(std::string_view body) {
  DecodedString decoded;
  decoded.value.reserve(body.size());
  std::size_t pos = 0;
  while (pos < body.size()) {
    const std::size_t backslash = body.find('\\', pos);
    decoded.value.append(body.substr(pos, backslash - pos));
    if (backslash == std::string_view::npos) break;
    Escape escape = decode_escape(body, backslash);
    if (!escape.problem.empty()) {
      decoded.error = EscapeError{static_cast<int>(backslash), std::move(escape.problem)};
      return decoded;
    }
    append_utf8(decoded.value, escape.value);
    pos = backslash + escape.length;
  }
  return decoded;
}

}  // namespace cadre::expr
