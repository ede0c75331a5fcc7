// Tests of the trees the parser builds for well-formed expressions: operator
// precedence and associativity, flattening, macros, literals and offsets.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "expr/parser.hpp"

namespace cadre::expr {
namespace {

using namespace std::string_literals;

std::string render(const Expr& expr);

std::string render_all(const std::vector<ExprPtr>& exprs, std::string_view separator) {
  std::string text;
  for (const ExprPtr& expr : exprs) {
    if (!text.empty()) text += separator;
    text += render(*expr);
  }
  return text;
}

std::string render_literal(const Literal& literal) {
  if (std::holds_alternative<Literal::Null>(literal.value)) return "null";
  if (const bool* value = std::get_if<bool>(&literal.value)) return *value ? "true" : "false";
  if (const auto* value = std::get_if<std::int64_t>(&literal.value)) return std::to_string(*value);
  if (std::holds_alternative<double>(literal.value)) return "d" + literal.source_text;
  return "'" + std::get<std::string>(literal.value) + "'";
}

const char* macro_name(MacroKind kind) {
  switch (kind) {
    case MacroKind::all:
      return "all";
    case MacroKind::exists:
      return "exists";
    case MacroKind::exists_one:
      return "exists_one";
    case MacroKind::filter:
      return "filter";
    case MacroKind::map:
      return "map";
    case MacroKind::map_filter:
      return "map_filter";
  }
  return "?";
}

/// A compact S-expression: `(_+_ 1 2)`, `(.f recv arg)`, `(. a b)`,
/// `(has a b)`, `[1 2]`, `{k: v, ...}`, `(all x range pred)`, `d1.5`, `<error>`.
std::string render(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::error:
      return "<error>";
    case ExprKind::literal:
      return render_literal(expr.literal);
    case ExprKind::ident:
      return expr.name;
    case ExprKind::select:
      return (expr.test_only ? "(has " : "(. ") + render(*expr.target) + " " + expr.name + ")";
    case ExprKind::call: {
      std::string head = expr.target ? "." + expr.name + " " + render(*expr.target) : expr.name;
      return "(" + head + (expr.args.empty() ? "" : " " + render_all(expr.args, " ")) + ")";
    }
    case ExprKind::list:
      return "[" + render_all(expr.args, " ") + "]";
    case ExprKind::map: {
      std::string text;
      for (std::size_t i = 0; i + 1 < expr.args.size(); i += 2) {
        text += (i ? ", " : "") + render(*expr.args[i]) + ": " + render(*expr.args[i + 1]);
      }
      return "{" + text + "}";
    }
    case ExprKind::comprehension:
      return "(" + std::string(macro_name(expr.macro)) + " " + expr.name + " " +
             render(*expr.target) + " " + render_all(expr.args, " ") + ")";
  }
  return "?";
}

/// Parses `source`, requires no diagnostics and returns the rendered tree.
std::string tree(std::string_view source) {
  const ParseResult result = parse(source);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    FAIL_CHECK(format_diagnostic(diagnostic) << " in: " << source);
  }
  REQUIRE(result.root);
  return render(*result.root);
}

ParseResult parse_ok(std::string_view source) {
  ParseResult result = parse(source);
  REQUIRE(result.diagnostics.empty());
  REQUIRE(result.root);
  return result;
}

TEST_CASE("binary operators follow CEL precedence") {
  CHECK(tree("1 + 2 * 3") == "(_+_ 1 (_*_ 2 3))");
  CHECK(tree("1 * 2 + 3") == "(_+_ (_*_ 1 2) 3)");
  CHECK(tree("a - b % c / d") == "(_-_ a (_/_ (_%_ b c) d))");
  CHECK(tree("a + b < c * d") == "(_<_ (_+_ a b) (_*_ c d))");
  CHECK(tree("a < b && c >= d") == "(_&&_ (_<_ a b) (_>=_ c d))");
  CHECK(tree("a || b && c") == "(_||_ a (_&&_ b c))");
  CHECK(tree("a && b || c") == "(_||_ (_&&_ a b) c)");
  CHECK(tree("a == b != c") == "(_!=_ (_==_ a b) c)");
  CHECK(tree("a <= b > c") == "(_>_ (_<=_ a b) c)");
  CHECK(tree("x in [1, 2] == true") == "(_==_ (_in_ x [1 2]) true)");
  CHECK(tree("a + 1 in b") == "(_in_ (_+_ a 1) b)");
  CHECK(tree("(1 + 2) * 3") == "(_*_ (_+_ 1 2) 3)");
}

TEST_CASE("binary operators are left-associative") {
  CHECK(tree("1 - 2 - 3") == "(_-_ (_-_ 1 2) 3)");
  CHECK(tree("8 / 4 / 2") == "(_/_ (_/_ 8 4) 2)");
  CHECK(tree("a < b < c") == "(_<_ (_<_ a b) c)");
  CHECK(tree("1 - 2 + 3") == "(_+_ (_-_ 1 2) 3)");
}

TEST_CASE("the conditional is lowest and right-associative") {
  CHECK(tree("a ? b : c") == "(_?_:_ a b c)");
  CHECK(tree("a ? b : c ? d : e") == "(_?_:_ a b (_?_:_ c d e))");
  CHECK(tree("a || b ? c && d : e + f") == "(_?_:_ (_||_ a b) (_&&_ c d) (_+_ e f))");
  CHECK(tree("a ? (b ? c : d) : e") == "(_?_:_ a (_?_:_ b c d) e)");
}

TEST_CASE("&& and || chains are flattened into one call") {
  CHECK(tree("a && b && c && d") == "(_&&_ a b c d)");
  CHECK(tree("a || b || c") == "(_||_ a b c)");
  CHECK(tree("a && b || c && d || e") == "(_||_ (_&&_ a b) (_&&_ c d) e)");
  CHECK(tree("(a && b) && c") == "(_&&_ (_&&_ a b) c)");
  CHECK(tree("a && (b && c)") == "(_&&_ a (_&&_ b c))");
  CHECK(tree("a == b && c") == "(_&&_ (_==_ a b) c)");
}

TEST_CASE("unary operators repeat and bind tighter than binary ones") {
  CHECK(tree("!a") == "(!_ a)");
  CHECK(tree("!!!!true") == "(!_ (!_ (!_ (!_ true))))");
  CHECK(tree("-x") == "(-_ x)");
  CHECK(tree("--x") == "(-_ (-_ x))");
  CHECK(tree("!-x") == "(!_ (-_ x))");
  CHECK(tree("-a * b") == "(_*_ (-_ a) b)");
  CHECK(tree("!a && b") == "(_&&_ (!_ a) b)");
  CHECK(tree("-a.b") == "(-_ (. a b))");
  CHECK(tree("a - -b") == "(_-_ a (-_ b))");
}

TEST_CASE("a minus sign before a number is folded into the literal") {
  CHECK(tree("-5") == "-5");
  CHECK(tree("- 5") == "-5");
  CHECK(tree("--5") == "(-_ -5)");
  CHECK(tree("-9223372036854775808") == "-9223372036854775808");
  CHECK(tree("-0x8000000000000000") == "-9223372036854775808");
  CHECK(tree("-(-9223372036854775808)") == "(-_ -9223372036854775808)");
  CHECK(tree("-(42)") == "(-_ 42)");
  CHECK(tree("a -5") == "(_-_ a 5)");
  CHECK(tree("a - -5") == "(_-_ a -5)");
  CHECK(tree("-1.5") == "d-1.5");
  CHECK(tree("-.5") == "d-.5");
  CHECK(tree("!-1") == "(!_ -1)");
  const ParseResult zero = parse_ok("-0.0");
  CHECK(std::signbit(std::get<double>(zero.root->literal.value)));
  CHECK(tree("-(0.0)") == "(-_ d0.0)");
}

TEST_CASE("literals") {
  CHECK(tree("42") == "42");
  CHECK(tree("0x2A") == "42");
  CHECK(tree("0X2a") == "42");
  CHECK(tree("9223372036854775807") == "9223372036854775807");
  CHECK(tree("0x7FFFFFFFFFFFFFFF") == "9223372036854775807");
  CHECK(tree("true") == "true");
  CHECK(tree("false") == "false");
  CHECK(tree("null") == "null");
  CHECK(tree("'abc'") == "'abc'");
  CHECK(tree("[]") == "[]");
  CHECK(tree("{}") == "{}");

  SUBCASE("doubles keep their source text") {
    for (const std::string_view text : {"1.5", "1e3", "1.5e-3", ".5", "1E+10", "0.1", "3.0"}) {
      const ParseResult result = parse_ok(text);
      CHECK(result.root->kind == ExprKind::literal);
      CHECK(result.root->literal.source_text == text);
    }
    CHECK(std::get<double>(parse_ok("1.5e-3").root->literal.value) == 1.5e-3);
    CHECK(std::get<double>(parse_ok(".5").root->literal.value) == 0.5);
    CHECK(std::get<double>(parse_ok("1e-400").root->literal.value) == 0.0);
  }
}

TEST_CASE("lists and maps allow a trailing comma") {
  CHECK(tree("[1, 2, 3]") == "[1 2 3]");
  CHECK(tree("[1, 2,]") == "[1 2]");
  CHECK(tree("{'a': 1, 'b': [2]}") == "{'a': 1, 'b': [2]}");
  CHECK(tree("{'a': 1,}") == "{'a': 1}");
  CHECK(tree("[[1], {2: 3}][0]") == "(_[_] [[1] {2: 3}] 0)");
}

TEST_CASE("member access, indexing and calls") {
  CHECK(tree("a.b") == "(. a b)");
  CHECK(tree("a.b.c") == "(. (. a b) c)");
  CHECK(tree("a[0]") == "(_[_] a 0)");
  CHECK(tree("a[0][1]") == "(_[_] (_[_] a 0) 1)");
  CHECK(tree("a.b[c.d]") == "(_[_] (. a b) (. c d))");
  CHECK(tree("f()") == "(f)");
  CHECK(tree("f(1, g(2))") == "(f 1 (g 2))");
  CHECK(tree("a.size()") == "(.size a)");
  CHECK(tree("'abc'.startsWith('a')") == "(.startsWith 'abc' 'a')");
  CHECK(tree("a.b.c(1).d[0]") == "(_[_] (. (.c (. a b) 1) d) 0)");
  CHECK(tree("[1, 2].size()") == "(.size [1 2])");
  CHECK(tree("1.5.foo") == "(. d1.5 foo)");
}

TEST_CASE("reserved words are allowed as field and method names") {
  for (const std::string_view word :
       {"as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
        "loop", "package", "namespace", "return", "var", "void", "while"}) {
    const std::string word_text(word);
    CHECK(tree("{'" + word_text + "': 1}." + word_text) ==
          "(. {'" + word_text + "': 1} " + word_text + ")");
    CHECK(tree("a." + word_text + "() || true") == "(_||_ (." + word_text + " a) true)");
  }
  CHECK(tree("a.has(x)") == "(.has a x)");
  CHECK(tree("has") == "has");
  CHECK(tree("all(x, y)") == "(all x y)");
}

TEST_CASE("has() becomes a test-only select") {
  CHECK(tree("has(a.b)") == "(has a b)");
  CHECK(tree("has(a.b.c)") == "(has (. a b) c)");
  CHECK(tree("has({'k': 1}.k)") == "(has {'k': 1} k)");
  CHECK(tree("has(a.b) && has(c.d)") == "(_&&_ (has a b) (has c d))");
  CHECK(tree("has(a.b, c)") == "(has (. a b) c)");
  CHECK(tree("has()") == "(has)");
}

TEST_CASE("comprehension macros") {
  CHECK(tree("r.all(x, x > 0)") == "(all x r (_>_ x 0))");
  CHECK(tree("r.exists(x, x == 1)") == "(exists x r (_==_ x 1))");
  CHECK(tree("r.exists_one(x, x)") == "(exists_one x r x)");
  CHECK(tree("r.filter(x, x % 2 == 0)") == "(filter x r (_==_ (_%_ x 2) 0))");
  CHECK(tree("r.map(x, x * 2)") == "(map x r (_*_ x 2))");
  CHECK(tree("r.map(x, x > 1, x * 2)") == "(map_filter x r (_>_ x 1) (_*_ x 2))");
  CHECK(tree("[1, 2].all(x, [3].exists(y, y > x))") == "(all x [1 2] (exists y [3] (_>_ y x)))");
  CHECK(tree("r.map(x, x).filter(y, y)[0]") == "(_[_] (filter y (map x r x) y) 0)");
  CHECK(tree("r.all((x), x)") == "(all x r x)");

  SUBCASE("other argument counts make ordinary calls") {
    CHECK(tree("r.all(x)") == "(.all r x)");
    CHECK(tree("r.exists(x, y, z)") == "(.exists r x y z)");
    CHECK(tree("r.map(x, y, z, w)") == "(.map r x y z w)");
    CHECK(tree("r.filter()") == "(.filter r)");
  }

  SUBCASE("the node records the macro") {
    const ParseResult result = parse_ok("r.map(x, x > 1, x * 2)");
    const Expr& node = *result.root;
    CHECK(node.kind == ExprKind::comprehension);
    CHECK(node.macro == MacroKind::map_filter);
    CHECK(node.name == "x");
    REQUIRE(node.args.size() == 2);
    CHECK(node.args[0]->name == op::kGreater);
    CHECK(node.args[1]->name == op::kMultiply);
  }
}

TEST_CASE("comments and whitespace are skipped") {
  CHECK(tree("1 + // one\n 2 // two") == "(_+_ 1 2)");
  CHECK(tree("// leading\n\t1\r\n\f*\n2") == "(_*_ 1 2)");
  CHECK(tree("a / b // c / d") == "(_/_ a b)");
}

TEST_CASE("string forms, raw and triple-quoted, with newlines and NUL bytes") {
  CHECK(tree("'''line 1\nline 2'''") == "'line 1\nline 2'");
  CHECK(tree("\"\"\"a\"b\"\"c\"\"\"") == "'a\"b\"\"c'");
  CHECK(tree("r'a\\nb'") == "'a\\nb'");
  CHECK(tree("R\"\"\"x\n\\t\"\"\"") == "'x\n\\t'");
  CHECK(tree("'a\\nb' + \"\\x41\\101\\u00e9\\U0001F62C\"") == "(_+_ 'a\nb' 'AAé😬')");
  CHECK(tree("'' + \"\" + '''''' + \"\"\"\"\"\"") == "(_+_ (_+_ (_+_ '' '') '') '')");
  const std::string with_nul = "'a\0b' + '''\0\n'''"s;
  CHECK(tree(with_nul) == "(_+_ 'a\0b' '\0\n')"s);
  CHECK(tree("'\\0000'") ==
        "'\0"
        "0'"s);
}

TEST_CASE("offsets point at each node's token") {
  const ParseResult result = parse_ok("a + b.c[0] ? f(x) : r.g(1) && -2 && !d");
  const Expr& conditional = *result.root;
  CHECK(conditional.offset == 11);  // ?
  const Expr& sum = *conditional.args[0];
  CHECK(sum.offset == 2);           // +
  CHECK(sum.args[0]->offset == 0);  // a
  const Expr& index = *sum.args[1];
  CHECK(index.offset == 7);           // [
  CHECK(index.args[0]->offset == 5);  // the '.' of b.c
  CHECK(index.args[0]->target->offset == 4);
  CHECK(index.args[1]->offset == 8);
  CHECK(conditional.args[1]->offset == 13);  // f, a global call's name
  const Expr& chain = *conditional.args[2];
  CHECK(chain.offset == 27);           // the first &&
  CHECK(chain.args[0]->offset == 22);  // g, a member call's name
  CHECK(chain.args[1]->offset == 30);  // the '-' of the folded literal
  CHECK(chain.args[2]->offset == 36);  // !
  CHECK(chain.args[2]->args[0]->offset == 37);

  const ParseResult macros = parse_ok("[1].all(x, x > 0) || has(m.k) || {'a': [1]}");
  CHECK(macros.root->args[0]->offset == 4);            // all, the macro's name
  CHECK(macros.root->args[1]->offset == 26);           // the '.' of m.k
  CHECK(macros.root->args[2]->offset == 33);           // {
  CHECK(macros.root->args[2]->args[1]->offset == 39);  // [
}

TEST_CASE("node ids are unique, start at 1 and stay below next_id") {
  const ParseResult result =
      parse_ok("a.all(x, x > 1) && f(1, [2], {3: 4}) || has(b.c) ? -1 : 2.5");
  std::set<std::int32_t> ids;
  std::vector<const Expr*> pending = {result.root.get()};
  while (!pending.empty()) {
    const Expr* node = pending.back();
    pending.pop_back();
    CHECK(ids.insert(node->id).second);
    if (node->target) pending.push_back(node->target.get());
    for (const ExprPtr& arg : node->args) {
      pending.push_back(arg.get());
    }
  }
  CHECK(*ids.begin() == 1);
  CHECK(*ids.rbegin() < result.next_id);
  CHECK(parse_ok("x").root->id == 1);
  CHECK(parse_ok("x").next_id == 2);
}

std::string repeat(std::string_view piece, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += piece;
  }
  return text;
}

TEST_CASE("the deep expressions of the CEL conformance tests parse with default limits") {
  const std::string parens = repeat("(", 32) + "7" + repeat(")", 32);
  CHECK(tree(parens) == "7");
  const std::string indexes = repeat("a[", 12) + "0" + repeat("]", 12);
  CHECK(parse_ok(indexes).root->name == op::kIndex);
  const std::string ternary = repeat("true ? true : ", 24) + "false";
  CHECK(parse_ok(ternary).root->name == op::kConditional);
  const std::string ands = "true" + repeat(" && true", 31) + " && false";
  const ParseResult chain = parse_ok(ands);
  CHECK(chain.root->args.size() == 33);
  CHECK(tree(repeat("!", 32) + "true").size() == 32 * 4 + 4 + 32);
  std::string list = "[0";
  for (int i = 1; i < 32; ++i) {
    list += ", " + std::to_string(i);
  }
  CHECK(parse_ok(list + "][17]").root->args[0]->args.size() == 32);
}

TEST_CASE("deep but legal nesting up to the limit") {
  const std::string parens = repeat("(", 120) + "1" + repeat(")", 120);
  CHECK(parse(parens).diagnostics.empty());
  const std::string sums = "1" + repeat(" + 1", 120);
  CHECK(parse(sums).diagnostics.empty());
  ParseOptions deep;
  deep.max_depth = 1000;
  CHECK(parse("1" + repeat(" + 1", 900), deep).diagnostics.empty());
}

/// Every expression of the conformance files parses cleanly, and each string
/// literal case of parse.yaml decodes to its expected value. Skipped when the
/// shared conformance data is not beside the project.
TEST_CASE("the CEL conformance expressions parse") {
  const std::filesystem::path directory = CADRE_CONFORMANCE_DIR;
  if (!std::filesystem::exists(directory / "parse.yaml")) {
    MESSAGE("conformance data not found; skipped");
    return;
  }
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".yaml") continue;
    for (const YAML::Node& test : YAML::LoadFile(entry.path().string())["tests"]) {
      const std::string source = test["expr"].as<std::string>();
      CAPTURE(source);
      const ParseResult result = parse(source);
      CHECK(result.diagnostics.empty());
      ++count;
      const std::string name = test["name"].as<std::string>();
      if (entry.path().filename() != "parse.yaml" || name.rfind("string_literals/", 0) != 0) {
        continue;
      }
      REQUIRE(result.root);
      CHECK(render_literal(result.root->literal) ==
            "'" + test["expect"]["value"].as<std::string>() + "'");
    }
  }
  CHECK(count > 500);
}

}  // namespace
}  // namespace cadre::expr
