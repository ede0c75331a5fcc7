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

/// `text` in backticks, the way diagnostics quote user input.
inline std::string backticked(std::string_view text) {
  return "`" + std::string(text) + "`";
}

}  // namespace cadre::yaml
