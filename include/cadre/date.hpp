// Calendar dates without time zones, for ages, tenures and periods.
//
// A Date is a day of the proleptic Gregorian calendar between 0001-01-01 and
// 9999-12-31. Two conventions count whole years (shared/policy/CATALOG.md §3):
//   - durations (R-05, 「N年」「N个月」): add_years/add_months land on the same
//     day of the target month, clamped to its last day when that day does not
//     exist (2024-02-29 + 1 year = 2025-02-28; 2018-11-30 + 3 months =
//     2019-02-28); years_between/months_between count them;
//   - ages (R-03, 周岁): a person gains a year on the birthday, and someone born
//     on 29 February gains it on 1 March in common years; birthday/age count them.
// The invariants the rule sets rely on, for b >= a and n >= 0:
//   years_between(a, b) >= n  <=>  add_years(a, n) <= b
//   months_between(a, b) >= n <=>  add_months(a, n) <= b
//   age(a, b) >= n            <=>  birthday(a, n) <= b
// and all three are antisymmetric: f(b, a) == -f(a, b). Since add_years(a, n) is
// add_months(a, 12 n), years_between(a, b) == months_between(a, b) / 12.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/export.hpp"

namespace cadre {

class CADRE_API Date {
 public:
  static constexpr int kMinYear = 1;
  static constexpr int kMaxYear = 9999;

  constexpr Date() = default;

  /// nullopt for an invalid day (2023-02-29, month 13) or a year outside range.
  static std::optional<Date> from_ymd(int year, int month, int day);
  /// Strict ISO 8601 calendar date "YYYY-MM-DD" (exactly that shape).
  static std::optional<Date> parse(std::string_view text);
  /// Days since 1970-01-01 (may be negative); nullopt outside the year range.
  static std::optional<Date> from_days(std::int64_t days_since_epoch);

  std::int32_t days_since_epoch() const { return days_; }
  int year() const;
  int month() const;  ///< 1..12
  int day() const;    ///< 1..31
  /// ISO weekday: 1 = Monday … 7 = Sunday.
  int weekday() const;
  /// "YYYY-MM-DD".
  std::string to_string() const;

  static bool is_leap_year(int year);
  static int days_in_month(int year, int month);

  /// The date `months` months later (earlier when negative), clamped to the
  /// last day of the target month; nullopt outside the year range.
  static std::optional<Date> add_months(Date date, std::int64_t months);
  /// The date `years` years later (earlier when negative), a duration under
  /// clamped like add_months (29 February + 1 year is 28 February);
  /// nullopt outside the year range.
  static std::optional<Date> add_years(Date date, std::int64_t years);
  /// The day a person born on `birth` turns `years`: the same day and
  /// month, with 29 February mapped to 1 March in common years; nullopt outside
  /// the year range.
  static std::optional<Date> birthday(Date birth, std::int64_t years);
  static std::optional<Date> add_days(Date date, std::int64_t days);

  /// Whole years from `from` to `to`: the largest n with add_years(from, n) <= to
  /// when to >= from, and -years_between(to, from) otherwise.
  static std::int64_t years_between(Date from, Date to);
  /// Whole months, defined like years_between with add_months.
  static std::int64_t months_between(Date from, Date to);
  /// Completed years of age on `on` of a person born on `birth` (周岁, R-03): the
  /// largest n with birthday(birth, n) <= on when on >= birth, and
  /// -age(on, birth) otherwise.
  static std::int64_t age(Date birth, Date on);
  /// to - from in days.
  static std::int64_t days_between(Date from, Date to);

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;

 private:
  explicit constexpr Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;  // days since 1970-01-01
};

}  // namespace cadre
