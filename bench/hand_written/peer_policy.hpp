// The peer-comparison policy (shared/bench/PEER_POLICY.md) written by hand,
// without the engine: the limit an engine's throughput is compared with.
// Missing facts are decided as the engine decides them: three-valued logic
// (a known false settles an `and`), and, where a missing bool or enum is read
// twice, every value it could take tried (a zero baseline pays 0.00 whatever
// the grade). A missing number is never tried, so 不称职 with a missing
// baseline stays undetermined although no baseline could change its 0.00.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cadre_bench {

/// A calendar day; fields compare in order, so `<` is earlier.
struct Date {
  std::int32_t year = 1;
  std::int32_t month = 1;
  std::int32_t day = 1;
  friend auto operator<=>(const Date&, const Date&) = default;
};

enum class Role : std::uint8_t { secretary, director, member, reserve };
/// 优秀, 称职, 基本称职, 不称职.
enum class Grade : std::uint8_t { excellent, competent, basically_competent, incompetent };
/// 好, 较好, 一般, 差.
enum class CommitteeGrade : std::uint8_t { good, fairly_good, average, poor };
enum class Exit : std::uint8_t { none, removal };

/// One cadre; every fact may be missing (std::nullopt).
struct PeerRecord {
  std::string id;
  std::optional<Role> role;
  std::optional<Date> birth_date;
  std::optional<bool> full_time_college;
  std::optional<Date> tenure_start;
  std::optional<std::int64_t> town_rank;
  std::optional<std::int64_t> town_size;
  std::optional<std::int64_t> collective_income;  ///< yuan/year
  std::optional<std::int64_t> party_org_stars;
  std::optional<Grade> grade;
  std::optional<CommitteeGrade> committee_grade;
  std::optional<std::int64_t> competency_rate;  ///< ten-thousandths (see parse_rate)
  std::optional<bool> missed_targets;
  std::optional<bool> skipped_org_life;
  std::optional<bool> criminal_conviction;
  std::optional<bool> line_deviation;
  std::optional<std::int64_t> base_performance_pay;  ///< yuan/month
};

/// Money in fen (0.01 yuan). 128 bits: a 64-bit baseline × 1.2 does not fit
/// 64 bits of fen, and the engine's decimal gives every such amount exactly.
__extension__ using Fen = __int128;

/// The seven outputs; std::nullopt is undetermined.
struct PeerDecisions {
  std::optional<Grade> effective_grade;
  std::optional<Fen> performance_pay;
  std::optional<bool> professional_eligible;
  std::optional<bool> tier1_allowed;
  std::optional<bool> warning_talk;
  std::optional<bool> admonish_talk;
  std::optional<Exit> exit;
};

/// Decides `record` on `as_of`; `min_collective_income` in yuan/year.
PeerDecisions decide(const PeerRecord& record, Date as_of, std::int64_t min_collective_income);

/// Whole years from `from` to `on`, gained on the anniversary (29 February →
/// 1 March in common years); negative when `on` is earlier, as in the engine.
std::int64_t whole_years(Date from, Date on);

/// The record's fields, in the column order of bench/peer-policy/records.csv.
enum class Field : std::uint8_t {
  id,
  role,
  birth_date,
  full_time_college,
  tenure_start,
  town_rank,
  town_size,
  collective_income,
  party_org_stars,
  grade,
  committee_grade,
  competency_rate,
  missed_targets,
  skipped_org_life,
  criminal_conviction,
  line_deviation,
  base_performance_pay,
};
inline constexpr std::array<std::string_view, 17> kFieldNames = {
    "id",
    "role",
    "birth_date",
    "full_time_college",
    "tenure_start",
    "town_rank",
    "town_size",
    "collective_income",
    "party_org_stars",
    "grade",
    "committee_grade",
    "competency_rate",
    "missed_targets",
    "skipped_org_life",
    "criminal_conviction",
    "line_deviation",
    "base_performance_pay",
};
/// The field named `name`; `hint` is tried first (files keep one key order).
std::optional<Field> find_field(std::string_view name, std::size_t hint = 0);

// Text forms, as the engine reads them: exact, case-sensitive names.
std::optional<Role> parse_role(std::string_view text);
std::optional<Grade> parse_grade(std::string_view text);
std::optional<CommitteeGrade> parse_committee_grade(std::string_view text);
/// `YYYY-MM-DD`, a day of the calendar in years 0001..9999.
std::optional<Date> parse_date(std::string_view text);
/// `true`/`false` in any case (Excel writes TRUE).
std::optional<bool> parse_bool(std::string_view text);
/// A whole number; no sign other than `-`, no blanks.
std::optional<std::int64_t> parse_int(std::string_view text);
/// `[+-]digits[.digits]` in ten-thousandths. Digits past the fourth are
/// dropped towards minus infinity and the magnitude is capped at 10^8: both
/// keep every comparison with a threshold on the 0.0001 grid (0.8, 0.9) exact.
std::optional<std::int64_t> parse_rate(std::string_view text);

std::string_view grade_name(Grade grade);
std::string_view exit_name(Exit exit);
/// `fen` as decimal yuan with two places ("1599.60", "-0.70"); returns the
/// end of what was written to `out` (room for 48 characters).
char* format_fen(Fen fen, char* out);

}  // namespace cadre_bench
