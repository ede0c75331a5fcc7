// Two results of one decision side by side, as text (the block under a
// failing test's line, a base test the variant changes, a snapshot's changed
// decision): a heading with the two sides' titles, a row per aspect with `≠`
// before those that differ, then the reasons of each side that has them.
#pragma once

#include <string>
#include <string_view>

#include "engine/result_comparison.hpp"

namespace cadre::render {

/// The block, every line starting with `indent` and ending with a newline:
///
///       c1 hy.warning_status  expected   actual
///     ≠ outcome               triggered  clear
///       reasons, actual:
///         failed   talk_held: a warning talk has been held (cadre.warnings = [])
std::string comparison_text(const engine::ResultComparison& comparison, std::string_view indent);

}  // namespace cadre::render
