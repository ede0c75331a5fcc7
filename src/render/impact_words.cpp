// The impact report's words, and the pieces its text and HTML layouts share.
#include "render/impact_words.hpp"

#include <map>

#include "engine/conditions.hpp"

namespace cadre::render {

using diff::Change;
using diff::ItemKind;
using Status = diff::DecisionReach::Status;
using What = diff::ResultChange::What;

Words item_kind_words(ItemKind kind) {
  switch (kind) {
    case ItemKind::metadata:
      return {"规则集信息", "rule-set metadata"};
    case ItemKind::enumeration:
      return {"枚举", "enumeration"};
    case ItemKind::record_kind:
      return {"记录类型", "record kind"};
    case ItemKind::parameter:
      return {"参数", "parameter"};
    case ItemKind::switch_value:
      return {"开关", "switch"};
    case ItemKind::list:
      return {"清单", "list"};
    case ItemKind::derived:
      return {"派生值", "derived value"};
    case ItemKind::decision:
      break;
  }
  return {"决定", "decision"};
}

Words change_words(Change change) {
  switch (change) {
    case Change::added:
      return {"新增", "added"};
    case Change::removed:
      return {"删除", "removed"};
    case Change::changed:
      break;
  }
  return {"修改", "changed"};
}

const char* change_mark(Change change) {
  switch (change) {
    case Change::added:
      return "+";
    case Change::removed:
      return "−";
    case Change::changed:
      break;
  }
  return "~";
}

Words reach_status_words(Status status) {
  switch (status) {
    case Status::changed:
      return {"决定本身已修改", "itself changed"};
    case Status::added:
      return {"变体新增", "added by the variant"};
    case Status::removed:
      return {"变体删除", "removed by the variant"};
    case Status::reads_changed:
      return {"所读内容有变", "reads what changed"};
    case Status::wording:
      return {"仅措辞不同", "wording only"};
    case Status::cannot_change:
      break;
  }
  return {"不会改变", "cannot change"};
}

Words what_words(What what) {
  switch (what) {
    case What::outcome:
      return {"结果改变", "outcome"};
    case What::value:
      return {"数值改变", "value"};
    case What::became_undetermined:
      return {"变为无法确定", "became undetermined"};
    case What::became_determined:
      return {"变为可以确定", "became determined"};
    case What::undetermined_reasons:
      return {"无法确定的原因不同", "undetermined for other reasons"};
    case What::added:
      return {"变体新增的结果", "added by the variant"};
    case What::removed:
      break;
  }
  return {"变体不再给出的结果", "no longer given by the variant"};
}

const ImpactLabels& impact_labels() {
  static const ImpactLabels words{
      .title = {"变体比较", "variant comparison"},
      .against = {"相对于", "against"},
      .base = {"基准", "base"},
      .variant = {"变体", "variant"},
      .extends = {"变体扩展此基准（extends）", "the variant extends this base"},
      .not_extends = {"变体未声明扩展此基准", "the variant does not name this base in `extends`"},
      .digest = {"摘要", "digest"},
      .difference = {"规则集差异", "rule-set difference"},
      .no_difference = {"两个规则集没有差异", "the rule sets do not differ"},
      .items = {"项", "items"},
      .decision_one = {"个决定", "decision"},
      .wording_only = {"仅措辞", "wording only"},
      .fields = {"不同之处", "what differs"},
      .static_impact = {"静态影响", "static impact"},
      .can_change = {"可能改变", "can change"},
      .cannot_change = {"不会改变", "cannot change"},
      .decisions = {"个决定", "decisions"},
      .through = {"经由", "through"},
      .only_wording = {"仅措辞不同（结果不变，说明可能不同）",
                       "only in wording (results cannot change, explanations can)"},
      .nothing_read_differs = {"所读内容均无变化", "nothing they read differs"},
      .population = {"对人员的影响", "impact on the population"},
      .records_file = {"记录文件", "records"},
      .records_read = {"读取记录", "records read"},
      .results_compared = {"比较的结果", "results compared"},
      .results_changed = {"改变的结果", "results changed"},
      .records_affected = {"受影响的记录", "records affected"},
      .errors_base = {"基准未能评估的记录", "records the base could not evaluate"},
      .errors_variant = {"变体未能评估的记录", "records the variant could not evaluate"},
      .ignored_by_base = {"仅变体声明的字段（基准未读取）",
                          "fields only the variant declares (ignored by the base)"},
      .by_decision = {"各决定的结果变化", "changed results by decision"},
      .compared = {"比较", "compared"},
      .unchanged = {"未变", "unchanged"},
      .changed = {"改变", "changed"},
      .undetermined_counts = {"无法确定", "undetermined"},
      .moves = {"变化方向", "moves"},
      .money = {"报酬金额", "pay"},
      .component = {"组成部分", "component"},
      .whole = {"全部", "all"},
      .before = {"基准", "base"},
      .after = {"变体", "variant"},
      .delta = {"差额", "delta"},
      .results = {"结果数", "results"},
      .undetermined_apart = {"差额只计两侧都能确定的结果；无法确定的结果另计，不算作金额变化",
                             "the delta counts only the results both sides determine; "
                             "undetermined ones are counted apart, never as a change of amount"},
      .pay_unchanged = {"报酬无变化", "pay unchanged"},
      .pay_by_group = {"各组报酬差额", "pay delta by group"},
      .no_pay_change = {"各组报酬均无变化", "no change of pay in any group"},
      .no_groups = {"记录未分组", "the records are not grouped"},
      .affected = {"受影响的人员", "affected records"},
      .group = {"所属", "group"},
      .no_result = {"无此结果", "no such result"},
      .no_changes = {"没有结果改变", "no result changed"},
      .reasons = {"理由", "reasons"},
      .kind = {"类别", "kind"},
      .id = {"标识", "id"},
      .change = {"变化", "change"},
      .citation = {"依据", "source"},
      .status = {"状态", "status"},
      .title_of = {"标题", "title"},
      .value_of = {"数值", "value"},
  };
  return words;
}

const std::string& in_lang(Lang lang, const std::string& zh, const std::string& en) {
  const std::string& first = lang == Lang::zh ? zh : en;
  return first.empty() ? (lang == Lang::zh ? en : zh) : first;
}

std::string outcome_named_words(std::string_view name, Lang lang) {
  for (int i = 0; i <= static_cast<int>(Outcome::pending); ++i) {
    const auto outcome = static_cast<Outcome>(i);
    if (name == outcome_name(outcome)) return outcome_words(outcome).in(lang);
  }
  return std::string(name);
}

std::string move_words(const std::string& move, Lang lang) {
  const std::string arrow = " → ";
  const std::size_t at = move.find(arrow);
  if (at == std::string::npos) return outcome_named_words(move, lang);
  return outcome_named_words(move.substr(0, at), lang) + arrow +
         outcome_named_words(move.substr(at + arrow.size()), lang);
}

std::string amount_words(const std::string& decimal) {
  return grouped_number(decimal);
}

int amount_sign(const std::string& decimal) {
  if (decimal.find_first_of("123456789") == std::string::npos) return 0;
  return decimal.starts_with('-') ? -1 : 1;
}

std::string signed_amount_words(const std::string& decimal) {
  switch (amount_sign(decimal)) {
    case -1:
      return "−" + grouped_number(decimal.substr(1));
    case 1:
      return "+" + grouped_number(decimal);
    default:
      return grouped_number(decimal.starts_with('-') ? decimal.substr(1) : decimal);
  }
}

std::string result_words(const std::optional<DecisionResult>& result, Lang lang) {
  if (!result) return impact_labels().no_result.in(lang);
  std::string out = outcome_words(result->outcome).in(lang);
  if (result->range) {
    out += " " + value_words(result->range->first, lang) + " – " +
           value_words(result->range->second, lang);
  } else if (result->value.kind() != ValueKind::boolean &&
             result->value.kind() != ValueKind::null && !result->value.is_exceptional() &&
             engine::plain_text(result->value) != outcome_name(result->outcome)) {
    out += " " + value_words(result->value, lang);
  }
  if (!result->possible.empty()) {
    std::string possible;
    for (const auto& value : result->possible)
      possible += (possible.empty()   ? ""
                   : lang == Lang::zh ? "、"
                                      : ", ") +
                  value_words(value, lang);
    out += lang == Lang::zh ? "（" + std::string(labels().possible.zh) + "：" + possible + "）"
                            : " (" + std::string(labels().possible.en) + ": " + possible + ")";
  }
  return out;
}

std::vector<ComponentChange> component_changes(const diff::ResultChange& change, Lang lang) {
  std::vector<std::string> order;
  std::map<std::string, std::pair<std::string, std::string>> amounts;
  auto add = [&](const std::optional<DecisionResult>& side, bool after) {
    if (!side) return;
    for (const auto& line : side->components) {
      auto [at, inserted] = amounts.try_emplace(line.id, "—", "—");
      if (inserted) order.push_back(line.id);
      (after ? at->second.second : at->second.first) = value_words(line.amount, lang);
    }
  };
  add(change.after, true);
  add(change.before, false);
  std::vector<ComponentChange> out;
  for (const auto& id : order) {
    const auto& [before, after] = amounts[id];
    if (before != after) out.push_back({id, before, after});
  }
  return out;
}

namespace {

void flatten(const std::vector<Reason>& reasons, const std::string& prefix, int depth, Lang lang,
             std::vector<ReasonLine>& out) {
  for (const auto& reason : reasons) {
    if (reason.id.empty()) {  // an unnamed group: its parts at this depth
      flatten(reason.children, prefix, depth, lang, out);
      continue;
    }
    ReasonLine line;
    line.id = prefix.empty() ? reason.id : prefix + "/" + reason.id;
    line.status = reason.status;
    line.text = in_lang(lang, reason.message_zh, reason.message_en);
    if (line.text.empty()) line.text = reason.expression.empty() ? reason.id : reason.expression;
    line.depth = depth;
    out.push_back(line);
    flatten(reason.children, line.id, depth + 1, lang, out);
  }
}

std::vector<ReasonLine> flattened(const std::optional<DecisionResult>& result, Lang lang) {
  std::vector<ReasonLine> out;
  if (result) flatten(result->reasons, "", 0, lang, out);
  return out;
}

// The lines of `side` whose status the other side does not share.
std::vector<ReasonLine> differing(const std::vector<ReasonLine>& side,
                                  const std::vector<ReasonLine>& other) {
  if (other.empty()) return side;
  std::map<std::string, ReasonStatus> statuses;
  for (const auto& line : other)
    statuses.emplace(line.id, line.status);
  std::vector<ReasonLine> out;
  for (const auto& line : side) {
    auto found = statuses.find(line.id);
    if (found == statuses.end() || found->second != line.status) out.push_back(line);
  }
  return out;
}

}  // namespace

ReasonsShown reasons_shown(const diff::ResultChange& change, Lang lang) {
  const std::vector<ReasonLine> before = flattened(change.before, lang);
  const std::vector<ReasonLine> after = flattened(change.after, lang);
  return {differing(before, after), differing(after, before)};
}

std::vector<std::string> undetermined_sentences(const std::optional<DecisionResult>& result,
                                                Lang lang) {
  std::vector<std::string> out;
  if (!result) return out;
  for (const auto& code : result->undetermined)
    out.push_back(undetermined_code_words(code, lang));
  return out;
}

std::string decision_title(const diff::VariantImpact& impact, const std::string& decision,
                           Lang lang) {
  if (impact.population) {
    for (const auto& tally : impact.population->decisions) {
      if (tally.id == decision) return in_lang(lang, tally.title_zh, tally.title_en);
    }
  }
  for (const auto& reach : impact.reach.decisions) {
    if (reach.id == decision) return in_lang(lang, reach.title_zh, reach.title_en);
  }
  return {};
}

std::string group_words(const diff::PopulationImpact& population, const std::string& group) {
  for (const auto& line : population.money) {
    if (line.group == group && !line.group_name.empty()) return group + " " + line.group_name;
  }
  return group;
}

}  // namespace cadre::render
