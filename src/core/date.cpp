// Calendar dates for ages, tenures and periods (see cadre/date.hpp).
//
// Day counting is delegated to std::chrono's proleptic Gregorian calendar; this
// file adds the range checks, strict parsing and the two ways of counting whole
// years that the rule sets rely on: durations clamp to the end of a shorter
// month, ages gain a 29 February birthday on 1 March.
#include "cadre/date.hpp"

#include <algorithm>
#include <chrono>
#include <string>

namespace cadre {
namespace {

namespace chrono = std::chrono;

constexpr std::int32_t days_of(int year, int month, int day) {
  const chrono::year_month_day ymd{chrono::year{year}, chrono::month{static_cast<unsigned>(month)},
                                   chrono::day{static_cast<unsigned>(day)}};
  return chrono::sys_days{ymd}.time_since_epoch().count();
}

constexpr std::int32_t kMinDays = days_of(Date::kMinYear, 1, 1);
constexpr std::int32_t kMaxDays = days_of(Date::kMaxYear, 12, 31);

chrono::year_month_day civil(std::int32_t days) {
  return chrono::year_month_day{chrono::sys_days{chrono::days{days}}};
}

/// The number in `digits`, or -1 when it contains anything but ASCII digits.
int parse_digits(std::string_view digits) {
  int value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

void append_padded(std::string& out, int value, int width) {
  std::string digits = std::to_string(value);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  out += digits;
}

/// Months since 0000-01: year * 12 + (month - 1).
std::int64_t month_index(const Date& date) {
  return static_cast<std::int64_t>(date.year()) * 12 + date.month() - 1;
}

/// The year `years` after `date`'s, or nullopt outside the year range.
std::optional<int> shifted_year(const Date& date, std::int64_t years) {
  std::int64_t target = 0;
  if (__builtin_add_overflow(static_cast<std::int64_t>(date.year()), years, &target)) {
    return std::nullopt;
  }
  if (target < Date::kMinYear || target > Date::kMaxYear) return std::nullopt;
  return static_cast<int>(target);
}

}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date(days_of(year, month, day));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int year = parse_digits(text.substr(0, 4));
  const int month = parse_digits(text.substr(5, 2));
  const int day = parse_digits(text.substr(8, 2));
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  return from_ymd(year, month, day);
}

std::optional<Date> Date::from_days(std::int64_t days_since_epoch) {
  if (days_since_epoch < kMinDays || days_since_epoch > kMaxDays) return std::nullopt;
  return Date(static_cast<std::int32_t>(days_since_epoch));
}

int Date::year() const {
  return static_cast<int>(civil(days_).year());
}

int Date::month() const {
  return static_cast<int>(static_cast<unsigned>(civil(days_).month()));
}

int Date::day() const {
  return static_cast<int>(static_cast<unsigned>(civil(days_).day()));
}

int Date::weekday() const {
  const chrono::weekday weekday{chrono::sys_days{chrono::days{days_}}};
  return static_cast<int>(weekday.iso_encoding());
}

std::string Date::to_string() const {
  const chrono::year_month_day ymd = civil(days_);
  std::string out;
  append_padded(out, static_cast<int>(ymd.year()), 4);
  out += '-';
  append_padded(out, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out += '-';
  append_padded(out, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
  return out;
}

bool Date::is_leap_year(int year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

int Date::days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::add_months(Date date, std::int64_t months) {
  std::int64_t target = 0;
  if (__builtin_add_overflow(month_index(date), months, &target)) return std::nullopt;
  if (target < static_cast<std::int64_t>(kMinYear) * 12 ||
      target > static_cast<std::int64_t>(kMaxYear) * 12 + 11) {
    return std::nullopt;
  }
  const int year = static_cast<int>(target / 12);
  const int month = static_cast<int>(target % 12) + 1;
  const int day = std::min(date.day(), days_in_month(year, month));
  return from_ymd(year, month, day);
}

std::optional<Date> Date::add_years(Date date, std::int64_t years) {
  const auto year = shifted_year(date, years);
  if (!year) return std::nullopt;
  return from_ymd(*year, date.month(), std::min(date.day(), days_in_month(*year, date.month())));
}

std::optional<Date> Date::birthday(Date birth, std::int64_t years) {
  const auto year = shifted_year(birth, years);
  if (!year) return std::nullopt;
  if (birth.month() == 2 && birth.day() == 29 && !is_leap_year(*year)) return from_ymd(*year, 3, 1);
  return from_ymd(*year, birth.month(), birth.day());
}

std::optional<Date> Date::add_days(Date date, std::int64_t days) {
  std::int64_t target = 0;
  if (__builtin_add_overflow(static_cast<std::int64_t>(date.days_), days, &target)) {
    return std::nullopt;
  }
  return from_days(target);
}

std::int64_t Date::years_between(Date from, Date to) {
  if (to < from) return -years_between(to, from);
  // The anniversary in to's year is the only candidate for n; if it falls
  // after `to`, the previous one (in an earlier year) is the answer.
  const std::int64_t years = to.year() - from.year();
  return *add_years(from, years) <= to ? years : years - 1;
}

std::int64_t Date::age(Date birth, Date on) {
  if (on < birth) return -age(on, birth);
  const std::int64_t years = on.year() - birth.year();
  return *birthday(birth, years) <= on ? years : years - 1;
}

std::int64_t Date::months_between(Date from, Date to) {
  if (to < from) return -months_between(to, from);
  const std::int64_t months = month_index(to) - month_index(from);
  return *add_months(from, months) <= to ? months : months - 1;
}

std::int64_t Date::days_between(Date from, Date to) {
  return static_cast<std::int64_t>(to.days_) - from.days_;
}

}  // namespace cadre
