// The fast way through a JSON Lines line: a strict JSON reader that builds the
// same located tree as the YAML reader (yaml/node.hpp) in one pass over the
// bytes. The YAML reader scans each line several times and runs yaml-cpp's
// scanner; for plain JSON that is most of the time a batch takes. A line this
// reader does not take (anything but strict JSON within the limits) is left to
// the YAML reader, whose diagnostics say what is wrong with it: the fast way
// never decides what a bad line's error is.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "yaml/node.hpp"

namespace cadre::records {

struct JsonLineLimits {
  int max_depth = 64;                 ///< a root collection is level 1
  std::size_t max_nodes = 1'000'000;  ///< keys, values, items and collections
};

/// The tree of the JSON object that makes up `line`, marked as the YAML reader
/// marks a document holding only `line` (line 1, columns in code points from
/// 1, offsets in bytes from 0); nullopt when `line` is not one strict JSON
/// object (surrounded by spaces at most) in valid UTF-8 within `limits`, or
/// holds what the YAML reader treats its own way (a tab, `\u0000`).
std::optional<yaml::Node> read_plain_json_line(std::string_view line, const JsonLineLimits& limits);

}  // namespace cadre::records
