// Tests of positions inside scalars: a byte offset in a scalar's value maps
// to the right file line:column in every scalar style, through escapes, line
// folding and block indentation, and falls back to the node's start rather
// than ever reading out of range.
#include <doctest/doctest.h>

#include <cctype>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/reader.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::yaml {
namespace {

Document read_document(std::string_view text) {
  ReadResult result = read_yaml("rules.yaml", std::string(text));
  CHECK(result.document.has_value());
  return result.document ? std::move(*result.document) : Document{};
}

const Node kMissing;

const Node& value_of(const Document& document, std::string_view key) {
  const Node* value = document.root.find(key);
  CHECK(value != nullptr);
  return value != nullptr ? *value : kMissing;
}

std::string line_column(const SourceLocation& location) {
  return std::to_string(location.line) + ":" + std::to_string(location.column);
}

/// "line:column" of byte `value_offset` of the value of top-level `key`.
std::string locate(std::string_view text, int value_offset, std::string_view key = "when") {
  const Document document = read_document(text);
  return line_column(locate_in_scalar(document, value_of(document, key), value_offset));
}

/// Value bytes that are letters or digits and yet do not map onto the same
/// byte of the file: zero when every such byte is placed exactly.
int misplaced_letters(std::string_view text, std::string_view key = "when") {
  const Document document = read_document(text);
  const Node& node = value_of(document, key);
  int misplaced = 0;
  for (std::size_t i = 0; i < node.scalar.size(); ++i) {
    if (std::isalnum(static_cast<unsigned char>(node.scalar[i])) == 0) continue;
    const SourceLocation location = locate_in_scalar(document, node, static_cast<int>(i));
    if (document.text[static_cast<std::size_t>(location.offset)] != node.scalar[i]) ++misplaced;
  }
  return misplaced;
}

TEST_CASE("plain scalars") {
  CHECK(locate("when: pay > 100", 6) == "1:13");
  CHECK(locate("when: pay > 100", 0) == "1:7");
  CHECK(locate("when: pay > 100", 9) == "1:16");
  CHECK(locate("when: pay > 100   # comment", 9) == "1:16");
  CHECK(locate("list: [a, b]\nwhen: [x, pay > 1]\n", 0, "list") == "1:7");
  SUBCASE("multi-line: line breaks fold into spaces") {
    const std::string text = "when: a and\n  b or\n    c\nnext: 1\n";
    CHECK(read_document(text).root.find("when")->scalar == "a and b or c");
    CHECK(locate(text, 6) == "2:3");
    CHECK(locate(text, 11) == "3:5");
    CHECK(locate(text, 5) == "1:12");
    CHECK(locate(text, 12) == "3:6");
    CHECK(misplaced_letters(text) == 0);
  }
  SUBCASE("an empty line folds into a newline") {
    const std::string text = "when: a\n\n  b\n";
    CHECK(read_document(text).root.find("when")->scalar == "a\nb");
    CHECK(locate(text, 2) == "3:3");
  }
}

TEST_CASE("single-quoted scalars") {
  CHECK(locate("when: 'it''s x'", 5) == "1:14");
  CHECK(locate("when: 'it''s x'", 2) == "1:10");
  CHECK(locate("when: 'it''s x'", 0) == "1:8");
  CHECK(locate("when: 'it''s x'", 6) == "1:15");
  CHECK(locate("when: 'a and\n   b'", 6) == "2:4");
  CHECK(misplaced_letters("when: 'one ''two''\n  three\n\n  four'") == 0);
}

TEST_CASE("double-quoted scalars") {
  const std::string text = "when: \"a\\tb\\u00e9c\\n d\"";
  CHECK(read_document(text).root.find("when")->scalar ==
        "a\tb\xC3\xA9"
        "c\n d");
  CHECK(locate(text, 0) == "1:8");
  CHECK(locate(text, 1) == "1:9");
  CHECK(locate(text, 2) == "1:11");
  CHECK(locate(text, 3) == "1:12");
  CHECK(locate(text, 4) == "1:12");
  CHECK(locate(text, 5) == "1:18");
  CHECK(locate(text, 6) == "1:19");
  CHECK(locate(text, 8) == "1:22");
  CHECK(locate(text, 9) == "1:23");
  SUBCASE("every kind of escape maps to its backslash") {
    const std::string escapes = "when: \"\\x41\\U0001F600\\N\\_\\/\\e\\0\\ \\\"\\\\z\"";
    CHECK(read_document(escapes).root.find("when")->scalar ==
          std::string("A\xF0\x9F\x98\x80\xC2\x85\xC2\xA0/\x1B\0 \"\\z", 16));
    const char* columns[] = {"1:8",  "1:12", "1:12", "1:12", "1:12", "1:22", "1:22", "1:24", "1:24",
                             "1:26", "1:28", "1:30", "1:32", "1:34", "1:36", "1:38", "1:39"};
    for (int offset = 0; offset <= 16; ++offset) {
      CHECK(std::to_string(offset) + " at " + locate(escapes, offset) ==
            std::to_string(offset) + " at " + columns[offset]);
    }
  }
  SUBCASE("folded and escaped line breaks") {
    CHECK(locate("when: \"a\n  b\"", 2) == "2:3");
    CHECK(locate("when: \"a \\\n  b\"", 2) == "2:3");
    CHECK(read_document("when: \"a \\\n  b\"").root.find("when")->scalar == "a b");
    CHECK(misplaced_letters("when: \"one\\\n  two\n\n  three\\tfour\"") == 0);
  }
}

TEST_CASE("literal block scalars") {
  const std::string text = "when: |\n  a and\n  b\nnext: 1\n";
  CHECK(read_document(text).root.find("when")->scalar == "a and\nb\n");
  CHECK(locate(text, 0) == "2:3");
  CHECK(locate(text, 6) == "3:3");
  CHECK(locate(text, 5) == "2:8");
  CHECK(locate(text, 8) == "3:4");
  SUBCASE("chomping and indentation indicators") {
    CHECK(locate("when: |-\n  x\n  y\n", 2) == "3:3");
    CHECK(locate("when: |+\n  x\n\n  y\n\n", 3) == "4:3");
    CHECK(read_document("when: |2\n     x\n    y\n").root.find("when")->scalar == "   x\n  y\n");
    CHECK(locate("when: |2\n     x\n    y\n", 3) == "2:6");
    CHECK(locate("when: |2\n     x\n    y\n", 7) == "3:5");
    CHECK(locate("when: |2\n     x\n    y\n", 0) == "2:3");
  }
  SUBCASE("a comment after the indicator, properties before it") {
    CHECK(locate("when: | # the condition\n  x > 1\n", 4) == "2:7");
    CHECK(locate("when: &w |\n  x > 1\n", 4) == "2:7");
  }
  SUBCASE("inside a sequence, with deeper lines kept") {
    const std::string nested = "rules:\n  - when: |\n      if x:\n        y\n";
    const Document document = read_document(nested);
    const Node& when = *document.root.find("rules")->items.at(0).find("when");
    CHECK(when.scalar == "if x:\n  y\n");
    CHECK(line_column(locate_in_scalar(document, when, 8)) == "4:9");
  }
  SUBCASE("CRLF line endings") {
    const std::string crlf = "when: |\r\n  a\r\n  b\r\n";
    CHECK(read_document(crlf).root.find("when")->scalar == "a\nb\n");
    CHECK(locate(crlf, 2) == "3:3");
    CHECK(locate(crlf, 1) == "2:4");
  }
  SUBCASE("a last line without a line break") {
    CHECK(read_document("when: |\n  ab").root.find("when")->scalar == "ab");
    CHECK(locate("when: |\n  ab", 1) == "2:4");
    CHECK(locate("when: |\n  ab", 2) == "2:5");
  }
}

TEST_CASE("folded block scalars") {
  const std::string text = "when: >\n  a and\n  b\n\n  c\n    more\n  d\n";
  CHECK(read_document(text).root.find("when")->scalar == "a and b\nc\n  more\nd\n");
  CHECK(locate(text, 6) == "3:3");
  CHECK(locate(text, 8) == "5:3");
  CHECK(locate(text, 12) == "6:5");
  CHECK(locate(text, 17) == "7:3");
  CHECK(misplaced_letters(text) == 0);
}

TEST_CASE("columns count code points; a byte-order mark is not a column") {
  CHECK(locate("when: 名前 == \"値\"", 7) == "1:10");
  CHECK(locate("when: x == '名前' + y", 16) == "1:19");
  CHECK(locate("when: |\n  名前 ==\n  値\n", 7) == "2:6");
  CHECK(locate("when: |\n  名前 ==\n  値\n", 10) == "3:3");
  CHECK(locate("\xEF\xBB\xBFwhen: x + y", 4) == "1:11");
  const Document document = read_document("\xEF\xBB\xBFwhen: x + y");
  CHECK(locate_in_scalar(document, value_of(document, "when"), 4).offset == 13);
}

TEST_CASE("keys are scalars too") {
  const Document document = read_document("a: 1\n\"k\\ty\": 2\n");
  CHECK(line_column(locate_in_scalar(document, document.root.entries.at(1).first, 2)) == "2:5");
}

TEST_CASE("anything unmappable gives the node's start") {
  const Document document = read_document("when: 'abc'\nlist: [1]\n");
  const Node& when = value_of(document, "when");
  CHECK(line_column(locate_in_scalar(document, when, -1)) == "1:7");
  CHECK(line_column(locate_in_scalar(document, when, 4)) == "1:7");
  CHECK(line_column(locate_in_scalar(document, when, 3)) == "1:11");
  CHECK(line_column(locate_in_scalar(document, value_of(document, "list"), 0)) == "2:7");
  SUBCASE("a value that does not match the text") {
    Node changed = when;
    changed.scalar = "abd";
    CHECK(line_column(locate_in_scalar(document, changed, 2)) == "1:7");
    CHECK(line_column(locate_in_scalar(document, changed, 1)) == "1:9");  // the prefix matches
  }
  SUBCASE("a mark outside the text") {
    Node stray = when;
    stray.mark = Mark{9, 4, 500};
    const SourceLocation location = locate_in_scalar(document, stray, 1);
    CHECK(line_column(location) == "9:4");
    CHECK(location.offset == 500);
    CHECK(location.file == "rules.yaml");
  }
  SUBCASE("a text cut short") {
    Document cut = document;
    cut.text = "when: 'ab";
    CHECK(line_column(locate_in_scalar(cut, when, 2)) == "1:7");
    cut.text = "when: \"a\\u00";
    Node escaped = when;
    escaped.scalar = "a\xC3\xA9";
    CHECK(line_column(locate_in_scalar(cut, escaped, 1)) == "1:7");
  }
}

TEST_CASE("every offset of every scalar stays inside the text") {
  const std::string texts[] = {"when: 'it''s'\nb: \"\\x4\"\n",
                               "a: |\n\nb: >-\n  x\n",
                               "a: \"x\\\n\"\nb: 'q\n\n  r'\n",
                               "a: |9\n  x\n",
                               "- >\n - x\n",
                               "a: \"\\u12\"\n"};
  for (const std::string& text : texts) {
    const ReadResult result = read_yaml("t.yaml", text);
    if (!result.document) continue;
    const Document& document = *result.document;
    for (const auto& [key, value] : document.root.entries) {
      for (const Node* node : {&key, &value}) {
        for (int offset = -2; offset <= static_cast<int>(node->scalar.size()) + 2; ++offset) {
          const SourceLocation location = locate_in_scalar(document, *node, offset);
          CHECK(location.offset >= node->mark.offset);
          CHECK(location.offset <= static_cast<int>(text.size()));
        }
      }
    }
  }
}

/// Every scalar (keys included) under `root`.
std::vector<const Node*> scalars(const Node& root) {
  std::vector<const Node*> found;
  std::vector<const Node*> pending = {&root};
  while (!pending.empty()) {
    const Node* node = pending.back();
    pending.pop_back();
    if (node->kind == NodeKind::scalar) found.push_back(node);
    for (const Node& child : node->items)
      pending.push_back(&child);
    for (const auto& [key, value] : node->entries) {
      pending.push_back(&key);
      pending.push_back(&value);
    }
  }
  return found;
}

TEST_CASE("mangled scalars never make it read out of range") {
  const std::string sample =
      "a: 'it''s'\nb: \"x\\ty\\u00e9\\\n  z\"\nc: |2+\n   l1\n\n   l2\nd: >\n  f\n   g\n"
      "e: plain\n  more\n";
  const std::string specials = "'\"\\|>-+ \n\r\t#:u0\xC3\xA9";
  std::mt19937 random(54321);
  for (int round = 0; round < 1'500; ++round) {
    std::string text = sample;
    const std::size_t pos = random() % (text.size() + 1);
    text.insert(pos, 1, specials[random() % specials.size()]);
    const ReadResult result = read_yaml("t.yaml", text);
    if (!result.document) continue;
    for (const Node* node : scalars(result.document->root)) {
      for (int offset = -1; offset <= static_cast<int>(node->scalar.size()) + 1; ++offset) {
        const SourceLocation location = locate_in_scalar(*result.document, *node, offset);
        CHECK((location.offset >= node->mark.offset &&
               location.offset <= static_cast<int>(text.size())));
      }
    }
  }
}

TEST_CASE("properties, styles and marks from the raw text") {
  const std::string_view text = "&a !!str 'x'  # c\n!t\n  |\n";
  const Properties properties = read_properties(text, 0);
  CHECK(properties.anchor == "&a");
  CHECK(properties.tag == "!!str");
  CHECK(properties.content == 9);
  CHECK(read_properties(text, 9).content == 9);
  CHECK(read_properties("!<tag:yaml.org,2002:str> x", 0).tag == "!<tag:yaml.org,2002:str>");
  CHECK(scalar_style_at(text, 0) == ScalarStyle::single_quoted);
  CHECK(scalar_style_at(text, 18) == ScalarStyle::literal);
  CHECK(scalar_style_at("\"x\"", 0) == ScalarStyle::double_quoted);
  CHECK(scalar_style_at(">\n x", 0) == ScalarStyle::folded);
  CHECK(scalar_style_at("x", 0) == ScalarStyle::plain);
  CHECK(scalar_style_at("x", 7) == ScalarStyle::plain);
  const Mark mark = advance_mark("ab\n名x", Mark{1, 1, 0}, 6);
  CHECK(mark.line == 2);
  CHECK(mark.column == 2);
  CHECK(mark.offset == 6);
  CHECK(advance_mark("ab", Mark{1, 1, 0}, 99).offset == 2);
}

}  // namespace
}  // namespace cadre::yaml
