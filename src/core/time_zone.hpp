// Time zones for CEL's timestamp accessors (getHours('Australia/Sydney'), ...).
//
// g++ 12 ships no std::chrono time-zone database, so IANA zones are read from
// the system's TZif files (RFC 8536), including the POSIX TZ rule in their
// footer that covers instants after the last listed transition.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cadre::detail {

/// Seconds east of UTC that `zone` applies at `unix_seconds`. `zone` is "" or
/// "UTC", a fixed offset ("+11:00", "-02:30", "+0530"), or an IANA name read
/// from /usr/share/zoneinfo (parsed once, then cached). nullopt for an unknown
/// or malformed zone, or an instant outside the Timestamp range.
std::optional<std::int32_t> utc_offset(std::string_view zone, std::int64_t unix_seconds);

/// Seconds east of UTC that a POSIX TZ string ("AEST-10AEDT,M10.1.0,M4.1.0/3",
/// "<+0545>-5:45") applies at `unix_seconds`, with RFC 8536's extensions (rule
/// times of -167..167 hours). nullopt for a malformed string or an instant
/// outside the Timestamp range.
std::optional<std::int32_t> posix_tz_offset(std::string_view tz, std::int64_t unix_seconds);

}  // namespace cadre::detail
