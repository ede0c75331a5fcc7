// Tests of the YAML reader: the located tree it builds (marks, nulls, styles),
// every diagnostic it reports with its exact position and message, and its
// behaviour on hostile input (alias bombs, deep nesting, bad bytes).
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/reader.hpp"

namespace cadre::yaml {
namespace {

using namespace std::string_literals;

ReadResult read(std::string_view text, const ReadOptions& options = {}) {
  return read_yaml("rules.yaml", std::string(text), options);
}

/// "line:column: code: message", one line per diagnostic.
std::string describe(const ReadResult& result) {
  std::string lines;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    if (!lines.empty()) lines += "\n";
    lines += std::to_string(diagnostic.location.line) + ":" +
             std::to_string(diagnostic.location.column) + ": " + diagnostic.code + ": " +
             diagnostic.message;
  }
  return lines;
}

const Node kMissing;

const Node& root_of(const ReadResult& result) {
  CHECK(result.document.has_value());
  return result.document ? result.document->root : kMissing;
}

const Node& get(const Node& node, std::string_view key) {
  const Node* value = node.find(key);
  CHECK(value != nullptr);
  return value != nullptr ? *value : kMissing;
}

const Node& item(const Node& node, std::size_t index) {
  CHECK(index < node.items.size());
  return index < node.items.size() ? node.items[index] : kMissing;
}

/// "line:column+offset" of a node.
std::string where(const Node& node) {
  return std::to_string(node.mark.line) + ":" + std::to_string(node.mark.column) + "+" +
         std::to_string(node.mark.offset);
}

std::string repeat(std::string_view piece, int count) {
  std::string text;
  for (int i = 0; i < count; ++i)
    text += piece;
  return text;
}

TEST_CASE("every node carries the mark where it starts") {
  const ReadResult result = read(
      "name: pay rise\n"
      "rules:\n"
      "  - id: r1\n"
      "    when: [a, {b: c}]\n"
      "    then:\n"
      "      - x\n");
  CHECK(describe(result).empty());
  const Node& root = root_of(result);
  CHECK(root.kind == NodeKind::mapping);
  CHECK(where(root) == "1:1+0");
  CHECK(where(root.entries.at(0).first) == "1:1+0");
  CHECK(where(get(root, "name")) == "1:7+6");
  const Node& rules = get(root, "rules");
  CHECK(rules.kind == NodeKind::sequence);
  CHECK(where(rules) == "3:3+24");
  const Node& rule = item(rules, 0);
  CHECK(where(rule) == "3:5+26");
  CHECK(where(get(rule, "id")) == "3:9+30");
  CHECK(where(rule.entries.at(1).first) == "4:5+37");
  const Node& when = get(rule, "when");
  CHECK(when.kind == NodeKind::sequence);
  CHECK(where(when) == "4:11+43");
  CHECK(where(item(when, 0)) == "4:12+44");
  CHECK(where(item(when, 1)) == "4:15+47");
  CHECK(where(get(item(when, 1), "b")) == "4:19+51");
  CHECK(where(item(get(rule, "then"), 0)) == "6:9+73");
}

TEST_CASE("plain null words and empty values are null; quoted ones are text") {
  const ReadResult result = read(
      "a: null\nb: ~\nc:\nd: \"null\"\ne: 'null'\nf: Null\ng: NULL\n"
      "h: ! null\ni: nullish\nj: \"\"\nk: !\n");
  CHECK(describe(result).empty());
  const Node& root = root_of(result);
  for (const char* key : {"a", "b", "c", "f", "g", "h", "k"}) {
    CHECK(std::string(key) + (get(root, key).kind == NodeKind::null ? " null" : " not null") ==
          std::string(key) + " null");
  }
  CHECK(get(root, "d").kind == NodeKind::scalar);
  CHECK(get(root, "d").scalar == "null");
  CHECK(get(root, "d").style == ScalarStyle::double_quoted);
  CHECK(get(root, "e").scalar == "null");
  CHECK(get(root, "e").style == ScalarStyle::single_quoted);
  CHECK(get(root, "i").kind == NodeKind::scalar);
  CHECK(get(root, "i").scalar == "nullish");
  CHECK(get(root, "j").kind == NodeKind::scalar);
  CHECK(get(root, "j").scalar.empty());
}

TEST_CASE("an empty value is placed at its key, an empty item at its dash") {
  const ReadResult result = read(
      "a:\n"
      "b:   # nothing\n"
      "list:\n"
      "  -\n"
      "  - # nothing here\n"
      "  - x\n"
      "  -\n"
      "flow: {k}\n"
      "null: 1\n");
  CHECK(describe(result) ==
        "9:1: yaml.key: a mapping key must be text, found `null`, which reads as null");
  const Node& root = root_of(result);
  CHECK(where(get(root, "a")) == "1:1+0");
  CHECK(where(get(root, "b")) == "2:1+3");
  const Node& list = get(root, "list");
  CHECK(list.items.size() == 4);
  CHECK(where(item(list, 0)) == "4:3+26");
  CHECK(item(list, 0).kind == NodeKind::null);
  CHECK(where(item(list, 1)) == "5:3+30");
  CHECK(where(item(list, 2)) == "6:5+51");
  CHECK(where(item(list, 3)) == "7:3+55");
  CHECK(where(get(get(root, "flow"), "k")) == "8:8+64");
}

TEST_CASE("scalars keep their style and their value") {
  const ReadResult result = read(
      "plain: some text\n"
      "single: 'it''s'\n"
      "double: \"tab\\there\"\n"
      "literal: |\n"
      "  line one\n"
      "  line two\n"
      "folded: >\n"
      "  one\n"
      "  two\n");
  CHECK(describe(result).empty());
  const Node& root = root_of(result);
  CHECK(get(root, "plain").scalar == "some text");
  CHECK(get(root, "plain").style == ScalarStyle::plain);
  CHECK(get(root, "single").scalar == "it's");
  CHECK(get(root, "single").style == ScalarStyle::single_quoted);
  CHECK(get(root, "double").scalar == "tab\there");
  CHECK(get(root, "double").style == ScalarStyle::double_quoted);
  CHECK(get(root, "literal").scalar == "line one\nline two\n");
  CHECK(get(root, "literal").style == ScalarStyle::literal);
  CHECK(get(root, "folded").scalar == "one two\n");
  CHECK(get(root, "folded").style == ScalarStyle::folded);
  CHECK(where(get(root, "literal")) == "4:10+62");
}

TEST_CASE("find and is_plain_scalar") {
  const ReadResult result = read("a: 1\nb: '2'\nc: [x]\na: 3\n");
  const Node& root = root_of(result);
  CHECK(get(root, "a").scalar == "1");
  CHECK(root.entries.size() == 4);
  CHECK(root.find("missing") == nullptr);
  CHECK(get(root, "c").find("x") == nullptr);
  CHECK(get(root, "a").is_plain_scalar());
  CHECK(!get(root, "b").is_plain_scalar());
  CHECK(!get(root, "c").is_plain_scalar());
  CHECK(!kMissing.is_plain_scalar());
}

TEST_CASE("an empty text is a document with a null root") {
  for (const char* text : {"", "# only a comment\n", "\n\n"}) {
    const ReadResult result = read(text);
    CHECK(describe(result).empty());
    CHECK(root_of(result).kind == NodeKind::null);
    CHECK(where(root_of(result)) == "1:1+0");
  }
}

/// One input and every diagnostic it must produce, in order.
struct Case {
  std::string text;
  std::string expected;
  ReadOptions options = {};
};

const std::vector<Case>& diagnostic_cases() {
  static const std::vector<Case> cases = {
      // yaml.syntax
      {"a: 1\n b: 2", "2:3: yaml.syntax: illegal map value"},
      {"a: [1, 2", "1:4: yaml.syntax: flow sequence `[` is never closed: expected `,` or `]`"},
      {"a: {b: 1", "1:4: yaml.syntax: flow mapping `{` is never closed: expected `,` or `}`"},
      {"a: 'open\nb: 1\n",
       "1:4: yaml.syntax: quoted string `'` is never closed: the rest of the file is inside it"},
      {"a: \"\\q\"", "1:7: yaml.syntax: unknown escape character: `q`"},
      {"- a\nb: 1", "2:1: yaml.syntax: content after the end of the root node"},
      {"a: 'x", "1:6: yaml.syntax: illegal EOF in scalar"},
      // yaml.duplicate_key, at several depths
      {"a: 1\nb: 2\na: 3\na: 4",
       "3:1: yaml.duplicate_key: duplicate key `a`\n4:1: yaml.duplicate_key: duplicate key `a`"},
      {"rules:\n  - id: r1\n    when: x\n    when: y\n  - id: r2\n    id: r3\n",
       "4:5: yaml.duplicate_key: duplicate key `when`\n"
       "6:5: yaml.duplicate_key: duplicate key `id`"},
      {"a:\n  b:\n    c: {x: 1, y: 2, x: 3}\n", "3:21: yaml.duplicate_key: duplicate key `x`"},
      {"\"a\": 1\na: 2", "2:1: yaml.duplicate_key: duplicate key `a`"},
      {"- a: 1\n- a: 2\n", ""},
      // yaml.alias
      {"base: &b 1\ncopy: *b\n",
       "2:7: yaml.alias: aliases are not supported in rule sets: write the value out"},
      {"a: *missing",
       "1:4: yaml.alias: aliases are not supported in rule sets: write the value out"},
      {"a: &x 1\n*x : 2",
       "2:1: yaml.alias: aliases are not supported in rule sets: write the value out"},
      // yaml.key
      {"? [a, b]\n: 1", "1:3: yaml.key: a mapping key must be text, found a sequence"},
      {"{a: 1}: 2", "1:1: yaml.key: a mapping key must be text, found a mapping"},
      {"~: 1", "1:1: yaml.key: a mapping key must be text, found `~`, which reads as null"},
      {": 1", "1:1: yaml.key: a mapping key must be text, found an empty key"},
      // yaml.tag
      {"a: !!binary aGk=", "1:4: yaml.tag: tag `!!binary` is not supported in rule sets"},
      {"a: !custom [1]", "1:4: yaml.tag: tag `!custom` is not supported in rule sets"},
      {"a: &x !!int 1", "1:7: yaml.tag: tag `!!int` is not supported in rule sets"},
      {"a: !!str", "1:4: yaml.tag: tag `!!str` is not supported in rule sets"},
      {"a: !!map {}\n", "1:4: yaml.tag: tag `!!map` is not supported in rule sets"},
      {"a: ! 12", ""},
      // yaml.documents
      {"a: 1\n---\nb: 2",
       "2:1: yaml.documents: more than one document in the file: a rule set file holds one"},
      {"a: 1\n...\n# next\nb: 2",
       "4:1: yaml.documents: more than one document in the file: a rule set file holds one"},
      // yaml.encoding
      {"a: 1\nb: \xC3\xA9\xFF", "2:5: yaml.encoding: invalid UTF-8 byte 0xFF"},
      {"a: \xC3(", "1:4: yaml.encoding: invalid UTF-8 byte 0xC3"},
      {"a: \xC0\x80", "1:4: yaml.encoding: invalid UTF-8 byte 0xC0"},
      {"a: \xED\xA0\x80", "1:4: yaml.encoding: invalid UTF-8 byte 0xED"},
      {"a: \xF4\x90\x80\x80", "1:4: yaml.encoding: invalid UTF-8 byte 0xF4"},
      {"a: 1\0"s, "1:5: yaml.encoding: control character U+0000 is not allowed"},
      {"a: \x07", "1:4: yaml.encoding: control character U+0007 is not allowed"},
      // yaml.limit
      {"a: 12", "1:1: yaml.limit: the text is 5 bytes, more than the limit of 4", {4, 64, 100}},
      {"a:\n  b:\n    c: 1", "3:5: yaml.limit: nesting deeper than 2 levels", {1000, 2, 100}},
      {"a: 1\nb: 2", "2:1: yaml.limit: more than 3 nodes", {1000, 64, 3}},
  };
  return cases;
}

TEST_CASE("each problem is reported with its code, position and message") {
  for (const Case& c : diagnostic_cases()) {
    CHECK("input: " + c.text + "\n" + describe(read(c.text, c.options)) ==
          "input: " + c.text + "\n" + c.expected);
  }
}

TEST_CASE("the cases cover every diagnostic code but yaml.io, tested on files") {
  std::set<std::string> seen;
  for (const Case& c : diagnostic_cases()) {
    for (const Diagnostic& diagnostic : read(c.text, c.options).diagnostics) {
      seen.insert(diagnostic.code);
    }
  }
  for (const std::string_view code : kDiagnosticCodes) {
    CHECK(std::string(code) + (seen.count(std::string(code)) != 0 ? " covered" : " missing") ==
          std::string(code) + (code == kIoCode ? " missing" : " covered"));
  }
}

TEST_CASE("diagnostics carry the file name and a help line") {
  const ReadResult duplicate = read("a: 1\nb:\n  c: 1\n  c: 2\n");
  CHECK(duplicate.diagnostics.size() == 1);
  for (const Diagnostic& diagnostic : duplicate.diagnostics) {
    CHECK(diagnostic.severity == Severity::error);
    CHECK(diagnostic.location.file == "rules.yaml");
    CHECK(diagnostic.location.offset == 17);
    CHECK(diagnostic.help == "first defined at 3:3");
  }
  const ReadResult alias = read("a: &base 1\nb: *base\n");
  CHECK(alias.diagnostics.size() == 1);
  for (const Diagnostic& diagnostic : alias.diagnostics) {
    CHECK(diagnostic.help == "`*base` repeats the value marked with `&base`");
  }
  const ReadResult key = read("null: 1\n");
  CHECK(key.diagnostics.size() == 1);
  for (const Diagnostic& diagnostic : key.diagnostics) {
    CHECK(diagnostic.help == "quote it, `\"null\"`, to use it as text");
  }
}

TEST_CASE("a tree comes with its errors, unless the text could not be read to the end") {
  SUBCASE("duplicates, aliases, tags and bad keys leave the tree, without the bad entries") {
    const ReadResult result = read("a: 1\na: 2\nb: !!str x\nc: *z\n[k]: v\nd: &z 4\n");
    CHECK(result.diagnostics.size() == 3);  // the alias to an anchor defined later stops yaml-cpp
    CHECK(!result.document.has_value());
  }
  SUBCASE("errors that yaml-cpp lets through keep the tree") {
    const ReadResult result = read("a: 1\na: 2\nb: !!str x\nd: &z 4\nc: *z\n[k]: v\ne: 5\n");
    CHECK(result.diagnostics.size() == 4);
    const Node& root = root_of(result);
    CHECK(root.entries.size() == 6);
    CHECK(get(root, "a").scalar == "1");
    CHECK(get(root, "b").scalar == "x");
    CHECK(get(root, "c").kind == NodeKind::null);
    CHECK(get(root, "e").scalar == "5");
  }
  SUBCASE("a second document leaves the first one") {
    const ReadResult result = read("a: 1\n---\nb: 2\n");
    CHECK(get(root_of(result), "a").scalar == "1");
    CHECK(root_of(result).find("b") == nullptr);
  }
  SUBCASE("syntax, encoding and limit errors leave no tree") {
    CHECK(!read("a: [").document.has_value());
    CHECK(!read("a: \xFF").document.has_value());
    CHECK(!read("[[[]]]", ReadOptions{1000, 2, 100}).document.has_value());
    CHECK(!read("- a\nb: 1").document.has_value());
  }
}

/// The classic "billion laughs": nine levels of nine aliases each, which a
/// reader that expands aliases turns into 9^9 strings.
std::string alias_bomb() {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  const std::string names = "abcdefghi";
  for (std::size_t level = 1; level < names.size(); ++level) {
    const std::string previous = "*" + names.substr(level - 1, 1);
    text += names.substr(level, 1) + ": &" + names.substr(level, 1) + " [";
    for (int i = 0; i < 9; ++i)
      text += (i == 0 ? "" : ",") + previous;
    text += "]\n";
  }
  return text;
}

TEST_CASE("an alias bomb is refused without expanding it") {
  const ReadResult result = read(alias_bomb());
  CHECK(result.diagnostics.size() == 72);
  std::set<std::string> codes;
  for (const Diagnostic& diagnostic : result.diagnostics)
    codes.insert(diagnostic.code);
  CHECK(codes == std::set<std::string>{"yaml.alias"});
  CHECK(describe(result).substr(0, describe(result).find('\n')) ==
        "2:8: yaml.alias: aliases are not supported in rule sets: write the value out");
  const Node& root = root_of(result);
  CHECK(root.entries.size() == 9);
  CHECK(get(root, "i").items.size() == 9);
  CHECK(item(get(root, "i"), 8).kind == NodeKind::null);
}

/// The first diagnostic of reading `text`, as "line:column: code: message".
std::string first_problem(const std::string& text, const ReadOptions& options = {}) {
  const ReadResult result = read(text, options);
  CHECK(!result.document.has_value());
  CHECK(result.diagnostics.size() == 1);
  return describe(result).substr(0, describe(result).find('\n'));
}

TEST_CASE("deep nesting is refused before yaml-cpp recurses into it") {
  const std::string too_deep = ": yaml.limit: nesting deeper than 64 levels";
  SUBCASE("100,000 nested flow sequences") {
    CHECK(first_problem(std::string(100'000, '[')) == "1:65" + too_deep);
  }
  SUBCASE("100,000 nested flow mappings") {
    CHECK(first_problem(std::string(100'000, '{')) == "1:65" + too_deep);
  }
  SUBCASE("10,000 nested block mappings") {
    std::string text;
    for (int depth = 0; depth < 10'000; ++depth)
      text += std::string(depth, ' ') + "k:\n";
    CHECK(first_problem(text, ReadOptions{64 << 20, 64, 1'000'000}) == "65:65" + too_deep);
  }
  SUBCASE("10,000 compact block sequences and complex keys on one line") {
    CHECK(first_problem(repeat("- ", 10'000) + "x") == "1:129" + too_deep);
    CHECK(first_problem(repeat("? ", 10'000) + "x") == "1:129" + too_deep);
  }
  SUBCASE("sequences of mappings, each sequence at its key's column") {
    std::string text;
    for (std::size_t depth = 0; depth < 2'000; ++depth)
      text += std::string(2 * depth, ' ') + "- k:\n";
    CHECK(first_problem(text) == "33:65" + too_deep);
  }
  SUBCASE("block and flow nesting add up") {
    std::string text;
    for (int depth = 0; depth < 60; ++depth)
      text += std::string(depth, ' ') + "k:\n";
    text += std::string(60, ' ') + "k: " + std::string(1'000, '[');
    CHECK(first_problem(text) == "61:67" + too_deep);
  }
  SUBCASE("brackets in quotes, comments and block scalars do not count") {
    const std::string brackets(1'000, '[');
    CHECK(describe(read("a: \"" + brackets + "\"\nb: '" + brackets + "'\n# " + brackets +
                        "\nc: |\n  " + brackets + "\n    " + brackets + "\nd: x" + brackets))
              .empty());
  }
}

TEST_CASE("the depth limit is exact") {
  SUBCASE("flow") {
    CHECK(describe(read(std::string(64, '[') + std::string(64, ']'))).empty());
    CHECK(first_problem(std::string(65, '[') + std::string(65, ']')) ==
          "1:65: yaml.limit: nesting deeper than 64 levels");
  }
  SUBCASE("block") {
    std::string text;
    for (int depth = 0; depth < 64; ++depth)
      text += std::string(depth, ' ') + "k:\n";
    CHECK(describe(read(text)).empty());
    text += std::string(64, ' ') + "k: v\n";
    CHECK(first_problem(text) == "65:65: yaml.limit: nesting deeper than 64 levels");
  }
  SUBCASE("compact sequences") {
    CHECK(describe(read(repeat("- ", 64) + "x")).empty());
    CHECK(first_problem(repeat("- ", 65) + "x") ==
          "1:129: yaml.limit: nesting deeper than 64 levels");
  }
  SUBCASE("sequences of mappings") {
    std::string text;
    for (std::size_t depth = 0; depth < 32; ++depth)
      text += std::string(2 * depth, ' ') + "- k:\n";
    CHECK(describe(read(text)).empty());
    text += std::string(64, ' ') + "- x\n";
    CHECK(first_problem(text) == "33:65: yaml.limit: nesting deeper than 64 levels");
  }
  SUBCASE("scalars over several lines add no level") {
    std::string text;
    for (int depth = 0; depth < 62; ++depth)
      text += std::string(depth, ' ') + "k:\n";
    const std::string indent(62, ' ');
    text += indent + "plain: a\n" + indent + "   b\n" + indent + "        c\n";
    text += indent + "quoted: \"a\n" + indent + "      b: [\"\n";
    text +=
        indent + "block: |\n" + indent + "  x:\n" + indent + "    y:\n" + indent + "      [[[\n";
    text += indent + "folded: >-\n" + indent + "    - a\n" + indent + "      - b\n";
    text += indent + "flow: [x, y]\n";
    CHECK(describe(read(text)).empty());
  }
  SUBCASE("yaml-cpp's own guard, past a limit set higher than it allows") {
    CHECK(first_problem(std::string(1'000, '['), ReadOptions{1 << 20, 100'000, 1'000'000}) ==
          "1:1001: yaml.limit: nesting too deep for the YAML parser");
  }
}

TEST_CASE("a byte-order mark is skipped; offsets still count it") {
  const ReadResult result = read(
      "\xEF\xBB\xBF"
      "a: 1\nb: 2\n");
  CHECK(describe(result).empty());
  const Node& root = root_of(result);
  CHECK(where(root.entries.at(0).first) == "1:1+3");
  CHECK(where(get(root, "a")) == "1:4+6");
  CHECK(where(get(root, "b")) == "2:4+11");
  CHECK(describe(read("\xEF\xBB\xBF"
                      "a: \xFF")) == "1:4: yaml.encoding: invalid UTF-8 byte 0xFF");
  CHECK(describe(read("a: \xEF\xBB\xBF")).empty());
}

TEST_CASE("CRLF line endings keep lines and columns right") {
  const ReadResult result = read("a: 1\r\nb:\r\n  c: x\r\n  c: y\r\nd: |\r\n  l1\r\n  l2\r\n");
  CHECK(describe(result) == "4:3: yaml.duplicate_key: duplicate key `c`");
  const Node& root = root_of(result);
  CHECK(where(get(root, "a")) == "1:4+3");
  CHECK(where(get(get(root, "b"), "c")) == "3:6+15");
  CHECK(where(get(root, "d")) == "5:4+29");
  CHECK(get(root, "d").scalar == "l1\nl2\n");
  CHECK(describe(read("a: 1\r\nb: \xFF\r\n")) == "2:4: yaml.encoding: invalid UTF-8 byte 0xFF");
}

TEST_CASE("columns count code points, not bytes") {
  const ReadResult result = read("名前: 値\n説明: [甲, 乙]\n名前: x\n");
  CHECK(describe(result) == "3:1: yaml.duplicate_key: duplicate key `名前`");
  const Node& root = root_of(result);
  CHECK(where(get(root, "名前")) == "1:5+8");
  const Node& list = get(root, "説明");
  CHECK(where(item(list, 0)) == "2:6+21");
  CHECK(where(item(list, 1)) == "2:9+26");
  CHECK(describe(read("名前: 値\xFF")) == "1:6: yaml.encoding: invalid UTF-8 byte 0xFF");
}

/// A scratch directory for the file tests, removed at the end.
struct TempDirectory {
  TempDirectory() {
    std::random_device random;
    path = std::filesystem::temp_directory_path() /
           ("cadre-yaml-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(path);
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::filesystem::path path;
};

TEST_CASE("read_yaml_file") {
  const TempDirectory directory;
  SUBCASE("a file is read with its name in the document and the diagnostics") {
    const std::filesystem::path file = directory.path / "rules.yaml";
    std::ofstream(file, std::ios::binary) << "a: 1\na: 2\n";
    const ReadResult result = read_yaml_file(file);
    CHECK(describe(result) == "2:1: yaml.duplicate_key: duplicate key `a`");
    CHECK(result.diagnostics.at(0).location.file == file.string());
    CHECK(result.document.has_value());
    if (result.document) CHECK(result.document->file == file.string());
    if (result.document) CHECK(result.document->text == "a: 1\na: 2\n");
  }
  SUBCASE("a missing file") {
    const std::filesystem::path file = directory.path / "missing.yaml";
    const ReadResult result = read_yaml_file(file);
    CHECK(describe(result) ==
          "1:1: yaml.io: cannot read `" + file.string() + "`: no such file or directory");
    CHECK(!result.document.has_value());
  }
  SUBCASE("a directory") {
    CHECK(describe(read_yaml_file(directory.path)) ==
          "1:1: yaml.io: cannot read `" + directory.path.string() + "`: not a regular file");
  }
  SUBCASE("a file over the size limit is not read") {
    const std::filesystem::path file = directory.path / "big.yaml";
    std::ofstream(file, std::ios::binary) << "a: 123456789\n";
    CHECK(describe(read_yaml_file(file, ReadOptions{8, 64, 100})) ==
          "1:1: yaml.limit: the text is 13 bytes, more than the limit of 8");
  }
}

TEST_CASE("mangled input never crashes the reader") {
  const std::string sample =
      "name: \"pay\"\nrules:\n  - id: r1\n    when: [a, {b: 'c'}]\n    then: |\n      x\n"
      "  - &a ? k\n    : *a\n";
  const std::string specials = "[]{}:-?,#&*!|>'\"%@` \n\t\r\\\xC3\xFF";
  std::mt19937 random(12345);
  for (int round = 0; round < 3'000; ++round) {
    std::string text = sample;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int edit = 0; edit < edits; ++edit) {
      const std::size_t pos = random() % (text.size() + 1);
      const char c = specials[random() % specials.size()];
      if (random() % 2 == 0 && pos < text.size()) {
        text[pos] = c;
      } else {
        text.insert(pos, 1, c);
      }
    }
    const ReadResult result = read(text);
    CHECK((result.document.has_value() || !result.diagnostics.empty()));
  }
}

}  // namespace
}  // namespace cadre::yaml
