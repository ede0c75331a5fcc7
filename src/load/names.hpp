// Names in rule sets: what an id may be spelled with, and the "did you mean"
// suggestions that diagnostics offer for a misspelt key, value or id.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace cadre::load {

/// The candidate closest to `word` by edit distance (in code points), or empty
/// when none is close enough to be a likely misspelling.
std::string_view closest(std::string_view word, std::span<const std::string_view> candidates);
/// "did you mean `x`?", or empty when no candidate is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
/// "`a`, `b`, `c`".
std::string quoted_list(std::span<const std::string_view> words);

/// A name: an ASCII letter or `_`, then ASCII letters, digits or `_`.
bool is_name(std::string_view text);
/// Names joined by `.`, e.g. hy.warning_period.
bool is_dotted_name(std::string_view text);

}  // namespace cadre::load
