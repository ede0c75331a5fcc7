// JSON rendering with Boost.JSON.
#include "render/decision_json.hpp"

#include <boost/json.hpp>

namespace cadre::render {

namespace {

namespace json = boost::json;

// Exact decimals travel as strings ("3600.00"), as the contract says.
json::value value_json(const Value& value) {
  switch (value.kind()) {
    case ValueKind::boolean:
      return value.as_bool();
    case ValueKind::integer:
      return value.as_int();
    case ValueKind::real:
      return value.as_double();
    case ValueKind::decimal:
      return json::string(value.as_decimal().to_string());
    case ValueKind::date:
      return json::string(value.as_date().to_string());
    case ValueKind::string:
      return json::string(value.as_string());
    case ValueKind::enumeration:
      return json::string(value.as_enum().name());
    case ValueKind::null:
    case ValueKind::unknown:
    case ValueKind::error:
      return nullptr;
    default:
      return json::string(value.debug_string());
  }
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items)
    out.emplace_back(json::string(item));
  return out;
}

json::object reason_json(const Reason& reason) {
  json::object out;
  out["id"] = reason.id;
  out["status"] = reason_status_name(reason.status);
  if (!reason.cite.empty()) out["cite"] = reason.cite;
  if (!reason.expression.empty()) out["expression"] = reason.expression;
  if (!reason.message_zh.empty() || !reason.message_en.empty()) {
    out["message"] = json::object{{"zh", reason.message_zh}, {"en", reason.message_en}};
  }
  if (!reason.missing.empty()) out["missing"] = strings(reason.missing);
  if (!reason.error.empty()) out["error"] = reason.error;
  if (reason.soft) out["soft"] = true;
  if (!reason.children.empty()) {
    json::array children;
    for (const auto& child : reason.children)
      children.emplace_back(reason_json(child));
    out["children"] = std::move(children);
  }
  return out;
}

json::object decision_object(const DecisionResult& decision) {
  json::object out;
  out["kind"] = decision.kind;
  out["outcome"] = outcome_name(decision.outcome);
  out["value"] = value_json(decision.value);
  if (!decision.cite.empty()) out["cite"] = decision.cite;
  json::array reasons;
  for (const auto& reason : decision.reasons)
    reasons.emplace_back(reason_json(reason));
  out["reasons"] = std::move(reasons);
  out["missing"] = strings(decision.missing);
  out["undetermined"] = strings(decision.undetermined);
  out["flags"] = strings(decision.flags);
  return out;
}

}  // namespace

std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                          const std::string& as_of) {
  json::object out;
  out["record"] = output.record;
  out["ruleset"] =
      json::object{{"name", rules.id()}, {"version", rules.version()}, {"digest", rules.digest()}};
  out["as_of"] = as_of;
  json::object decisions;
  for (const auto& decision : output.decisions)
    decisions[decision.id] = decision_object(decision);
  out["decisions"] = std::move(decisions);
  out["errors"] = strings(output.errors);
  return json::serialize(out);
}

}  // namespace cadre::render
