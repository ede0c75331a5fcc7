// The domain extensions through expressions: date() and the calendar
// functions (durations clamped to the month end, R-05, and ages with a
// 29 February birthday on 1 March, R-03; month and year ends, the predeclared
// `as_of`), and exact decimal arithmetic (double literals read exactly beside a
// decimal, half-up rounding, int mixes, errors, and the ban on mixing a decimal
// with a double that is not a literal).
#include <string>
#include <vector>

#include "../api/test_support.hpp"

#include <doctest/doctest.h>

namespace {

using cadre::Type;
using cadre::Value;
using cadre::ValueKind;
using cadre::testing::date_value;
using cadre::testing::decimal_value;
using cadre::testing::Harness;
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

// The decimal text with its scale ("3600.00"), or what the value was instead.
std::string decimal_text(const Harness& harness, const char* source) {
  Value value = harness.eval(source);
  if (value.kind() != ValueKind::decimal) return "not a decimal: " + value.debug_string();
  return value.as_decimal().to_string();
}

}  // namespace

TEST_CASE("date() accepts existing days only") {
  Harness harness;
  check_cases(harness, {
                           {"date('2024-02-29')", "date(\"2024-02-29\")"},
                           {"date('2023-02-29')", "error"},
                           {"date('2024-13-01')", "error"},
                           {"date('2024-2-1')", "error"},
                           {"date('')", "error"},
                           {"string(date('2024-02-29'))", "\"2024-02-29\""},
                           {"date(date('2024-02-29'))", "date(\"2024-02-29\")"},
                       });
  CHECK(harness.error_message("date('2023-02-29')").find("2023-02-29") != std::string::npos);
  harness.bind("x", map_of({{"text", "2023-02-29"}}));
  CHECK(harness.run("date(x.text)") == "error");
  harness.bind("x", map_of({{"text", "2024-02-29"}}));
  CHECK(harness.run("date(x.text)") == "date(\"2024-02-29\")");
}

TEST_CASE("date(year, month, day) builds an existing day; anything else is an error") {
  Harness harness;
  check_cases(harness, {
                           {"date(2024, 2, 29)", "date(\"2024-02-29\")"},
                           {"date(2023, 2, 28)", "date(\"2023-02-28\")"},
                           {"date(2000, 2, 29)", "date(\"2000-02-29\")"},
                           {"date(1, 1, 1)", "date(\"0001-01-01\")"},
                           {"date(9999, 12, 31)", "date(\"9999-12-31\")"},
                           {"date(2024, 12, 31) == date('2024-12-31')", "true"},
                           {"date(2023, 2, 29)", "error"},
                           {"date(1900, 2, 29)", "error"},
                           {"date(2024, 4, 31)", "error"},
                           {"date(2024, 13, 1)", "error"},
                           {"date(2024, 0, 1)", "error"},
                           {"date(2024, 1, 0)", "error"},
                           {"date(2024, 1, 32)", "error"},
                           {"date(2024, -1, 1)", "error"},
                           {"date(0, 1, 1)", "error"},
                           {"date(10000, 1, 1)", "error"},
                           {"date(2024, 4294967297, 1)", "error"},
                           {"date(-9223372036854775807, 1, 1)", "error"},
                       });
  CHECK(harness.error_message("date(2023, 2, 29)") == "no such date: year 2023, month 2, day 29");
  CHECK(harness.error_message("date(2024, 4294967297, 1)") ==
        "no such date: year 2024, month 4294967297, day 1");
  CHECK(harness.error_message("date(10000, 1, 1)") ==
        "date out of range (0001-01-01 to 9999-12-31): year 10000");
  // Built from facts: the parts of another date, unknown and error arguments.
  harness.bind("as_of", date_value("2024-12-31"));
  CHECK(harness.run("date(year(as_of), 1, 1)") == "date(\"2024-01-01\")");
  CHECK(harness.run("date(year(as_of) - 1, 2, 29)") == "error");
  CHECK(harness.run("date(x.n + 2017, x.n, x.n)") == "date(\"2024-07-07\")");
  CHECK(harness.run("date(x.i, 1, x.j)") == "unknown(x.i, x.j)");
  CHECK(harness.run("date(2024, x.n / x.zero, 1)") == "error");
  CHECK(harness.run("date(2024, x.n / x.zero, x.i)") == "unknown(x.i)");
  CHECK(harness.compile("date(2024, 2, 29)").program->result_type() == Type::date());
  for (const char* source :
       {"date(2024, 2)", "date(2024, '2', 29)", "date(2024, 2, 29.0)", "date(2024, 2, 29, 1)"}) {
    INFO(std::string(source));
    CHECK_FALSE(harness.compile(source).ok());
  }
}

TEST_CASE("years_between counts a duration's whole years, clamped to the month end (R-05)") {
  Harness harness;
  check_cases(harness, {
                           {"years_between(date('2024-02-29'), date('2025-02-27'))", "0"},
                           {"years_between(date('2024-02-29'), date('2025-02-28'))", "1"},
                           {"years_between(date('2000-02-29'), date('2025-02-28'))", "25"},
                           {"years_between(date('2000-02-29'), date('2025-03-01'))", "25"},
                           {"years_between(date('2000-02-29'), date('2004-02-28'))", "3"},
                           {"years_between(date('2000-02-29'), date('2004-02-29'))", "4"},
                           {"years_between(date('1990-05-15'), date('2025-05-14'))", "34"},
                           {"years_between(date('1990-05-15'), date('2025-05-15'))", "35"},
                           {"years_between(date('1990-12-31'), date('1991-12-30'))", "0"},
                           {"years_between(date('1990-12-31'), date('1991-12-31'))", "1"},
                           {"years_between(date('2025-05-15'), date('1990-05-15'))", "-35"},
                           {"years_between(date('2025-02-28'), date('2024-02-29'))", "-1"},
                           {"years_between(date('2024-01-01'), date('2024-01-01'))", "0"},
                       });
}

TEST_CASE("age counts completed years of age, a 29 February birthday on 1 March (R-03)") {
  Harness harness;
  check_cases(harness, {
                           {"age(date('2024-02-29'), date('2025-02-28'))", "0"},
                           {"age(date('2024-02-29'), date('2025-03-01'))", "1"},
                           {"age(date('2000-02-29'), date('2025-02-28'))", "24"},
                           {"age(date('2000-02-29'), date('2025-03-01'))", "25"},
                           {"age(date('2000-02-29'), date('2004-02-28'))", "3"},
                           {"age(date('2000-02-29'), date('2004-02-29'))", "4"},
                           {"age(date('1990-05-15'), date('2025-05-14'))", "34"},
                           {"age(date('1990-05-15'), date('2025-05-15'))", "35"},
                           {"age(date('1990-12-31'), date('2025-12-30'))", "34"},
                           {"age(date('1990-12-31'), date('2025-12-31'))", "35"},
                           {"age(date('1991-01-01'), date('2025-12-31'))", "34"},
                           {"age(date('2025-05-15'), date('1990-05-15'))", "-35"},
                           {"age(date('2024-01-01'), date('2024-01-01'))", "0"},
                           {"age(x.day, as_of)", "unknown(as_of, x.day)"},
                           {"age(date('2023-02-29'), as_of)", "unknown(as_of)"},
                           {"age(date('2023-02-29'), date('2024-01-01'))", "error"},
                       });
  auto compiled = harness.compile("age(as_of)");
  CHECK_FALSE(compiled.ok());
  CHECK(harness.compile("age(as_of, as_of)").program->result_type() == Type::integer());
}

TEST_CASE("months_between counts whole months with month-end clamping") {
  Harness harness;
  check_cases(harness, {
                           {"months_between(date('2024-01-31'), date('2024-02-28'))", "0"},
                           {"months_between(date('2024-01-31'), date('2024-02-29'))", "1"},
                           {"months_between(date('2024-01-31'), date('2024-03-30'))", "1"},
                           {"months_between(date('2024-01-31'), date('2024-03-31'))", "2"},
                           {"months_between(date('2023-12-15'), date('2024-01-14'))", "0"},
                           {"months_between(date('2023-12-15'), date('2024-01-15'))", "1"},
                           {"months_between(date('2020-06-01'), date('2025-06-01'))", "60"},
                           {"months_between(date('2024-03-01'), date('2024-01-01'))", "-2"},
                           {"months_between(date('2018-11-30'), date('2019-02-27'))", "2"},
                           {"months_between(date('2018-11-30'), date('2019-02-28'))", "3"},
                           {"months_between(date('2019-02-28'), date('2018-11-30'))", "-3"},
                       });
}

TEST_CASE("add_months clamps to the end of a shorter month and crosses year ends") {
  Harness harness;
  check_cases(harness, {
                           {"add_months(date('2024-01-31'), 1) == date('2024-02-29')", "true"},
                           {"add_months(date('2023-01-31'), 1)", "date(\"2023-02-28\")"},
                           {"add_months(date('2024-11-30'), 3)", "date(\"2025-02-28\")"},
                           {"add_months(date('2018-11-30'), 3)", "date(\"2019-02-28\")"},
                           {"add_months(date('2019-11-30'), 3)", "date(\"2020-02-29\")"},
                           {"add_months(date('2023-03-31'), -1)", "date(\"2023-02-28\")"},
                           {"add_months(date('2024-03-31'), -2)", "date(\"2024-01-31\")"},
                           {"add_months(date('2024-12-31'), 1)", "date(\"2025-01-31\")"},
                           {"add_months(date('2024-03-31'), -1)", "date(\"2024-02-29\")"},
                           {"add_months(date('2025-01-15'), -1)", "date(\"2024-12-15\")"},
                           {"add_months(date('2024-01-31'), 13)", "date(\"2025-02-28\")"},
                           {"add_months(date('2024-05-31'), 0)", "date(\"2024-05-31\")"},
                       });
}

TEST_CASE("add_years clamps 29 February to 28 February in common years (R-05)") {
  Harness harness;
  check_cases(
      harness,
      {
          {"add_years(date('2024-02-29'), 1)", "date(\"2025-02-28\")"},
          {"add_years(date('2024-02-29'), 4)", "date(\"2028-02-29\")"},
          {"add_years(date('2024-02-29'), -1)", "date(\"2023-02-28\")"},
          {"add_years(date('2024-12-31'), 1)", "date(\"2025-12-31\")"},
          {"add_years(date('2018-11-30'), 1)", "date(\"2019-11-30\")"},
          {"add_years(date('9999-12-31'), 1)", "error"},
          {"add_years(date('2024-02-29'), 1) == add_months(date('2024-02-29'), 12)", "true"},
      });
}

TEST_CASE("birthday maps 29 February to 1 March in common years (R-03)") {
  Harness harness;
  check_cases(harness, {
                           {"birthday(date('2024-02-29'), 1)", "date(\"2025-03-01\")"},
                           {"birthday(date('2024-02-29'), 4)", "date(\"2028-02-29\")"},
                           {"birthday(date('2024-02-29'), -1)", "date(\"2023-03-01\")"},
                           {"birthday(date('1989-06-15'), 35)", "date(\"2024-06-15\")"},
                           {"birthday(date('1988-12-31'), 36)", "date(\"2024-12-31\")"},
                           {"birthday(date('9999-12-31'), 1)", "error"},
                           {"birthday(x.day, 35)", "unknown(x.day)"},
                           {"birthday(date('2000-01-01'), x.n / x.zero)", "error"},
                       });
  CHECK(harness.error_message("birthday(date('9999-12-31'), 1)") ==
        "date out of range (0001-01-01 to 9999-12-31)");
  CHECK(harness.compile("birthday(as_of, 1)").program->result_type() == Type::date());
  CHECK_FALSE(harness.compile("birthday(as_of, as_of)").ok());
}

TEST_CASE("add_days and days_between cross month, leap-day and year ends") {
  Harness harness;
  check_cases(harness, {
                           {"add_days(date('2024-12-31'), 1)", "date(\"2025-01-01\")"},
                           {"add_days(date('2024-03-01'), -1)", "date(\"2024-02-29\")"},
                           {"add_days(date('2023-03-01'), -1)", "date(\"2023-02-28\")"},
                           {"add_days(date('2024-01-01'), 366)", "date(\"2025-01-01\")"},
                           {"add_days(date('0001-01-01'), -1)", "error"},
                           {"days_between(date('2024-01-01'), date('2025-01-01'))", "366"},
                           {"days_between(date('2025-01-01'), date('2024-01-01'))", "-366"},
                           {"days_between(date('2023-02-28'), date('2023-03-01'))", "1"},
                           {"days_between(date('2024-02-28'), date('2024-03-01'))", "2"},
                       });
}

TEST_CASE("year(), month() and day() read a date's parts") {
  Harness harness;
  check_cases(harness, {
                           {"year(date('2024-12-31'))", "2024"},
                           {"month(date('2024-12-31'))", "12"},
                           {"day(date('2024-12-31'))", "31"},
                           {"day(add_months(date('2024-01-31'), 1))", "29"},
                           {"month(add_days(date('2024-12-31'), 1))", "1"},
                       });
}

TEST_CASE("dates compare, and min/max pick a date") {
  Harness harness;
  check_cases(harness, {
                           {"date('2024-12-31') < date('2025-01-01')", "true"},
                           {"date('2024-02-29') == date('2024-02-29')", "true"},
                           {"date('2024-02-29') >= date('2024-03-01')", "false"},
                           {"max(date('2024-01-01'), date('2023-01-01'))", "date(\"2024-01-01\")"},
                           {"min(date('2024-01-01'), date('2023-01-01'))", "date(\"2023-01-01\")"},
                       });
}

TEST_CASE("years_between and add_years, age and birthday agree as date.hpp promises") {
  Harness harness;
  for (const char* to : {"2025-02-27", "2025-02-28", "2025-03-01", "2028-02-28", "2028-02-29"}) {
    for (int n : {24, 25, 28}) {
      const std::string d = std::string("date('") + to + "')";
      const std::string count = std::to_string(n);
      for (auto [between, add] : {std::pair{"years_between", "add_years"}, {"age", "birthday"}}) {
        std::string source = std::string("(") + between + "(date('2000-02-29'), " + d +
                             ") >= " + count + ") == (" + add + "(date('2000-02-29'), " + count +
                             ") <= " + d + ")";
        INFO(source);
        CHECK(harness.run(source) == "true");
      }
    }
  }
}

TEST_CASE("as_of is a predeclared date: unknown when unbound, usable when bound") {
  Harness harness;
  CHECK(harness.compile("as_of").ok());
  CHECK(harness.compile("as_of").program->result_type() == Type::date());
  CHECK(harness.run("as_of") == "unknown(as_of)");
  CHECK(harness.run("years_between(date('2000-02-29'), as_of) >= 25") == "unknown(as_of)");
  CHECK(harness.run("age(date('2000-02-29'), as_of) >= 25") == "unknown(as_of)");
  harness.bind("cadre", map_of({{"name", "Li"}}));
  CHECK(harness.run("age(cadre.birth_date, as_of)") == "unknown(as_of, cadre.birth_date)");
  harness.bind("cadre", map_of({{"birth_date", "2000-02-29"}}));
  harness.bind("as_of", date_value("2025-02-28"));
  CHECK(harness.run("age(cadre.birth_date, as_of)") == "24");
  CHECK(harness.run("age(cadre.birth_date, as_of) >= 25") == "false");
  CHECK(harness.run("years_between(cadre.birth_date, as_of) >= 25") == "true");
  harness.bind("as_of", date_value("2025-03-01"));
  CHECK(harness.run("age(cadre.birth_date, as_of) >= 25") == "true");
  harness.bind("as_of", "2025-03-01");
  CHECK(harness.run("as_of") == "date(\"2025-03-01\")");
}

TEST_CASE("decimal times a double literal reads the literal exactly") {
  Harness harness;
  CHECK(decimal_text(harness, "round(decimal('3000') * 1.2, 2)") == "3600.00");
  CHECK(decimal_text(harness, "round(decimal('1800') * 0.7, 2)") == "1260.00");
  CHECK(decimal_text(harness, "round(1.2 * decimal('3000'), 2)") == "3600.00");
  CHECK(decimal_text(harness, "decimal('3000') * 1.2") == "3600.0");
  CHECK(decimal_text(harness, "decimal('100') * -0.15") == "-15.00");
  CHECK(harness.run("decimal('0.1') + 0.2 == decimal('0.3')") == "true");
  CHECK(harness.run("decimal('3600.00') == decimal('3000') * 1.2") == "true");
  harness.bind("pay", "3000.00");
  CHECK(decimal_text(harness, "round(pay * 1.2, 2)") == "3600.00");
  CHECK(decimal_text(harness, "pay * 1.2") == "3600.000");
  CHECK(harness.run("pay > 2999.99") == "true");
  CHECK(decimal_text(harness, "x.t ? pay : 1.5") == "3000.00");
  CHECK(decimal_text(harness, "x.f ? pay : 1.5") == "1.5");
}

TEST_CASE("decimal sums are exact") {
  Harness harness;
  CHECK(harness.run("decimal('0.1') + decimal('0.2') == decimal('0.3')") == "true");
  CHECK(decimal_text(harness, "decimal('0.1') + decimal('0.2')") == "0.3");
  CHECK(decimal_text(harness, "decimal('1.10') - decimal('0.1')") == "1.00");
  CHECK(decimal_text(harness, "-decimal('2.50')") == "-2.50");
}

TEST_CASE("round() is half-up, away from zero, with the requested scale") {
  Harness harness;
  CHECK(decimal_text(harness, "round(decimal('2.345'), 2)") == "2.35");
  CHECK(decimal_text(harness, "round(decimal('-2.345'), 2)") == "-2.35");
  CHECK(decimal_text(harness, "round(decimal('2.344'), 2)") == "2.34");
  CHECK(decimal_text(harness, "round(decimal('2.5'))") == "3");
  CHECK(decimal_text(harness, "round(decimal('-2.5'))") == "-3");
  CHECK(decimal_text(harness, "round(decimal('3'), 2)") == "3.00");
  CHECK(decimal_text(harness, "floor(decimal('-2.341'), 2)") == "-2.35");
  CHECK(decimal_text(harness, "ceil(decimal('2.341'), 2)") == "2.35");
  CHECK(harness.run("round(decimal('2.345'), -1)") == "error");
}

TEST_CASE("decimals mix exactly with ints") {
  Harness harness;
  CHECK(decimal_text(harness, "decimal('1.5') * 2") == "3.0");
  CHECK(decimal_text(harness, "2 + decimal('0.50')") == "2.50");
  CHECK(decimal_text(harness, "decimal('10') / 4") == "2.5");
  CHECK(decimal_text(harness, "decimal('10') / 3") == "3.333333333333333333");
  CHECK(decimal_text(harness, "max(decimal('1.5'), 2)") == "2");
  CHECK(harness.run("decimal('3') == 3") == "true");
  CHECK(harness.run("decimal('3.00') == 3") == "true");
  CHECK(harness.run("3 != decimal('3.01')") == "true");
  CHECK(harness.run("3 < decimal('3.01')") == "true");
  CHECK(harness.run("int(decimal('3.99'))") == "3");
  harness.bind("pay", 3000);
  CHECK(decimal_text(harness, "pay") == "3000");
}

TEST_CASE("decimal division by zero and malformed decimal text are errors") {
  Harness harness;
  CHECK(harness.run("decimal('1') / decimal('0')") == "error");
  CHECK(harness.run("decimal('1') / 0") == "error");
  CHECK(harness.run("decimal('1') % 0") == "error");
  CHECK(harness.error_message("decimal('1') / 0") == "division by zero");
  CHECK(harness.run("decimal('abc')") == "error");
  CHECK(harness.run("decimal('1e3')") == "error");
  CHECK(harness.run("decimal('')") == "error");
  harness.bind("pay", "3000.00");
  CHECK(harness.run("pay / x.zero") == "error");
  CHECK(harness.error_message("pay / x.zero") == "division by zero");
}

TEST_CASE("a decimal never mixes with a double that is not a literal") {
  Harness harness;
  harness.env.declare("x", Type::real());
  harness.env.declare("y", Type::decimal());
  harness.unbind("x");
  CHECK(harness.compile("x * 1.5").ok());
  CHECK(harness.compile("y * 1.5").ok());
  CHECK(harness.compile("y * 1.5").program->result_type() == Type::decimal());
  for (const char* source : {"x * y", "y * x", "x + y", "y == x", "y < x", "max(x, y)"}) {
    INFO(std::string(source));
    auto compiled = harness.compile(source);
    CHECK_FALSE(compiled.ok());
    REQUIRE(compiled.diagnostics.size() == 1);
    CHECK(compiled.diagnostics[0].code == "expr.no_overload");
  }
  auto compiled = harness.compile("x * y");
  REQUIRE_FALSE(compiled.diagnostics.empty());
  CHECK(compiled.diagnostics[0].message == "operator `*` cannot be applied to (double, decimal)");
  CHECK(compiled.diagnostics[0].location.line == 1);
  CHECK(compiled.diagnostics[0].location.column == 3);
}
