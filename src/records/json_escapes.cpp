#include "records/json_escapes.hpp"

#include <cstdio>
#include <optional>
#include <string_view>

namespace cadre::records {
namespace {

/// The code unit of the `\uXXXX` escape at `at`, or nullopt.
std::optional<unsigned> escape_at(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const char c = text[i];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return value;
}

}  // namespace

std::string combine_surrogate_escapes(std::string json) {
  if (json.find("\\u") == std::string::npos) return json;
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (std::size_t i = 0; i < json.size();) {
    const char c = json[i];
    if (!in_string) {
      in_string = c == '"';
      out += c;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = false;
    } else if (c == '\\') {
      const auto high = escape_at(json, i);
      const auto low = escape_at(json, i + 6);
      if (high && low && *high >= 0xD800 && *high <= 0xDBFF && *low >= 0xDC00 && *low <= 0xDFFF) {
        const unsigned code = 0x10000 + ((*high - 0xD800) << 10) + (*low - 0xDC00);
        char escape[11];
        std::snprintf(escape, sizeof escape, "\\U%08X", code);
        out += escape;
        i += 12;
        continue;
      }
      // Any other escape is two characters here (`\"` must not end the string).
      out += c;
      if (i + 1 < json.size()) out += json[i + 1];
      i += 2;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace cadre::records
