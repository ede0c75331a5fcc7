// How wide a text shows in a terminal: Chinese characters take two columns,
// so columns of text that hold them are padded by width, not by bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cadre::render {

/// Columns `text` (UTF-8) takes: 2 for East Asian wide and fullwidth
/// characters, 0 for combining marks, 1 for the rest.
std::size_t text_width(std::string_view text);

/// `text` followed by spaces up to `width` columns (none when it is wider).
std::string padded_to(std::string_view text, std::size_t width);

}  // namespace cadre::render
