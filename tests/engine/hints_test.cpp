// Counterfactual hints: the first date a tenure or age condition holds (on
// anniversaries, 29 February included, within 100 years), how far a number
// misses its bound (exact decimals, strict and non-strict), and which
// enumeration values would pass.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "cadre/hint.hpp"
#include "engine/hints.hpp"

namespace {

using cadre::Date;
using cadre::Type;
using cadre::engine::FactsOn;

Date day(const char* text) {
  return *Date::parse(text);
}

// A person record `ps` whose tenure_years and age are derived from as_of, as a
// rule set's derived values are, with a FactsOn that recomputes them.
struct Facts {
  Facts() {
    auto grade = std::make_shared<const cadre::EnumType>(
        "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
        cadre::EnumOrder::descending);
    auto education = std::make_shared<const cadre::EnumType>(
        "education_level", std::vector<std::string>{"junior_or_below", "senior", "college"},
        cadre::EnumOrder::ascending);
    auto kind = std::make_shared<const cadre::EnumType>(
        "unit_kind", std::vector<std::string>{"village", "community"}, cadre::EnumOrder::unordered);
    auto person = std::make_shared<const cadre::RecordType>(
        "person", std::vector<cadre::FieldDecl>{{"start_date", Type::date()},
                                                {"birth_date", Type::date()},
                                                {"tenure_years", Type::integer()},
                                                {"age", Type::integer()}});
    environment.declare("ps", Type::record(person));
    environment.declare("count", Type::integer());
    environment.declare("income", Type::decimal());
    environment.declare("ratio", Type::real());
    environment.declare("grade", Type::enumeration(grade));
    environment.declare("education", Type::enumeration(education));
    environment.declare("kind", Type::enumeration(kind));
    tenure = program("years_between(ps.start_date, as_of)");
    age = program("age(ps.birth_date, as_of)");
  }

  cadre::Program program(const std::string& source) const {
    auto compiled = cadre::compile(source, environment);
    INFO(source);
    REQUIRE(compiled.ok());
    return *compiled.program;
  }

  // Binds as_of and the person, the derived fields computed on that date.
  bool bind_person(cadre::Activation& facts, Date date) const {
    cadre::MapValue person;
    person.set("start_date", start_date);
    person.set("birth_date", birth_date);
    if (!facts.bind("as_of", date).empty() || !facts.bind("ps", cadre::Value(person)).empty()) {
      return false;
    }
    person.set("tenure_years", tenure->evaluate(facts));
    person.set("age", age->evaluate(facts));
    return facts.bind("ps", cadre::Value(std::move(person))).empty();
  }

  FactsOn facts_on() const {
    return [this](Date date, cadre::Activation& out) { return bind_person(out, date); };
  }

  cadre::Activation activation() const {
    cadre::Activation facts(environment);
    REQUIRE(bind_person(facts, as_of));
    for (const auto& [name, value] : bound)
      REQUIRE(facts.bind(name, value).empty());
    return facts;
  }

  std::optional<cadre::Hint> hint(const std::string& source, const FactsOn& moved = {}) const {
    return cadre::engine::hint_for(program(source), activation(), as_of, moved);
  }

  cadre::Environment environment;
  std::optional<cadre::Program> tenure;
  std::optional<cadre::Program> age;
  Date as_of = day("2024-06-30");
  Date start_date = day("2022-03-01");
  Date birth_date = day("1990-05-15");
  std::vector<std::pair<std::string, cadre::Value>> bound;
};

void check_shortfall(const std::optional<cadre::Hint>& hint, const std::string& amount,
                     const std::string& zh, const std::string& en) {
  REQUIRE(hint);
  CHECK(hint->kind == "shortfall");
  CHECK(hint->amount == amount);
  CHECK(hint->message_zh == zh);
  CHECK(hint->message_en == en);
  CHECK_FALSE(hint->date);
}

void check_values(const std::optional<cadre::Hint>& hint, const std::vector<std::string>& values) {
  REQUIRE(hint);
  CHECK(hint->kind == "values");
  CHECK(hint->values == values);
}

}  // namespace

TEST_CASE("a tenure is met on its anniversary") {
  Facts f;
  auto hint = f.hint("ps.tenure_years >= 3", f.facts_on());
  REQUIRE(hint);
  CHECK(hint->kind == "date");
  CHECK(hint->date == day("2025-03-01"));
  CHECK(hint->message_zh == "满足于2025-03-01");
  CHECK(hint->message_en == "met on 2025-03-01");
  CHECK(hint->amount.empty());
}

TEST_CASE("the day before the anniversary points to the next day; on it the condition passes") {
  Facts f;
  f.as_of = day("2025-02-28");
  auto hint = f.hint("ps.tenure_years >= 3", f.facts_on());
  REQUIRE(hint);
  CHECK(hint->date == day("2025-03-01"));
  f.as_of = day("2025-03-01");
  CHECK_FALSE(f.hint("ps.tenure_years >= 3", f.facts_on()));
}

TEST_CASE("a 29 February birthday is reached on 1 March in non-leap years") {
  Facts f;
  f.birth_date = day("2004-02-29");
  f.as_of = day("2021-06-01");
  auto eighteen = f.hint("ps.age >= 18", f.facts_on());
  REQUIRE(eighteen);
  CHECK(eighteen->date == day("2022-03-01"));
  auto twenty = f.hint("ps.age >= 20", f.facts_on());
  REQUIRE(twenty);
  CHECK(twenty->date == day("2024-02-29"));
}

TEST_CASE("the date hint is preferred; without facts_on the same condition has a shortfall") {
  Facts f;
  CHECK(f.hint("ps.tenure_years >= 3", f.facts_on())->kind == "date");
  check_shortfall(f.hint("ps.tenure_years >= 3"), "1", "差1", "short by 1");
}

TEST_CASE("any condition that time turns true gets a date, not only comparisons") {
  Facts f;
  auto both = f.hint("ps.tenure_years >= 3 && ps.age >= 35", f.facts_on());
  REQUIRE(both);
  CHECK(both->date == day("2025-05-15"));  // 35 on 2025-05-15, after the tenure
  CHECK(f.hint("as_of >= date('2030-01-01')", f.facts_on())->date == day("2030-01-01"));
  CHECK_FALSE(f.hint("ps.tenure_years >= 3 && ps.age >= 35"));
}

TEST_CASE("no date hint when the condition does not flip within 100 years") {
  Facts f;  // tenure 102 on 2124-06-30, the last day searched
  CHECK(f.hint("ps.tenure_years >= 102", f.facts_on())->date == day("2124-03-01"));
  check_shortfall(f.hint("ps.tenure_years >= 103", f.facts_on()), "101", "差101", "short by 101");
  check_shortfall(f.hint("ps.age <= 30", f.facts_on()), "4", "超出4", "over by 4");
  CHECK_FALSE(f.hint("ps.start_date > as_of", f.facts_on()));
}

TEST_CASE("the search costs about two evaluations per doubling of the distance") {
  Facts f;
  int probes = 0;
  FactsOn counted = [&f, &probes](Date date, cadre::Activation& out) {
    ++probes;
    return f.bind_person(out, date);
  };
  REQUIRE(f.hint("ps.tenure_years >= 3", counted));
  CHECK(probes <= 2 * 16 + 1);  // 2^16 days > 100 years; one probe at the horizon
  probes = 0;
  CHECK_FALSE(f.hint("ps.start_date > as_of", counted));
  CHECK(probes == 1);
}

TEST_CASE("no hint when the facts cannot be moved to another date") {
  Facts f;
  FactsOn cannot = [](Date, cadre::Activation&) { return false; };
  CHECK_FALSE(f.hint("as_of >= date('2030-01-01')", cannot));
  FactsOn only_near = [&f](Date date, cadre::Activation& out) {
    return date <= day("2050-01-01") && f.bind_person(out, date);
  };
  CHECK_FALSE(f.hint("as_of >= date('2030-01-01')", only_near));
  CHECK_FALSE(f.hint("as_of >= date('2030-01-01')"));
}

TEST_CASE("an int shortfall: a strict bound needs one more") {
  Facts f;
  f.bound = {{"count", 3}};
  check_shortfall(f.hint("count >= 5"), "2", "差2", "short by 2");
  check_shortfall(f.hint("count > 5"), "3", "差3", "short by 3");
  check_shortfall(f.hint("5 <= count"), "2", "差2", "short by 2");
  check_shortfall(f.hint("5 < count"), "3", "差3", "short by 3");
  f.bound = {{"count", 5}};
  check_shortfall(f.hint("count > 5"), "1", "差1", "short by 1");
  check_shortfall(f.hint("count < 5"), "1", "超出1", "over by 1");
  f.bound = {{"count", 8}};
  check_shortfall(f.hint("count <= 5"), "3", "超出3", "over by 3");
  check_shortfall(f.hint("count < 5"), "4", "超出4", "over by 4");
}

TEST_CASE("a decimal shortfall is exact") {
  Facts f;
  f.bound = {{"income", *cadre::Decimal::parse("80000.50")}};
  check_shortfall(f.hint("income >= 100000"), "19999.50", "差19999.50", "short by 19999.50");
  check_shortfall(f.hint("100000 <= income"), "19999.50", "差19999.50", "short by 19999.50");
  check_shortfall(f.hint("income > 100000"), "19999.50", "差超过19999.50",
                  "short by more than 19999.50");
  check_shortfall(f.hint("income >= 80000.51"), "0.01", "差0.01", "short by 0.01");
  check_shortfall(f.hint("income <= 80000.4999"), "0.0001", "超出0.0001", "over by 0.0001");
  check_shortfall(f.hint("income < 80000.5"), "0.00", "需减少超过0.00", "over by more than 0.00");
  f.bound = {{"income", *cadre::Decimal::parse("100000.00")}};
  check_shortfall(f.hint("income > 100000"), "0.00", "差超过0.00", "short by more than 0.00");
}

TEST_CASE("a double shortfall") {
  Facts f;
  f.bound = {{"ratio", 0.25}};
  check_shortfall(f.hint("ratio >= 0.5"), "0.25", "差0.25", "short by 0.25");
  check_shortfall(f.hint("ratio > 1"), "0.75", "差超过0.75", "short by more than 0.75");
}

TEST_CASE("no shortfall for dates, equality or a passing comparison") {
  Facts f;
  f.bound = {{"count", 3}};
  CHECK_FALSE(f.hint("ps.start_date <= date('2020-01-01')"));
  CHECK_FALSE(f.hint("count == 5"));
  CHECK_FALSE(f.hint("count >= 3"));
  CHECK_FALSE(f.hint("count <= 5"));
}

TEST_CASE("no hint for a condition that passed or was not decided") {
  Facts f;
  f.bound = {{"grade", "优秀"}};
  CHECK_FALSE(f.hint("grade >= '称职'"));
  CHECK_FALSE(f.hint("ps.tenure_years >= 2", f.facts_on()));
  CHECK_FALSE(f.hint("income >= 100000", f.facts_on()));  // income unknown
}

TEST_CASE("an ordered enumeration lists the values at or above the bound, best first") {
  Facts f;
  f.bound = {{"grade", "基本称职"}, {"education", "senior"}};
  auto hint = f.hint("grade >= '称职'");
  check_values(hint, {"优秀", "称职"});
  CHECK(hint->message_zh == "可满足的取值：优秀、称职");
  CHECK(hint->message_en == "would pass with: 优秀, 称职");
  check_values(f.hint("'称职' <= grade"), {"优秀", "称职"});
  check_values(f.hint("grade > '基本称职'"), {"优秀", "称职"});
  check_values(f.hint("grade < '基本称职'"), {"不称职"});
  check_values(f.hint("education > 'senior'"), {"college"});
  check_values(f.hint("education <= 'junior_or_below'"), {"junior_or_below"});
}

TEST_CASE("equality and membership on enumerations") {
  Facts f;
  f.bound = {{"grade", "不称职"}, {"kind", "village"}};
  check_values(f.hint("grade == '优秀'"), {"优秀"});
  check_values(f.hint("kind == 'community'"), {"community"});
  check_values(f.hint("kind != 'village'"), {"community"});
  auto listed = f.hint("grade in ['称职', '优秀']");
  check_values(listed, {"称职", "优秀"});  // the list's own order
  CHECK(listed->message_zh == "可满足的取值：称职、优秀");
  f.bound = {{"grade", "称职"}};
  check_values(f.hint("grade != '称职'"), {"优秀", "基本称职", "不称职"});
}
