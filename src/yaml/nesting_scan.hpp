// The raw-text pre-scan: refuses hostile nesting, and values too long, from
// the raw text, before yaml-cpp's parser (which recurses once per level and
// holds a value several times over) ever sees it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace cadre::yaml {

/// What the pre-scan refuses, and where.
struct RawTextProblem {
  enum class Kind : std::uint8_t { too_deep, long_value };
  Kind kind;
  int offset;  ///< too_deep: where nesting first went past the limit; long_value: where the value
               ///< starts
};

/// Scans `text` from byte `origin` (past a byte-order mark) for nesting of
/// sequences and mappings deeper than `max_depth`, and for a single value
/// (scalar) longer than `max_value_bytes`. The nesting estimate from raw text
/// can be off for odd text, so it answers only for nesting well past the
/// limit; the tree builder enforces the exact limit on the parser's events.
std::optional<RawTextProblem> scan_raw_text(std::string_view text, int origin, int max_depth,
                                            std::size_t max_value_bytes);

}  // namespace cadre::yaml
