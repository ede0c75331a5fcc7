// Character helpers over the raw YAML text, shared by the reader's parts
// (reporter, encoding check, nesting scan, tree builder, parser errors).
// Offsets are ints; reading outside the text gives '\0'.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cadre::yaml {

inline int size_of(std::string_view text) {
  return static_cast<int>(text.size());
}

inline char at(std::string_view text, int pos) {
  return pos >= 0 && pos < size_of(text) ? text[static_cast<std::size_t>(pos)] : '\0';
}

inline bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
inline bool is_space(char c) {
  return is_blank(c) || c == '\n' || c == '\r';
}

inline constexpr std::size_t npos = std::string_view::npos;

/// Most characters of user input a message echoes (a hostile file may hold a
/// line of millions).
inline constexpr std::size_t kEchoLimit = 200;

/// `text`, cut after kEchoLimit characters (code points) with "…" when it is
/// longer.
inline std::string excerpt(std::string_view text) {
  if (text.size() <= kEchoLimit) return std::string(text);
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (characters++ == kEchoLimit) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

/// `text` in backticks, the way diagnostics quote user input (an excerpt
/// when it is long).
inline std::string backticked(std::string_view text) {
  return "`" + excerpt(text) + "`";
}

}  // namespace cadre::yaml
