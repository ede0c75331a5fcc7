// Every word the engine itself prints for a person, in Chinese and English:
// outcomes, condition statuses, exit actions, flags, the reasons a result is
// undetermined, roundings and the labels of an explanation. The rule set
// brings its own words (titles, messages, quotes); these are the rest.
#pragma once

#include <string>
#include <string_view>

#include "cadre/decision.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::render {

enum class Lang : std::uint8_t { zh, en };

/// `zh` or `en`; nullopt-like `en` for anything else is the caller's choice.
Lang lang_named(std::string_view name);

/// A pair of words; `in(lang)` picks one.
struct Words {
  const char* zh;
  const char* en;
  const char* in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

/// Labels of an explanation ("record", "cites", "undetermined because", …).
struct Labels {
  Words record, cites, where, possible, range, exact, actions, flags, error, hint, missing,
      undetermined, cohort, rounded, not_rounded, decision, records, summary, total, explanations,
      of_population, as_of, ruleset, not_evaluated, sum_of_values;
};
const Labels& labels();

/// eligible → 符合 / eligible, …
Words outcome_words(Outcome outcome);
/// eligibility → 资格 / eligibility, … (a decision's kind as the JSON names
/// it); an unknown kind is its own word in both languages.
Words decision_kind_words(std::string_view kind);
/// passed → 成立 / holds, failed → 不成立 / does not hold, unknown → 无法判断 / not known.
Words status_words(ReasonStatus status);
/// ✓ ✗ ?
const char* status_mark(ReasonStatus status);

/// An exit action (dismissal → 免职 / dismissal); the name itself when unknown.
std::string action_words(const std::string& action, Lang lang);
/// A flag (soft, through:2025-03-01, …) as words; the flag itself when unknown.
std::string flag_words(const std::string& flag, Lang lang);
/// A reason code of `undetermined` as a sentence, with the rule set's reason
/// for a value it leaves open (`unspecified: {because}`).
std::string undetermined_words(const std::string& code, const CompiledRuleSet& rules, Lang lang);
/// The same sentence without the rule set (and so without its reasons).
std::string undetermined_code_words(const std::string& code, Lang lang);
/// `half_up` to 2 places → 四舍五入到分 / rounded half-up to the fen.
std::string rounding_words(const std::string& mode, int places, Lang lang);

/// Decimal or integer text with its digits grouped by thousands: 2400.00 →
/// 2,400.00, -12345 → -12,345.
std::string grouped_number(const std::string& number);

/// A value as a person reads it: decimals with thousands separators
/// (2,400.00), true/false as words, lists joined.
std::string value_words(const Value& value, Lang lang);

}  // namespace cadre::render
