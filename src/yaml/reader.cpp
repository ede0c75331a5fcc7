// The reader: checks the raw text (size, UTF-8, nesting), then drives
// yaml-cpp's event parser with a handler that builds the located tree and
// enforces the rule-set restrictions (see reader.hpp).
#include "yaml/reader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "yaml/scalar_position.hpp"

namespace cadre::yaml {
namespace {

/// How far past max_depth the raw-text estimate of block nesting may go
/// before the text is refused unparsed (see NestingScan).
constexpr int kNestingScanMargin = 2;

int size_of(std::string_view text) {
  return static_cast<int>(text.size());
}

char at(std::string_view text, int pos) {
  return pos >= 0 && pos < size_of(text) ? text[static_cast<std::size_t>(pos)] : '\0';
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_space(char c) {
  return is_blank(c) || c == '\n' || c == '\r';
}

constexpr std::size_t npos = std::string_view::npos;

std::string backticked(std::string_view text) {
  return "`" + std::string(text) + "`";
}

std::string position_text(const Mark& mark) {
  return std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

/// Byte offsets → marks. Queries come mostly in increasing order (the order
/// of parser events), so it walks on from its last answer; for an earlier
/// offset it walks back. It keeps no table: memory stays flat however many
/// lines the text has. Columns skip the byte-order mark.
class Locator {
 public:
  Locator(std::string_view text, int origin)
      : text_(text), origin_(origin), cursor_{1, 1, origin} {}

  Mark at(int offset) {
    offset = std::clamp(offset, origin_, size_of(text_));
    if (offset < cursor_.offset) cursor_ = line_start_back_to(offset);
    cursor_ = advance_mark(text_, cursor_, offset);
    return cursor_;
  }

  /// The offset of yaml-cpp's mark: its byte position (which does not count
  /// the byte-order mark), or else its 0-based line and byte column.
  int offset_of(const YAML::Mark& mark) const {
    if (mark.pos >= 0 && mark.pos <= size_of(text_) - origin_) return origin_ + mark.pos;
    std::size_t start = static_cast<std::size_t>(origin_);
    for (int line = 0; line < mark.line; ++line) {
      start = text_.find('\n', start);
      if (start == npos) return origin_;
      ++start;
    }
    return std::min(static_cast<int>(start) + std::max(mark.column, 0), size_of(text_));
  }

 private:
  /// The mark of the start of the line holding `offset` (before the cursor).
  Mark line_start_back_to(int offset) const {
    int line = cursor_.line;
    for (int pos = offset; pos < cursor_.offset; ++pos) {
      if (text_[static_cast<std::size_t>(pos)] == '\n') --line;
    }
    int start = offset;
    while (start > origin_ && text_[static_cast<std::size_t>(start - 1)] != '\n')
      --start;
    return Mark{line, 1, start};
  }

  std::string_view text_;
  int origin_;
  Mark cursor_;
};

/// Collects the diagnostics of one read, located in one file.
class Reporter {
 public:
  Reporter(std::string_view file, std::string_view text, int origin,
           std::vector<Diagnostic>& diagnostics)
      : file_(file), locator_(text, origin), diagnostics_(diagnostics) {}

  Mark mark(int offset) { return locator_.at(offset); }
  Mark mark(const YAML::Mark& mark) { return locator_.at(locator_.offset_of(mark)); }

  void error(std::string_view code, const Mark& mark, std::string message, std::string help = {}) {
    Diagnostic diagnostic;
    diagnostic.code = std::string(code);
    diagnostic.location = SourceLocation{std::string(file_), mark.line, mark.column, mark.offset};
    diagnostic.message = std::move(message);
    diagnostic.help = std::move(help);
    diagnostics_.push_back(std::move(diagnostic));
  }

 private:
  std::string_view file_;
  Locator locator_;
  std::vector<Diagnostic>& diagnostics_;
};

// --- the encoding ---------------------------------------------------------

/// Bytes in the well-formed UTF-8 sequence at `pos` (no overlong forms, no
/// surrogates, nothing past U+10FFFF), or 0 when there is none.
int utf8_sequence(std::string_view text, int pos) {
  const auto byte = [&](int i) { return static_cast<unsigned char>(at(text, pos + i)); };
  const unsigned lead = byte(0);
  if (lead < 0x80) return 1;
  int length = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : low;
    high = lead == 0xED ? 0x9F : high;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : low;
    high = lead == 0xF4 ? 0x8F : high;
  } else {
    return 0;
  }
  if (pos + length > size_of(text) || byte(1) < low || byte(1) > high) return 0;
  for (int i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

/// YAML allows tab and line breaks but no other C0 control character, nor
/// DEL. A NUL would also make yaml-cpp guess UTF-16 or UTF-32.
bool is_forbidden_control(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7F;
}

/// Reports the first byte that is not valid UTF-8 or is a forbidden control
/// character; false if there is one.
bool check_encoding(std::string_view text, int origin, Reporter& reporter) {
  for (int pos = origin; pos < size_of(text);) {
    const auto byte = static_cast<unsigned char>(text[static_cast<std::size_t>(pos)]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, most of any file
      ++pos;
      continue;
    }
    const int length = utf8_sequence(text, pos);
    const char c = at(text, pos);
    if (length == 0 || (length == 1 && is_forbidden_control(c))) {
      char hex[16];
      std::snprintf(hex, sizeof hex, length == 0 ? "0x%02X" : "U+%04X",
                    static_cast<unsigned>(static_cast<unsigned char>(c)));
      reporter.error(kEncodingCode, reporter.mark(pos),
                     length == 0 ? std::string("invalid UTF-8 byte ") + hex
                                 : std::string("control character ") + hex + " is not allowed",
                     length == 0 ? "save the file as UTF-8"
                                 : "remove it; in a double-quoted string write it as an escape");
      return false;
    }
    pos += length;
  }
  return true;
}

// --- the nesting, before yaml-cpp -----------------------------------------

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
class NestingScan {
 public:
  NestingScan(std::string_view text, int origin, int limit)
      : text_(text), origin_(origin), limit_(limit) {}

  /// Where nesting first went past the limit, if it went well past it.
  std::optional<int> run() {
    for (int begin = origin_; begin < size_of(text_) && !refused_;) {
      const std::size_t newline = text_.find('\n', static_cast<std::size_t>(begin));
      const int end = newline == npos ? size_of(text_) : static_cast<int>(newline);
      scan_line(begin, at(text_, end - 1) == '\r' && end > begin ? end - 1 : end);
      begin = end + 1;
    }
    return refused_ ? too_deep_at_ : std::nullopt;
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
      if (begin + indent == end || indent > block_scalar_parent_) return;
      block_scalar_parent_ = -1;
    }
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
      if (quote_ != '\0') {
        skip_quoted(c, pos);
        continue;
      }
      const char previous = before(pos);
      const bool token_start =
          is_space(previous) || (flow_ > 0 && std::string_view("[{,:").find(previous) != npos);
      if (c == '#' && is_space(previous)) return pos;
      if ((c == '"' || c == '\'') && token_start) {
        quote_ = c;
      } else if ((c == '[' || c == '{') && (token_start || flow_ > 0)) {
        ++flow_;
        level_changed(pos);
      } else if ((c == ']' || c == '}') && flow_ > 0) {
        --flow_;
        level_changed(pos);
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
};

std::string depth_message(int max_depth) {
  return "nesting deeper than " + std::to_string(max_depth) + " levels";
}

constexpr const char* kDepthHelp = "flatten the structure; rule sets need only a few levels";

// --- the tree, from yaml-cpp's events -------------------------------------

/// Thrown by the tree builder to stop yaml-cpp once the read cannot go on
/// (a limit, a second document); caught in parse_tree(), never beyond.
struct StopReading {};

/// The spelling of a null written as a word (`~`, `null`, `Null`, `NULL`)
/// at `offset`, or empty.
std::string_view null_literal(std::string_view text, int offset) {
  for (const std::string_view word : {"~", "null", "Null", "NULL"}) {
    if (text.substr(static_cast<std::size_t>(offset), word.size()) != word) continue;
    const char next = at(text, offset + size_of(word));
    if (next == '\0' || is_space(next) || std::string_view(",]}:").find(next) != npos) return word;
  }
  return {};
}

/// True if a null event's mark is at a null written out. An empty value's
/// mark points at whatever follows it instead, which may be a key called
/// `null`: a word followed by `:` is a key.
bool is_written_null(std::string_view text, int offset) {
  const std::string_view word = null_literal(text, offset);
  if (word.empty()) return false;
  int pos = offset + size_of(word);
  while (is_blank(at(text, pos)))
    ++pos;
  return at(text, pos) != ':';
}

/// yaml-cpp 0.7 writes the escapes `\N` and `\_` of double-quoted scalars as
/// the single bytes 0x85 and 0xA0, which are not UTF-8; this makes them the
/// characters U+0085 and U+00A0. The text was checked to be UTF-8 and every
/// other escape comes out as UTF-8, so a lone 0x85 or 0xA0 can only be one.
void repair_escapes(std::string& value) {
  for (int pos = 0; pos < size_of(value);) {
    const char c = value[static_cast<std::size_t>(pos)];
    if (utf8_sequence(value, pos) == 0 && (c == '\x85' || c == '\xA0')) {
      value.insert(static_cast<std::size_t>(pos), 1, '\xC2');
      pos += 2;
    } else {
      pos += std::max(utf8_sequence(value, pos), 1);
    }
  }
}

bool is_null_word(std::string_view value) {
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

/// Builds the tree from parser events and checks what yaml-cpp lets through:
/// duplicate keys, non-scalar keys, aliases, tags, a second document and the
/// depth and node limits.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, int origin, const ReadOptions& options, Reporter& reporter)
      : text_(text), origin_(origin), options_(options), reporter_(reporter) {}

  /// The root, if the first document was read to its end.
  std::optional<Node> take_root() {
    if (!frames_.empty() || !complete_) return std::nullopt;
    return std::move(root_);
  }

  /// yaml-cpp also starts a new document, silently, where text goes on
  /// after the root node has ended (`- a` then `b: 1` at the same column):
  /// without a `---` or `...`, that is a syntax error.
  void OnDocumentStart(const YAML::Mark& yaml_mark) override {
    if (++documents_ == 1) return;
    const Mark mark = reporter_.mark(yaml_mark);
    if (starts_with_marker(mark.offset, "---") || follows_document_end(mark.offset)) {
      reporter_.error(kDocumentsCode, mark,
                      "more than one document in the file: a rule set file holds one",
                      "remove the separator (`---` or `...`) or split the file");
    } else {
      reporter_.error(kSyntaxCode, mark, "content after the end of the root node",
                      "indent it to belong to the node above");
      complete_ = false;
    }
    throw StopReading{};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    Node node = start_node(mark, NodeKind::null);
    const Properties properties = read_properties(text_, node.mark.offset);
    if (!properties.tag.empty()) check_tag(properties.tag, node.mark);
    if (properties.anchor.empty() && properties.tag.empty() &&
        !is_written_null(text_, node.mark.offset)) {
      node.mark = empty_node_mark(node.mark);
    }
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    Node node = start_node(mark, NodeKind::null);
    report_alias(node.mark);
    add(std::move(node));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                const std::string& value) override {
    Node node = start_node(mark, NodeKind::scalar);
    check_tag(tag, node.mark);
    node.style = scalar_style_at(text_, node.mark.offset);
    check_closed_quote(node);
    // Only `! null` gets here as a plain null word: `!` has no effect.
    if (node.style == ScalarStyle::plain && is_null_word(value)) {
      node.kind = NodeKind::null;
    } else {
      node.scalar = value;
      if (node.style == ScalarStyle::double_quoted) repair_escapes(node.scalar);
    }
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    open(start_node(mark, NodeKind::sequence), tag);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    open(start_node(mark, NodeKind::mapping), tag);
  }
  void OnMapEnd() override { close(); }

  /// yaml-cpp 0.7 accepts a quoted scalar that is never closed and takes the
  /// rest of the file into it; report that at the opening quote instead.
  void check_closed_quote(const Node& node) {
    if (node.style != ScalarStyle::single_quoted && node.style != ScalarStyle::double_quoted)
      return;
    const char quote = node.style == ScalarStyle::single_quoted ? '\'' : '"';
    std::size_t at = static_cast<std::size_t>(node.mark.offset);
    while (at < text_.size() && text_[at] != quote)
      ++at;  // skip a tag or anchor
    for (std::size_t i = at + 1; i < text_.size(); ++i) {
      if (quote == '"' && text_[i] == '\\') {
        ++i;
      } else if (text_[i] == quote) {
        if (quote == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;  // '' is one quote inside a single-quoted scalar
          continue;
        }
        return;
      }
    }
    reporter_.error(kSyntaxCode, node.mark,
                    std::string("quoted string `") + quote +
                        "` is never closed: the rest of the file is inside it",
                    std::string("close it with `") + quote + "` on the same line");
    throw StopReading();
  }

  /// Reports the alias at `mark` (also used when yaml-cpp stops at an alias
  /// whose anchor is missing).
  void report_alias(const Mark& mark) {
    const std::string_view name = alias_name(mark.offset);
    reporter_.error(kAliasCode, mark, "aliases are not supported in rule sets: write the value out",
                    name.empty() ? std::string()
                                 : backticked(name) + " repeats the value marked with " +
                                       backticked("&" + std::string(name.substr(1))));
  }

 private:
  /// An open collection and, for a mapping, the key waiting for its value.
  struct Frame {
    Node node;
    std::optional<Node> key;
    bool key_is_valid = false;
    std::unordered_map<std::string, Mark> keys;  ///< first mark of each key text
  };

  Node start_node(const YAML::Mark& mark, NodeKind kind) {
    Node node;
    node.kind = kind;
    node.mark = reporter_.mark(mark);
    if (++nodes_ > options_.max_nodes) {
      reporter_.error(kLimitCode, node.mark,
                      "more than " + std::to_string(options_.max_nodes) + " nodes",
                      "split the rule set into several files");
      throw StopReading{};
    }
    return node;
  }

  void open(Node node, const std::string& tag) {
    check_tag(tag, node.mark);
    if (static_cast<int>(frames_.size()) >= options_.max_depth) {
      reporter_.error(kLimitCode, node.mark, depth_message(options_.max_depth), kDepthHelp);
      throw StopReading{};
    }
    frames_.push_back(Frame{std::move(node), std::nullopt, false, {}});
  }

  void close() {
    Node node = std::move(frames_.back().node);
    frames_.pop_back();
    add(std::move(node));
  }

  void add(Node node) {
    if (frames_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = frames_.back();
    if (top.node.kind == NodeKind::sequence) {
      top.node.items.push_back(std::move(node));
    } else if (!top.key) {
      top.key_is_valid = check_key(top, node);
      top.key = std::move(node);
    } else {
      if (top.key_is_valid) top.node.entries.emplace_back(std::move(*top.key), std::move(node));
      top.key.reset();
    }
  }

  /// False for a key that cannot be one (it is reported, unless an alias).
  bool check_key(Frame& frame, const Node& key) {
    if (key.kind == NodeKind::scalar) {
      const auto [first, inserted] = frame.keys.try_emplace(key.scalar, key.mark);
      if (!inserted) {
        reporter_.error(kDuplicateKeyCode, key.mark, "duplicate key " + backticked(key.scalar),
                        "first defined at " + position_text(first->second));
      }
      return true;
    }
    if (at(text_, key.mark.offset) == '*') return false;
    const std::string_view word = null_literal(text_, key.mark.offset);
    const std::string found = key.kind == NodeKind::sequence  ? "a sequence"
                              : key.kind == NodeKind::mapping ? "a mapping"
                              : word.empty()                  ? "an empty key"
                                             : backticked(word) + ", which reads as null";
    reporter_.error(kKeyCode, key.mark, "a mapping key must be text, found " + found,
                    word.empty() ? "write the key as text"
                                 : "quote it, " + backticked("\"" + std::string(word) + "\"") +
                                       ", to use it as text");
    return false;
  }

  void check_tag(std::string_view tag, const Mark& mark) {
    if (tag.empty() || tag == "?" || tag == "!") return;
    const std::string_view spelled = read_properties(text_, mark.offset).tag;
    const int offset =
        spelled.empty() ? mark.offset : static_cast<int>(spelled.data() - text_.data());
    reporter_.error(
        kTagCode, reporter_.mark(offset),
        "tag " + backticked(spelled.empty() ? tag : spelled) + " is not supported in rule sets",
        "remove the tag; rule sets use plain scalars, sequences and mappings");
  }

  /// An empty value's mark from yaml-cpp points at whatever follows it; a
  /// value is placed at its key instead, an item at its `-`.
  Mark empty_node_mark(const Mark& given) {
    if (frames_.empty()) return given;
    const Frame& top = frames_.back();
    if (top.node.kind == NodeKind::mapping && top.key) return top.key->mark;
    if (top.node.kind == NodeKind::sequence) {
      if (const std::optional<int> dash = preceding_dash(given.offset))
        return reporter_.mark(*dash);
    }
    return given;
  }

  /// The `-` before `offset` with only white space and comments between.
  std::optional<int> preceding_dash(int pos) const {
    while (true) {
      while (pos > origin_ && is_space(at(text_, pos - 1)))
        --pos;
      int line = pos;
      while (line > origin_ && at(text_, line - 1) != '\n')
        --line;
      const std::optional<int> comment = comment_start(line, pos);
      if (!comment) break;
      pos = *comment;
    }
    if (pos > origin_ && at(text_, pos - 1) == '-') return pos - 1;
    return std::nullopt;
  }

  std::optional<int> comment_start(int begin, int end) const {
    for (int pos = begin; pos < end; ++pos) {
      if (at(text_, pos) == '#' && (pos == begin || is_blank(at(text_, pos - 1)))) return pos;
    }
    return std::nullopt;
  }

  bool starts_with_marker(int offset, std::string_view marker) const {
    const int after = offset + size_of(marker);
    return text_.substr(static_cast<std::size_t>(offset), marker.size()) == marker &&
           (after >= size_of(text_) || is_space(at(text_, after)));
  }

  /// True if the last line before `offset` that is not blank or a comment is
  /// a document end marker (`...`).
  bool follows_document_end(int pos) const {
    while (true) {
      while (pos > origin_ && is_space(at(text_, pos - 1)))
        --pos;
      int line = pos;
      while (line > origin_ && at(text_, line - 1) != '\n')
        --line;
      while (is_blank(at(text_, line)))
        ++line;
      if (line >= pos) return false;
      if (at(text_, line) != '#') return starts_with_marker(line, "...");
      pos = line;
    }
  }

  std::string_view alias_name(int offset) const {
    if (at(text_, offset) != '*') return {};
    int end = offset + 1;
    while (end < size_of(text_) && !is_space(at(text_, end)) &&
           std::string_view(",[]{}").find(at(text_, end)) == npos) {
      ++end;
    }
    return text_.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(end - offset));
  }

  std::string_view text_;
  int origin_;
  const ReadOptions& options_;
  Reporter& reporter_;
  std::vector<Frame> frames_;
  std::optional<Node> root_;
  std::size_t nodes_ = 0;
  int documents_ = 0;
  bool complete_ = true;  ///< false once the text turned out not to be one document
};

/// yaml-cpp's message, with the user's text that some messages end with in
/// backticks ("unknown escape character: `q`").
std::string syntax_message(const std::string& message) {
  for (const std::string_view prefix :
       {YAML::ErrorMsg::INVALID_ESCAPE, YAML::ErrorMsg::INVALID_UNICODE,
        YAML::ErrorMsg::YAML_VERSION}) {
    if (message.size() > prefix.size() && message.rfind(prefix, 0) == 0) {
      return std::string(prefix) + backticked(std::string_view(message).substr(prefix.size()));
    }
  }
  return message;
}

/// Offset of the innermost `open` bracket left unclosed before `end`
/// (quoted text and comments skipped), or -1.
int unclosed_bracket(std::string_view text, int begin, int end, char open) {
  std::vector<std::pair<char, int>> stack;
  char quote = 0;
  for (int i = begin; i < end && i < static_cast<int>(text.size()); ++i) {
    char c = text[static_cast<std::size_t>(i)];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#') {
      while (i < end && text[static_cast<std::size_t>(i)] != '\n')
        ++i;
    } else if (c == '{' || c == '[') {
      stack.emplace_back(c, i);
    } else if ((c == '}' || c == ']') && !stack.empty()) {
      stack.pop_back();
    }
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    if (it->first == open) return it->second;
  }
  return -1;
}

/// yaml-cpp's complaint, as a diagnostic at its mark.
void report_parser_error(const YAML::ParserException& error, TreeBuilder& builder,
                         Reporter& reporter, std::string_view text, int origin) {
  const Mark mark = reporter.mark(error.mark);
  const bool map_flow = error.msg == YAML::ErrorMsg::END_OF_MAP_FLOW;
  if (map_flow || error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
    // yaml-cpp notices only where the text goes wrong; point at the bracket.
    int opened = unclosed_bracket(text, origin, mark.offset, map_flow ? '{' : '[');
    if (opened >= 0) {
      reporter.error(kSyntaxCode, reporter.mark(opened),
                     map_flow ? "flow mapping `{` is never closed: expected `,` or `}`"
                              : "flow sequence `[` is never closed: expected `,` or `]`");
      return;
    }
  }
  if (dynamic_cast<const YAML::DeepRecursion*>(&error) != nullptr) {
    reporter.error(kLimitCode, mark, "nesting too deep for the YAML parser", kDepthHelp);
  } else if (error.msg.rfind(YAML::ErrorMsg::UNKNOWN_ANCHOR, 0) == 0) {
    builder.report_alias(mark);
  } else {
    reporter.error(kSyntaxCode, mark, syntax_message(error.msg));
  }
}

/// Runs yaml-cpp over the text after the byte-order mark; the root of the
/// first document, if it could be read to its end.
std::optional<Node> parse_tree(std::string_view text, int origin, const ReadOptions& options,
                               Reporter& reporter) {
  std::istringstream stream{std::string(text.substr(static_cast<std::size_t>(origin)))};
  YAML::Parser parser(stream);
  TreeBuilder builder(text, origin, options, reporter);
  try {
    if (!parser.HandleNextDocument(builder)) {
      Node empty;
      empty.mark = reporter.mark(origin);
      return empty;
    }
    parser.HandleNextDocument(builder);
  } catch (const StopReading&) {
    // Reported; a second document still leaves the first one's tree.
  } catch (const YAML::ParserException& error) {
    report_parser_error(error, builder, reporter, text, origin);
    return std::nullopt;
  }
  return builder.take_root();
}

std::size_t byte_limit(const ReadOptions& options) {
  return std::min(options.max_bytes, static_cast<std::size_t>(INT_MAX));
}

Diagnostic size_diagnostic(std::string file, std::size_t size, const ReadOptions& options) {
  Diagnostic diagnostic;
  diagnostic.code = std::string(kLimitCode);
  diagnostic.location = SourceLocation{std::move(file), 1, 1, 0};
  diagnostic.message = "the text is " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(byte_limit(options));
  diagnostic.help = "split the rule set into several files";
  return diagnostic;
}

ReadResult io_failure(std::string file, std::string message) {
  Diagnostic diagnostic;
  diagnostic.code = std::string(kIoCode);
  diagnostic.location = SourceLocation{std::move(file), 1, 1, 0};
  diagnostic.message = std::move(message);
  ReadResult result;
  result.diagnostics.push_back(std::move(diagnostic));
  return result;
}

std::string lowercase_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

}  // namespace

ReadResult read_yaml(std::string file_name, std::string text, const ReadOptions& options) {
  ReadResult result;
  if (text.size() > byte_limit(options)) {
    result.diagnostics.push_back(size_diagnostic(std::move(file_name), text.size(), options));
    return result;
  }
  const int origin = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  Reporter reporter(file_name, text, origin, result.diagnostics);
  // The nesting scan goes first: on hostile input it stops early.
  if (const std::optional<int> offset = NestingScan(text, origin, options.max_depth).run()) {
    reporter.error(kLimitCode, reporter.mark(*offset), depth_message(options.max_depth),
                   kDepthHelp);
    return result;
  }
  if (!check_encoding(text, origin, reporter)) return result;
  std::optional<Node> root = parse_tree(text, origin, options, reporter);
  if (root) result.document = Document{std::move(file_name), std::move(text), std::move(*root)};
  return result;
}

ReadResult read_yaml_file(const std::filesystem::path& path, const ReadOptions& options) {
  std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    const std::string reason = error ? lowercase_first(error.message()) : "not a regular file";
    return io_failure(name, "cannot read " + backticked(name) + ": " + reason);
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error)
    return io_failure(name,
                      "cannot read " + backticked(name) + ": " + lowercase_first(error.message()));
  if (size > byte_limit(options)) {
    ReadResult result;
    result.diagnostics.push_back(size_diagnostic(name, static_cast<std::size_t>(size), options));
    return result;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in || in.gcount() != static_cast<std::streamsize>(size)) {
    return io_failure(name, "cannot read " + backticked(name) + ": the read failed");
  }
  return read_yaml(std::move(name), std::move(text), options);
}

}  // namespace cadre::yaml
