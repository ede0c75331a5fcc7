// The fast JSON Lines reader (records/json_line_tree.hpp) must build exactly
// the tree the YAML reader builds, marks included, for every line it takes,
// and leave every other line to the YAML reader. Checked on the lines of
// tests/data/records/json-line-trees.jsonl and of the hostile JSON Lines files.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "records/json_escapes.hpp"
#include "records/json_line_tree.hpp"
#include "yaml/reader.hpp"

namespace cadre::records {
namespace {

std::string describe(const yaml::Node& node, bool marks = true) {
  std::ostringstream out;
  out << static_cast<int>(node.kind);
  if (marks) out << "@" << node.mark.line << ":" << node.mark.column << "+" << node.mark.offset;
  if (node.kind == yaml::NodeKind::scalar) {
    out << (node.style == yaml::ScalarStyle::plain ? " plain " : " quoted ") << "[" << node.scalar
        << "]";
  }
  for (const yaml::Node& item : node.items)
    out << " (" << describe(item, marks) << ")";
  for (const auto& [key, value] : node.entries)
    out << " {" << describe(key, marks) << " : " << describe(value, marks) << "}";
  return out.str();
}

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

/// The number of lines the fast reader took; every one matched the YAML reader.
int check_lines(const std::vector<std::string>& lines) {
  int taken = 0;
  yaml::ReadOptions options;
  options.content = yaml::Content::records;
  for (const std::string& line : lines) {
    CAPTURE(line);
    const auto fast = read_plain_json_line(line, {});
    if (!fast) continue;
    ++taken;
    // As the JSON Lines reader gives a line to the YAML reader: with a
    // surrogate pair rewritten, 2 bytes shorter, so that the YAML reader's
    // marks after it are 2 short (the fast reader's are where the text is).
    const std::string combined = combine_surrogate_escapes(line);
    const yaml::ReadResult slow = yaml::read_yaml("line", combined, options);
    REQUIRE(slow.document.has_value());
    const bool same_text = combined == line;
    CHECK(describe(*fast, same_text) == describe(slow.document->root, same_text));
  }
  return taken;
}

TEST_CASE("the fast reader builds the YAML reader's tree for the lines it takes") {
  const auto lines =
      lines_of(std::filesystem::path(CADRE_TEST_DATA_DIR) / "records/json-line-trees.jsonl");
  REQUIRE(lines.size() == 31);
  // The first seven lines are strict JSON; the rest are left to the YAML reader.
  CHECK(check_lines(lines) == 7);
  for (std::size_t i = 7; i < lines.size(); ++i) {
    CAPTURE(lines[i]);
    CHECK_FALSE(read_plain_json_line(lines[i], {}).has_value());
  }
}

TEST_CASE("the fast reader on the hostile JSON Lines files") {
  const auto hostile = std::filesystem::path(CADRE_TEST_DATA_DIR).parent_path() / "hostile/records";
  int taken = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(hostile)) {
    if (entry.path().extension() == ".jsonl") taken += check_lines(lines_of(entry.path()));
  }
  CHECK(taken > 0);
}

TEST_CASE("after a surrogate pair escape, marks are where the text is") {
  // {"a":"\uD842\uDFB7","b":1}: "b" starts at byte 20, column 21.
  const auto tree = read_plain_json_line(R"({"a":"\uD842\uDFB7","b":1})", {});
  REQUIRE(tree.has_value());
  REQUIRE(tree->entries.size() == 2);
  CHECK(tree->entries[0].second.scalar == "\xF0\xA0\xAE\xB7");
  CHECK(tree->entries[1].first.mark.column == 21);
  CHECK(tree->entries[1].first.mark.offset == 20);
}

TEST_CASE("the fast reader leaves lines over its limits to the YAML reader") {
  CHECK(read_plain_json_line(R"({"a":[[1]]})", {3, 100}).has_value());
  CHECK_FALSE(read_plain_json_line(R"({"a":[[1]]})", {2, 100}).has_value());
  CHECK(read_plain_json_line(R"({"a":1,"b":2})", {64, 5}).has_value());
  CHECK_FALSE(read_plain_json_line(R"({"a":1,"b":2})", {64, 4}).has_value());
}

}  // namespace
}  // namespace cadre::records
