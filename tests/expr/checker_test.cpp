// The type checker through compile(): each kind of mistake it rejects, with
// its diagnostic code, message, help and line:col, and the static result type
// of typical well-typed expressions.
#include <string>
#include <vector>

#include "../api/test_support.hpp"

#include <doctest/doctest.h>

namespace {

using cadre::Type;
using cadre::testing::assessment_type;
using cadre::testing::describe;
using cadre::testing::Harness;

struct Expected {
  std::string source;
  std::string code;
  std::string message;
  int line;
  int column;
  std::string help = "";
};

void check_rejected(const Harness& harness, const Expected& expected) {
  INFO(expected.source);
  auto compiled = harness.compile(expected.source);
  INFO(describe(compiled.diagnostics));
  CHECK_FALSE(compiled.ok());
  CHECK(compiled.diagnostics.size() == 1);
  if (compiled.diagnostics.empty()) return;
  const cadre::Diagnostic& diagnostic = compiled.diagnostics[0];
  CHECK(diagnostic.severity == cadre::Severity::error);
  CHECK(diagnostic.code == expected.code);
  CHECK(diagnostic.message == expected.message);
  CHECK(diagnostic.help == expected.help);
  CHECK(diagnostic.location.line == expected.line);
  CHECK(diagnostic.location.column == expected.column);
}

std::string result_type(const Harness& harness, const char* source) {
  auto compiled = harness.compile(source);
  if (!compiled.ok()) return "does not compile: " + describe(compiled.diagnostics);
  return compiled.program->result_type().to_string();
}

}  // namespace

TEST_CASE("an undeclared identifier is reported, with a suggestion when one is close") {
  Harness harness;
  check_rejected(harness, {"round(pya * 1.2, 2)", "expr.undeclared",
                           "undeclared reference to `pya`", 1, 7, "did you mean `pay`?"});
  check_rejected(harness, {"1 +\n  cadr.name == ''", "expr.undeclared",
                           "undeclared reference to `cadr`", 2, 3, "did you mean `cadre`?"});
  check_rejected(harness,
                 {"salary > 0", "expr.undeclared", "undeclared reference to `salary`", 1, 1});
  check_rejected(harness, {"[1].all(item, itemm > 0)", "expr.undeclared",
                           "undeclared reference to `itemm`", 1, 15, "did you mean `item`?"});
}

TEST_CASE("an unknown field of a declared record names the record and the closest field") {
  Harness harness;
  check_rejected(harness,
                 {"age(cadre.brith_date, as_of) >= 35", "expr.no_such_field",
                  "`cadre` has no field `brith_date`", 1, 10, "did you mean `birth_date`?"});
  check_rejected(harness, {"x.t &&\n  cadre.address.vilage == 'A'", "expr.no_such_field",
                           "`address` has no field `vilage`", 2, 16, "did you mean `village`?"});
  check_rejected(
      harness, {"has(cadre.salary)", "expr.no_such_field", "`cadre` has no field `salary`", 1, 10});
  check_rejected(harness, {"cadre.assessments.all(a, a.grad == 'A')", "expr.no_such_field",
                           "`assessment` has no field `grad`", 1, 27, "did you mean `grade`?"});
}

TEST_CASE("selecting a field of a value that has none is reported") {
  Harness harness;
  check_rejected(harness, {"x.n.foo", "expr.no_such_field",
                           "cannot select field `foo` from a value of type `int`", 1, 4});
  check_rejected(harness, {"cadre.birth_date.year", "expr.no_such_field",
                           "cannot select field `year` from a value of type `date`", 1, 17});
}

TEST_CASE("operators applied to the wrong operand types are reported") {
  Harness harness;
  check_rejected(harness, {"1 + 'a'", "expr.no_overload",
                           "operator `+` cannot be applied to (int, string)", 1, 3});
  check_rejected(harness, {"'a' < 1", "expr.no_overload",
                           "operator `<` cannot be applied to (string, int)", 1, 5});
  check_rejected(harness,
                 {"!x.n", "expr.no_overload", "operator `!` cannot be applied to (int)", 1, 1});
  check_rejected(harness,
                 {"-'a'", "expr.no_overload", "operator `-` cannot be applied to (string)", 1, 1});
  check_rejected(harness, {"x.m[1]", "expr.no_overload",
                           "operator `[]` cannot be applied to (map<string, int>, int)", 1, 4});
  check_rejected(harness, {"1.5 * 2", "expr.no_overload",
                           "operator `*` cannot be applied to (double, int)", 1, 5});
  check_rejected(
      harness, {"x.t && 1", "expr.no_overload", "operand of `&&` must be bool, found `int`", 1, 8});
  check_rejected(harness, {"'村干部' + 1", "expr.no_overload",
                           "operator `+` cannot be applied to (string, int)", 1, 7});
}

TEST_CASE("calling a function with the wrong number of arguments is reported") {
  Harness harness;
  check_rejected(harness, {"years_between(as_of)", "expr.arity",
                           "`years_between` does not take 1 argument", 1, 1});
  check_rejected(harness, {"x.t ||\n add_months(as_of, 1, 2) > as_of", "expr.arity",
                           "`add_months` does not take 3 arguments", 2, 2});
  check_rejected(harness, {"age(as_of)", "expr.arity", "`age` does not take 1 argument", 1, 1});
  check_rejected(harness,
                 {"date(2024, 2)", "expr.arity", "`date` does not take 2 arguments", 1, 1});
}

TEST_CASE("calling a function in the wrong style or with wrong types is reported") {
  Harness harness;
  check_rejected(harness, {"'a'.years_between(as_of)", "expr.no_overload",
                           "`years_between` is not a method: call it as `years_between(…)`", 1, 5});
  check_rejected(harness, {"contains('abc', 'a')", "expr.no_overload",
                           "`contains` is a method: call it as `x.contains(…)`", 1, 1});
  check_rejected(harness,
                 {"size(1)", "expr.no_overload", "no overload of `size` takes (int)", 1, 1});
  check_rejected(harness, {"round(pay, 'two')", "expr.no_overload",
                           "no overload of `round` takes (decimal, string)", 1, 1});
  check_rejected(harness, {"years_between(cadre.birth_date, '2025-01-01')", "expr.no_overload",
                           "no overload of `years_between` takes (date, string)", 1, 1});
  check_rejected(harness, {"birthday(cadre.birth_date, as_of)", "expr.no_overload",
                           "no overload of `birthday` takes (date, date)", 1, 1});
  check_rejected(harness, {"date(2024, 2, '29')", "expr.no_overload",
                           "no overload of `date` takes (int, int, string)", 1, 1});
}

TEST_CASE("an unknown function is reported") {
  Harness harness;
  check_rejected(harness,
                 {"frobnicate(1)", "expr.undeclared", "unknown function `frobnicate`", 1, 1});
  check_rejected(harness, {"x.s.shout()", "expr.undeclared", "unknown function `shout`", 1, 5});
}

TEST_CASE("a macro predicate that is not bool is reported") {
  Harness harness;
  check_rejected(harness, {"[1, 2].all(i, i + 1)", "expr.no_overload",
                           "predicate of `all` must be bool, found `int`", 1, 17});
  check_rejected(harness, {"x.l.filter(i, 'yes')", "expr.no_overload",
                           "predicate of `filter` must be bool, found `string`", 1, 15});
  check_rejected(harness, {"x.l.exists(i, i)", "expr.no_overload",
                           "predicate of `exists` must be bool, found `int`", 1, 15});
}

TEST_CASE("iterating over a value that is not a list or map is reported") {
  Harness harness;
  check_rejected(harness,
                 {"x.n.all(i, i > 0)", "expr.no_overload",
                  "cannot iterate over a value of type `int`: expected a list or map", 1, 5});
}

TEST_CASE("a non-bool condition or mismatched branches of ?: are reported") {
  Harness harness;
  check_rejected(harness, {"x.n ? 1 : 2", "expr.no_overload",
                           "condition of `?:` must be bool, found `int`", 1, 2});
  check_rejected(harness, {"x.t ? 1 : 'a'", "expr.no_overload",
                           "branches of `?:` have different types (`int`, `string`)", 1, 5});
  check_rejected(harness, {"x.t ? as_of : x.d", "expr.no_overload",
                           "branches of `?:` have different types (`date`, `double`)", 1, 5});
}

TEST_CASE("an empty list or map literal takes the type of the list or map beside it") {
  // `cond ? list<string> : []` was refused.
  Harness harness;
  CHECK(result_type(harness, "x.t ? cadre.tags : []") == "list<string>");
  CHECK(result_type(harness, "x.t ? [] : cadre.tags.map(t, t + '!')") == "list<string>");
  CHECK(result_type(harness, "x.t ? cadre.scores : {}") == "map<string, int>");
  CHECK(result_type(harness, "x.t ? {} : {}") == "map<dyn, dyn>");
  CHECK(result_type(harness, "cadre.tags + []") == "list<string>");
  CHECK(result_type(harness, "[[], cadre.tags]") == "list<list<string>>");
  CHECK(result_type(harness, "x.t ? [[]] : [cadre.tags]") == "list<list<dyn>>");
  CHECK(result_type(harness, "x.t ? dyn([1]).map(i, i) : cadre.tags") == "list<dyn>");
  // Still refused: elements that cannot be one type, a map beside a list.
  check_rejected(harness,
                 {"x.t ? [1] : cadre.tags", "expr.no_overload",
                  "branches of `?:` have different types (`list<int>`, `list<string>`)", 1, 5});
  check_rejected(harness, {"x.t ? {} : cadre.tags", "expr.no_overload",
                           "branches of `?:` have different types (`map<dyn, dyn>`, "
                           "`list<string>`)",
                           1, 5});
}

TEST_CASE("every mistake in one expression is reported, in source order") {
  Harness harness;
  auto compiled = harness.compile("pya + cadre.nope > 'a'");
  CHECK_FALSE(compiled.ok());
  REQUIRE(compiled.diagnostics.size() >= 2);
  CHECK(compiled.diagnostics[0].message == "undeclared reference to `pya`");
  CHECK(compiled.diagnostics[0].location.column == 1);
  CHECK(compiled.diagnostics[1].message == "`cadre` has no field `nope`");
  CHECK(compiled.diagnostics[1].location.column == 12);
}

TEST_CASE("result_type() gives the static type of well-typed expressions") {
  Harness harness;
  CHECK(result_type(harness, "[1, 2].map(x, x * 2)") == "list<int>");
  CHECK(result_type(harness, "x.t && x.f") == "bool");
  CHECK(result_type(harness, "x.a ? 1 : 2") == "int");
  CHECK(result_type(harness, "round(pay * 1.2, 2)") == "decimal");
  CHECK(result_type(harness, "x.t ? pay : 1") == "decimal");
  CHECK(result_type(harness, "add_months(as_of, 1)") == "date");
  CHECK(result_type(harness, "years_between(cadre.birth_date, as_of)") == "int");
  CHECK(result_type(harness, "age(cadre.birth_date, as_of)") == "int");
  CHECK(result_type(harness, "birthday(cadre.birth_date, 35)") == "date");
  CHECK(result_type(harness, "date(2024, 2, 29)") == "date");
  CHECK(result_type(harness, "cadre.assessments.map(a, a.grade)") == "list<string>");
  CHECK(result_type(harness, "cadre.assessments.filter(a, a.year > 2020)") == "list<assessment>");
  CHECK(result_type(harness, "cadre.assessments[0]") == "assessment");
  CHECK(result_type(harness, "cadre.address") == "address");
  CHECK(result_type(harness, "cadre.assessments.exists(a, a.grade == 'A')") == "bool");
  CHECK(result_type(harness, "{'a': 1}") == "map<string, int>");
  CHECK(result_type(harness, "cadre.scores['x']") == "int");
  CHECK(result_type(harness, "has(cadre.pay)") == "bool");
  CHECK(result_type(harness, "size(cadre.tags)") == "int");
  CHECK(result_type(harness, "x.d * 2.0") == "double");
  CHECK(result_type(harness, "dyn(1)") == "dyn");
  auto compiled = harness.compile("cadre.assessments");
  REQUIRE(compiled.ok());
  CHECK(compiled.program->result_type() == Type::list(Type::record(assessment_type())));
}

TEST_CASE("with type checks disabled, mistakes compile and fail at evaluation") {
  Harness harness;
  harness.options.type_check = cadre::TypeCheck::disabled;
  for (const char* source : {"salary > 0", "1 + 'a'", "cadre.brith_date", "frobnicate(1)"}) {
    INFO(std::string(source));
    auto compiled = harness.compile(source);
    CHECK(compiled.ok());
    CHECK(compiled.program->result_type().is_dyn());
  }
  CHECK(harness.run("salary > 0") == "error");
  CHECK(harness.run("1 + 'a'") == "error");
  CHECK(harness.run("frobnicate(1)") == "error");
  CHECK(harness.error_message("salary > 0") == "undeclared reference to `salary`");
}
