// The nesting pre-scan: refuses hostile nesting from the raw text, before
// yaml-cpp's parser (which recurses once per level) ever sees it.
#pragma once

#include <optional>
#include <string_view>

namespace cadre::yaml {

/// Scans `text` from byte `origin` (past a byte-order mark) for nesting of
/// sequences and mappings deeper than `limit`. The estimate from raw text can
/// be off for odd text, so it answers only for nesting well past the limit:
/// then the offset where the estimate first went past it, else nothing. The
/// tree builder enforces the exact limit on the parser's events.
std::optional<int> find_hostile_nesting(std::string_view text, int origin, int limit);

}  // namespace cadre::yaml
