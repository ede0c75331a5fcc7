// The raw-text pre-scan: a look at the text, before yaml-cpp runs, for block
// and flow nesting too deep to hand to its recursive parser, and for a single
// value too long to hand to it (it would hold it several times over).
#include "yaml/nesting_scan.hpp"

#include <algorithm>
#include <climits>
#include <string_view>
#include <vector>

#include "yaml/raw_text.hpp"

namespace cadre::yaml {
namespace {

/// How far past max_depth the raw-text estimate of block nesting may go
/// before the text is refused unparsed (see NestingScan).
constexpr int kNestingScanMargin = 2;

/// A cheap look at the raw text for nesting too deep to hand to yaml-cpp,
/// whose parser recurses once per level (0.7 stops itself at 500 levels, with
/// an unhelpful "bad file"). One pass, line by line: flow brackets are
/// counted outside quotes and comments; block levels are a stack of the
/// columns where block sequences (`- `) and mappings (`key:`, `? `) start,
/// several per line when written compactly (`- - x`, `- key: x`); the
/// content of block scalars is skipped. The estimate can be off for odd
/// text, so the scan refuses only nesting kNestingScanMargin levels past the
/// limit, reported where the estimate first passed it; the tree builder
/// enforces the exact limit on the parser's events.
///
/// A value is measured from where it starts: a quoted scalar from its quote
/// (over lines), anything else from the start of its line or the last flow
/// indicator, `: ` or closing quote; a block scalar's lines one by one.
class NestingScan {
 public:
  NestingScan(std::string_view text, int origin, int limit, std::size_t value_limit)
      : text_(text),
        origin_(origin),
        limit_(limit),
        value_limit_(static_cast<int>(std::min<std::size_t>(value_limit, INT_MAX))) {}

  /// What the text is refused for, if anything.
  std::optional<RawTextProblem> run() {
    for (int begin = origin_; begin < size_of(text_) && !refused_ && !long_value_at_;) {
      const std::size_t newline = text_.find('\n', static_cast<std::size_t>(begin));
      const int end = newline == npos ? size_of(text_) : static_cast<int>(newline);
      scan_line(begin, at(text_, end - 1) == '\r' && end > begin ? end - 1 : end);
      begin = end + 1;
    }
    if (long_value_at_) return RawTextProblem{RawTextProblem::Kind::long_value, *long_value_at_};
    if (refused_) return RawTextProblem{RawTextProblem::Kind::too_deep, *too_deep_at_};
    return std::nullopt;
  }

 private:
  /// A block collection open at `column`.
  struct Level {
    int column;
    bool sequence;
  };

  void scan_line(int begin, int end) {
    int indent = 0;
    while (at(text_, begin + indent) == ' ')
      ++indent;
    if (block_scalar_parent_ >= 0) {
      if (begin + indent == end || indent > block_scalar_parent_) {
        if (end - begin > value_limit_) long_value_at_ = begin + indent;
        return;
      }
      block_scalar_parent_ = -1;
    }
    if (quote_ == '\0') value_start_ = begin;
    const bool block_context = quote_ == '\0' && flow_ == 0;
    int pos = begin;
    if (block_context) {
      pos = begin + indent;
      if (pos == end || at(text_, pos) == '#') return;
      pos = open_block_levels(begin, indent, end);
    }
    const int content_end = scan_characters(pos, end);
    if (block_context && quote_ == '\0' && flow_ == 0) note_block_scalar(begin, content_end);
  }

  /// Closes the levels this line's indentation ends and opens the ones its
  /// start opens; returns where the rest of its content starts.
  int open_block_levels(int begin, int indent, int end) {
    int pos = begin + indent;
    const bool dash = at(text_, pos) == '-' && is_compact_indicator(pos, end);
    // A sequence may sit at its parent key's column; the next key ends it.
    while (!levels_.empty() &&
           (levels_.back().column > indent ||
            (levels_.back().column == indent && levels_.back().sequence && !dash))) {
      levels_.pop_back();
    }
    level_changed(pos);
    const int key = key_colon(pos, end);
    if (levels_.empty() || levels_.back().column < indent || (dash && !levels_.back().sequence)) {
      open_level(pos, indent, key, end);
    }
    while (is_compact_indicator(pos, end)) {
      const int next = skip_blanks(pos + 1);
      if (next >= end) break;
      open_level(next, next - begin, key, end);
      pos = next;
    }
    return pos;
  }

  /// Opens the block collection that the content at `pos` starts, if any.
  void open_level(int pos, int column, int key, int end) {
    if (is_compact_indicator(pos, end)) {
      levels_.push_back(Level{column, at(text_, pos) == '-'});
    } else if (key > pos && key < end) {
      levels_.push_back(Level{column, false});
    } else {
      return;
    }
    level_changed(pos);
  }

  bool is_compact_indicator(int pos, int end) const {
    const char c = at(text_, pos);
    return (c == '-' || c == '?' || c == ':') && (pos + 1 >= end || is_blank(at(text_, pos + 1)));
  }

  /// The `:` that makes the rest of the line from `pos` a `key: value`, or
  /// `end` (quoted text and comments are skipped roughly).
  int key_colon(int pos, int end) const {
    char quote = '\0';
    for (; pos < end; ++pos) {
      const char c = at(text_, pos);
      if (quote != '\0') {
        if (c == quote) quote = '\0';
      } else if ((c == '"' || c == '\'') && is_space(before(pos))) {
        quote = c;
      } else if (c == '#' && is_space(before(pos))) {
        return end;
      } else if (c == ':' && (pos + 1 >= end || is_blank(at(text_, pos + 1)))) {
        return pos;
      }
    }
    return end;
  }

  /// Follows quotes and flow brackets; returns where a comment starts, or `end`.
  int scan_characters(int pos, int end) {
    for (; pos < end && !refused_; ++pos) {
      const char c = at(text_, pos);
      if (pos - value_start_ > value_limit_) {
        long_value_at_ = value_start_;
        return end;
      }
      if (quote_ != '\0') {
        skip_quoted(c, pos);
        if (quote_ == '\0') value_start_ = pos + 1;
        continue;
      }
      const char previous = before(pos);
      const bool token_start =
          is_space(previous) || (flow_ > 0 && std::string_view("[{,:").find(previous) != npos);
      if (c == '#' && is_space(previous)) return pos;
      if ((c == '"' || c == '\'') && token_start) {
        quote_ = c;
        value_start_ = pos;
      } else if ((c == '[' || c == '{') && (token_start || flow_ > 0)) {
        ++flow_;
        level_changed(pos);
        value_start_ = pos + 1;
      } else if ((c == ']' || c == '}') && flow_ > 0) {
        --flow_;
        level_changed(pos);
        value_start_ = pos + 1;
      } else if ((c == ',' && flow_ > 0) || (c == ':' && is_blank(at(text_, pos + 1)))) {
        value_start_ = pos + 1;
      }
    }
    return end;
  }

  void skip_quoted(char c, int& pos) {
    if (quote_ == '"' && c == '\\') {
      ++pos;
    } else if (c == quote_ && quote_ == '\'' && at(text_, pos + 1) == '\'') {
      ++pos;
    } else if (c == quote_) {
      quote_ = '\0';
    }
  }

  /// A line ending in `|` or `>` (with indicators) after `:`, `-`, `?` or a
  /// property starts a block scalar: the lines indented deeper than its
  /// parent collection are text.
  void note_block_scalar(int begin, int end) {
    while (end > begin && is_blank(at(text_, end - 1)))
      --end;
    int start = end;
    while (start > begin && !is_blank(at(text_, start - 1)))
      --start;
    const std::string_view token =
        text_.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
    if (token.empty() || (token[0] != '|' && token[0] != '>') ||
        token.find_first_not_of("0123456789+-", 1) != npos) {
      return;
    }
    int before = start;
    while (before > begin && is_blank(at(text_, before - 1)))
      --before;
    const char previous = at(text_, before - 1);
    if (before > begin && previous != ':' && previous != '-' && previous != '?' &&
        !ends_with_property(begin, before)) {
      return;
    }
    block_scalar_parent_ = 0;
    for (const Level& level : levels_) {
      if (level.column < start - begin) block_scalar_parent_ = level.column;
    }
  }

  bool ends_with_property(int begin, int end) const {
    int start = end;
    while (start > begin && !is_blank(at(text_, start - 1)))
      --start;
    return at(text_, start) == '&' || at(text_, start) == '!';
  }

  int skip_blanks(int pos) const {
    while (is_blank(at(text_, pos)))
      ++pos;
    return pos;
  }

  /// The character before `pos`; the start of the text counts as a space.
  char before(int pos) const { return pos > origin_ ? at(text_, pos - 1) : ' '; }

  void level_changed(int offset) {
    const int depth = static_cast<int>(levels_.size()) + flow_;
    if (depth <= limit_) {
      too_deep_at_.reset();
      return;
    }
    if (!too_deep_at_) too_deep_at_ = offset;
    if (depth > limit_ + kNestingScanMargin) refused_ = true;
  }

  std::string_view text_;
  int origin_;
  int limit_;
  std::vector<Level> levels_;     ///< the open block collections, by increasing column
  int flow_ = 0;                  ///< open flow brackets
  char quote_ = '\0';             ///< the quote of the scalar we are in, if any
  int block_scalar_parent_ = -1;  ///< >= 0: in a block scalar under this column
  std::optional<int> too_deep_at_;
  bool refused_ = false;
  int value_limit_;
  int value_start_ = 0;  ///< where the value being scanned starts
  std::optional<int> long_value_at_;
};

}  // namespace

std::optional<RawTextProblem> scan_raw_text(std::string_view text, int origin, int max_depth,
                                            std::size_t max_value_bytes) {
  return NestingScan(text, origin, max_depth, max_value_bytes).run();
}

}  // namespace cadre::yaml
