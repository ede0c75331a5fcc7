// The tree builder: yaml-cpp's parser events → the located tree (node.hpp).
// It checks what yaml-cpp lets through: duplicate keys, non-scalar keys,
// aliases, tags, quoted scalars never closed, a second document and the depth
// and node limits.
#pragma once

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "yaml/node.hpp"
#include "yaml/reader.hpp"
#include "yaml/reporter.hpp"

namespace cadre::yaml {

/// Thrown by the tree builder to stop yaml-cpp once the read cannot go on
/// (a limit, a second document); caught in parse_tree(), never beyond.
struct StopReading {};

/// Builds the tree from parser events and checks what yaml-cpp lets through:
/// duplicate keys, non-scalar keys, aliases, tags, a second document and the
/// depth and node limits.
class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, int origin, const ReadOptions& options, Reporter& reporter)
      : text_(text), origin_(origin), options_(options), reporter_(reporter) {}

  /// The root, if the first document was read to its end.
  std::optional<Node> take_root();

  /// yaml-cpp also starts a new document, silently, where text goes on
  /// after the root node has ended (`- a` then `b: 1` at the same column):
  /// without a `---` or `...`, that is a syntax error.
  void OnDocumentStart(const YAML::Mark& yaml_mark) override;
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override { close(); }

  /// Reports the alias at `mark` (also used when yaml-cpp stops at an alias
  /// whose anchor is missing).
  void report_alias(const Mark& mark);

 private:
  /// An open collection and, for a mapping, the key waiting for its value.
  struct Frame {
    Node node;
    std::optional<Node> key;
    bool key_is_valid = false;
    std::unordered_map<std::string, Mark> keys;  ///< first mark of each key text
  };

  /// yaml-cpp 0.7 accepts a quoted scalar that is never closed and takes the
  /// rest of the file into it; report that at the opening quote instead.
  void check_closed_quote(const Node& node);

  Node start_node(const YAML::Mark& mark, NodeKind kind);
  void open(Node node, const std::string& tag);
  void close();
  void add(Node node);

  /// False for a key that cannot be one (it is reported, unless an alias).
  bool check_key(Frame& frame, const Node& key);
  void check_tag(std::string_view tag, const Mark& mark);

  /// An empty value's mark from yaml-cpp points at whatever follows it; a
  /// value is placed at its key instead, an item at its `-`.
  Mark empty_node_mark(const Mark& given);

  /// The `-` before `offset` with only white space and comments between.
  std::optional<int> preceding_dash(int pos) const;
  std::optional<int> comment_start(int begin, int end) const;
  bool starts_with_marker(int offset, std::string_view marker) const;
  /// True if the last line before `offset` that is not blank or a comment is
  /// a document end marker (`...`).
  bool follows_document_end(int pos) const;
  std::string_view alias_name(int offset) const;

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

}  // namespace cadre::yaml
