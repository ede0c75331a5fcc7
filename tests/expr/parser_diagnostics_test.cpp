// Tests of what the parser reports for malformed input: the exact location,
// code and message of each diagnostic (cases in tests/data/parser_errors.yaml),
// the limits, and that no input whatsoever crashes or hangs it.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "expr/parser.hpp"
#include "expr/source_map.hpp"

namespace cadre::expr {
namespace {

using namespace std::string_literals;
using namespace std::string_view_literals;

/// "line:column: code: message", the form the data file uses.
std::string describe(const Diagnostic& diagnostic) {
  return std::to_string(diagnostic.location.line) + ":" +
         std::to_string(diagnostic.location.column) + ": " + diagnostic.code + ": " +
         diagnostic.message;
}

std::vector<std::string> describe_all(const ParseResult& result) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : result.diagnostics) {
    lines.push_back(describe(diagnostic));
  }
  return lines;
}

ParseOptions read_options(const YAML::Node& node) {
  ParseOptions options;
  if (!node) return options;
  if (node["max_length"]) options.max_length = node["max_length"].as<int>();
  if (node["max_depth"]) options.max_depth = node["max_depth"].as<int>();
  if (node["max_errors"]) options.max_errors = node["max_errors"].as<int>();
  return options;
}

/// Walks the tree iteratively, calling `visit` on every node.
template <typename Visit>
void walk(const Expr& root, Visit visit) {
  std::vector<const Expr*> pending = {&root};
  while (!pending.empty()) {
    const Expr* node = pending.back();
    pending.pop_back();
    visit(*node);
    if (node->target) pending.push_back(node->target.get());
    for (const ExprPtr& arg : node->args) {
      pending.push_back(arg.get());
    }
  }
}

/// What must hold for any input: diagnostics are well formed and bounded,
/// error nodes come only with errors, node ids are unique and below next_id.
void check_invariants(std::string_view source, const ParseResult& result,
                      const ParseOptions& options = {}) {
  CHECK(static_cast<int>(result.diagnostics.size()) <= std::max(options.max_errors, 1));
  for (const Diagnostic& diagnostic : result.diagnostics) {
    CHECK(diagnostic.severity == Severity::error);
    CHECK(diagnostic.location.line >= 1);
    CHECK(diagnostic.location.column >= 1);
    CHECK(diagnostic.location.offset <= static_cast<int>(source.size()));
    CHECK(!diagnostic.message.empty());
  }
  if (result.diagnostics.empty()) REQUIRE(result.root != nullptr);
  if (!result.root) return;
  std::set<std::int32_t> ids;
  bool has_error_node = false;
  walk(*result.root, [&](const Expr& node) {
    CHECK(node.id >= 1);
    CHECK(node.id < result.next_id);
    CHECK(ids.insert(node.id).second);
    has_error_node = has_error_node || node.kind == ExprKind::error;
  });
  if (has_error_node) CHECK(has_errors(result.diagnostics));
}

TEST_CASE("malformed expressions report exact diagnostics") {
  const YAML::Node document =
      YAML::LoadFile(std::string(CADRE_TEST_DATA_DIR) + "/parser_errors.yaml");
  const YAML::Node cases = document["cases"];
  REQUIRE(cases.size() >= 40);
  for (const YAML::Node& entry : cases) {
    const std::string source = entry["expr"].as<std::string>();
    const ParseOptions options = read_options(entry["options"]);
    std::vector<std::string> expected;
    for (const YAML::Node& error : entry["errors"]) {
      expected.push_back(error.as<std::string>());
    }
    CAPTURE(source);
    const ParseResult result = parse(source, options);
    CHECK(describe_all(result) == expected);
    check_invariants(source, result, options);
  }
}

TEST_CASE("diagnostic offsets agree with their line and column") {
  const std::string source = "[1,\n  2 +,\n  'é' 3]";
  const ParseResult result = parse(source);
  REQUIRE(result.diagnostics.size() == 2);
  const SourceMap map(source);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    const SourceLocation location = map.locate(diagnostic.location.offset);
    CHECK(location.line == diagnostic.location.line);
    CHECK(location.column == diagnostic.location.column);
    CHECK(diagnostic.location.file.empty());
  }
  CHECK(result.diagnostics[0].location.offset == 9);
  CHECK(result.diagnostics[1].location.offset == 18);
  CHECK(describe(result.diagnostics[1]) ==
        "3:7: expr.syntax: expected `,` or `]` after list element, found `3`");
}

TEST_CASE("helpful hints accompany some diagnostics") {
  CHECK(parse("has(1)").diagnostics.at(0).help ==
        "has() takes a field selection such as `has(a.b)`");
  CHECK(parse("a = 1").diagnostics.at(0).help == "use `==` to compare values");
  CHECK(parse("1u").diagnostics.at(0).help == "remove the `u` suffix");
  CHECK(parse(".a").diagnostics.at(0).help == "write `a` instead of `.a`");
  CHECK(parse("'a\nb'").diagnostics.at(0).help ==
        "a quoted string ends on its own line; use `'''` or `\"\"\"` for text with line breaks");
}

TEST_CASE("invalid UTF-8 is reported at its offset and stops the parse") {
  SUBCASE("a stray continuation byte") {
    const ParseResult result = parse("'ab\x80' + 1");
    CHECK(describe_all(result) ==
          std::vector<std::string>{"1:4: expr.encoding: invalid UTF-8 byte 0x80"});
    CHECK(result.diagnostics[0].location.offset == 3);
    CHECK(result.root == nullptr);
  }
  SUBCASE("one diagnostic per run of bad bytes, columns in code points") {
    const ParseResult result = parse("'é\xff\xfe' +\n// \xc3\x28");
    CHECK(describe_all(result) ==
          std::vector<std::string>{"1:3: expr.encoding: invalid UTF-8 byte 0xFF",
                                   "2:4: expr.encoding: invalid UTF-8 byte 0xC3"});
  }
  SUBCASE("overlong forms, surrogates and code points above U+10FFFF") {
    CHECK(describe_all(parse("'\xc0\xaf'")) ==
          std::vector<std::string>{"1:2: expr.encoding: invalid UTF-8 byte 0xC0"});
    CHECK(describe_all(parse("'\xed\xa0\x80'")) ==
          std::vector<std::string>{"1:2: expr.encoding: invalid UTF-8 byte 0xED"});
    CHECK(describe_all(parse("'\xf4\x90\x80\x80'")) ==
          std::vector<std::string>{"1:2: expr.encoding: invalid UTF-8 byte 0xF4"});
  }
  SUBCASE("a truncated sequence at the end") {
    CHECK(describe_all(parse("1 + '\xe2\x82")) ==
          std::vector<std::string>{"1:6: expr.encoding: invalid UTF-8 byte 0xE2"});
  }
}

TEST_CASE("text longer than max_length is not parsed") {
  ParseOptions options;
  options.max_length = 10;
  CHECK(parse("1234567890", options).diagnostics.empty());
  const ParseResult result = parse("12345678901", options);
  CHECK(describe_all(result) ==
        std::vector<std::string>{"1:1: expr.limit: expression is too long (11 bytes, limit 10)"});
  CHECK(result.root == nullptr);
  const ParseResult huge = parse(std::string(200'000, '1'));
  CHECK(describe_all(huge) ==
        std::vector<std::string>{
            "1:1: expr.limit: expression is too long (200000 bytes, limit 100000)"});
}

TEST_CASE("max_errors bounds the diagnostics") {
  std::string source = "[";
  for (int i = 0; i < 100; ++i) {
    source += "1 +, ";
  }
  source += "]";
  CHECK(parse(source).diagnostics.size() == 20);
  ParseOptions options;
  options.max_errors = 3;
  CHECK(parse(source, options).diagnostics.size() == 3);
}

std::string repeat(std::string_view piece, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += piece;
  }
  return text;
}

TEST_CASE("hostile nesting stops at the depth limit with default options") {
  const std::vector<std::string> sources = {
      repeat("(", 40'000) + "1" + repeat(")", 40'000),
      repeat("[", 90'000),
      repeat("{", 90'000),
      repeat("f(", 40'000),
      repeat("-(", 40'000),
      repeat("!", 90'000) + "true",
      repeat("-", 90'000) + "x",
      "1" + repeat("+1", 45'000),
      "a" + repeat(".b", 45'000),
      "a" + repeat("[0]", 30'000),
      "a" + repeat(".f()", 20'000),
      repeat("a ? b : ", 10'000) + "c",
      repeat("x.all(y, ", 9'000),
      repeat("has(", 20'000),
  };
  for (const std::string& source : sources) {
    CAPTURE(source.substr(0, 20));
    const ParseResult result = parse(source);
    REQUIRE(!result.diagnostics.empty());
    CHECK(result.diagnostics.back().message == "expression nests too deeply (limit 128)");
    CHECK(result.diagnostics.back().code == "expr.limit");
    check_invariants(source, result);
  }
}

TEST_CASE("flattened logical chains are not deep") {
  const std::string ands = "a" + repeat(" && a", 15'000);
  const ParseResult result = parse(ands);
  CHECK(result.diagnostics.empty());
  REQUIRE(result.root);
  CHECK(result.root->args.size() == 15'001);
  CHECK(parse("a" + repeat(" || a", 15'000)).diagnostics.empty());
  const std::string list = "[" + repeat("1, ", 30'000) + "]";
  CHECK(parse(list).diagnostics.empty());
}

TEST_CASE("every prefix of tricky expressions parses without crashing") {
  const std::vector<std::string> sources = {
      "a.all(x, x > 0) && b.exists_one(y, y == 'q') || c.map(z, z % 2 == 0, z * 2)[0]",
      "has(a.b.c) ? {'k': [1, 2.5e-3, -9223372036854775808, 0xFF]} : r'''raw\\n''' + \"\\u00e9\"",
      "f(1 +, 2 +) + [1 2] + {1 2} + (3 4] + '\\q' + 9223372036854775808 + 1u + b'x'",
      "'''multi\nline''' + \"\"\"\0nul\"\"\" // comment\n + -(-(42)) * !!!true"s,
      "x.if() + {'while': 1}.while + .a + Foo{a: 1} + a ? b ? c : d : e",
      "'\\x4' '\\u12' '\\U0011FFFF' '\\uD800' '\\400' '\\12' 'é\\é' '\\\0' \0"s,
  };
  for (const std::string& source : sources) {
    for (std::size_t length = 0; length <= source.size(); ++length) {
      const std::string_view prefix(source.data(), length);
      const ParseResult result = parse(prefix);
      check_invariants(prefix, result);
    }
  }
}

/// Random soups of tokens and fragments exercise the parser; random bytes
/// mostly exercise the encoding check, so both are used.
TEST_CASE("random input never crashes the parser") {
  std::mt19937 random(20240607);
  const std::vector<std::string_view> pieces = {
      "(",    ")",     "[",       "]",      "{",    "}",     ".",
      ",",    ":",     "?",       "+",      "-",    "*",     "/",
      "%",    "!",     "==",      "!=",     "<",    "<=",    ">",
      ">=",   "&&",    "||",      "in",     "a",    "b",     "has",
      "all",  "map",   "exists",  "filter", "if",   "true",  "null",
      "1",    "0x1F",  "1.5",     "1e3",    ".5",   "1u",    "9223372036854775808",
      "'s'",  "\"t\"", "'''u'''", "r'v'",   "b'w'", "'\\q'", "'",
      "\"",   "'''",   "#",       "=",      " ",    "\n",    "//c\n",
      "\0"sv, "é"};
  ParseOptions small;
  small.max_depth = 8;
  small.max_errors = 5;
  for (int round = 0; round < 3000; ++round) {
    std::string source;
    const int count = static_cast<int>(random() % 24);
    for (int i = 0; i < count; ++i) {
      source += pieces[random() % pieces.size()];
    }
    check_invariants(source, parse(source));
    check_invariants(source, parse(source, small), small);
  }
  for (int round = 0; round < 3000; ++round) {
    std::string source(random() % 40, '\0');
    const bool ascii = round % 2 == 0;
    for (char& c : source) {
      c = static_cast<char>(ascii ? random() % 128 : random() % 256);
    }
    check_invariants(source, parse(source));
  }
}

TEST_CASE("format_diagnostic, severity_name and has_errors") {
  Diagnostic diagnostic;
  diagnostic.code = "expr.syntax";
  diagnostic.location.line = 1;
  diagnostic.location.column = 5;
  diagnostic.message = "unexpected `*`: expected an expression";
  CHECK(format_diagnostic(diagnostic) == "1:5: error: unexpected `*`: expected an expression");
  diagnostic.location.file = "rules.yaml";
  diagnostic.severity = Severity::warning;
  CHECK(format_diagnostic(diagnostic) ==
        "rules.yaml:1:5: warning: unexpected `*`: expected an expression");
  CHECK(std::string(severity_name(Severity::error)) == "error");
  CHECK(std::string(severity_name(Severity::warning)) == "warning");
  CHECK(std::string(severity_name(Severity::note)) == "note");
  CHECK_FALSE(has_errors({}));
  CHECK_FALSE(has_errors({diagnostic}));
  diagnostic.severity = Severity::error;
  CHECK(has_errors({diagnostic}));
}

TEST_CASE("SourceMap counts lines from 1 and columns in code points") {
  const SourceMap map("ab\n\xc3\xa9x\n\xf0\x9f\x98\xac!");
  auto at = [&](int offset) {
    const SourceLocation location = map.locate(offset);
    return std::to_string(location.line) + ":" + std::to_string(location.column);
  };
  CHECK(at(0) == "1:1");
  CHECK(at(2) == "1:3");
  CHECK(at(3) == "2:1");
  CHECK(at(5) == "2:2");
  CHECK(at(6) == "2:3");
  CHECK(at(7) == "3:1");
  CHECK(at(11) == "3:2");
  CHECK(at(12) == "3:3");
  CHECK(at(1000) == "3:3");
  CHECK(at(-5) == "1:1");
  CHECK(map.locate(1000).offset == 12);
  CHECK(SourceMap("").locate(0).line == 1);
}

}  // namespace
}  // namespace cadre::expr
