// Unit tests for cadre::Date: strict parsing, the calendar range, the two ways
// of counting whole years (durations clamped to the month end, R-05; ages with a
// 29 February birthday on 1 March, R-03) and the invariants in date.hpp.
#include "cadre/date.hpp"

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

namespace {

using cadre::Date;

const std::string kInvalid = "<invalid>";

Date date(std::string_view text) {
  return Date::parse(text).value();
}

std::string str(const std::optional<Date>& value) {
  return value ? value->to_string() : kInvalid;
}

std::string parsed(std::string_view text) {
  return str(Date::parse(text));
}

std::string plus_months(std::string_view text, std::int64_t months) {
  return str(Date::add_months(date(text), months));
}

std::string plus_years(std::string_view text, std::int64_t years) {
  return str(Date::add_years(date(text), years));
}

std::string turns(std::string_view birth, std::int64_t years) {
  return str(Date::birthday(date(birth), years));
}

std::string plus_days(std::string_view text, std::int64_t days) {
  return str(Date::add_days(date(text), days));
}

std::int64_t years(std::string_view from, std::string_view to) {
  return Date::years_between(date(from), date(to));
}

std::int64_t months(std::string_view from, std::string_view to) {
  return Date::months_between(date(from), date(to));
}

std::int64_t age(std::string_view birth, std::string_view on) {
  return Date::age(date(birth), date(on));
}

/// The first violation of the date.hpp invariants for (from, to), or "".
std::string invariant_violation(Date from, Date to) {
  const std::int64_t whole_years = Date::years_between(from, to);
  const std::int64_t whole_months = Date::months_between(from, to);
  const std::int64_t years_of_age = Date::age(from, to);
  const std::string where = from.to_string() + " -> " + to.to_string();
  for (std::int64_t n = 0; n <= whole_years + 2; ++n) {
    const auto anniversary = Date::add_years(from, n);
    if ((whole_years >= n) != (anniversary.has_value() && *anniversary <= to)) {
      return "years " + where + " n=" + std::to_string(n);
    }
  }
  for (std::int64_t n = 0; n <= whole_months + 2; ++n) {
    const auto monthiversary = Date::add_months(from, n);
    if ((whole_months >= n) != (monthiversary.has_value() && *monthiversary <= to)) {
      return "months " + where + " n=" + std::to_string(n);
    }
  }
  for (std::int64_t n = 0; n <= years_of_age + 2; ++n) {
    const auto birthday = Date::birthday(from, n);
    if ((years_of_age >= n) != (birthday.has_value() && *birthday <= to)) {
      return "age " + where + " n=" + std::to_string(n);
    }
  }
  if (Date::years_between(to, from) != -whole_years) return "years antisymmetry " + where;
  if (Date::months_between(to, from) != -whole_months) return "months antisymmetry " + where;
  if (Date::age(to, from) != -years_of_age) return "age antisymmetry " + where;
  if (whole_years != whole_months / 12) return "years != months / 12 " + where;
  // The conventions part only for a 29 February start, and only by a day.
  if (years_of_age != whole_years &&
      !(from.month() == 2 && from.day() == 29 && years_of_age == whole_years - 1)) {
    return "age vs years " + where;
  }
  return "";
}

}  // namespace

TEST_CASE("Date::parse accepts exactly YYYY-MM-DD for real days in range") {
  CHECK(parsed("2024-02-29") == "2024-02-29");
  CHECK(parsed("1970-01-01") == "1970-01-01");
  CHECK(parsed("0001-01-01") == "0001-01-01");
  CHECK(parsed("9999-12-31") == "9999-12-31");
  CHECK(parsed("2023-12-31") == "2023-12-31");
  CHECK(date("1970-01-01").days_since_epoch() == 0);
  CHECK(date("1969-12-31").days_since_epoch() == -1);
  CHECK(date("2000-03-01").days_since_epoch() == 11017);
}

TEST_CASE("Date::parse rejects anything else") {
  CHECK(parsed("2023-02-29") == kInvalid);
  CHECK(parsed("1900-02-29") == kInvalid);
  CHECK(parsed("2024-2-1") == kInvalid);
  CHECK(parsed("2024-02-1") == kInvalid);
  CHECK(parsed("0000-01-01") == kInvalid);
  CHECK(parsed("10000-01-01") == kInvalid);
  CHECK(parsed("2024-02-290") == kInvalid);
  CHECK(parsed("2024-01-01 ") == kInvalid);
  CHECK(parsed("2024-01-01T00:00") == kInvalid);
  CHECK(parsed(" 2024-01-01") == kInvalid);
  CHECK(parsed("2024-13-01") == kInvalid);
  CHECK(parsed("2024-00-10") == kInvalid);
  CHECK(parsed("2024-04-31") == kInvalid);
  CHECK(parsed("2024-01-00") == kInvalid);
  CHECK(parsed("2024-01-32") == kInvalid);
  CHECK(parsed("2024/01/01") == kInvalid);
  CHECK(parsed("20240101") == kInvalid);
  CHECK(parsed("+024-01-01") == kInvalid);
  CHECK(parsed("-024-01-01") == kInvalid);
  CHECK(parsed("2024-+1-01") == kInvalid);
  CHECK(parsed("2024-01--1") == kInvalid);
  CHECK(parsed("2024-0a-01") == kInvalid);
  CHECK(parsed("") == kInvalid);
}

TEST_CASE("Date::from_ymd and from_days check the calendar and the range") {
  CHECK(str(Date::from_ymd(2024, 2, 29)) == "2024-02-29");
  CHECK(str(Date::from_ymd(2023, 2, 29)) == kInvalid);
  CHECK(str(Date::from_ymd(2024, 13, 1)) == kInvalid);
  CHECK(str(Date::from_ymd(2024, 0, 1)) == kInvalid);
  CHECK(str(Date::from_ymd(2024, 1, 0)) == kInvalid);
  CHECK(str(Date::from_ymd(0, 1, 1)) == kInvalid);
  CHECK(str(Date::from_ymd(10000, 1, 1)) == kInvalid);
  CHECK(str(Date::from_ymd(-5, 1, 1)) == kInvalid);
  CHECK(str(Date::from_days(0)) == "1970-01-01");
  CHECK(str(Date::from_days(-1)) == "1969-12-31");
  const std::int64_t first = date("0001-01-01").days_since_epoch();
  const std::int64_t last = date("9999-12-31").days_since_epoch();
  CHECK(str(Date::from_days(first)) == "0001-01-01");
  CHECK(str(Date::from_days(last)) == "9999-12-31");
  CHECK(str(Date::from_days(first - 1)) == kInvalid);
  CHECK(str(Date::from_days(last + 1)) == kInvalid);
  CHECK(str(Date::from_days(std::numeric_limits<std::int64_t>::max())) == kInvalid);
  CHECK(str(Date::from_days(std::numeric_limits<std::int64_t>::min())) == kInvalid);
  CHECK(Date().to_string() == "1970-01-01");
}

TEST_CASE("Date fields, weekday and to_string") {
  const Date d = date("2024-02-29");
  CHECK(d.year() == 2024);
  CHECK(d.month() == 2);
  CHECK(d.day() == 29);
  CHECK(date("0001-01-01").to_string() == "0001-01-01");
  CHECK(date("0987-06-05").to_string() == "0987-06-05");
  CHECK(date("1970-01-01").weekday() == 4);  // Thursday
  CHECK(date("2024-01-01").weekday() == 1);  // Monday
  CHECK(date("2024-06-16").weekday() == 7);  // Sunday
  CHECK(date("2000-02-29").weekday() == 2);  // Tuesday
  CHECK(date("0001-01-01").weekday() == 1);  // Monday (proleptic Gregorian)
  CHECK(date("9999-12-31").weekday() == 5);  // Friday
}

TEST_CASE("Date leap years and month lengths") {
  CHECK(!Date::is_leap_year(1900));
  CHECK(Date::is_leap_year(2000));
  CHECK(Date::is_leap_year(2024));
  CHECK(!Date::is_leap_year(2023));
  CHECK(!Date::is_leap_year(2100));
  CHECK(Date::is_leap_year(2400));
  CHECK(Date::days_in_month(2024, 2) == 29);
  CHECK(Date::days_in_month(2023, 2) == 28);
  CHECK(Date::days_in_month(1900, 2) == 28);
  CHECK(Date::days_in_month(2024, 1) == 31);
  CHECK(Date::days_in_month(2024, 4) == 30);
  CHECK(Date::days_in_month(2024, 12) == 31);
  CHECK(Date::days_in_month(2024, 0) == 0);
  CHECK(Date::days_in_month(2024, 13) == 0);
}

TEST_CASE("Date::add_months clamps to the end of the target month") {
  CHECK(plus_months("2024-01-31", 1) == "2024-02-29");
  CHECK(plus_months("2018-11-30", 3) == "2019-02-28");
  CHECK(plus_months("2019-11-30", 3) == "2020-02-29");
  CHECK(plus_months("2024-03-31", -2) == "2024-01-31");
  CHECK(plus_months("2023-03-31", -1) == "2023-02-28");
  CHECK(plus_months("2024-12-31", 2) == "2025-02-28");
  CHECK(plus_months("2025-01-31", -2) == "2024-11-30");
  CHECK(plus_months("2023-01-31", 1) == "2023-02-28");
  CHECK(plus_months("2024-03-31", -1) == "2024-02-29");
  CHECK(plus_months("2024-03-31", 1) == "2024-04-30");
  CHECK(plus_months("2024-12-15", 1) == "2025-01-15");
  CHECK(plus_months("2025-01-15", -1) == "2024-12-15");
  CHECK(plus_months("2024-05-31", -15) == "2023-02-28");
  CHECK(plus_months("2024-01-31", 0) == "2024-01-31");
  CHECK(plus_months("2024-01-31", 12) == "2025-01-31");
  CHECK(plus_months("2024-02-29", 12) == "2025-02-28");
  CHECK(plus_months("2024-02-29", 48) == "2028-02-29");
  CHECK(plus_months("2024-08-31", -30) == "2022-02-28");
}

TEST_CASE("Date::add_months reports dates outside the range") {
  CHECK(plus_months("9999-12-01", 1) == kInvalid);
  CHECK(plus_months("9999-11-30", 1) == "9999-12-30");
  CHECK(plus_months("0001-01-31", -1) == kInvalid);
  CHECK(plus_months("0001-02-28", -1) == "0001-01-28");
  CHECK(plus_months("2024-01-01", std::numeric_limits<std::int64_t>::max()) == kInvalid);
  CHECK(plus_months("2024-01-01", std::numeric_limits<std::int64_t>::min()) == kInvalid);
}

TEST_CASE("Date::add_years clamps 29 February to 28 February in common years (R-05)") {
  CHECK(plus_years("2024-02-29", 1) == "2025-02-28");
  CHECK(plus_years("2024-02-29", 4) == "2028-02-29");
  CHECK(plus_years("2024-02-29", -1) == "2023-02-28");
  CHECK(plus_years("2024-02-29", -4) == "2020-02-29");
  CHECK(plus_years("2000-02-29", 100) == "2100-02-28");
  CHECK(plus_years("2000-02-29", 400) == "2400-02-29");
  CHECK(plus_years("2023-02-28", 1) == "2024-02-28");
  CHECK(plus_years("2024-02-28", 1) == "2025-02-28");
  CHECK(plus_years("2024-03-01", -1) == "2023-03-01");
  CHECK(plus_years("1989-06-15", 35) == "2024-06-15");
  CHECK(plus_years("2024-12-31", 0) == "2024-12-31");
  CHECK(plus_years("2024-12-31", 1) == "2025-12-31");
  CHECK(plus_years("2024-01-01", -1) == "2023-01-01");
  CHECK(plus_years("9998-06-01", 1) == "9999-06-01");
  CHECK(plus_years("9999-01-01", 1) == kInvalid);
  CHECK(plus_years("0001-12-31", -1) == kInvalid);
  CHECK(plus_years("0004-02-29", -3) == "0001-02-28");
  CHECK(plus_years("2024-01-01", std::numeric_limits<std::int64_t>::max()) == kInvalid);
  CHECK(plus_years("2024-01-01", std::numeric_limits<std::int64_t>::min()) == kInvalid);
}

TEST_CASE("Date::add_years is add_months by twelve") {
  for (const std::string_view start : {"2024-02-29", "2023-02-28", "2024-01-31", "2024-12-31",
                                       "2000-02-29", "1900-02-28", "2024-06-30"}) {
    for (std::int64_t n = -120; n <= 120; ++n) {
      INFO(start << " + " << n << " years");
      CHECK(plus_years(start, n) == plus_months(start, 12 * n));
    }
  }
}

TEST_CASE("Date::birthday maps 29 February to 1 March in common years (R-03)") {
  CHECK(turns("2024-02-29", 1) == "2025-03-01");
  CHECK(turns("2024-02-29", 4) == "2028-02-29");
  CHECK(turns("2024-02-29", -1) == "2023-03-01");
  CHECK(turns("2000-02-29", 100) == "2100-03-01");
  CHECK(turns("2000-02-29", 400) == "2400-02-29");
  CHECK(turns("2024-02-28", 1) == "2025-02-28");
  CHECK(turns("2023-03-01", 1) == "2024-03-01");
  CHECK(turns("1989-06-15", 35) == "2024-06-15");
  CHECK(turns("1988-12-31", 36) == "2024-12-31");
  CHECK(turns("2024-12-31", 0) == "2024-12-31");
  CHECK(turns("2024-02-29", 0) == "2024-02-29");
  CHECK(turns("9998-06-01", 1) == "9999-06-01");
  CHECK(turns("9999-01-01", 1) == kInvalid);
  CHECK(turns("0001-12-31", -1) == kInvalid);
  CHECK(turns("0004-02-29", -3) == "0001-03-01");
  CHECK(turns("2024-01-01", std::numeric_limits<std::int64_t>::max()) == kInvalid);
  CHECK(turns("2024-01-01", std::numeric_limits<std::int64_t>::min()) == kInvalid);
}

TEST_CASE("Date::add_days crosses month and year ends and stops at the range") {
  CHECK(plus_days("2024-12-31", 1) == "2025-01-01");
  CHECK(plus_days("2025-01-01", -1) == "2024-12-31");
  CHECK(plus_days("2024-02-28", 1) == "2024-02-29");
  CHECK(plus_days("2023-02-28", 1) == "2023-03-01");
  CHECK(plus_days("2024-01-01", 366) == "2025-01-01");
  CHECK(plus_days("2024-01-01", 0) == "2024-01-01");
  CHECK(plus_days("9999-12-31", 1) == kInvalid);
  CHECK(plus_days("9999-12-30", 1) == "9999-12-31");
  CHECK(plus_days("0001-01-01", -1) == kInvalid);
  CHECK(plus_days("0001-01-02", -1) == "0001-01-01");
  CHECK(plus_days("2024-01-01", std::numeric_limits<std::int64_t>::max()) == kInvalid);
  CHECK(plus_days("2024-01-01", std::numeric_limits<std::int64_t>::min()) == kInvalid);
}

TEST_CASE("Date::years_between counts whole years of a duration (R-05)") {
  CHECK(years("1989-06-15", "2024-06-14") == 34);
  CHECK(years("1989-06-15", "2024-06-15") == 35);
  CHECK(years("1989-06-15", "2024-06-16") == 35);
  // A start on 29 February completes its year on 28 February of a common year.
  CHECK(years("2024-02-29", "2025-02-27") == 0);
  CHECK(years("2024-02-29", "2025-02-28") == 1);
  CHECK(years("2000-02-29", "2025-02-28") == 25);
  CHECK(years("2000-02-29", "2025-03-01") == 25);
  CHECK(years("2000-02-29", "2024-02-28") == 23);
  CHECK(years("2000-02-29", "2024-02-29") == 24);
  CHECK(years("2023-02-28", "2024-02-28") == 1);
  CHECK(years("2023-02-28", "2024-02-27") == 0);
  // Year ends.
  CHECK(years("2023-12-31", "2024-12-30") == 0);
  CHECK(years("2023-12-31", "2024-12-31") == 1);
  CHECK(years("2024-01-01", "2024-12-31") == 0);
  CHECK(years("2024-06-15", "2024-06-15") == 0);
  // Negative spans: minus the span the other way round.
  CHECK(years("2024-06-15", "1989-06-15") == -35);
  CHECK(years("2024-06-14", "1989-06-15") == -34);
  CHECK(years("2025-02-28", "2024-02-29") == -1);
  CHECK(years("2025-02-27", "2024-02-29") == 0);
  CHECK(years("2025-03-01", "2000-02-29") == -25);
  CHECK(years("0001-01-01", "9999-12-31") == 9998);
}

TEST_CASE("Date::age counts completed years of age (R-03)") {
  CHECK(age("1989-06-15", "2024-06-14") == 34);
  CHECK(age("1989-06-15", "2024-06-15") == 35);
  CHECK(age("1989-06-15", "2024-06-16") == 35);
  // Born on 29 February: the year is gained on 1 March in common years.
  CHECK(age("2024-02-29", "2025-02-28") == 0);
  CHECK(age("2024-02-29", "2025-03-01") == 1);
  CHECK(age("2000-02-29", "2025-02-28") == 24);
  CHECK(age("2000-02-29", "2025-03-01") == 25);
  CHECK(age("2000-02-29", "2024-02-28") == 23);
  CHECK(age("2000-02-29", "2024-02-29") == 24);
  CHECK(age("2000-02-29", "2100-02-28") == 99);
  CHECK(age("2000-02-29", "2100-03-01") == 100);
  // Born on 28 February or 1 March: nothing moves.
  CHECK(age("2023-02-28", "2024-02-28") == 1);
  CHECK(age("2023-03-01", "2024-02-29") == 0);
  CHECK(age("2023-03-01", "2024-03-01") == 1);
  // Year ends.
  CHECK(age("1988-12-31", "2024-12-30") == 35);
  CHECK(age("1988-12-31", "2024-12-31") == 36);
  CHECK(age("1989-01-01", "2024-12-31") == 35);
  CHECK(age("2024-06-15", "2024-06-15") == 0);
  // Before the birth date: minus the age the other way round, as years_between.
  CHECK(age("2024-06-15", "1989-06-15") == -35);
  CHECK(age("2024-06-14", "1989-06-15") == -34);
  CHECK(age("2025-03-01", "2000-02-29") == -25);
  CHECK(age("2025-02-28", "2024-02-29") == 0);
  CHECK(age("0001-01-01", "9999-12-31") == 9998);
}

TEST_CASE("Date::months_between counts whole months with month-end clamping") {
  CHECK(months("2024-01-31", "2024-02-29") == 1);
  CHECK(months("2018-11-30", "2019-02-27") == 2);
  CHECK(months("2018-11-30", "2019-02-28") == 3);
  CHECK(months("2024-03-31", "2024-04-29") == 0);
  CHECK(months("2024-03-31", "2024-04-30") == 1);
  CHECK(months("2024-02-29", "2025-02-28") == 12);
  CHECK(months("2023-12-31", "2024-01-31") == 1);
  CHECK(months("2024-02-29", "2024-01-31") == -1);
  CHECK(months("2024-03-31", "2024-02-29") == -1);
  CHECK(months("2024-01-31", "2024-02-28") == 0);
  CHECK(months("2023-01-31", "2023-02-28") == 1);
  CHECK(months("2024-03-15", "2024-06-14") == 2);
  CHECK(months("2024-03-15", "2024-06-15") == 3);
  CHECK(months("2024-11-30", "2025-02-28") == 3);
  CHECK(months("2024-06-14", "2024-03-15") == -2);
  CHECK(months("2024-06-15", "2024-03-15") == -3);
  CHECK(months("2024-05-05", "2024-05-31") == 0);
  CHECK(months("0001-01-01", "9999-12-31") == 9998 * 12 + 11);
}

TEST_CASE("Date::days_between and ordering") {
  CHECK(Date::days_between(date("2024-01-01"), date("2025-01-01")) == 366);
  CHECK(Date::days_between(date("2025-01-01"), date("2024-01-01")) == -366);
  CHECK(Date::days_between(date("2024-12-31"), date("2025-01-01")) == 1);
  CHECK(Date::days_between(date("2024-03-01"), date("2024-03-01")) == 0);
  CHECK(Date::days_between(date("0001-01-01"), date("9999-12-31")) == 3652058);
  CHECK(date("2024-02-29") < date("2024-03-01"));
  CHECK(date("2024-02-29") == date("2024-02-29"));
  CHECK(date("2023-12-31") < date("2024-01-01"));
}

TEST_CASE(
    "Date invariants: whole years, months and ages agree with add_years/add_months/birthday") {
  const std::vector<std::string_view> starts = {
      "2000-02-29", "2024-02-29", "2023-02-28", "2024-02-28", "2024-01-31", "2023-01-31",
      "2024-03-31", "2024-05-31", "2024-08-31", "2024-04-30", "2023-12-31", "2024-01-01",
      "1989-06-15", "1900-02-28", "2096-02-29", "2099-03-01", "2024-11-30", "2024-03-01",
      "2018-11-30", "2023-03-01", "1988-02-29", "2024-12-30", "2024-06-30", "2024-02-01"};
  for (const std::string_view start : starts) {
    const Date from = date(start);
    std::string first_violation;
    for (std::int64_t offset = 0; offset <= 4 * 366 + 3 && first_violation.empty(); ++offset) {
      first_violation = invariant_violation(from, *Date::add_days(from, offset));
    }
    for (std::int64_t offset = 4 * 366; offset <= 40 * 366 && first_violation.empty();
         offset += 29) {
      first_violation = invariant_violation(from, *Date::add_days(from, offset));
    }
    CHECK(first_violation == "");
  }
}

TEST_CASE("Date invariants hold at the ends of the range") {
  CHECK(invariant_violation(date("0001-01-01"), date("0001-01-01")) == "");
  CHECK(invariant_violation(date("0001-01-31"), date("0001-03-01")) == "");
  CHECK(invariant_violation(date("9996-02-29"), date("9999-12-31")) == "");
  CHECK(invariant_violation(date("9999-01-31"), date("9999-12-31")) == "");
  CHECK(invariant_violation(date("0004-02-29"), date("0005-02-28")) == "");
  CHECK(invariant_violation(date("0004-02-29"), date("0005-03-01")) == "");
  CHECK(invariant_violation(date("9996-02-29"), date("9999-02-28")) == "");
  CHECK(invariant_violation(date("9996-02-29"), date("9999-03-01")) == "");
}
