// Evaluation of missing facts, errors and the operators that absorb them:
// unknown variables and record fields, missing map keys, has(), the full truth
// tables of `&&` and `||` over {true, false, unknown, error} in both operand
// orders (run-time and constant-folded operands), chains of three, `?:`, `!`
// and the strict operators and functions that propagate unknowns and errors.
#include <string>
#include <vector>

#include "../api/test_support.hpp"

#include <doctest/doctest.h>

namespace {

using cadre::CompileOptions;
using cadre::TypeCheck;
using cadre::testing::Harness;

enum class Operand { t, f, u, e };

// How each kind of operand is written on the left and on the right. Unknowns
// differ per side so that a result can say which side it came from.
struct Spelling {
  const char* name;
  const char* t;
  const char* f;
  const char* u_left;
  const char* u_right;
  const char* e;
};

const Spelling kRunTime{"run-time operands", "x.t", "x.f", "x.a", "x.b", "x.n / x.zero == 0"};
const Spelling kFolded{"constant operands", "true", "false", "x.a", "x.b", "1/0 == 0"};
const Spelling kIndexError{"constant index error", "true", "false", "x.a", "x.b", "[][0]"};

std::string spell(const Spelling& s, Operand operand, bool left) {
  switch (operand) {
    case Operand::t:
      return s.t;
    case Operand::f:
      return s.f;
    case Operand::u:
      return left ? s.u_left : s.u_right;
    case Operand::e:
      return s.e;
  }
  return "";
}

struct Row {
  Operand left;
  Operand right;
  const char* expected;
};

using O = Operand;

// Every ordered pair: false decides `&&` whatever the other side is; otherwise
// unknowns win over errors, and two unknowns give the union of their paths.
const std::vector<Row> kAndTable = {
    {O::t, O::t, "true"},
    {O::t, O::f, "false"},
    {O::t, O::u, "unknown(x.b)"},
    {O::t, O::e, "error"},
    {O::f, O::t, "false"},
    {O::f, O::f, "false"},
    {O::f, O::u, "false"},
    {O::f, O::e, "false"},
    {O::u, O::t, "unknown(x.a)"},
    {O::u, O::f, "false"},
    {O::u, O::u, "unknown(x.a, x.b)"},
    {O::u, O::e, "unknown(x.a)"},
    {O::e, O::t, "error"},
    {O::e, O::f, "false"},
    {O::e, O::u, "unknown(x.b)"},
    {O::e, O::e, "error"},
};

// The dual: true decides `||`.
const std::vector<Row> kOrTable = {
    {O::t, O::t, "true"},
    {O::t, O::f, "true"},
    {O::t, O::u, "true"},
    {O::t, O::e, "true"},
    {O::f, O::t, "true"},
    {O::f, O::f, "false"},
    {O::f, O::u, "unknown(x.b)"},
    {O::f, O::e, "error"},
    {O::u, O::t, "true"},
    {O::u, O::f, "unknown(x.a)"},
    {O::u, O::u, "unknown(x.a, x.b)"},
    {O::u, O::e, "unknown(x.a)"},
    {O::e, O::t, "true"},
    {O::e, O::f, "error"},
    {O::e, O::u, "unknown(x.b)"},
    {O::e, O::e, "error"},
};

void check_table(const std::vector<Row>& table, const char* op) {
  Harness harness;
  for (const Spelling* spelling : {&kRunTime, &kFolded, &kIndexError}) {
    for (const Row& row : table) {
      std::string source = "(" + spell(*spelling, row.left, true) + ") " + op + " (" +
                           spell(*spelling, row.right, false) + ")";
      std::string context = std::string(spelling->name) + ": " + source;
      INFO(context);
      CHECK(harness.run(source) == std::string(row.expected));
    }
  }
}

struct Case {
  const char* source;
  const char* expected;
};

void check_cases(const Harness& harness, const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    INFO(std::string(c.source));
    CHECK(harness.run(c.source) == std::string(c.expected));
  }
}

}  // namespace

TEST_CASE("an unbound variable and an absent record field are unknown with their path") {
  Harness harness;
  check_cases(harness, {
                           {"pay", "unknown(pay)"},
                           {"as_of", "unknown(as_of)"},
                           {"x.a", "unknown(x.a)"},
                           {"x.day", "unknown(x.day)"},
                           {"cadre", "unknown(cadre)"},
                           {"x.t", "true"},
                           {"x.n", "7"},
                       });
  harness.bind("cadre", cadre::testing::map_of({{"name", "Li"}}));
  check_cases(harness, {
                           {"cadre.birth_date", "unknown(cadre.birth_date)"},
                           {"cadre.name", "\"Li\""},
                           {"cadre.address.village", "unknown(cadre.address)"},
                       });
}

TEST_CASE("a field absent from an indexed list element is unknown with a path to the list") {
  Harness harness;
  harness.bind(
      "cadre",
      cadre::testing::map_of(
          {{"assessments", cadre::testing::list_of({cadre::testing::map_of({{"year", 2022}})})}}));
  cadre::Value value = harness.eval("cadre.assessments[0].grade");
  REQUIRE(value.is_unknown());
  REQUIRE(value.as_unknown().attributes.size() == 1);
  const std::string& path = value.as_unknown().attributes[0];
  INFO("attribute path: ", path);
  CHECK(path.starts_with("cadre.assessments"));
  CHECK(path.ends_with(".grade"));
}

TEST_CASE("a missing key of a map-typed value is an error, not unknown") {
  Harness harness;
  check_cases(harness, {
                           {"x.m.k", "1"},
                           {"x.m.missing", "error"},
                           {"x.m['missing']", "error"},
                           {"{'a': 1}.b", "error"},
                           {"{'a': 1}['b']", "error"},
                       });
  CHECK(harness.error_message("x.m.missing").find("missing") != std::string::npos);
}

TEST_CASE("has() is false for an absent record field and true for a present one") {
  Harness harness;
  check_cases(harness, {
                           {"has(x.a)", "false"},
                           {"has(x.t)", "true"},
                           {"has(x.f)", "true"},
                           {"has(x.m.k)", "true"},
                           {"has(x.m.missing)", "false"},
                           {"has(x.a) && x.a", "false"},
                           {"!has(x.a) || x.a", "true"},
                       });
}

TEST_CASE("&& truth table over true, false, unknown and error in both orders") {
  check_table(kAndTable, "&&");
}

TEST_CASE("|| truth table over true, false, unknown and error in both orders") {
  check_table(kOrTable, "||");
}

TEST_CASE("&& and || treat a non-bool operand like an error when type checks are off") {
  Harness harness;
  harness.options.type_check = TypeCheck::disabled;
  check_cases(harness, {
                           {"false && 1", "false"},
                           {"1 && false", "false"},
                           {"true && 1", "error"},
                           {"1 && true", "error"},
                           {"1 && x.a", "unknown(x.a)"},
                           {"x.a && 1", "unknown(x.a)"},
                           {"'s' && (x.n / x.zero == 0)", "error"},
                           {"true || 1", "true"},
                           {"1 || true", "true"},
                           {"false || 1", "error"},
                           {"1 || false", "error"},
                           {"1 || x.b", "unknown(x.b)"},
                           {"x.b || 1", "unknown(x.b)"},
                       });
}

TEST_CASE("three-operand && chains: false decides, else unknowns unite, else error") {
  Harness harness;
  check_cases(harness, {
                           {"x.t && x.t && x.t", "true"},
                           {"x.t && x.t && x.f", "false"},
                           {"x.a && x.b && x.c", "unknown(x.a, x.b, x.c)"},
                           {"x.a && x.t && x.c", "unknown(x.a, x.c)"},
                           {"x.a && (x.n / x.zero == 0) && x.f", "false"},
                           {"x.f && x.a && (x.n / x.zero == 0)", "false"},
                           {"(x.n / x.zero == 0) && x.a && x.t", "unknown(x.a)"},
                           {"(x.n / x.zero == 0) && x.t && x.c", "unknown(x.c)"},
                           {"(x.n / x.zero == 0) && x.t && x.t", "error"},
                           {"x.t && (1/0 == 0) && (x.n / x.zero == 0)", "error"},
                           {"x.a && x.b && false", "false"},
                           {"1/0 == 0 && x.a && x.b", "unknown(x.a, x.b)"},
                       });
}

TEST_CASE("three-operand || chains: true decides, else unknowns unite, else error") {
  Harness harness;
  check_cases(harness, {
                           {"x.f || x.f || x.f", "false"},
                           {"x.f || x.f || x.t", "true"},
                           {"x.a || x.b || x.c", "unknown(x.a, x.b, x.c)"},
                           {"x.a || x.f || x.c", "unknown(x.a, x.c)"},
                           {"x.a || (x.n / x.zero == 0) || x.t", "true"},
                           {"x.t || x.a || (x.n / x.zero == 0)", "true"},
                           {"(x.n / x.zero == 0) || x.a || x.f", "unknown(x.a)"},
                           {"(x.n / x.zero == 0) || x.f || x.f", "error"},
                           {"x.a || x.b || true", "true"},
                           {"1/0 == 0 || x.a || x.b", "unknown(x.a, x.b)"},
                       });
}

TEST_CASE("mixed && and || combine the unknowns of undecided operands") {
  Harness harness;
  check_cases(harness, {
                           {"x.a && x.b || x.t", "true"},
                           {"x.a && x.b || x.f", "unknown(x.a, x.b)"},
                           {"(x.a || x.f) && (x.b || x.f)", "unknown(x.a, x.b)"},
                           {"(x.a || x.t) && x.f", "false"},
                           {"(x.a || x.t) && (x.b && x.c)", "unknown(x.b, x.c)"},
                           {"x.a && x.a", "unknown(x.a)"},
                       });
}

TEST_CASE("?: picks a branch by a bool condition and ignores the other branch") {
  Harness harness;
  check_cases(harness, {
                           {"x.t ? 1 : 2", "1"},
                           {"x.f ? 1 : 2", "2"},
                           {"x.t ? 1 : x.n / x.zero", "1"},
                           {"x.f ? x.n / x.zero : 2", "2"},
                           {"x.t ? 1 : x.i", "1"},
                           {"x.f ? x.i : 2", "2"},
                           {"true ? 1 : 1/0", "1"},
                           {"false ? 1/0 : 2", "2"},
                           {"x.t ? x.i : 2", "unknown(x.i)"},
                           {"x.f ? 1 : x.n / x.zero", "error"},
                       });
}

TEST_CASE("?: with an unknown condition is unknown with the condition's paths") {
  Harness harness;
  check_cases(harness, {
                           {"x.a ? 1 : 2", "unknown(x.a)"},
                           {"x.a ? x.i : x.j", "unknown(x.a)"},
                           {"x.a ? x.n / x.zero : 2", "unknown(x.a)"},
                           {"x.a && x.b ? 1 : 2", "unknown(x.a, x.b)"},
                       });
}

TEST_CASE("?: with an error condition is an error") {
  Harness harness;
  check_cases(harness, {
                           {"(x.n / x.zero == 0) ? 1 : 2", "error"},
                           {"(1/0 == 0) ? 1 : 2", "error"},
                           {"(x.n / x.zero == 0) ? x.i : x.j", "error"},
                       });
  CHECK(harness.error_message("(x.n / x.zero == 0) ? 1 : 2") == "division by zero");
}

TEST_CASE("?: with a non-bool condition is an error when type checks are off") {
  Harness harness;
  harness.options.type_check = TypeCheck::disabled;
  check_cases(harness, {
                           {"1 ? 2 : 3", "error"},
                           {"x.n ? 2 : 3", "error"},
                           {"'yes' ? 2 : 3", "error"},
                       });
  CHECK(harness.error_message("x.n ? 2 : 3").find("bool") != std::string::npos);
}

TEST_CASE("! keeps unknowns and errors and negates bools") {
  Harness harness;
  check_cases(harness, {
                           {"!x.t", "false"},
                           {"!x.f", "true"},
                           {"!x.a", "unknown(x.a)"},
                           {"!!x.a", "unknown(x.a)"},
                           {"!(x.n / x.zero == 0)", "error"},
                           {"!(1/0 == 0)", "error"},
                           {"!(x.a && x.b)", "unknown(x.a, x.b)"},
                       });
}

TEST_CASE("strict operators with unknown arguments are unknown with all their paths") {
  Harness harness;
  check_cases(harness, {
                           {"x.i + x.j", "unknown(x.i, x.j)"},
                           {"x.i + x.j > 0", "unknown(x.i, x.j)"},
                           {"x.i + x.i", "unknown(x.i)"},
                           {"(x.i + 1) * (x.j + 1)", "unknown(x.i, x.j)"},
                           {"x.i < x.n", "unknown(x.i)"},
                           {"-x.i", "unknown(x.i)"},
                           {"x.l[x.i]", "unknown(x.i)"},
                           {"x.i in x.l", "unknown(x.i)"},
                           {"x.d == x.d", "unknown(x.d)"},
                           {"size(x.text)", "unknown(x.text)"},
                           {"x.text.startsWith(x.s)", "unknown(x.text)"},
                           {"years_between(x.day, as_of)", "unknown(as_of, x.day)"},
                           {"[x.i, x.j]", "unknown(x.i, x.j)"},
                           {"{'i': x.i, 'n': x.n}", "unknown(x.i)"},
                       });
}

TEST_CASE("strict operators prefer unknowns over errors among their arguments") {
  Harness harness;
  check_cases(harness, {
                           {"x.i + x.n / x.zero", "unknown(x.i)"},
                           {"x.n / x.zero + x.i", "unknown(x.i)"},
                           {"1/0 + x.i", "unknown(x.i)"},
                           {"x.i < x.n / x.zero", "unknown(x.i)"},
                           {"x.n / x.zero + x.i + x.j", "unknown(x.i, x.j)"},
                           {"[x.n / x.zero, x.i]", "unknown(x.i)"},
                           {"years_between(x.day, date('2023-02-29'))", "unknown(x.day)"},
                       });
}

TEST_CASE("strict operators with errors only are errors") {
  Harness harness;
  check_cases(harness, {
                           {"x.n / x.zero", "error"},
                           {"x.n % x.zero", "error"},
                           {"x.n / x.zero + 1/0", "error"},
                           {"x.n / x.zero < x.n % x.zero", "error"},
                           {"size([x.n / x.zero])", "error"},
                           {"x.l[5]", "error"},
                           {"x.n / x.zero == x.n / x.zero", "error"},
                       });
  CHECK(harness.error_message("x.n / x.zero") == "division by zero");
  CHECK(harness.error_message("x.n % x.zero") == "modulus by zero");
  CHECK(harness.error_message("9223372036854775807 + x.n") == "integer overflow");
}

TEST_CASE("a constant error is folded at compile time with the same value as at run time") {
  Harness harness;
  CHECK(harness.run("1/0 == 0") == "error");
  CHECK(harness.error_message("1/0 == 0") == "division by zero");
  CHECK(harness.run("x.n / x.zero == 0") == "error");
  CHECK(harness.error_message("x.n / x.zero == 0") == "division by zero");
  CHECK(harness.run("false && 1/0 == 0") == "false");
  CHECK(harness.run("true || 1/0 == 0") == "true");
  CHECK(harness.run("1/0 == 0 && false") == "false");
  CHECK(harness.run("1/0 == 0 || true") == "true");
}
