// The encoding check: rule-set text must be well-formed UTF-8 without control
// characters other than tab and line breaks, checked before yaml-cpp runs.
#pragma once

#include <string_view>

#include "yaml/reporter.hpp"

namespace cadre::yaml {

/// Bytes in the well-formed UTF-8 sequence at `pos` (no overlong forms, no
/// surrogates, nothing past U+10FFFF), or 0 when there is none.
int utf8_sequence(std::string_view text, int pos);

/// Reports the first byte from `origin` on that is not valid UTF-8 or is a
/// forbidden control character; false if there is one.
bool check_encoding(std::string_view text, int origin, Reporter& reporter);

}  // namespace cadre::yaml
