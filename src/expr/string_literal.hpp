// String literal text: turning the body of a quoted literal into its value.
//
// CEL escapes (\n, \x41, \u00e9, \101, ...) all denote code points, which the
// decoded value holds as UTF-8. The UTF-8 primitives the decoding rests on are
// here too, since the lexer and the parser need the same ones to validate the
// input and to name characters in messages.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cadre::expr {

/// Length of the valid UTF-8 sequence that starts at `pos` (1 to 4), or 0 when
/// the bytes there are not valid UTF-8 (overlong forms and surrogates included).
int utf8_sequence_length(std::string_view text, std::size_t pos);

/// The code point at `pos`, which must start a valid UTF-8 sequence.
char32_t decode_utf8(std::string_view text, std::size_t pos);

/// Appends `code_point` (at most U+10FFFF) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t code_point);

/// "U+00E9": how messages name a character that is not printable ASCII.
std::string code_point_name(char32_t code_point);

/// A malformed escape: where it starts (the backslash, as a byte offset into
/// the body) and a message ready for a diagnostic.
struct EscapeError {
  int offset = 0;
  std::string message;
};

struct DecodedString {
  std::string value;
  std::optional<EscapeError> error;  ///< the first malformed escape, if any
};

/// Decodes the escapes of a non-raw string literal's body (the text between
/// the quotes). Everything else is copied as is, NUL bytes and newlines included.
DecodedString decode_escapes(std::string_view body);

}  // namespace cadre::expr
