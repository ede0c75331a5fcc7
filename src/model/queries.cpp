// Lookups over the rule-set model.
#include "model/queries.hpp"

#include <algorithm>

namespace cadre::model {

const char* decision_kind_name(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::eligibility:
      return "eligibility";
    case DecisionKind::warning:
      return "warning";
    case DecisionKind::exit:
      return "exit";
    case DecisionKind::pay:
      return "pay";
    case DecisionKind::assessment:
      return "assessment";
    case DecisionKind::allocation:
      break;
  }
  return "allocation";
}

const char* aggregate_kind_name(AggregateKind kind) {
  switch (kind) {
    case AggregateKind::count:
      return "count";
    case AggregateKind::sum:
      return "sum";
    case AggregateKind::min:
      return "min";
    case AggregateKind::max:
      return "max";
    case AggregateKind::any:
      return "any";
    case AggregateKind::all:
      return "all";
    case AggregateKind::list:
      break;
  }
  return "list";
}

const char* exit_action_name(ExitAction action) {
  switch (action) {
    case ExitAction::dismissal:
      return "dismissal";
    case ExitAction::ordered_resignation:
      return "ordered_resignation";
    case ExitAction::recall:
      return "recall";
    case ExitAction::programme_exit:
      return "programme_exit";
    case ExitAction::referral:
      return "referral";
    case ExitAction::stand_down:
      break;
  }
  return "stand_down";
}

namespace {

// Every expression text inside a condition and its parts.
void collect_expressions(const Condition& condition, std::vector<const Expression*>& out) {
  out.push_back(&condition.when);
  for (const auto& child : condition.children)
    collect_expressions(child, out);
}

}  // namespace

std::vector<const Expression*> expressions_of(const Decision& d) {
  std::vector<const Expression*> out{&d.applies,
                                     &d.formula,
                                     &d.warning.held,
                                     &d.warning.start,
                                     &d.warning.period_months,
                                     &d.warning.review_result,
                                     &d.period_last_day,
                                     &d.round.by};
  if (d.for_each) out.push_back(&d.for_each->keys);
  collect_expressions(d.all, out);
  collect_expressions(d.none, out);
  collect_expressions(d.trigger, out);
  for (const auto& gate : d.gates)
    collect_expressions(gate.condition, out);
  for (const auto& flag : d.flags)
    out.push_back(&flag.when);
  for (const auto& component : d.components)
    out.push_back(&component.formula);
  if (d.table) {
    for (const auto& input : d.table->inputs)
      out.push_back(&input.expr);
    for (const auto& rule : d.table->rules) {
      for (const auto& flag : rule.flags)
        out.push_back(&flag.when);
    }
  }
  if (d.allocation) {
    const auto& a = *d.allocation;
    for (const auto* e : {&a.group_by, &a.candidates, &a.quota_ratio, &a.quota_base, &a.quota_count,
                          &a.from_record}) {
      out.push_back(e);
    }
    for (const auto& key : a.rank_by)
      out.push_back(&key.expr);
    for (const auto& key : a.tie_break)
      out.push_back(&key.expr);
  }
  return out;
}

std::vector<const Expression*> expressions_of(const Derived& d) {
  if (!d.aggregate) return {&d.expr};
  return {&d.aggregate->where, &d.aggregate->value, &d.aggregate->from_record};
}

const RecordKind* find_record_kind(const RuleSet& rules, const std::string& id) {
  for (const auto& kind : rules.schema.records) {
    if (kind.id == id) return &kind;
  }
  return nullptr;
}

std::vector<std::string> readable_kinds(const RuleSet& rules, const std::string& subject) {
  std::vector<std::string> kinds;
  std::string current = subject;
  while (!current.empty() && std::find(kinds.begin(), kinds.end(), current) == kinds.end()) {
    kinds.push_back(current);
    const RecordKind* kind = find_record_kind(rules, current);
    current = kind != nullptr ? kind->parent : std::string();
  }
  return kinds;
}

}  // namespace cadre::model
