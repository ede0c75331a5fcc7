// Dotted variable names (`hy.warning_period`), as rule sets declare their
// parameters and decisions, and declarations added after a program compiled.
#include <doctest/doctest.h>

#include "cadre/expression.hpp"

TEST_CASE("a dotted name declared as a variable is read as that variable") {
  cadre::Environment environment;
  environment.declare("hy.warning_period", cadre::Type::integer());
  environment.declare("hy.perf_multiplier",
                      cadre::Type::map(cadre::Type::string(), cadre::Type::decimal()));
  auto compiled = cadre::compile("hy.warning_period * 2 + size(hy.perf_multiplier)", environment);
  REQUIRE(compiled.ok());
  CHECK(compiled.program->result_type() == cadre::Type::integer());
  cadre::Activation facts(environment);
  CHECK(compiled.program->evaluate(facts).debug_string() ==
        "unknown(hy.perf_multiplier, hy.warning_period)");
  REQUIRE(facts.bind("hy.warning_period", 3).empty());
  REQUIRE(facts.bind("hy.perf_multiplier", cadre::MapValue()).empty());
  CHECK(compiled.program->evaluate(facts).debug_string() == "6");
}

TEST_CASE("an undeclared dotted name is reported whole, with the closest declared name") {
  cadre::Environment environment;
  environment.declare("hy.warning_period", cadre::Type::integer());
  auto compiled = cadre::compile("hy.warning_periods", environment);
  REQUIRE_FALSE(compiled.ok());
  REQUIRE(compiled.diagnostics.size() == 1);
  CHECK(compiled.diagnostics.front().message == "undeclared reference to `hy.warning_periods`");
  CHECK(compiled.diagnostics.front().help == "did you mean `hy.warning_period`?");
  CHECK(compiled.diagnostics.front().location.column == 1);
}

TEST_CASE("a comprehension variable shadows the root of a dotted name") {
  cadre::Environment environment;
  environment.declare("x.y", cadre::Type::integer());
  auto compiled = cadre::compile("[{'y': 5}].map(x, x.y)", environment);
  REQUIRE(compiled.ok());
  cadre::Activation facts(environment);
  CHECK(compiled.program->evaluate(facts).debug_string() == "[5]");
}

TEST_CASE("a program compiled before later declarations evaluates with a later activation") {
  cadre::Environment environment;
  environment.declare("a", cadre::Type::integer());
  auto early = cadre::compile("a + 1", environment);
  environment.declare("b", cadre::Type::integer());
  REQUIRE(early.ok());
  cadre::Activation facts(environment);
  REQUIRE(facts.bind("a", 1).empty());
  CHECK(early.program->evaluate(facts).debug_string() == "2");
}
