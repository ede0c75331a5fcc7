// Evaluation of the comprehension macros all, exists, exists_one, filter and
// map: results over lists and maps, how all/exists absorb errors and unknowns
// that another element decides while the others propagate them, the attribute
// path of a field missing from a list element ("cadre.assessments[].grade"),
// and the iteration limit, nested comprehensions included.
#include <string>
#include <vector>

#include "../api/test_support.hpp"

#include <doctest/doctest.h>

namespace {

using cadre::Value;
using cadre::testing::Harness;
using cadre::testing::list_of;
using cadre::testing::map_of;

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

// A cadre whose 2022 assessment has no grade recorded.
Value cadre_with_ungraded_year() {
  return map_of({{"name", "Wang"},
                 {"assessments", list_of({map_of({{"year", 2021}, {"grade", "excellent"}}),
                                          map_of({{"year", 2022}}),
                                          map_of({{"year", 2023}, {"grade", "competent"}})})}});
}

// `[1, 2, ..., n]`
std::string range_list(int n) {
  std::string text = "[";
  for (int i = 1; i <= n; ++i)
    text += (i > 1 ? ", " : "") + std::to_string(i);
  return text + "]";
}

constexpr const char* kUngraded = "unknown(cadre.assessments[].grade)";

}  // namespace

TEST_CASE("macros over lists of values give CEL's results") {
  Harness harness;
  check_cases(harness, {
                           {"[1, 2, 3].all(i, i > 0)", "true"},
                           {"[1, 2, 3].all(i, i > 1)", "false"},
                           {"[].all(i, i > 0)", "true"},
                           {"[1, 2, 3].exists(i, i == 2)", "true"},
                           {"[1, 2, 3].exists(i, i == 5)", "false"},
                           {"[].exists(i, i > 0)", "false"},
                           {"[1, 2, 3].exists_one(i, i > 2)", "true"},
                           {"[1, 2, 3].exists_one(i, i > 1)", "false"},
                           {"[1, 2, 3].filter(i, i % 2 == 1)", "[1, 3]"},
                           {"[1, 2, 3].map(i, i * 2)", "[2, 4, 6]"},
                           {"[1, 2, 3].map(i, i > 1, i * 10)", "[20, 30]"},
                           {"x.l.map(i, i + x.n)", "[8, 9, 10]"},
                           {"[[1, 2], [3]].map(l, l.all(i, i < 3))", "[true, false]"},
                           {"[1, 2].map(i, [10, 20].map(j, i * j))", "[[10, 20], [20, 40]]"},
                       });
}

TEST_CASE("macros over a map iterate its keys") {
  Harness harness;
  check_cases(harness, {
                           {"{'a': 1, 'b': 2}.all(k, k != '')", "true"},
                           {"{'a': 1, 'b': 2}.exists(k, k == 'b')", "true"},
                           {"{'a': 1, 'b': 2}.map(k, k + k)", "[\"aa\", \"bb\"]"},
                           {"x.m.exists(k, x.m[k] == 1)", "true"},
                       });
}

TEST_CASE("exists is true when some element is true despite errors in others") {
  Harness harness;
  check_cases(harness, {
                           {"[1, 0].exists(i, 1 / i > 0)", "true"},
                           {"[0, 1].exists(i, 1 / i > 0)", "true"},
                           {"[0].exists(i, 1 / i > 0)", "error"},
                           {"[0, -1].exists(i, 1 / i > 0)", "error"},
                       });
}

TEST_CASE("all is false when some element is false despite errors in others") {
  Harness harness;
  check_cases(harness, {
                           // 1/0 fails, 1/1 = 1 is not > 5: the false decides.
                           {"[0, 1].all(i, 1 / i > 5)", "false"},
                           {"[1, 0].all(i, 1 / i > 5)", "false"},
                           {"[0, 1].all(i, 1 / i > 0)", "error"},
                           {"[1, 0].all(i, 1 / i > 0)", "error"},
                       });
}

TEST_CASE("exists_one, filter and map propagate an error of any element") {
  Harness harness;
  check_cases(harness, {
                           {"[0, 1].exists_one(i, 1 / i > 0)", "error"},
                           {"[1, 0].exists_one(i, 1 / i > 0)", "error"},
                           {"[0, 1].filter(i, 1 / i > 0)", "error"},
                           {"[1, 0].filter(i, 1 / i > 0)", "error"},
                           {"[0, 1].map(i, 1 / i)", "error"},
                           {"[1, 0].map(i, 1 / i)", "error"},
                           {"[1, 0].map(i, true, 1 / i)", "error"},
                       });
  CHECK(harness.error_message("[1, 0].map(i, 1 / i)") == "division by zero");
}

TEST_CASE("an element missing a field is unknown with the path cadre.assessments[].grade") {
  Harness harness;
  harness.bind("cadre", cadre_with_ungraded_year());
  check_cases(harness, {
                           {"cadre.assessments.all(a, a.grade != 'incompetent')", kUngraded},
                           {"cadre.assessments.exists(a, a.grade == 'incompetent')", kUngraded},
                           {"cadre.assessments.exists_one(a, a.grade == 'excellent')", kUngraded},
                           {"cadre.assessments.filter(a, a.grade == 'excellent')", kUngraded},
                           {"cadre.assessments.map(a, a.grade)", kUngraded},
                           {"cadre.assessments.map(a, a.year > 2021, a.grade)", kUngraded},
                           {"cadre.assessments.exists(a, [1].all(i, a.grade == 'x'))", kUngraded},
                       });
}

TEST_CASE("all and exists let a deciding element override an unknown one") {
  Harness harness;
  harness.bind("cadre", cadre_with_ungraded_year());
  check_cases(harness,
              {
                  {"cadre.assessments.exists(a, a.grade == 'excellent')", "true"},
                  {"cadre.assessments.all(a, a.grade == 'excellent')", "false"},
                  {"cadre.assessments.all(a, a.year >= 2021)", "true"},
                  {"cadre.assessments.all(a, a.year > 2021 && a.grade == 'competent')", "false"},
                  {"cadre.assessments.map(a, a.year)", "[2021, 2022, 2023]"},
                  {"cadre.assessments.filter(a, has(a.grade)).map(a, a.grade)",
                   "[\"excellent\", \"competent\"]"},
                  {"size(cadre.assessments.filter(a, a.year >= 2022))", "2"},
              });
}

TEST_CASE("all with every other element true, or exists with every other false, is unknown") {
  Harness harness;
  harness.bind("x", map_of({{"l", list_of({1, 2, 3})}, {"n", 7}, {"zero", 0}}));
  check_cases(harness,
              {
                  {"x.l.all(i, i == 2 ? x.a : true)", "unknown(x.a)"},
                  {"x.l.exists(i, i == 2 ? x.a : false)", "unknown(x.a)"},
                  {"x.l.all(i, i == 2 ? x.a : i == 3 ? x.b : true)", "unknown(x.a, x.b)"},
                  {"x.l.all(i, i == 2 ? x.a : i != 3)", "false"},
                  {"x.l.exists(i, i == 2 ? x.a : i == 3)", "true"},
                  // An unknown and an error, nothing decisive: unknown wins.
                  {"x.l.all(i, i == 1 ? x.a : i == 2 ? 1 / x.zero > 0 : true)", "unknown(x.a)"},
                  {"x.l.exists_one(i, i == 2 ? x.a : false)", "unknown(x.a)"},
              });
}

TEST_CASE("a macro over an unknown or erroneous range gives that unknown or error") {
  Harness harness;
  harness.bind("cadre", map_of({{"name", "Zhao"}}));
  check_cases(harness, {
                           {"cadre.assessments.all(a, a.year > 0)", "unknown(cadre.assessments)"},
                           {"cadre.tags.exists(t, t == 'x')", "unknown(cadre.tags)"},
                           {"{'a': [1]}.b.all(i, true)", "error"},
                       });
}

TEST_CASE("more iterations than limits.max_iterations is an error naming the limit") {
  Harness harness;
  harness.options.limits.max_iterations = 10;
  CHECK(harness.run(range_list(10) + ".all(i, i > 0)") == "true");
  CHECK(harness.run(range_list(11) + ".all(i, i > 0)") == "error");
  CHECK(harness.run(range_list(11) + ".map(i, i)") == "error");
  CHECK(harness.run(range_list(11) + ".filter(i, true)") == "error");
  std::string message = harness.error_message(range_list(11) + ".exists(i, i > 100)");
  CHECK(message.find("iteration limit") != std::string::npos);
}

TEST_CASE("nested macros count every iteration against the limit") {
  Harness harness;
  harness.options.limits.max_iterations = 10;
  // 3 outer + 3 * 2 inner = 9 iterations: within the limit.
  CHECK(harness.run("[1, 2, 3].all(i, [1, 2].all(j, j > 0))") == "true");
  // 4 outer + 4 * 3 inner = 16 iterations.
  std::string nested = "[1, 2, 3, 4].all(i, [1, 2, 3].all(j, j > 0))";
  CHECK(harness.run(nested) == "error");
  CHECK(harness.error_message(nested).find("iteration limit") != std::string::npos);
  // Two macros side by side share the budget too: 6 + 6.
  std::string side_by_side = range_list(6) + ".all(i, i > 0) && " + range_list(6) + ".all(i, true)";
  CHECK(harness.run(side_by_side) == "error");
}

TEST_CASE("the iteration budget is per evaluation, not per program") {
  Harness harness;
  harness.options.limits.max_iterations = 10;
  auto compiled = harness.compile(range_list(8) + ".all(i, i > 0)");
  REQUIRE(compiled.ok());
  cadre::Activation facts = harness.activation();
  for (int run = 0; run < 3; ++run)
    CHECK(compiled.program->evaluate(facts).debug_string() == "true");
}

TEST_CASE("running out of iterations fails the whole evaluation, even under && and ||") {
  Harness harness;
  harness.options.limits.max_iterations = 10;
  // `false` would decide the `&&`, but a spent budget is not an ordinary error.
  std::string absorbed = range_list(12) + ".all(j, j > 0) && false";
  CHECK(harness.run(absorbed) == "error");
  CHECK(harness.error_message(absorbed).find("iteration limit") != std::string::npos);
  CHECK(harness.run("true || " + range_list(12) + ".exists(j, j < 0)") == "true");
}
