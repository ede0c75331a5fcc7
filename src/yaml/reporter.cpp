// Where problems go (see reporter.hpp): the offset → line:col walk and the
// making of diagnostics.
#include "yaml/reporter.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "yaml/raw_text.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::yaml {

Mark Locator::at(int offset) {
  offset = std::clamp(offset, origin_, size_of(text_));
  if (offset < cursor_.offset) cursor_ = line_start_back_to(offset);
  cursor_ = advance_mark(text_, cursor_, offset);
  return cursor_;
}

int Locator::offset_of(const YAML::Mark& mark) const {
  if (mark.pos >= 0 && mark.pos <= size_of(text_) - origin_) return origin_ + mark.pos;
  std::size_t start = static_cast<std::size_t>(origin_);
  for (int line = 0; line < mark.line; ++line) {
    start = text_.find('\n', start);
    if (start == npos) return origin_;
    ++start;
  }
  return std::min(static_cast<int>(start) + std::max(mark.column, 0), size_of(text_));
}

Mark Locator::line_start_back_to(int offset) const {
  int line = cursor_.line;
  for (int pos = offset; pos < cursor_.offset; ++pos) {
    if (text_[static_cast<std::size_t>(pos)] == '\n') --line;
  }
  int start = offset;
  while (start > origin_ && text_[static_cast<std::size_t>(start - 1)] != '\n')
    --start;
  return Mark{line, 1, start};
}

void Reporter::error(std::string_view code, const Mark& mark, std::string message,
                     std::string help) {
  Diagnostic diagnostic;
  diagnostic.code = std::string(code);
  diagnostic.location = SourceLocation{std::string(file_), mark.line, mark.column, mark.offset};
  diagnostic.message = std::move(message);
  diagnostic.help = std::move(help);
  diagnostics_.push_back(std::move(diagnostic));
}

std::string depth_message(int max_depth) {
  return "nesting deeper than " + std::to_string(max_depth) + " levels";
}

std::string depth_help(Content content) {
  return std::string("flatten the structure; ") +
         (content == Content::records ? "records" : "rule sets") + " need only a few levels";
}

}  // namespace cadre::yaml
