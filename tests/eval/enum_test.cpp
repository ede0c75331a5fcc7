// Enumerations: ordered grade scales compared by order, names checked against
// the declaration at compile time, conversion of bound names, level().
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "cadre/expression.hpp"

namespace {

using cadre::EnumOrder;
using cadre::EnumType;
using cadre::Type;

struct Grades {
  Grades() {
    auto grade = std::make_shared<const EnumType>(
        "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
        EnumOrder::descending);
    auto education = std::make_shared<const EnumType>(
        "education_level", std::vector<std::string>{"junior_or_below", "senior", "college"},
        EnumOrder::ascending);
    auto kind = std::make_shared<const EnumType>(
        "unit_kind", std::vector<std::string>{"village", "community"}, EnumOrder::unordered);
    environment.declare("grade", Type::enumeration(grade));
    environment.declare("education", Type::enumeration(education));
    environment.declare("kind", Type::enumeration(kind));
    environment.declare("multiplier", Type::map(Type::string(), Type::decimal()));
  }

  std::string run(const std::string& source, const std::string& grade = "称职") const {
    auto compiled = cadre::compile(source, environment);
    if (!compiled.ok()) return "does not compile: " + compiled.diagnostics.front().message;
    cadre::Activation facts(environment);
    REQUIRE(facts.bind("grade", grade).empty());
    REQUIRE(facts.bind("education", "senior").empty());
    REQUIRE(facts.bind("kind", "village").empty());
    cadre::MapValue table;
    table.set("优秀", *cadre::Decimal::parse("1.20"));
    table.set("称职", *cadre::Decimal::parse("1.00"));
    REQUIRE(facts.bind("multiplier", cadre::Value(std::move(table))).empty());
    return compiled.program->evaluate(facts).debug_string();
  }

  cadre::Environment environment;
};

}  // namespace

TEST_CASE("a best-first scale compares by rank: 称职 or better") {
  Grades g;
  CHECK(g.run("grade >= '称职'") == "true");
  CHECK(g.run("grade >= '称职'", "基本称职") == "false");
  CHECK(g.run("grade > '基本称职'") == "true");
  CHECK(g.run("grade < '优秀'") == "true");
  CHECK(g.run("grade == '称职'") == "true");
  CHECK(g.run("grade != '优秀'") == "true");
  CHECK(g.run("grade in ['优秀', '称职']") == "true");
  CHECK(g.run("grade in ['优秀', '称职']", "不称职") == "false");
}

TEST_CASE("an ascending scale compares lowest first") {
  Grades g;
  CHECK(g.run("education >= 'senior'") == "true");
  CHECK(g.run("education > 'senior'") == "false");
  CHECK(g.run("education < 'college'") == "true");
}

TEST_CASE("names are checked against the declaration at compile time") {
  Grades g;
  CHECK(g.run("grade == '优'") == "does not compile: `优` is not a value of `cadre_grade`");
  CHECK(g.run("grade in ['优秀', '良好']") ==
        "does not compile: `良好` is not a value of `cadre_grade`");
  CHECK(g.run("kind < 'community'") ==
        "does not compile: `unit_kind` is not ordered: only `==` and `!=` apply");
  CHECK(g.run("kind == 'community'") == "false");
  CHECK(g.run("grade == education").starts_with("does not compile"));
}

TEST_CASE("level(), string() and table lookup by an enumeration value") {
  Grades g;
  CHECK(g.run("level(grade)") == "2");
  CHECK(g.run("level(grade)", "优秀") == "1");
  CHECK(g.run("string(grade)") == "\"称职\"");
  CHECK(g.run("multiplier[grade]", "优秀") == "decimal(\"1.20\")");
  CHECK(g.run("level(1)").starts_with("does not compile: `level` takes one value"));
}

TEST_CASE("binding a name outside the enumeration is refused with the allowed names") {
  Grades g;
  cadre::Activation facts(g.environment);
  CHECK(facts.bind("grade", "良好") ==
        "`grade` is \"良好\", not a value of `cadre_grade` (优秀, 称职, 基本称职, 不称职)");
  CHECK(facts.bind("grade", 3).starts_with("`grade` is declared cadre_grade"));
}
