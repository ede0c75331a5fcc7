// Positions inside scalars. Expressions are written as YAML scalars, and an
// expression's diagnostics carry offsets into the scalar's value; this maps
// such an offset back to the file, undoing quoting, escapes, line folding and
// block indentation. It reads the raw text at the node's mark rather than
// trusting anything the YAML library kept, and checks its reconstruction
// against the value: where the two disagree it answers the node's start.
#pragma once

#include <string_view>

#include "cadre/diagnostic.hpp"
#include "yaml/node.hpp"

namespace cadre::yaml {

/// The node properties written before a node's content: `&anchor` and `!tag`
/// (spelled as in the file, empty when absent), and the offset where the
/// content starts after them and the space, line breaks or comments that
/// follow them. With no properties, `content` is the offset itself.
struct Properties {
  std::string_view anchor;
  std::string_view tag;
  int content = 0;
};

/// Reads the properties of the node that starts at byte `offset` of `text`.
Properties read_properties(std::string_view text, int offset);

/// The style of the scalar that starts at byte `offset` (its properties
/// included), decided by the first character of its content.
ScalarStyle scalar_style_at(std::string_view text, int offset);

/// The mark of byte `offset`, counted forward from `from` (a mark of the same
/// text at or before it). Offsets are clamped to [from.offset, text.size()].
Mark advance_mark(std::string_view text, Mark from, int offset);

/// The file position of byte `value_offset` of `scalar.scalar` (the value, as
/// an expression parser saw it); `value_offset == scalar.scalar.size()` is the
/// position just after the value's last character. Anything it cannot map — a
/// node that is not a scalar, an offset out of range, text that does not match
/// the value — gives the node's start.
SourceLocation locate_in_scalar(const Document& document, const Node& scalar, int value_offset);

}  // namespace cadre::yaml
