// Building a decision's explanation in one language.
#include "render/explanation.hpp"

#include <algorithm>

#include "engine/conditions.hpp"

namespace cadre::render {

namespace {

const std::string& in(Lang lang, const std::string& zh, const std::string& en) {
  const std::string& first = lang == Lang::zh ? zh : en;
  return first.empty() ? (lang == Lang::zh ? en : zh) : first;
}

std::string joined(const std::vector<std::string>& items, Lang lang) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : lang == Lang::zh ? "；" : "; ") + item;
  return out;
}

// `name = value` for each read; long values (a whole history) are cut.
std::string reads_words(const std::vector<std::pair<std::string, Value>>& reads, Lang lang) {
  constexpr std::size_t kLongest = 80;
  std::vector<std::string> items;
  for (const auto& [name, value] : reads) {
    // A history or a record is what the message speaks of: say how many.
    if (value.kind() == ValueKind::record || value.kind() == ValueKind::map) continue;
    if (value.kind() == ValueKind::list && !value.as_list().empty() &&
        value.as_list().front().kind() == ValueKind::record) {
      const std::string count = std::to_string(value.as_list().size());
      items.push_back(name + (lang == Lang::zh
                                  ? "：" + count + "条"
                                  : ": " + count + (count == "1" ? " entry" : " entries")));
      continue;
    }
    std::string shown = value_words(value, lang);
    if (shown.size() > kLongest) shown = shown.substr(0, kLongest) + "…";
    items.push_back(name + " = " + shown);
  }
  return joined(items, lang);
}

void add_conditions(const std::vector<Reason>& reasons, Lang lang, int depth,
                    std::vector<ConditionLine>& out) {
  for (const auto& reason : reasons) {
    if (reason.id == "cohort") continue;  // the cohort's own message says it
    if (reason.id.empty()) {              // a group: its parts at this depth
      add_conditions(reason.children, lang, depth, out);
      continue;
    }
    ConditionLine line;
    line.status = reason.status;
    line.depth = depth;
    line.text = in(lang, reason.message_zh, reason.message_en);
    if (line.text.empty()) line.text = reason.expression.empty() ? reason.id : reason.expression;
    line.facts = reads_words(reason.facts, lang);
    if (reason.hint) {
      line.note = std::string(labels().hint.in(lang)) + (lang == Lang::zh ? "：" : ": ") +
                  in(lang, reason.hint->message_zh, reason.hint->message_en);
    } else if (!reason.error.empty()) {
      line.note =
          std::string(labels().error.in(lang)) + (lang == Lang::zh ? "：" : ": ") + reason.error;
    } else if (reason.status == ReasonStatus::unknown && !reason.missing.empty()) {
      std::vector<std::string> missing(reason.missing.begin(), reason.missing.end());
      line.note = std::string(labels().missing.in(lang)) + (lang == Lang::zh ? "：" : ": ") +
                  joined(missing, lang);
    }
    out.push_back(std::move(line));
    add_conditions(reason.children, lang, depth + 1, out);
  }
}

// The formula with the values it read put in, × and ÷ for * and /; empty
// when it read nothing by name.
std::string computed(const PayLine& line, Lang lang) {
  std::vector<std::pair<std::string, Value>> reads = line.parameters;
  reads.insert(reads.end(), line.facts.begin(), line.facts.end());
  // The longest names first: `hy.final_grade[…]` inside `hy.perf_multiplier[hy.final_grade[…]]`
  // is replaced with the whole.
  std::stable_sort(reads.begin(), reads.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  std::string text = line.formula;
  bool any = false;
  for (const auto& [name, value] : reads) {
    if (value.kind() == ValueKind::map || value.kind() == ValueKind::list) continue;
    for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at)) {
      const std::string shown = value_words(value, lang);
      text.replace(at, name.size(), shown);
      at += shown.size();
      any = true;
    }
  }
  if (!any) return {};
  for (const auto& [from, to] :
       {std::pair<std::string, std::string>{" * ", " × "}, {" / ", " ÷ "}}) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
  return text;
}

PayStep pay_step(const PayLine& line, Lang lang) {
  PayStep step;
  step.id = line.id;
  step.formula = line.formula;
  step.computed = computed(line, lang);
  step.amount = value_words(line.amount, lang);
  if (!line.rounding.empty()) step.rounding = rounding_words(line.rounding, line.places, lang);
  std::vector<std::pair<std::string, Value>> reads = line.facts;
  reads.insert(reads.end(), line.parameters.begin(), line.parameters.end());
  step.where = reads_words(reads, lang);
  return step;
}

}  // namespace

DecisionExplanation explain_decision(const DecisionResult& result, const CompiledRuleSet& rules,
                                     Lang lang) {
  DecisionExplanation out;
  out.id = result.id;
  out.outcome = result.outcome;
  out.outcome_words = outcome_words(result.outcome).in(lang);
  if (const DecisionInfo* info = rules.decision(result.id)) {
    out.title = in(lang, info->title_zh, info->title_en);
    out.source = in(lang, info->source_zh, info->source_en);
    out.quote = info->quote;
  }
  if (out.title.empty()) out.title = result.id;
  out.cite = result.cite;
  // true/false repeat the outcome; anything else is the result itself.
  if (result.value.kind() != ValueKind::boolean && result.value.kind() != ValueKind::null &&
      !result.value.is_exceptional() &&
      engine::plain_text(result.value) != outcome_name(result.outcome)) {
    out.value = value_words(result.value, lang);
  }
  if (result.outcome != Outcome::not_applicable)
    out.message = in(lang, result.message_zh, result.message_en);
  for (const auto& flag : result.flags)
    out.notes.push_back(flag_words(flag, lang));
  for (const auto& code : result.undetermined)
    out.undetermined.push_back(undetermined_words(code, rules, lang));
  if (result.range) {
    out.range =
        value_words(result.range->first, lang) + " – " + value_words(result.range->second, lang);
  }
  std::vector<std::string> possible;
  for (const auto& value : result.possible)
    possible.push_back(value_words(value, lang));
  out.possible = joined(possible, lang);
  out.exact = result.exact;
  std::vector<std::string> actions;
  for (const auto& action : result.actions)
    actions.push_back(action_words(action, lang));
  out.actions = joined(actions, lang);
  if (result.cohort) out.cohort = in(lang, result.cohort->message_zh, result.cohort->message_en);
  for (const auto& line : result.components)
    out.pay.push_back(pay_step(line, lang));
  add_conditions(result.reasons, lang, 0, out.conditions);
  return out;
}

}  // namespace cadre::render
