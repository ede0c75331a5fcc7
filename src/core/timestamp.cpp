// CEL timestamps and durations (see cadre/timestamp.hpp).
//
// Values are kept as seconds plus nanoseconds and every operation checks the
// CEL ranges, so overflow surfaces as nullopt rather than a wrapped value. Text
// follows RFC 3339 for timestamps and Go's time.ParseDuration for durations;
// calendar fields use std::chrono's civil calendar and eval/time_zone.hpp.
#include "cadre/timestamp.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time_zone.hpp"

namespace cadre {
namespace {

namespace chrono = std::chrono;

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kNanosPerMilli = 1'000'000;
constexpr std::int64_t kSecondsPerDay = 86'400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t quotient = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// `value` (non-negative) in decimal, zero-padded to at least `width` digits.
std::string padded(std::int64_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

/// The number written by `count` digits at `pos`, or -1 if any is not a digit.
int digits_at(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (const char c : text.substr(pos, count)) {
    if (!is_digit(c)) return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// ---------------------------------------------------------------------------
// Go-style duration text.

struct DurationUnit {
  std::string_view name;
  std::int64_t nanos;
};

constexpr std::array<DurationUnit, 8> kDurationUnits = {{
    {"ns", 1},
    {"us", 1'000},
    {"\xC2\xB5s", 1'000},  // U+00B5 MICRO SIGN
    {"\xCE\xBCs", 1'000},  // U+03BC GREEK SMALL LETTER MU
    {"ms", kNanosPerMilli},
    {"s", kNanosPerSecond},
    {"m", 60 * kNanosPerSecond},
    {"h", 3'600 * kNanosPerSecond},
}};

/// A non-negative span accumulated while parsing: seconds plus nanos < 1e9.
struct Span {
  std::int64_t seconds = 0;
  std::int64_t nanos = 0;

  /// Adds `more_seconds` and `more_nanos` (both >= 0); false on overflow.
  bool add(std::int64_t more_seconds, std::int64_t more_nanos) {
    nanos += more_nanos % kNanosPerSecond;
    const std::int64_t carry = more_nanos / kNanosPerSecond + nanos / kNanosPerSecond;
    nanos %= kNanosPerSecond;
    return !__builtin_add_overflow(seconds, more_seconds, &seconds) &&
           !__builtin_add_overflow(seconds, carry, &seconds);
  }
};

/// Consumes the leading run of digits of `text`.
std::string_view take_digits(std::string_view& text) {
  std::size_t length = 0;
  while (length < text.size() && is_digit(text[length])) {
    ++length;
  }
  const std::string_view digits = text.substr(0, length);
  text.remove_prefix(length);
  return digits;
}

/// Consumes a unit name (everything up to the next digit or '.') and returns
/// its length in nanoseconds.
std::optional<std::int64_t> take_unit(std::string_view& text) {
  std::size_t length = 0;
  while (length < text.size() && !is_digit(text[length]) && text[length] != '.') {
    ++length;
  }
  const std::string_view name = text.substr(0, length);
  text.remove_prefix(length);
  for (const DurationUnit& unit : kDurationUnits) {
    if (unit.name == name) return unit.nanos;
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_int64(std::string_view digits) {
  std::int64_t value = 0;
  for (const char c : digits) {
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, c - '0', &value)) {
      return std::nullopt;
    }
  }
  return value;
}

/// Adds `count` units of `unit_nanos` to `span` without forming the product in
/// nanoseconds, which could overflow although the span itself fits.
bool add_whole_units(Span& span, std::int64_t count, std::int64_t unit_nanos) {
  if (unit_nanos >= kNanosPerSecond) {
    std::int64_t seconds = 0;
    if (__builtin_mul_overflow(count, unit_nanos / kNanosPerSecond, &seconds)) return false;
    return span.add(seconds, 0);
  }
  const std::int64_t per_second = kNanosPerSecond / unit_nanos;
  return span.add(count / per_second, count % per_second * unit_nanos);
}

/// Adds floor(0.<digits> × unit_nanos) nanoseconds, exactly: Horner's rule from
/// the last digit, since floor((d + floor(x)) / 10) == floor((d + x) / 10).
bool add_fraction(Span& span, std::string_view digits, std::int64_t unit_nanos) {
  std::int64_t nanos = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    nanos = ((*it - '0') * unit_nanos + nanos) / 10;
  }
  return span.add(0, nanos);
}

/// Consumes one "<digits>[.<digits>]<unit>" component of a duration into `span`.
bool parse_duration_component(std::string_view& text, Span& span) {
  const std::string_view whole = take_digits(text);
  std::string_view fraction;
  if (!text.empty() && text.front() == '.') {
    text.remove_prefix(1);
    fraction = take_digits(text);
  }
  if (whole.empty() && fraction.empty()) return false;
  const std::optional<std::int64_t> unit_nanos = take_unit(text);
  const std::optional<std::int64_t> count = parse_int64(whole);
  return unit_nanos && count && add_whole_units(span, *count, *unit_nanos) &&
         add_fraction(span, fraction, *unit_nanos);
}

// ---------------------------------------------------------------------------
// RFC 3339 timestamps.

/// "YYYY-MM-DDTHH:MM:SS" as local seconds since the epoch; nullopt when the
/// shape is wrong or the date or time does not exist (leap seconds included).
std::optional<std::int64_t> parse_date_time(std::string_view text) {
  if (text.size() != 19 || text[4] != '-' || text[7] != '-' || text[13] != ':' || text[16] != ':' ||
      (text[10] != 'T' && text[10] != 't')) {
    return std::nullopt;
  }
  const int year = digits_at(text, 0, 4);
  const int month = digits_at(text, 5, 2);
  const int day = digits_at(text, 8, 2);
  const int hour = digits_at(text, 11, 2);
  const int minute = digits_at(text, 14, 2);
  const int second = digits_at(text, 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
    return std::nullopt;
  }
  const chrono::year_month_day date{chrono::year{year}, chrono::month{static_cast<unsigned>(month)},
                                    chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::int64_t days = chrono::sys_days{date}.time_since_epoch().count();
  return days * kSecondsPerDay + std::int64_t{hour} * 3'600 + std::int64_t{minute} * 60 + second;
}

/// Consumes ".d" to ".ddddddddd" if present and returns it in nanoseconds.
std::optional<std::int32_t> parse_fraction(std::string_view& text) {
  if (text.empty() || text.front() != '.') return 0;
  text.remove_prefix(1);
  const std::string_view digits = take_digits(text);
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::int32_t nanos = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    nanos = nanos * 10 + (i < digits.size() ? digits[i] - '0' : 0);
  }
  return nanos;
}

/// "Z" or "±hh:mm" (the whole of `text`) in seconds east of UTC.
std::optional<std::int32_t> parse_utc_offset(std::string_view text) {
  if (text == "Z" || text == "z") return 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':') return std::nullopt;
  const int hours = digits_at(text, 1, 2);
  const int minutes = digits_at(text, 4, 2);
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return std::nullopt;
  const std::int32_t offset = hours * 3'600 + minutes * 60;
  return text[0] == '-' ? -offset : offset;
}

}  // namespace

// ---------------------------------------------------------------------------
// Duration

std::optional<Duration> Duration::from_parts(std::int64_t seconds, std::int64_t nanos) {
  if (__builtin_add_overflow(seconds, nanos / kNanosPerSecond, &seconds)) return std::nullopt;
  nanos %= kNanosPerSecond;
  if (seconds > 0 && nanos < 0) {
    --seconds;
    nanos += kNanosPerSecond;
  } else if (seconds < 0 && nanos > 0) {
    ++seconds;
    nanos -= kNanosPerSecond;
  }
  const bool beyond = seconds > kMaxSeconds || seconds < -kMaxSeconds ||
                      ((seconds == kMaxSeconds || seconds == -kMaxSeconds) && nanos != 0);
  if (beyond) return std::nullopt;
  Duration duration;
  duration.seconds_ = seconds;
  duration.nanos_ = static_cast<std::int32_t>(nanos);
  return duration;
}

std::optional<Duration> Duration::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text == "0") return Duration{};
  if (text.empty()) return std::nullopt;
  Span span;
  while (!text.empty()) {
    if (!parse_duration_component(text, span)) return std::nullopt;
  }
  return negative ? from_parts(-span.seconds, -span.nanos) : from_parts(span.seconds, span.nanos);
}

std::string Duration::to_string() const {
  const bool negative = seconds_ < 0 || nanos_ < 0;
  std::string text = negative ? "-" : "";
  text += std::to_string(negative ? -seconds_ : seconds_);
  if (nanos_ != 0) {
    std::string fraction = padded(negative ? -std::int64_t{nanos_} : nanos_, 9);
    fraction.erase(fraction.find_last_not_of('0') + 1);
    text += '.';
    text += fraction;
  }
  text += 's';
  return text;
}

std::optional<Duration> Duration::add(Duration a, Duration b) {
  std::int64_t seconds = 0;
  if (__builtin_add_overflow(a.seconds_, b.seconds_, &seconds)) return std::nullopt;
  return from_parts(seconds, std::int64_t{a.nanos_} + b.nanos_);
}

std::optional<Duration> Duration::subtract(Duration a, Duration b) {
  std::int64_t seconds = 0;
  if (__builtin_sub_overflow(a.seconds_, b.seconds_, &seconds)) return std::nullopt;
  return from_parts(seconds, std::int64_t{a.nanos_} - b.nanos_);
}

std::optional<Duration> Duration::negated() const {
  return from_parts(-seconds_, -std::int64_t{nanos_});
}

std::int64_t Duration::total_hours() const {
  return seconds_ / 3'600;
}
std::int64_t Duration::total_minutes() const {
  return seconds_ / 60;
}
std::int64_t Duration::total_seconds() const {
  return seconds_;
}
std::int64_t Duration::milliseconds_part() const {
  return nanos_ / kNanosPerMilli;
}

// ---------------------------------------------------------------------------
// Timestamp

std::optional<Timestamp> Timestamp::from_parts(std::int64_t seconds, std::int32_t nanos) {
  if (nanos < 0 || nanos >= kNanosPerSecond || seconds < kMinSeconds || seconds > kMaxSeconds) {
    return std::nullopt;
  }
  Timestamp timestamp;
  timestamp.seconds_ = seconds;
  timestamp.nanos_ = nanos;
  return timestamp;
}

std::optional<Timestamp> Timestamp::parse(std::string_view text) {
  if (text.size() < 20) return std::nullopt;
  const std::optional<std::int64_t> local = parse_date_time(text.substr(0, 19));
  text.remove_prefix(19);
  const std::optional<std::int32_t> nanos = parse_fraction(text);
  const std::optional<std::int32_t> offset = parse_utc_offset(text);
  if (!local || !nanos || !offset) return std::nullopt;
  return from_parts(*local - *offset, *nanos);
}

std::string Timestamp::to_string() const {
  const std::int64_t days = floor_div(seconds_, kSecondsPerDay);
  const std::int64_t second_of_day = seconds_ - days * kSecondsPerDay;
  const chrono::year_month_day date{chrono::sys_days{chrono::days{days}}};
  std::string text = padded(static_cast<int>(date.year()), 4) + '-' +
                     padded(static_cast<unsigned>(date.month()), 2) + '-' +
                     padded(static_cast<unsigned>(date.day()), 2) + 'T' +
                     padded(second_of_day / 3'600, 2) + ':' + padded(second_of_day / 60 % 60, 2) +
                     ':' + padded(second_of_day % 60, 2);
  if (nanos_ != 0) {
    const std::size_t digits = nanos_ % kNanosPerMilli == 0 ? 3 : nanos_ % 1'000 == 0 ? 6 : 9;
    text += '.';
    text += padded(nanos_, 9).substr(0, digits);
  }
  text += 'Z';
  return text;
}

std::optional<Timestamp> Timestamp::add(Timestamp t, Duration d) {
  std::int64_t seconds = 0;
  if (__builtin_add_overflow(t.seconds_, d.seconds(), &seconds)) return std::nullopt;
  std::int64_t nanos = std::int64_t{t.nanos_} + d.nanos();
  if (nanos < 0) {
    nanos += kNanosPerSecond;
    --seconds;
  } else if (nanos >= kNanosPerSecond) {
    nanos -= kNanosPerSecond;
    ++seconds;
  }
  return from_parts(seconds, static_cast<std::int32_t>(nanos));
}

std::optional<Timestamp> Timestamp::subtract(Timestamp t, Duration d) {
  const std::optional<Duration> negated = d.negated();
  if (!negated) return std::nullopt;
  return add(t, *negated);
}

std::optional<Duration> Timestamp::difference(Timestamp a, Timestamp b) {
  return Duration::from_parts(a.seconds_ - b.seconds_, std::int64_t{a.nanos_} - b.nanos_);
}

std::optional<std::int64_t> Timestamp::field(TimeField which, std::string_view zone) const {
  const std::optional<std::int32_t> offset = detail::utc_offset(zone, seconds_);
  if (!offset) return std::nullopt;
  const std::int64_t local = seconds_ + *offset;
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t second_of_day = local - days * kSecondsPerDay;
  const chrono::sys_days day{chrono::days{days}};
  const chrono::year_month_day date{day};
  switch (which) {
    case TimeField::full_year:
      return static_cast<int>(date.year());
    case TimeField::month:
      return static_cast<unsigned>(date.month()) - 1;
    case TimeField::day_of_year:
      return (day - chrono::sys_days{date.year() / chrono::January / 1}).count();
    case TimeField::day_of_month:
      return static_cast<unsigned>(date.day()) - 1;
    case TimeField::date:
      return static_cast<unsigned>(date.day());
    case TimeField::day_of_week:
      return chrono::weekday{day}.c_encoding();
    case TimeField::hours:
      return second_of_day / 3'600;
    case TimeField::minutes:
      return second_of_day / 60 % 60;
    case TimeField::seconds:
      return second_of_day % 60;
    case TimeField::milliseconds:
      return nanos_ / kNanosPerMilli;
  }
  return std::nullopt;  // not a TimeField enumerator
}

}  // namespace cadre
