// The side-by-side block (comparison_text.hpp): columns padded to the widest
// cell by display width, the reasons one condition a line, nested conditions
// indented under their group.
#include "render/comparison_text.hpp"

#include <algorithm>

#include "render/text_width.hpp"

namespace cadre::render {

namespace {

/// The widest status word (`computed`), so that the ids line up.
constexpr std::size_t kStatusWidth = 8;
/// The widest the left column grows; a longer cell puts its row's right side
/// on the next line.
constexpr std::size_t kMaxLeftWidth = 48;

std::string reason_text(const engine::ReasonLine& line) {
  std::string text = line.id;
  if (!line.message.empty()) text += (text.empty() ? "" : ": ") + line.message;
  if (!line.facts.empty()) text += " (" + line.facts + ")";
  return text;
}

void add_reasons(std::string& out, std::string_view indent, const std::string& title,
                 const std::vector<engine::ReasonLine>& lines) {
  out += std::string(indent) + "  reasons, " + title + ":";
  if (lines.empty()) {
    out += " none\n";
    return;
  }
  out += "\n";
  for (const auto& line : lines) {
    out += std::string(indent) + "    " +
           std::string(2 * static_cast<std::size_t>(line.depth), ' ') +
           padded_to(line.status, kStatusWidth) + "  " + reason_text(line) + "\n";
  }
}

}  // namespace

std::string comparison_text(const engine::ResultComparison& comparison, std::string_view indent) {
  const std::string heading = comparison.record + " " + comparison.decision;
  std::size_t label_width = text_width(heading);
  std::size_t left_width = text_width(comparison.left_title);
  for (const auto& row : comparison.rows) {
    label_width = std::max(label_width, text_width(row.label));
    // A long list on the left does not push every row's right side away.
    if (text_width(row.left) <= kMaxLeftWidth)
      left_width = std::max(left_width, text_width(row.left));
  }
  std::string out = std::string(indent) + "  " + padded_to(heading, label_width) + "  " +
                    padded_to(comparison.left_title, left_width) + "  " + comparison.right_title +
                    "\n";
  for (const auto& row : comparison.rows) {
    out += std::string(indent) + (row.differs ? "≠ " : "  ") + padded_to(row.label, label_width) +
           "  ";
    if (text_width(row.left) > left_width) {
      // Too wide for its column: the right side goes under it, in its own.
      out += row.left + "\n" + std::string(indent) +
             std::string(2 + label_width + 2 + left_width + 2, ' ') + row.right + "\n";
      continue;
    }
    out += padded_to(row.left, left_width) + "  " + row.right + "\n";
  }
  // An expectation has no reasons: only the sides that do show theirs.
  if (comparison.left_has_reasons) {
    add_reasons(out, indent, comparison.left_title, comparison.left_reasons);
  }
  add_reasons(out, indent, comparison.right_title, comparison.right_reasons);
  return out;
}

}  // namespace cadre::render
