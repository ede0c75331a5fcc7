// The words of a variant's impact report (`cadre-policy diff`) in Chinese
// and English: item kinds, changes, reach statuses, what changed in a
// result, the report's labels; and the pieces the text and HTML layouts
// share (money as text, a result in words, the reasons worth showing on
// each side of a change).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diff/variant_impact.hpp"
#include "render/words.hpp"

namespace cadre::render {

/// parameter → 参数 / parameter, …
Words item_kind_words(diff::ItemKind kind);
/// added → 新增 / added, …
Words change_words(diff::Change change);
/// + − ~ (the minus is U+2212).
const char* change_mark(diff::Change change);
/// reads_changed → 所读内容有变 / reads what changed, …
Words reach_status_words(diff::DecisionReach::Status status);
/// became_undetermined → 变为无法确定 / became undetermined, …
Words what_words(diff::ResultChange::What what);

/// The report's labels.
struct ImpactLabels {
  Words title, against, base, variant, extends, not_extends, digest, difference, no_difference,
      items, decision_one, wording_only, fields, static_impact, can_change, cannot_change,
      decisions, through, only_wording, nothing_read_differs, population, records_file,
      records_read, results_compared, results_changed, records_affected, errors_base,
      errors_variant, ignored_by_base, by_decision, compared, unchanged, changed,
      undetermined_counts, moves, money, component, whole, before, after, delta, results,
      undetermined_apart, pay_unchanged, pay_by_group, no_pay_change, no_groups, affected, group,
      no_result, no_changes, reasons, kind, id, change, citation, status, title_of, value_of;
};
const ImpactLabels& impact_labels();

/// `zh` or `en` as `lang` asks, the other one when it is empty.
const std::string& in_lang(Lang lang, const std::string& zh, const std::string& en);

/// The outcome a JSON name stands for (`ineligible` → 不符合 / not eligible);
/// the name itself when it names none.
std::string outcome_named_words(std::string_view name, Lang lang);

/// A move of outcomes as src/diff/ writes it (`eligible → ineligible`), in
/// words (符合 → 不符合).
std::string move_words(const std::string& move, Lang lang);

/// Exact decimal text as an amount: 12345.60 → 12,345.60.
std::string amount_words(const std::string& decimal);
/// A difference, signed: +1,234.00, −500.00 (U+2212), 0.00 unsigned.
std::string signed_amount_words(const std::string& decimal);
/// -1, 0 or 1: the sign of exact decimal text.
int amount_sign(const std::string& decimal);

/// A result in words: its outcome, and its value when that says more
/// (2,400.00; a range; not true/false); "no such result" for none.
std::string result_words(const std::optional<DecisionResult>& result, Lang lang);

/// A pay component whose amount differs between the sides.
struct ComponentChange {
  std::string id, before, after;  ///< amounts in words; "—" on a side without it
};
std::vector<ComponentChange> component_changes(const diff::ResultChange& change, Lang lang);

/// One condition of a result, as shown beside the other side's.
struct ReasonLine {
  std::string id;  ///< the condition's id (its group's ids before it, `/`-joined)
  ReasonStatus status = ReasonStatus::unknown;
  std::string text;  ///< its message in the language (the expression, else the id, without one)
  int depth = 0;
};

/// The reasons worth showing on each side of a change: those whose status
/// differs from the other side's (or that the other side does not have); all
/// of one side when the other has none.
struct ReasonsShown {
  std::vector<ReasonLine> before, after;
};
ReasonsShown reasons_shown(const diff::ResultChange& change, Lang lang);

/// Why a result is undetermined, a sentence per code (without the rule set's
/// own reasons, which the JSON carries).
std::vector<std::string> undetermined_sentences(const std::optional<DecisionResult>& result,
                                                Lang lang);

/// The title of a decision in the language, from the report's tallies or
/// reach; empty when it has none.
std::string decision_title(const diff::VariantImpact& impact, const std::string& decision,
                           Lang lang);

/// A group as the report names it: its id and, when the records give one,
/// its name (`t1 城关镇`).
std::string group_words(const diff::PopulationImpact& population, const std::string& group);

}  // namespace cadre::render
