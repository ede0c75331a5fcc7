// The encoding check (see encoding.hpp): one pass over the bytes, reporting
// the first one that is not UTF-8 text YAML allows.
#include "yaml/encoding.hpp"

#include <cstdio>
#include <string>

#include "yaml/raw_text.hpp"
#include "yaml/reader.hpp"

namespace cadre::yaml {
namespace {

/// YAML allows tab and line breaks but no other C0 control character, nor
/// DEL. A NUL would also make yaml-cpp guess UTF-16 or UTF-32.
bool is_forbidden_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
}

}  // namespace

int utf8_sequence(std::string_view text, int pos) {
  const auto byte = [&](int i) { return static_cast<unsigned char>(at(text, pos + i)); };
  const unsigned lead = byte(0);
  if (lead < 0x80) return 1;
  int length = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : low;
    high = lead == 0xED ? 0x9F : high;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : low;
    high = lead == 0xF4 ? 0x8F : high;
  } else {
    return 0;
  }
  if (pos + length > size_of(text) || byte(1) < low || byte(1) > high) return 0;
  for (int i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

bool check_encoding(std::string_view text, int origin, Reporter& reporter) {
  for (int pos = origin; pos < size_of(text);) {
    const auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(pos)]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, most of any file
      ++pos;
      continue;
    }
    const int length = utf8_sequence(text, pos);
    const char c = at(text, pos);
    if (length == 0 || (length == 1 && is_forbidden_control(c))) {
      char hex[16];
      std::snprintf(hex, sizeof hex, length == 0 ? "0x%02X" : "U+%04X",
                    static_cast<unsigned>(static_cast<unsigned char>(c)));
      reporter.error(kEncodingCode, reporter.mark(pos),
                     length == 0 ? std::string("invalid UTF-8 byte ") + hex
                                 : std::string("control character ") + hex + " is not allowed",
                     length == 0 ? "save the file as UTF-8"
                                 : "remove it; in a double-quoted string write it as an escape");
      return false;
    }
    pos += length;
  }
  return true;
}

}  // namespace cadre::yaml
