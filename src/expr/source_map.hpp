// Maps byte offsets in an expression text to line and column (code points).
#pragma once

#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"

namespace cadre::expr {

class SourceMap {
 public:
  explicit SourceMap(std::string_view text);
  /// Line and column (1-based, columns in code points) of a byte offset;
  /// offsets past the end map to the end of the text.
  SourceLocation locate(int offset) const;

 private:
  std::string_view text_;
  std::vector<int> line_starts_;
};

}  // namespace cadre::expr
