// listed() over lists the policy text names but may not enumerate, and the
// list aggregates min/max/sum.
#include <doctest/doctest.h>

#include <string>

#include "cadre/expression.hpp"

namespace {

std::string run(const std::string& source, const cadre::Value& code = "W1") {
  cadre::Environment environment;
  environment.declare("code", cadre::Type::string());
  environment.declare("pays", cadre::Type::list(cadre::Type::decimal()));
  environment.declare_list("hy.warning_situations", {"W1", "W2"}, false);
  environment.declare_list("roles", {"party_secretary", "committee_director"}, true);
  auto compiled = cadre::compile(source, environment);
  if (!compiled.ok()) return "does not compile: " + compiled.diagnostics.front().message;
  cadre::Activation facts(environment);
  REQUIRE(facts.bind("code", code).empty());
  REQUIRE(facts.bind("pays", cadre::ListValue{"3000.00", "1800.50"}).empty());
  return compiled.program->evaluate(facts).debug_string();
}

}  // namespace

TEST_CASE("a named item of a partly enumerated list is listed") {
  CHECK(run("listed(code, 'hy.warning_situations')") == "true");
}

TEST_CASE("an item outside a partly enumerated list is unknown, not false") {
  CHECK(run("listed(code, 'hy.warning_situations')", "other:迟到") ==
        "unknown(unenumerated_list:hy.warning_situations)");
}

TEST_CASE("an item outside a complete list is not listed") {
  CHECK(run("listed(code, 'roles')", "accountant") == "false");
}

TEST_CASE("the list must be declared and named by a literal") {
  CHECK(run("listed(code, 'hy.warning_situation')") ==
        "does not compile: no list is declared as `hy.warning_situation`");
  CHECK(run("listed(code, code)") ==
        "does not compile: the list of `listed` must be named by a string literal");
}

TEST_CASE("sum, min and max over a list keep decimals exact") {
  CHECK(run("sum(pays)") == "decimal(\"4800.50\")");
  CHECK(run("max(pays)") == "decimal(\"3000.00\")");
  CHECK(run("min(pays)") == "decimal(\"1800.50\")");
  CHECK(run("sum([])") == "0");
  CHECK(run("max([1, 5, 3])") == "5");
}
