// CEL timestamps and durations (nanosecond precision).
//
// A Timestamp is an instant between 0001-01-01T00:00:00Z and
// 9999-12-31T23:59:59.999999999Z; a Duration lies within ±315,576,000,000 s
// (about 10,000 years), as CEL requires. Operations leaving those ranges fail.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/export.hpp"

namespace cadre {

class CADRE_API Duration {
 public:
  static constexpr std::int64_t kMaxSeconds = 315'576'000'000;

  constexpr Duration() = default;
  /// nullopt when outside ±kMaxSeconds (nanos are normalised into seconds).
  static std::optional<Duration> from_parts(std::int64_t seconds, std::int64_t nanos);
  /// CEL/Go duration text: optional sign, then one or more <decimal number><unit>
  /// with units h, m, s, ms, us, ns ("1.5s", "-1h30m", "999999999ns").
  static std::optional<Duration> parse(std::string_view text);

  /// Total seconds (truncated toward zero) and the nanosecond remainder, which
  /// has the same sign as the seconds.
  std::int64_t seconds() const { return seconds_; }
  std::int32_t nanos() const { return nanos_; }
  /// "1000000s", "1.5s", "-0.000000001s" (CEL's canonical form).
  std::string to_string() const;

  static std::optional<Duration> add(Duration a, Duration b);
  static std::optional<Duration> subtract(Duration a, Duration b);
  std::optional<Duration> negated() const;

  /// CEL getters: whole hours, minutes, seconds, milliseconds of the duration.
  std::int64_t total_hours() const;
  std::int64_t total_minutes() const;
  std::int64_t total_seconds() const;
  std::int64_t milliseconds_part() const;  ///< nanos() / 1,000,000

  friend auto operator<=>(const Duration&, const Duration&) = default;
  friend bool operator==(const Duration&, const Duration&) = default;

 private:
  std::int64_t seconds_ = 0;
  std::int32_t nanos_ = 0;
};

/// Which calendar field of a timestamp to read.
enum class TimeField : std::uint8_t {
  full_year,     ///< e.g. 2009
  month,         ///< 0-based, 0..11 (CEL)
  day_of_year,   ///< 0-based
  day_of_month,  ///< 0-based (getDayOfMonth)
  date,          ///< 1-based day of month (getDate)
  day_of_week,   ///< 0 = Sunday
  hours,
  minutes,
  seconds,
  milliseconds,
};

class CADRE_API Timestamp {
 public:
  static constexpr std::int64_t kMinSeconds = -62'135'596'800;  // 0001-01-01T00:00:00Z
  static constexpr std::int64_t kMaxSeconds = 253'402'300'799;  // 9999-12-31T23:59:59Z

  constexpr Timestamp() = default;
  /// nullopt outside the range; nanos must be in [0, 1e9).
  static std::optional<Timestamp> from_parts(std::int64_t seconds, std::int32_t nanos);
  /// RFC 3339: "2009-02-13T23:31:30Z", "2009-02-13T23:31:30.123456789+01:00".
  static std::optional<Timestamp> parse(std::string_view text);

  std::int64_t seconds() const { return seconds_; }  ///< since 1970-01-01T00:00:00Z
  std::int32_t nanos() const { return nanos_; }      ///< 0..999,999,999
  /// RFC 3339 in UTC with "Z"; fractional seconds only when non-zero, with 3, 6
  /// or 9 digits ("2009-02-13T23:31:30Z", "9999-12-31T23:59:59.999999999Z").
  std::string to_string() const;

  static std::optional<Timestamp> add(Timestamp t, Duration d);
  static std::optional<Timestamp> subtract(Timestamp t, Duration d);
  static std::optional<Duration> difference(Timestamp a, Timestamp b);  ///< a - b

  /// A calendar field in a time zone: "" or "UTC" for UTC, a fixed offset
  /// ("+11:00", "-02:30", "-00:00"), or an IANA name ("Australia/Sydney") read
  /// from the system's zoneinfo database. nullopt for an unknown zone.
  std::optional<std::int64_t> field(TimeField which, std::string_view zone) const;

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
  friend bool operator==(const Timestamp&, const Timestamp&) = default;

 private:
  std::int64_t seconds_ = 0;
  std::int32_t nanos_ = 0;
};

}  // namespace cadre
