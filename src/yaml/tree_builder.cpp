// The tree builder (see tree_builder.hpp): one method per parser event, and
// the look back into the raw text that yaml-cpp's events leave out — where a
// null was written, how a scalar is quoted, what a tag or alias is spelled.
#include "yaml/tree_builder.hpp"

#include <algorithm>
#include <utility>

#include "yaml/encoding.hpp"
#include "yaml/raw_text.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::yaml {
namespace {

std::string position_text(const Mark& mark) {
  return std::to_string(mark.line) + ":" + std::to_string(mark.column);
}

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

}  // namespace

// --- the events -------------------------------------------------------------

std::optional<Node> TreeBuilder::take_root() {
  if (!frames_.empty() || !complete_) return std::nullopt;
  return std::move(root_);
}

void TreeBuilder::OnDocumentStart(const YAML::Mark& yaml_mark) {
  if (++documents_ == 1) return;
  const Mark mark = reporter_.mark(yaml_mark);
  if (starts_with_marker(mark.offset, "---") || follows_document_end(mark.offset)) {
    reporter_.error(kDocumentsCode, mark,
                    std::string("more than one document in the file: a ") +
                        (options_.content == Content::records ? "records" : "rule set") +
                        " file holds one",
                    "remove the separator (`---` or `...`) or split the file");
  } else {
    reporter_.error(kSyntaxCode, mark, "content after the end of the root node",
                    "indent it to belong to the node above");
    complete_ = false;
  }
  throw StopReading{};
}

void TreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) {
  Node node = start_node(mark, NodeKind::null);
  const Properties properties = read_properties(text_, node.mark.offset);
  if (!properties.tag.empty()) check_tag(properties.tag, node.mark);
  if (properties.anchor.empty() && properties.tag.empty() &&
      !is_written_null(text_, node.mark.offset)) {
    node.mark = empty_node_mark(node.mark);
  }
  add(std::move(node));
}

void TreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) {
  Node node = start_node(mark, NodeKind::null);
  report_alias(node.mark);
  add(std::move(node));
}

void TreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag,
                           YAML::anchor_t /*anchor*/, const std::string& value) {
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

void TreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag,
                                  YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) {
  open(start_node(mark, NodeKind::sequence), tag);
}

void TreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag,
                             YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) {
  open(start_node(mark, NodeKind::mapping), tag);
}

void TreeBuilder::report_alias(const Mark& mark) {
  const std::string_view name = alias_name(mark.offset);
  reporter_.error(kAliasCode, mark,
                  "aliases are not supported in " + std::string(files_named(options_.content)) +
                      ": write the value out",
                  name.empty() ? std::string()
                               : backticked(name) + " repeats the value marked with " +
                                     backticked("&" + std::string(name.substr(1))));
}

// --- the tree and its checks ------------------------------------------------

void TreeBuilder::check_closed_quote(const Node& node) {
  if (node.style != ScalarStyle::single_quoted && node.style != ScalarStyle::double_quoted) return;
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

Node TreeBuilder::start_node(const YAML::Mark& mark, NodeKind kind) {
  Node node;
  node.kind = kind;
  node.mark = reporter_.mark(mark);
  if (++nodes_ > options_.max_nodes) {
    reporter_.error(kLimitCode, node.mark,
                    "more than " + std::to_string(options_.max_nodes) + " nodes",
                    options_.content == Content::records ? "split the file into several files"
                                                         : "split the rule set into several files");
    throw StopReading{};
  }
  return node;
}

void TreeBuilder::open(Node node, const std::string& tag) {
  check_tag(tag, node.mark);
  if (static_cast<int>(frames_.size()) >= options_.max_depth) {
    reporter_.error(kLimitCode, node.mark, depth_message(options_.max_depth),
                    depth_help(options_.content));
    throw StopReading{};
  }
  frames_.push_back(Frame{std::move(node), std::nullopt, false, {}});
}

void TreeBuilder::close() {
  Node node = std::move(frames_.back().node);
  frames_.pop_back();
  add(std::move(node));
}

void TreeBuilder::add(Node node) {
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

bool TreeBuilder::check_key(Frame& frame, const Node& key) {
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

void TreeBuilder::check_tag(std::string_view tag, const Mark& mark) {
  if (tag.empty() || tag == "?" || tag == "!") return;
  const std::string_view spelled = read_properties(text_, mark.offset).tag;
  const int offset =
      spelled.empty() ? mark.offset : static_cast<int>(spelled.data() - text_.data());
  reporter_.error(kTagCode, reporter_.mark(offset),
                  "tag " + backticked(spelled.empty() ? tag : spelled) + " is not supported in " +
                      std::string(files_named(options_.content)),
                  "remove the tag; " + std::string(files_named(options_.content)) +
                      " use plain scalars, sequences and mappings");
}

// --- looking back into the text ---------------------------------------------

Mark TreeBuilder::empty_node_mark(const Mark& given) {
  if (frames_.empty()) return given;
  const Frame& top = frames_.back();
  if (top.node.kind == NodeKind::mapping && top.key) return top.key->mark;
  if (top.node.kind == NodeKind::sequence) {
    if (const std::optional<int> dash = preceding_dash(given.offset)) return reporter_.mark(*dash);
  }
  return given;
}

std::optional<int> TreeBuilder::preceding_dash(int pos) const {
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

std::optional<int> TreeBuilder::comment_start(int begin, int end) const {
  for (int pos = begin; pos < end; ++pos) {
    if (at(text_, pos) == '#' && (pos == begin || is_blank(at(text_, pos - 1)))) return pos;
  }
  return std::nullopt;
}

bool TreeBuilder::starts_with_marker(int offset, std::string_view marker) const {
  const int after = offset + size_of(marker);
  return text_.substr(static_cast<std::size_t>(offset), marker.size()) == marker &&
         (after >= size_of(text_) || is_space(at(text_, after)));
}

bool TreeBuilder::follows_document_end(int pos) const {
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

std::string_view TreeBuilder::alias_name(int offset) const {
  if (at(text_, offset) != '*') return {};
  int end = offset + 1;
  while (end < size_of(text_) && !is_space(at(text_, end)) &&
         std::string_view(",[]{}").find(at(text_, end)) == npos) {
    ++end;
  }
  return text_.substr(static_cast<std::size_t>(offset), static_cast<std::size_t>(end - offset));
}

}  // namespace cadre::yaml
