// Small text helpers the stages share.
#pragma once

#include <string_view>

namespace cadre {

/// `text` without the spaces at either end (tabs are kept: where a format
/// allows them, its reader says so).
inline std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

/// `text` without the spaces and tabs at either end.
inline std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

}  // namespace cadre
