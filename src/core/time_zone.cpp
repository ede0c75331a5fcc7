// Time zones for CEL's timestamp accessors (see eval/time_zone.hpp).
//
// IANA zones come from the TZif files of the system's tzdata (RFC 8536): the
// 64-bit data block gives the UTC offset between transitions, and the POSIX TZ
// string in the footer gives it after the last one ("slim" files stop listing
// transitions once that rule takes over). Parsed zones are cached for reuse.
#include "core/time_zone.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "cadre/timestamp.hpp"

namespace cadre::detail {
namespace {

namespace chrono = std::chrono;

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr std::string_view kZoneInfoDir = "/usr/share/zoneinfo/";
constexpr std::uintmax_t kMaxTzifBytes = 1 << 20;
constexpr std::size_t kMaxZoneNameLength = 255;
// RFC 8536 section 3.2: a UT offset should lie in [-89999, 93599] seconds.
constexpr std::int32_t kMinUtOffset = -89'999;
constexpr std::int32_t kMaxUtOffset = 93'599;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t quotient = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool consume(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

/// One to `max_digits` leading digits of `text`, consumed; -1 when there is none.
int read_number(std::string_view& text, int max_digits) {
  int value = 0;
  int count = 0;
  while (count < max_digits && !text.empty() && is_digit(text.front())) {
    value = value * 10 + (text.front() - '0');
    text.remove_prefix(1);
    ++count;
  }
  return count == 0 ? -1 : value;
}

// ---------------------------------------------------------------------------
// POSIX TZ strings (RFC 8536 section 3.3).

/// When a daylight-saving period starts or ends: a day of the year and a local
/// time of day (which may lie outside 0..24 h, per RFC 8536).
struct RuleDate {
  enum class Kind : std::uint8_t { julian, zero_based, month_week_day };
  Kind kind = Kind::month_week_day;
  int day = 0;      // Jn: 1..365 (29 February never counted); n: 0..365
  int month = 0;    // Mm.w.d: 1..12
  int week = 0;     //         1..5, 5 meaning the last
  int weekday = 0;  //         0 = Sunday
  std::int32_t time = 2 * 3600;
};

struct PosixTz {
  std::int32_t std_offset = 0;  // seconds east of UTC
  bool has_dst = false;
  std::int32_t dst_offset = 0;
  RuleDate start;
  RuleDate end;
};

/// A zone abbreviation: three or more letters, or "<...>" of at least three
/// letters, digits, '+' and '-'.
bool read_abbreviation(std::string_view& text) {
  if (consume(text, '<')) {
    const std::size_t close = text.find('>');
    if (close == std::string_view::npos || close < 3) return false;
    const bool valid = std::all_of(text.begin(), text.begin() + close, [](char c) {
      return is_alpha(c) || is_digit(c) || c == '+' || c == '-';
    });
    text.remove_prefix(close + 1);
    return valid;
  }
  std::size_t length = 0;
  while (length < text.size() && is_alpha(text[length])) {
    ++length;
  }
  text.remove_prefix(length);
  return length >= 3;
}

/// "[+-]hh[:mm[:ss]]" in seconds, with at most `max_hours` hours.
std::optional<std::int32_t> read_hms(std::string_view& text, int max_hours) {
  const int sign = consume(text, '-') ? -1 : 1;
  if (sign == 1) consume(text, '+');
  const int hours = read_number(text, 3);
  if (hours < 0 || hours > max_hours) return std::nullopt;
  int minutes = 0;
  int seconds = 0;
  if (consume(text, ':')) {
    minutes = read_number(text, 2);
    if (minutes < 0 || minutes > 59) return std::nullopt;
    if (consume(text, ':')) {
      seconds = read_number(text, 2);
      if (seconds < 0 || seconds > 59) return std::nullopt;
    }
  }
  return sign * (hours * 3600 + minutes * 60 + seconds);
}

/// The "m.w.d" after 'M': month 1..12, week 1..5, weekday 0..6.
bool read_month_week_day(std::string_view& text, RuleDate& date) {
  date.month = read_number(text, 2);
  if (date.month < 1 || date.month > 12 || !consume(text, '.')) return false;
  date.week = read_number(text, 1);
  if (date.week < 1 || date.week > 5 || !consume(text, '.')) return false;
  date.weekday = read_number(text, 1);
  return date.weekday >= 0 && date.weekday <= 6;
}

/// "Jn", "n" or "Mm.w.d", then an optional "/time".
std::optional<RuleDate> read_rule_date(std::string_view& text) {
  RuleDate date;
  if (consume(text, 'J')) {
    date.kind = RuleDate::Kind::julian;
    date.day = read_number(text, 3);
    if (date.day < 1 || date.day > 365) return std::nullopt;
  } else if (consume(text, 'M')) {
    if (!read_month_week_day(text, date)) return std::nullopt;
  } else {
    date.kind = RuleDate::Kind::zero_based;
    date.day = read_number(text, 3);
    if (date.day < 0 || date.day > 365) return std::nullopt;
  }
  if (consume(text, '/')) {
    const std::optional<std::int32_t> time = read_hms(text, 167);
    if (!time) return std::nullopt;
    date.time = *time;
  }
  return date;
}

/// ",start,end" after the daylight-saving part of a TZ string.
bool read_rules(std::string_view text, PosixTz& tz) {
  // POSIX leaves a missing rule to the implementation; tzcode uses US rules.
  if (text.empty()) text = ",M3.2.0,M11.1.0";
  if (!consume(text, ',')) return false;
  const std::optional<RuleDate> start = read_rule_date(text);
  if (!start || !consume(text, ',')) return false;
  const std::optional<RuleDate> end = read_rule_date(text);
  if (!end || !text.empty()) return false;
  tz.start = *start;
  tz.end = *end;
  return true;
}

/// "std offset [dst [offset] [,start[/time],end[/time]]]"; offsets count west.
std::optional<PosixTz> parse_posix_tz(std::string_view text) {
  PosixTz tz;
  if (!read_abbreviation(text)) return std::nullopt;
  const std::optional<std::int32_t> std_west = read_hms(text, 24);
  if (!std_west) return std::nullopt;
  tz.std_offset = -*std_west;
  if (text.empty()) return tz;
  if (!read_abbreviation(text)) return std::nullopt;
  tz.has_dst = true;
  tz.dst_offset = tz.std_offset + 3600;
  if (!text.empty() && text.front() != ',') {
    const std::optional<std::int32_t> dst_west = read_hms(text, 24);
    if (!dst_west) return std::nullopt;
    tz.dst_offset = -*dst_west;
  }
  if (!read_rules(text, tz)) return std::nullopt;
  return tz;
}

/// The 0-based day of `year` that `date` names.
std::int64_t rule_day_of_year(const RuleDate& date, chrono::year year) {
  if (date.kind == RuleDate::Kind::julian) {
    return date.day - 1 + (year.is_leap() && date.day >= 60 ? 1 : 0);
  }
  if (date.kind == RuleDate::Kind::zero_based) return date.day;
  const chrono::month month{static_cast<unsigned>(date.month)};
  const chrono::weekday weekday{static_cast<unsigned>(date.weekday)};
  const chrono::sys_days day =
      date.week == 5 ? chrono::sys_days{year / month / weekday[chrono::last]}
                     : chrono::sys_days{year / month / weekday[static_cast<unsigned>(date.week)]};
  return (day - chrono::sys_days{year / chrono::January / 1}).count();
}

/// The offset a TZ rule gives at `unix_seconds`, deciding daylight saving
/// within the UTC calendar year of the instant (as tzcode and Go do).
std::int32_t posix_offset_at(const PosixTz& tz, std::int64_t unix_seconds) {
  if (!tz.has_dst) return tz.std_offset;
  const chrono::sys_days day{chrono::days{floor_div(unix_seconds, kSecondsPerDay)}};
  const chrono::year year = chrono::year_month_day{day}.year();
  const chrono::sys_days new_year{year / chrono::January / 1};
  const std::int64_t into_year =
      unix_seconds - new_year.time_since_epoch().count() * kSecondsPerDay;
  const std::int64_t start =
      rule_day_of_year(tz.start, year) * kSecondsPerDay + tz.start.time - tz.std_offset;
  const std::int64_t end =
      rule_day_of_year(tz.end, year) * kSecondsPerDay + tz.end.time - tz.dst_offset;
  const bool dst = start <= end ? (into_year >= start && into_year < end)
                                : (into_year < end || into_year >= start);
  return dst ? tz.dst_offset : tz.std_offset;
}

// ---------------------------------------------------------------------------
// TZif files (RFC 8536 section 3).

struct TzifZone {
  std::vector<std::int64_t> transitions;  // strictly ascending, Unix seconds
  std::vector<std::uint8_t> types;        // local time type from each transition on
  std::vector<std::int32_t> offsets;      // UT offset of each local time type
  std::optional<PosixTz> footer;          // rule after the last transition

  std::int32_t offset_at(std::int64_t unix_seconds) const {
    if (transitions.empty() || unix_seconds < transitions.front()) return offsets.front();
    if (footer && unix_seconds > transitions.back()) return posix_offset_at(*footer, unix_seconds);
    const auto next = std::upper_bound(transitions.begin(), transitions.end(), unix_seconds);
    return offsets[types[static_cast<std::size_t>(next - transitions.begin()) - 1]];
  }
};

struct TzifHeader {
  char version = '\0';
  std::uint64_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;

  /// Bytes of the data block that follows, with `time_size`-byte times.
  std::uint64_t block_size(std::uint64_t time_size) const {
    return timecnt * time_size + timecnt + typecnt * 6 + charcnt + leapcnt * (time_size + 4) +
           isstdcnt + isutcnt;
  }
};

/// The big-endian unsigned number in `width` bytes at `pos`.
std::uint64_t read_be(std::string_view bytes, std::size_t pos, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[pos + i]);
  }
  return value;
}

/// Reads and consumes a 44-byte TZif header whose data block, with
/// `time_size`-byte times, must fit in the rest of `data`.
std::optional<TzifHeader> read_header(std::string_view& data, std::uint64_t time_size) {
  if (data.size() < 44 || data.substr(0, 4) != "TZif") return std::nullopt;
  TzifHeader header;
  header.version = data[4];
  header.isutcnt = read_be(data, 20, 4);
  header.isstdcnt = read_be(data, 24, 4);
  header.leapcnt = read_be(data, 28, 4);
  header.timecnt = read_be(data, 32, 4);
  header.typecnt = read_be(data, 36, 4);
  header.charcnt = read_be(data, 40, 4);
  data.remove_prefix(44);
  if (header.typecnt == 0 || header.typecnt > 256) return std::nullopt;
  if (header.block_size(time_size) > data.size()) return std::nullopt;
  return header;
}

/// Transitions and local time types of a data block; leap seconds, abbreviations
/// and the standard/UT indicators are not needed for offsets.
std::optional<TzifZone> read_block(std::string_view block, const TzifHeader& header,
                                   std::size_t time_size) {
  TzifZone zone;
  std::size_t pos = 0;
  for (std::uint64_t i = 0; i < header.timecnt; ++i, pos += time_size) {
    const std::uint64_t raw = read_be(block, pos, time_size);
    const std::int64_t time = time_size == 8
                                  ? static_cast<std::int64_t>(raw)
                                  : static_cast<std::int32_t>(static_cast<std::uint32_t>(raw));
    if (!zone.transitions.empty() && time <= zone.transitions.back()) return std::nullopt;
    zone.transitions.push_back(time);
  }
  for (std::uint64_t i = 0; i < header.timecnt; ++i, ++pos) {
    const auto type = static_cast<std::uint8_t>(block[pos]);
    if (type >= header.typecnt) return std::nullopt;
    zone.types.push_back(type);
  }
  for (std::uint64_t i = 0; i < header.typecnt; ++i, pos += 6) {
    const auto offset =
        static_cast<std::int32_t>(static_cast<std::uint32_t>(read_be(block, pos, 4)));
    if (offset < kMinUtOffset || offset > kMaxUtOffset) return std::nullopt;
    zone.offsets.push_back(offset);
  }
  return zone;
}

/// The TZ string between the newlines of a version 2+ footer; nullopt when it
/// is empty or uses a form this reader does not know (then the last local time
/// type stays in effect).
std::optional<PosixTz> read_footer(std::string_view footer) {
  if (!consume(footer, '\n')) return std::nullopt;
  const std::size_t end = footer.find('\n');
  if (end == std::string_view::npos || end == 0) return std::nullopt;
  return parse_posix_tz(footer.substr(0, end));
}

/// A whole TZif file: the version 1 block for version 1 files, otherwise the
/// 64-bit block after the second header, plus the footer.
std::optional<TzifZone> parse_tzif(std::string_view data) {
  const std::optional<TzifHeader> v1 = read_header(data, 4);
  if (!v1) return std::nullopt;
  if (v1->version == '\0') return read_block(data, *v1, 4);
  data.remove_prefix(v1->block_size(4));
  const std::optional<TzifHeader> v2 = read_header(data, 8);
  if (!v2) return std::nullopt;
  std::optional<TzifZone> zone = read_block(data, *v2, 8);
  if (zone) zone->footer = read_footer(data.substr(v2->block_size(8)));
  return zone;
}

// ---------------------------------------------------------------------------
// Zone names, files and the cache.

/// A relative path of [A-Za-z0-9_+-] components, so a name cannot leave the
/// zoneinfo directory ("..", "/etc/passwd", "a//b" are all refused).
bool is_safe_zone_name(std::string_view name) {
  if (name.empty() || name.size() > kMaxZoneNameLength) return false;
  if (name.front() == '/' || name.back() == '/' || name.find("//") != std::string_view::npos) {
    return false;
  }
  if (name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return is_alpha(c) || is_digit(c) || c == '_' || c == '+' || c == '-' || c == '/';
  });
}

std::optional<std::string> read_zone_file(std::string_view name) {
  const std::string path = std::string(kZoneInfoDir).append(name);
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > kMaxTzifBytes) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::ifstream in(path, std::ios::binary);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return std::nullopt;
  return bytes;
}

struct ZoneCache {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const TzifZone>, std::less<>> zones;
};

/// The parsed zone `name`, from the cache or read once from its file; null
/// when there is no such zone. Only found zones are cached, so the cache is
/// bounded by the files in the zoneinfo directory.
std::shared_ptr<const TzifZone> load_zone(std::string_view name) {
  static ZoneCache* const cache = new ZoneCache;  // never destroyed: usable during exit
  {
    const std::lock_guard lock(cache->mutex);
    if (const auto found = cache->zones.find(name); found != cache->zones.end()) {
      return found->second;
    }
  }
  const std::optional<std::string> bytes = read_zone_file(name);
  std::optional<TzifZone> zone = bytes ? parse_tzif(*bytes) : std::nullopt;
  if (!zone) return nullptr;
  auto parsed = std::make_shared<const TzifZone>(std::move(*zone));
  const std::lock_guard lock(cache->mutex);
  return cache->zones.emplace(std::string(name), std::move(parsed)).first->second;
}

/// The two-digit number that is the whole of `text`, or -1.
int two_digits(std::string_view text) {
  if (text.size() != 2 || !is_digit(text[0]) || !is_digit(text[1])) return -1;
  return (text[0] - '0') * 10 + (text[1] - '0');
}

/// "+hh:mm" or "+hhmm" (either sign) with hh < 24 and mm < 60.
std::optional<std::int32_t> parse_fixed_offset(std::string_view text) {
  const int sign = text.front() == '-' ? -1 : 1;
  text.remove_prefix(1);
  std::string_view minutes_text;
  if (text.size() == 5 && text[2] == ':') {
    minutes_text = text.substr(3);
  } else if (text.size() == 4) {
    minutes_text = text.substr(2);
  } else {
    return std::nullopt;
  }
  const int hours = two_digits(text.substr(0, 2));
  const int minutes = two_digits(minutes_text);
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return std::nullopt;
  return sign * (hours * 3600 + minutes * 60);
}

bool in_timestamp_range(std::int64_t unix_seconds) {
  return unix_seconds >= Timestamp::kMinSeconds && unix_seconds <= Timestamp::kMaxSeconds;
}

}  // namespace

std::optional<std::int32_t> utc_offset(std::string_view zone, std::int64_t unix_seconds) {
  if (!in_timestamp_range(unix_seconds)) return std::nullopt;
  if (zone.empty() || zone == "UTC") return 0;
  if (zone.front() == '+' || zone.front() == '-') return parse_fixed_offset(zone);
  if (!is_safe_zone_name(zone)) return std::nullopt;
  const std::shared_ptr<const TzifZone> rules = load_zone(zone);
  if (!rules) return std::nullopt;
  return rules->offset_at(unix_seconds);
}

std::optional<std::int32_t> posix_tz_offset(std::string_view tz, std::int64_t unix_seconds) {
  if (!in_timestamp_range(unix_seconds)) return std::nullopt;
  const std::optional<PosixTz> rules = parse_posix_tz(tz);
  if (!rules) return std::nullopt;
  return posix_offset_at(*rules, unix_seconds);
}

}  // namespace cadre::detail
