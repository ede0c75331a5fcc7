// The located YAML tree: what the reader hands to the loader. Plain data, no
// yaml-cpp types: every node carries the mark where it starts so that later
// stages can point their diagnostics at the file.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadre::yaml {

/// A position in the document's text: `line` and `column` are 1-based and
/// count Unicode code points; `offset` is the 0-based byte offset into
/// Document::text (a byte-order mark, when present, is bytes 0–2 and does not
/// count as a column).
struct Mark {
  int line = 0;
  int column = 0;
  int offset = 0;
};

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

/// How a scalar is written in the file, which decides how its value maps back
/// to the text (see scalar_position.hpp).
enum class ScalarStyle : std::uint8_t { plain, single_quoted, double_quoted, literal, folded };

/// One node of the tree. A plain `null`, `Null`, `NULL`, `~` or an empty value
/// is NodeKind::null; a quoted "null" is a scalar.
struct Node {
  // Declared here, defaulted below: with the members' types still incomplete,
  // clang (C++20, libstdc++) cannot work out implicit ones.
  Node() = default;
  Node(const Node& other);
  Node(Node&& other) noexcept;
  Node& operator=(const Node& other);
  Node& operator=(Node&& other) noexcept;
  ~Node();

  NodeKind kind = NodeKind::null;
  Mark mark;  ///< where the node starts (its anchor or tag, if it has one)

  std::string scalar;  ///< kind == scalar: the value, escapes and folding applied
  ScalarStyle style = ScalarStyle::plain;  ///< kind == scalar

  std::vector<Node> items;  ///< kind == sequence
  /// kind == mapping, in file order. Every key is a scalar; a duplicated key is
  /// reported by the reader and kept, so find() returns its first entry.
  std::vector<std::pair<Node, Node>> entries;

  /// The value of the first entry whose key text is `key`, or null.
  const Node* find(std::string_view key) const;

  /// True for a scalar written without quotes or block indicator (the form in
  /// which `true`, `12` or `2024-01-01` read as something other than text).
  bool is_plain_scalar() const { return kind == NodeKind::scalar && style == ScalarStyle::plain; }
};

inline Node::Node(const Node& other) = default;
inline Node::Node(Node&& other) noexcept = default;
inline Node& Node::operator=(const Node& other) = default;
inline Node& Node::operator=(Node&& other) noexcept = default;
inline Node::~Node() = default;

inline const Node* Node::find(std::string_view key) const {
  for (const auto& [entry_key, value] : entries) {
    if (entry_key.kind == NodeKind::scalar && entry_key.scalar == key) return &value;
  }
  return nullptr;
}

/// One YAML file: its name, its full text (kept so that positions inside
/// scalars can be recovered) and its root node.
struct Document {
  std::string file;
  std::string text;
  Node root;
};

}  // namespace cadre::yaml
