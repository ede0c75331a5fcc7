// Missing facts and reason codes of undetermined results.
#include "engine/outcome_builder.hpp"

#include <algorithm>

namespace cadre::engine {

namespace {

void sort_unique(std::vector<std::string>& items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
}

}  // namespace

bool is_reason_code(const std::string& attribute) {
  for (const char* prefix : {"unspecified_parameter:", "unenumerated_list:", "ambiguous_reading:",
                             "truncated_text", "conflicting_facts", "tie_at_cap",
                             "error:", "pending:", "undetermined:", "not_applicable:"}) {
    if (attribute.starts_with(prefix)) return true;
  }
  return false;
}

void add_unknowns(const Value& value, std::vector<std::string>& missing) {
  if (!value.is_unknown()) return;
  for (const auto& attribute : value.as_unknown().attributes)
    missing.push_back(attribute);
}

void add_unknowns(const Value& value, DecisionResult& result) {
  if (!value.is_unknown()) return;
  for (const auto& attribute : value.as_unknown().attributes) {
    if (is_reason_code(attribute)) {
      result.undetermined.push_back(attribute);
    } else {
      result.missing.push_back(attribute);
      result.undetermined.push_back("missing_fact:" + attribute);
    }
  }
}

void add_reasons(const Value& value, DecisionResult& result, const std::string& what,
                 const std::string& expected) {
  if (value.is_unknown()) {
    add_unknowns(value, result);
  } else if (value.is_error()) {
    result.undetermined.push_back("error:" + what + ": " + value.as_error().message);
  } else {
    result.undetermined.push_back("error:" + what + " gave a " +
                                  std::string(value_kind_name(value.kind())) + ", not " + expected);
  }
}

Reason applies_unknown_reason(const Value& applies, const std::string& expression) {
  Reason reason;
  reason.id = "applies";
  reason.status = ReasonStatus::unknown;
  reason.expression = expression;
  reason.message_zh = "无法确定本规则是否适用";
  reason.message_en = "whether this rule applies is not known";
  if (applies.is_unknown()) {
    for (const auto& attribute : applies.as_unknown().attributes)
      if (!is_reason_code(attribute)) reason.missing.push_back(attribute);
  } else if (applies.is_error()) {
    reason.error = applies.as_error().message;
  }
  return reason;
}

void add_applies_unknown(const Value& applies, const std::string& expression,
                         DecisionResult& result) {
  add_reasons(applies, result, "applies", "a bool");
  result.reasons.insert(result.reasons.begin(), applies_unknown_reason(applies, expression));
}

void tidy(DecisionResult& result) {
  sort_unique(result.missing);
  sort_unique(result.undetermined);
  sort_unique(result.flags);
}

}  // namespace cadre::engine
