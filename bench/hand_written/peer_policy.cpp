// PEER_POLICY.md decided by plain code: three-valued logic over
// std::optional<bool>, exact integers for money (fen) and rates.
#include "peer_policy.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <initializer_list>

namespace cadre_bench {

namespace {

/// A condition: true, false, or unknown (std::nullopt).
using Truth = std::optional<bool>;

/// `and` over all terms: a known false settles it, whatever is unknown.
Truth all_of(std::initializer_list<Truth> terms) {
  bool unknown = false;
  for (const Truth& term : terms) {
    if (!term) {
      unknown = true;
    } else if (!*term) {
      return false;
    }
  }
  if (unknown) return std::nullopt;
  return true;
}

/// `or` over all terms: a known true settles it, whatever is unknown.
Truth any_of(std::initializer_list<Truth> terms) {
  bool unknown = false;
  for (const Truth& term : terms) {
    if (!term) {
      unknown = true;
    } else if (*term) {
      return true;
    }
  }
  if (unknown) return std::nullopt;
  return false;
}

/// `predicate(*fact)`, unknown when the fact is missing.
template <typename T, typename Predicate>
Truth test(const std::optional<T>& fact, Predicate predicate) {
  if (!fact) return std::nullopt;
  return predicate(*fact);
}

bool is_leap_year(std::int32_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

std::int32_t days_in_month(std::int32_t year, std::int32_t month) {
  static constexpr std::int32_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

/// Performance pay in percent of the baseline, by effective grade.
constexpr std::int64_t kPayPercent[] = {120, 100, 70, 0};

std::optional<Fen> performance_pay(std::optional<Grade> grade, std::optional<std::int64_t> base) {
  if (!base) return std::nullopt;  // even × 0 (不称职): the engine tries no values of an int
  // A zero baseline pays 0.00 at every grade: the engine, deciding again at
  // each possible value of the missing grade, role or team grade, finds so.
  if (*base == 0) return Fen{0};
  if (!grade) return std::nullopt;
  // Yuan × whole percent is whole fen, so rounding half-up to 0.01 changes
  // nothing; |base| × 120 < 2^70 fits.
  return Fen{*base} * kPayPercent[static_cast<int>(*grade)];
}

std::optional<std::int64_t> years_to(const std::optional<Date>& from, Date on) {
  if (!from) return std::nullopt;
  return whole_years(*from, on);
}

/// `town_rank * 2 <= town_size`; an overflow is an error in the engine,
/// which, like an unknown, leaves the condition open.
Truth top_half(const PeerRecord& record) {
  if (!record.town_rank || !record.town_size) return std::nullopt;
  std::int64_t doubled = 0;
  if (__builtin_mul_overflow(*record.town_rank, 2, &doubled)) return std::nullopt;
  return doubled <= *record.town_size;
}

/// The digits of `fen` yuan with two places ("0.05"), written backwards
/// ending at `end`; returns where they start.
template <typename Unsigned>
char* write_fen_backwards(Unsigned fen, char* end) {
  for (int place = 0; place < 3 || fen != 0; ++place) {  // at least "0.00"
    *--end = static_cast<char>('0' + static_cast<int>(fen % 10));
    fen /= 10;
    if (place == 1) *--end = '.';
  }
  return end;
}

constexpr std::int64_t kRate80 = 8000;  // 0.8 in ten-thousandths
constexpr std::int64_t kRate90 = 9000;

}  // namespace

std::int64_t whole_years(Date from, Date on) {
  if (on < from) return -whole_years(on, from);
  Date anniversary{on.year, from.month, from.day};
  if (from.month == 2 && from.day == 29 && !is_leap_year(on.year)) anniversary = {on.year, 3, 1};
  const std::int64_t years = on.year - from.year;
  return anniversary <= on ? years : years - 1;
}

PeerDecisions decide(const PeerRecord& record, Date as_of, std::int64_t min_collective_income) {
  PeerDecisions out;

  const Truth barred = all_of({
      test(record.grade, [](Grade g) { return g == Grade::excellent; }),
      test(record.role, [](Role r) { return r == Role::secretary || r == Role::director; }),
      test(record.committee_grade,
           [](CommitteeGrade g) {
             return g == CommitteeGrade::average || g == CommitteeGrade::poor;
           }),
  });
  if (barred) out.effective_grade = *barred ? std::optional(Grade::competent) : record.grade;
  out.performance_pay = performance_pay(out.effective_grade, record.base_performance_pay);

  const std::optional<std::int64_t> age = years_to(record.birth_date, as_of);
  const std::optional<std::int64_t> tenure = years_to(record.tenure_start, as_of);
  const Truth is_secretary = test(record.role, [](Role r) { return r == Role::secretary; });
  const Truth tenure_met = any_of({
      test(tenure, [](std::int64_t years) { return years >= 3; }),
      all_of({test(tenure, [](std::int64_t years) { return years >= 1; }),
              any_of({record.full_time_college,
                      test(age, [](std::int64_t years) { return years < 35; })})}),
  });
  out.professional_eligible = all_of({
      is_secretary,
      test(record.party_org_stars, [](std::int64_t stars) { return stars >= 4; }),
      tenure_met,
      top_half(record),
      test(record.collective_income,
           [&](std::int64_t income) { return income >= min_collective_income; }),
      test(record.competency_rate, [](std::int64_t rate) { return rate >= kRate80; }),
  });
  out.tier1_allowed = all_of({
      out.professional_eligible,
      test(record.party_org_stars, [](std::int64_t stars) { return stars == 5; }),
  });

  out.warning_talk = any_of({record.missed_targets, record.skipped_org_life});
  out.admonish_talk = all_of({
      is_secretary,
      test(record.competency_rate, [](std::int64_t rate) { return rate < kRate90; }),
      test(record.competency_rate, [](std::int64_t rate) { return rate >= kRate80; }),
  });
  if (const Truth named = any_of({record.criminal_conviction, record.line_deviation})) {
    out.exit = *named ? Exit::removal : Exit::none;
  }
  return out;
}

std::optional<Field> find_field(std::string_view name, std::size_t hint) {
  if (hint < kFieldNames.size() && kFieldNames[hint] == name) return static_cast<Field>(hint);
  for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
    if (kFieldNames[i] == name) return static_cast<Field>(i);
  }
  return std::nullopt;
}

std::optional<Role> parse_role(std::string_view text) {
  if (text == "secretary") return Role::secretary;
  if (text == "director") return Role::director;
  if (text == "member") return Role::member;
  if (text == "reserve") return Role::reserve;
  return std::nullopt;
}

std::optional<Grade> parse_grade(std::string_view text) {
  if (text == "优秀") return Grade::excellent;
  if (text == "称职") return Grade::competent;
  if (text == "基本称职") return Grade::basically_competent;
  if (text == "不称职") return Grade::incompetent;
  return std::nullopt;
}

std::optional<CommitteeGrade> parse_committee_grade(std::string_view text) {
  if (text == "好") return CommitteeGrade::good;
  if (text == "较好") return CommitteeGrade::fairly_good;
  if (text == "一般") return CommitteeGrade::average;
  if (text == "差") return CommitteeGrade::poor;
  return std::nullopt;
}

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::int32_t parts[3] = {};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (text[i] - '0');
    }
  }
  const auto [year, month, day] = parts;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

std::optional<bool> parse_bool(std::string_view text) {
  auto is = [&](std::string_view word) {
    if (text.size() != word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = text[i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != word[i]) return false;
    }
    return true;
  };
  if (is("true")) return true;
  if (is("false")) return false;
  return std::nullopt;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_rate(std::string_view text) {
  constexpr std::int64_t kCap = 1'000'000'000'000;  // 10^8 in ten-thousandths
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty() || (point != std::string_view::npos && fraction.empty())) return std::nullopt;
  std::int64_t magnitude = 0;
  for (const char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    magnitude = std::min(magnitude * 10 + std::int64_t{c - '0'} * 10'000, kCap);
  }
  bool dropped = false;  // a non-zero digit past the fourth
  for (std::size_t i = 0; i < fraction.size(); ++i) {
    const char c = fraction[i];
    if (c < '0' || c > '9') return std::nullopt;
    if (i < 4) {
      static constexpr std::int64_t kPlace[] = {1000, 100, 10, 1};
      magnitude += (c - '0') * kPlace[i];
    } else {
      dropped = dropped || c != '0';
    }
  }
  magnitude = std::min(magnitude, kCap);
  return negative ? -magnitude - (dropped ? 1 : 0) : magnitude;
}

std::string_view grade_name(Grade grade) {
  static constexpr std::string_view kNames[] = {"优秀", "称职", "基本称职", "不称职"};
  return kNames[static_cast<int>(grade)];
}

std::string_view exit_name(Exit exit) {
  return exit == Exit::removal ? "removal" : "none";
}

char* format_fen(Fen fen, char* out) {
  __extension__ using Magnitude = unsigned __int128;
  // Negated in unsigned arithmetic, so that the lowest value has one too.
  const Magnitude magnitude =
      fen < 0 ? ~static_cast<Magnitude>(fen) + 1 : static_cast<Magnitude>(fen);
  if (fen < 0) *out++ = '-';
  char digits[48];
  char* const end = digits + sizeof digits;
  // 64-bit division whenever it fits: a 128-bit one per digit is a call.
  const char* first = magnitude <= UINT64_MAX
                          ? write_fen_backwards(static_cast<std::uint64_t>(magnitude), end)
                          : write_fen_backwards(magnitude, end);
  const auto length = static_cast<std::size_t>(end - first);
  std::memcpy(out, first, length);
  return out + length;
}

}  // namespace cadre_bench
