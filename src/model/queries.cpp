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
