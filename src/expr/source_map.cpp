// SourceMap: byte offsets → 1-based line and code-point column.
#include "expr/source_map.hpp"

#include <algorithm>

namespace cadre::expr {

SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<int>(i + 1));
  }
}

SourceLocation SourceMap::locate(int offset) const {
  const int end = static_cast<int>(text_.size());
  offset = std::clamp(offset, 0, end);
  const auto next_line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const int line_start = *(next_line - 1);
  int column = 1;
  // Every byte that is not a UTF-8 continuation byte starts a code point (a
  // stray byte of invalid UTF-8 counts as one column of its own).
  for (int i = line_start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) ++column;
  }
  SourceLocation location;
  location.line = static_cast<int>(next_line - line_starts_.begin());
  location.column = column;
  location.offset = offset;
  return location;
}

}  // namespace cadre::expr
