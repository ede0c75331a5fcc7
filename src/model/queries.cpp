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
