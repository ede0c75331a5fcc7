// Positions inside scalars: re-reads a scalar's raw text and walks it in step
// with the value the YAML library produced, one piece of source at a time,
// until the wanted byte of the value is reached (see scalar_position.hpp).
#include "yaml/scalar_position.hpp"

#include <cstring>

#include <algorithm>
#include <array>
#include <optional>
#include <string>

namespace cadre::yaml {
namespace {

int size_of(std::string_view text) {
  return static_cast<int>(text.size());
}

/// The byte at `pos`, or '\0' out of range: look-ahead never reads outside.
char at(std::string_view text, int pos) {
  return pos >= 0 && pos < size_of(text) ? text[static_cast<std::size_t>(pos)] : '\0';
}

/// Up to `count` bytes from `pos`, clamped to the text.
std::string_view slice(std::string_view text, int pos, int count) {
  const int begin = std::clamp(pos, 0, size_of(text));
  const int end = std::clamp(pos + count, begin, size_of(text));
  return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_break(char c) {
  return c == '\n' || c == '\r';
}
bool is_space(char c) {
  return is_blank(c) || is_break(c);
}
bool is_flow_indicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

int skip_blanks(std::string_view text, int pos) {
  while (is_blank(at(text, pos)))
    ++pos;
  return pos;
}

/// Past the line break at `pos` (`\r\n`, `\n` or `\r`).
int skip_break(std::string_view text, int pos) {
  return at(text, pos) == '\r' && at(text, pos + 1) == '\n' ? pos + 2 : pos + 1;
}

int line_end(std::string_view text, int pos) {
  while (pos < size_of(text) && !is_break(text[static_cast<std::size_t>(pos)]))
    ++pos;
  return pos;
}

/// Past spaces, line breaks and comments (only called after white space, so
/// a `#` here starts a comment).
int skip_space_and_comments(std::string_view text, int pos) {
  while (true) {
    const char c = at(text, pos);
    if (is_space(c)) {
      ++pos;
    } else if (c == '#') {
      pos = line_end(text, pos);
    } else {
      return pos;
    }
  }
}

/// The end of the `&anchor` or `!tag` token at `pos`; a verbatim tag
/// (`!<tag:yaml.org,2002:str>`) runs to its `>`.
int property_end(std::string_view text, int pos) {
  if (at(text, pos) == '!' && at(text, pos + 1) == '<') {
    const std::size_t close = text.find('>', static_cast<std::size_t>(pos));
    if (close != std::string_view::npos) return static_cast<int>(close) + 1;
  }
  ++pos;
  while (pos < size_of(text) && !is_space(at(text, pos)) && !is_flow_indicator(at(text, pos))) {
    ++pos;
  }
  return pos;
}

/// Bytes in the UTF-8 sequence that `lead` starts (1 for a stray byte).
int utf8_length(char lead) {
  const auto byte = static_cast<unsigned char>(lead);
  if (byte >= 0xF0) return 4;
  if (byte >= 0xE0) return 3;
  if (byte >= 0xC0) return 2;
  return 1;
}

std::string encode_utf8(char32_t code) {
  std::string bytes;
  if (code < 0x80) {
    bytes += static_cast<char>(code);
  } else if (code < 0x800) {
    bytes += static_cast<char>(0xC0 | (code >> 6));
    bytes += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    bytes += static_cast<char>(0xE0 | (code >> 12));
    bytes += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    bytes += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    bytes += static_cast<char>(0xF0 | (code >> 18));
    bytes += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    bytes += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    bytes += static_cast<char>(0x80 | (code & 0x3F));
  }
  return bytes;
}

std::optional<char32_t> parse_hex(std::string_view digits) {
  char32_t code = 0;
  for (const char c : digits) {
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    code = code * 16 + static_cast<char32_t>(digit);
  }
  return code;
}

/// The single-character escapes of double-quoted scalars (YAML 1.2 §5.7).
struct Escape {
  char letter;
  std::string_view value;
};
constexpr std::array<Escape, 18> kEscapes = {{
    {'0', std::string_view("\0", 1)},
    {'a', "\a"},
    {'b', "\b"},
    {'t', "\t"},
    {'\t', "\t"},
    {'n', "\n"},
    {'v', "\v"},
    {'f', "\f"},
    {'r', "\r"},
    {'e', "\x1b"},
    {' ', " "},
    {'"', "\""},
    {'/', "/"},
    {'\\', "\\"},
    {'N', "\xC2\x85"},
    {'_', "\xC2\xA0"},
    {'L', "\xE2\x80\xA8"},
    {'P', "\xE2\x80\xA9"},
}};

/// Hex digits after `\x`, `\u` and `\U`; 0 for other escapes.
int hex_digits(char letter) {
  switch (letter) {
    case 'x':
      return 2;
    case 'u':
      return 4;
    case 'U':
      return 8;
    default:
      return 0;
  }
}

/// Walks a scalar's value in step with its source. Each piece of source
/// produces some value bytes, which must match the value; the walk is over
/// when the target byte is produced, the value is used up, or they disagree.
class ValueWalk {
 public:
  ValueWalk(std::string_view value, int target, int start)
      : value_(value), target_(target), end_(start) {}

  /// The source at `offset` produced `bytes`; `next` is the source offset
  /// just after them (where a position at the end of the value points).
  void emit(int offset, std::string_view bytes, int next) {
    if (over()) return;
    if (value_.substr(static_cast<std::size_t>(produced_), bytes.size()) != bytes) {
      failed_ = true;
      return;
    }
    if (target_ < produced_ + size_of(bytes)) found_ = offset;
    produced_ += size_of(bytes);
    end_ = next;
  }

  /// A line break at `offset`, which folding turned into one of `allowed`
  /// or into nothing (the value says which).
  void fold(int offset, std::string_view allowed) {
    if (over()) return;
    const std::string_view next = value_.substr(static_cast<std::size_t>(produced_), 1);
    if (allowed.find(next.front()) != std::string_view::npos) emit(offset, next, offset);
  }

  void fail() { failed_ = true; }
  bool over() const { return failed_ || found_ || produced_ == size_of(value_); }

  /// The source offset of the target byte, if the walk reached it.
  std::optional<int> result() const {
    if (failed_) return std::nullopt;
    if (found_) return found_;
    if (produced_ == size_of(value_)) return end_;
    return std::nullopt;
  }

 private:
  std::string_view value_;
  int target_;
  int end_;
  int produced_ = 0;
  std::optional<int> found_;
  bool failed_ = false;
};

/// Emits the whole character at `pos`; returns the offset after it.
int emit_char(std::string_view text, int pos, ValueWalk& walk) {
  const std::string_view character = slice(text, pos, utf8_length(at(text, pos)));
  const int next = pos + size_of(character);
  walk.emit(pos, character, next);
  return next;
}

/// The escape at `pos` (a backslash) of a double-quoted scalar; returns the
/// offset after it. An escaped line break joins the lines without a space.
int walk_escape(std::string_view text, int pos, ValueWalk& walk) {
  const char letter = at(text, pos + 1);
  if (is_break(letter)) return skip_blanks(text, skip_break(text, pos + 1));
  if (const int digits = hex_digits(letter); digits > 0) {
    const std::string_view hex = slice(text, pos + 2, digits);
    const std::optional<char32_t> code = parse_hex(hex);
    if (size_of(hex) != digits || !code) {
      walk.fail();
    } else {
      walk.emit(pos, encode_utf8(*code), pos + 2 + digits);
    }
    return pos + 2 + digits;
  }
  const auto* escape = std::find_if(kEscapes.begin(), kEscapes.end(),
                                    [letter](const Escape& e) { return e.letter == letter; });
  if (escape == kEscapes.end()) {
    walk.fail();
  } else {
    walk.emit(pos, escape->value, pos + 2);
  }
  return pos + 2;
}

/// A plain, single- or double-quoted scalar whose content (or opening quote)
/// is at `pos`. Line breaks fold: white space around them is dropped, one
/// break becomes a space and each further empty line a newline.
void walk_flow_scalar(std::string_view text, int pos, ScalarStyle style, ValueWalk& walk) {
  const char quote = style == ScalarStyle::single_quoted   ? '\''
                     : style == ScalarStyle::double_quoted ? '"'
                                                           : '\0';
  if (quote != '\0') ++pos;
  while (pos < size_of(text) && !walk.over()) {
    const char c = at(text, pos);
    if (is_break(c)) {
      walk.fold(pos, " \n");
      pos = skip_blanks(text, skip_break(text, pos));
    } else if (is_blank(c) && (is_break(at(text, skip_blanks(text, pos))) ||
                               skip_blanks(text, pos) >= size_of(text))) {
      pos = skip_blanks(text, pos);
    } else if (quote == '\'' && c == '\'' && at(text, pos + 1) == '\'') {
      walk.emit(pos, "'", pos + 2);
      pos += 2;
    } else if (quote != '\0' && c == quote) {
      return;
    } else if (quote == '"' && c == '\\') {
      pos = walk_escape(text, pos, walk);
    } else {
      pos = emit_char(text, pos, walk);
    }
  }
}

int leading_spaces(std::string_view text, int pos) {
  int count = 0;
  while (at(text, pos + count) == ' ')
    ++count;
  return count;
}

/// The indentation of a block scalar's content lines, from `line` on: the
/// first non-blank line's leading spaces less those the value keeps (an
/// explicit indentation indicator, `|2`, leaves some in the value).
std::optional<int> content_indent(std::string_view text, int line, std::string_view value) {
  while (line < size_of(text)) {
    const int end = line_end(text, line);
    const int spaces = leading_spaces(text, line);
    if (line + spaces < end) {
      const std::size_t first = value.find_first_not_of('\n');
      if (first == std::string_view::npos) return std::nullopt;
      const std::size_t kept = value.find_first_not_of(' ', first);
      const int kept_spaces =
          static_cast<int>((kept == std::string_view::npos ? value.size() : kept) - first);
      if (kept_spaces > spaces) return std::nullopt;
      return spaces - kept_spaces;
    }
    line = skip_break(text, end);
  }
  return std::nullopt;
}

/// A literal (`|`) or folded (`>`) block scalar whose indicator is at `pos`:
/// content lines follow the indicator line, their indentation removed. In a
/// literal block every line break is kept; a folded block may turn one into
/// a space.
void walk_block_scalar(std::string_view text, int pos, ScalarStyle style, std::string_view value,
                       ValueWalk& walk) {
  const int header_end = line_end(text, pos);
  if (header_end >= size_of(text)) return;
  int line = skip_break(text, header_end);
  const std::optional<int> indent = content_indent(text, line, value);
  if (!indent) return walk.fail();
  const std::string_view folds = style == ScalarStyle::literal ? "\n" : " \n";
  while (line <= size_of(text) && !walk.over()) {
    const int end = line_end(text, line);
    const int spaces = leading_spaces(text, line);
    if (line + spaces < end && spaces < *indent) return;
    for (int p = line + std::min(spaces, *indent); p < end && !walk.over();) {
      p = emit_char(text, p, walk);
    }
    walk.fold(end, folds);
    if (end >= size_of(text)) return;
    line = skip_break(text, end);
  }
}

/// The source offset of byte `target` of `value`, for the scalar whose
/// content starts at `content`.
std::optional<int> source_offset(std::string_view text, int content, std::string_view value,
                                 int target) {
  const ScalarStyle style = scalar_style_at(text, content);
  const bool quoted = style == ScalarStyle::single_quoted || style == ScalarStyle::double_quoted;
  ValueWalk walk(value, target, quoted ? content + 1 : content);
  if (style == ScalarStyle::literal || style == ScalarStyle::folded) {
    walk_block_scalar(text, content, style, value, walk);
  } else {
    walk_flow_scalar(text, content, style, walk);
  }
  return walk.result();
}

}  // namespace

Properties read_properties(std::string_view text, int offset) {
  Properties properties;
  properties.content = offset;
  int pos = offset;
  for (int seen = 0; seen < 2; ++seen) {
    const char c = at(text, pos);
    if (c != '&' && c != '!') break;
    const int end = property_end(text, pos);
    (c == '&' ? properties.anchor : properties.tag) = slice(text, pos, end - pos);
    pos = skip_space_and_comments(text, end);
    properties.content = pos;
  }
  return properties;
}

ScalarStyle scalar_style_at(std::string_view text, int offset) {
  switch (at(text, read_properties(text, offset).content)) {
    case '\'':
      return ScalarStyle::single_quoted;
    case '"':
      return ScalarStyle::double_quoted;
    case '|':
      return ScalarStyle::literal;
    case '>':
      return ScalarStyle::folded;
    default:
      return ScalarStyle::plain;
  }
}

Mark advance_mark(std::string_view text, Mark from, int offset) {
  if (from.offset < 0 || from.offset > size_of(text)) return from;
  const int end = std::clamp(offset, from.offset, size_of(text));
  // Lines by memchr; columns counted only after the last line break (a whole
  // file is walked this way when a streamed file is checked).
  Mark mark = from;
  auto i = static_cast<std::size_t>(from.offset);
  const auto stop = static_cast<std::size_t>(end);
  while (const void* found = std::memchr(text.data() + i, '\n', stop - i)) {
    ++mark.line;
    mark.column = 1;
    i = static_cast<std::size_t>(static_cast<const char*>(found) - text.data()) + 1;
  }
  for (; i < stop; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++mark.column;
  }
  mark.offset = end;
  return mark;
}

SourceLocation locate_in_scalar(const Document& document, const Node& scalar, int value_offset) {
  const std::string_view text = document.text;
  Mark mark = scalar.mark;
  const bool in_range = mark.offset >= 0 && mark.offset <= size_of(text) && value_offset >= 0 &&
                        value_offset <= size_of(scalar.scalar);
  if (scalar.kind == NodeKind::scalar && in_range) {
    const int content = read_properties(text, mark.offset).content;
    if (const std::optional<int> offset =
            source_offset(text, content, scalar.scalar, value_offset)) {
      mark = advance_mark(text, mark, *offset);
    }
  }
  return SourceLocation{document.file, mark.line, mark.column, mark.offset};
}

}  // namespace cadre::yaml
