// JSON rendering with Boost.JSON.
#include "render/decision_json.hpp"

#include <boost/json.hpp>

#include "cadre/output.hpp"

namespace cadre::render {

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
    case ValueKind::list: {
      json::array out;
      for (const auto& item : value.as_list())
        out.emplace_back(value_json(item));
      return out;
    }
    case ValueKind::map: {
      json::object out;
      for (const auto& [key, item] : value.as_map().entries())
        out[key.kind() == ValueKind::string ? key.as_string() : key.debug_string()] =
            value_json(item);
      return out;
    }
    case ValueKind::record: {
      const RecordValue& record = value.as_record();
      json::object out;
      for (std::size_t i = 0; i < record.type().fields().size(); ++i) {
        if (const Value* field = record.field(static_cast<int>(i))) {
          out[record.type().fields()[i].name] = value_json(*field);
        }
      }
      return out;
    }
    case ValueKind::null:
    case ValueKind::unknown:
    case ValueKind::error:
      return nullptr;
    default:
      return json::string(value.debug_string());
  }
}

namespace {

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items)
    out.emplace_back(json::string(item));
  return out;
}

json::object message_json(const std::string& zh, const std::string& en) {
  return json::object{{"zh", zh}, {"en", en}};
}

json::object facts_json(const std::vector<std::pair<std::string, Value>>& facts) {
  json::object out;
  for (const auto& [name, value] : facts)
    out[name] = value_json(value);
  return out;
}

json::object hint_json(const Hint& hint) {
  json::object out;
  out["kind"] = hint.kind;
  if (hint.date) out["date"] = hint.date->to_string();
  if (!hint.amount.empty()) out["amount"] = hint.amount;
  if (!hint.values.empty()) out["values"] = strings(hint.values);
  if (hint.rank > 0) out["rank"] = hint.rank;
  out["message"] = message_json(hint.message_zh, hint.message_en);
  return out;
}

json::object component_json(const PayLine& line) {
  json::object out;
  out["id"] = line.id;
  out["formula"] = line.formula;
  out["value"] = value_json(line.amount);
  if (!line.rounding.empty()) {
    out["rounding"] = json::object{{"places", line.places}, {"mode", line.rounding}};
  }
  if (!line.parameters.empty()) out["parameters"] = facts_json(line.parameters);
  if (!line.facts.empty()) out["facts"] = facts_json(line.facts);
  if (!line.cite.empty()) out["cite"] = line.cite;
  return out;
}

json::object cohort_json(const CohortPlace& cohort) {
  json::object out;
  out["group"] = cohort.group.empty() ? json::value(nullptr) : json::value(cohort.group);
  out["size"] = cohort.size;
  out["candidates"] = cohort.candidates;
  if (cohort.rank > 0) out["rank"] = cohort.rank;
  if (!cohort.quota_rule.empty() || cohort.quota >= 0) {
    out["quota"] = cohort.quota >= 0 ? json::value(cohort.quota) : json::value(nullptr);
  }
  if (!cohort.quota_rule.empty()) out["quota_rule"] = cohort.quota_rule;
  if (cohort.tier > 0) out["tier"] = cohort.tier;
  if (!cohort.tied_with.empty()) out["tied_with"] = strings(cohort.tied_with);
  if (!cohort.tie_break.empty()) out["tie_break"] = strings(cohort.tie_break);
  if (cohort.rank_needed > 0) out["rank_needed"] = cohort.rank_needed;
  out["message"] = message_json(cohort.message_zh, cohort.message_en);
  return out;
}

json::object reason_json(const Reason& reason) {
  json::object out;
  out["id"] = reason.id;
  out["status"] = reason_status_name(reason.status);
  if (!reason.cite.empty()) out["cite"] = reason.cite;
  if (!reason.expression.empty()) out["expression"] = reason.expression;
  if (!reason.message_zh.empty() || !reason.message_en.empty()) {
    out["message"] = message_json(reason.message_zh, reason.message_en);
  }
  if (!reason.facts.empty()) out["facts"] = facts_json(reason.facts);
  if (!reason.missing.empty()) out["missing"] = strings(reason.missing);
  if (!reason.error.empty()) out["error"] = reason.error;
  if (reason.soft) out["soft"] = true;
  if (reason.hint) out["hint"] = hint_json(*reason.hint);
  if (!reason.children.empty()) {
    json::array children;
    for (const auto& child : reason.children)
      children.emplace_back(reason_json(child));
    out["children"] = std::move(children);
  }
  return out;
}

}  // namespace

json::object decision_object(const DecisionResult& decision, const CompiledRuleSet* rules) {
  json::object out;
  out["kind"] = decision.kind;
  out["outcome"] = outcome_name(decision.outcome);
  if (decision.range) {
    out["value"] = json::object{{"low", value_json(decision.range->first)},
                                {"high", value_json(decision.range->second)}};
  } else {
    out["value"] = value_json(decision.value);
  }
  if (!decision.possible.empty()) {
    json::array possible;
    for (const auto& value : decision.possible)
      possible.emplace_back(value_json(value));
    out["possible"] = std::move(possible);
  }
  if (!decision.exact.empty()) out["exact"] = decision.exact;
  if (decision.key.kind() != ValueKind::null) out["key"] = value_json(decision.key);
  const DecisionInfo* info = rules != nullptr ? rules->decision(decision.id) : nullptr;
  if (info != nullptr && (!info->title_zh.empty() || !info->title_en.empty())) {
    out["title"] = message_json(info->title_zh, info->title_en);
  }
  if (!decision.cite.empty()) out["cite"] = decision.cite;
  if (info != nullptr && !info->quote.empty()) out["quote"] = info->quote;
  if (info != nullptr && (!info->source_zh.empty() || !info->source_en.empty())) {
    out["source"] = message_json(info->source_zh, info->source_en);
  }
  if (!decision.actions.empty()) out["actions"] = strings(decision.actions);
  if (!decision.message_zh.empty() || !decision.message_en.empty()) {
    out["message"] = message_json(decision.message_zh, decision.message_en);
  }
  json::array reasons;
  for (const auto& reason : decision.reasons)
    reasons.emplace_back(reason_json(reason));
  out["reasons"] = std::move(reasons);
  out["missing"] = strings(decision.missing);
  out["undetermined"] = strings(decision.undetermined);
  // Why the text gives none of the open values among the reasons, as the
  // rule set states it.
  json::object because;
  for (const auto& code : decision.undetermined) {
    const OpenValue* open = rules != nullptr ? rules->open_value(code) : nullptr;
    if (open == nullptr || (open->reason_zh.empty() && open->reason_en.empty())) continue;
    because[code] = message_json(open->reason_zh, open->reason_en);
  }
  if (!because.empty()) out["because"] = std::move(because);
  out["flags"] = strings(decision.flags);
  if (!decision.components.empty()) {
    json::array components;
    for (const auto& line : decision.components)
      components.emplace_back(component_json(line));
    out["components"] = std::move(components);
  }
  if (decision.cohort) out["cohort"] = cohort_json(*decision.cohort);
  return out;
}

std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                          const std::string& as_of) {
  json::object out;
  out["record"] = output.record;
  out["kind"] = output.kind;
  out["ruleset"] =
      json::object{{"name", rules.id()}, {"version", rules.version()}, {"digest", rules.digest()}};
  out["as_of"] = as_of;
  json::object decisions;
  for (const auto& decision : output.decisions)
    decisions[decision.id] = decision_object(decision, &rules);
  out["decisions"] = std::move(decisions);
  json::array errors;
  for (const auto& error : output.errors) {
    errors.emplace_back(json::object{{"file", error.file},
                                     {"line", error.line},
                                     {"column", error.column},
                                     {"field", error.field},
                                     {"message", error.message}});
  }
  out["errors"] = std::move(errors);
  return json::serialize(out);
}

}  // namespace cadre::render

namespace cadre {

std::string to_json_line(const RecordOutput& output, const CompiledRuleSet& rules, Date as_of) {
  return render::decision_json(output, rules, as_of.to_string());
}

}  // namespace cadre
