// JSON rendering: written straight into a string (json_writer.hpp); the
// Boost.JSON trees (value_json, decision_object) are read back from that text,
// so the two can never disagree.
#include "render/decision_json.hpp"

#include <boost/json.hpp>

#include "cadre/output.hpp"
#include "render/json_writer.hpp"

namespace cadre::render {

namespace json = boost::json;

namespace {

/// A value as the contract writes it: exact decimals and dates as strings,
/// unknown and errors as null (value_json's form).
void write_value(JsonWriter& out, const Value& value);

/// Named values (facts, parameters) as one object. As a JSON object built by
/// name would have them: a name given twice keeps its first place and its
/// last value.
void write_named(JsonWriter& out, const std::vector<std::pair<std::string, Value>>& values) {
  out.begin_object();
  for (std::size_t i = 0; i < values.size(); ++i) {
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j)
      seen = values[j].first == values[i].first;
    if (seen) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < values.size(); ++j)
      if (values[j].first == values[i].first) last = j;
    out.key(values[i].first);
    write_value(out, values[last].second);
  }
  out.end_object();
}

void write_value(JsonWriter& out, const Value& value) {
  switch (value.kind()) {
    case ValueKind::boolean:
      return out.boolean(value.as_bool());
    case ValueKind::integer:
      return out.integer(value.as_int());
    case ValueKind::real:
      return out.real(value.as_double());
    case ValueKind::decimal:
      return out.string(value.as_decimal().to_string());
    case ValueKind::date:
      return out.string(value.as_date().to_string());
    case ValueKind::string:
      return out.string(value.as_string());
    case ValueKind::enumeration:
      return out.string(value.as_enum().name());
    case ValueKind::list:
      out.begin_array();
      for (const auto& item : value.as_list())
        write_value(out, item);
      return out.end_array();
    case ValueKind::map: {
      std::vector<std::pair<std::string, Value>> entries;
      for (const auto& [key, item] : value.as_map().entries())
        entries.emplace_back(key.kind() == ValueKind::string ? key.as_string() : key.debug_string(),
                             item);
      return write_named(out, entries);
    }
    case ValueKind::record: {
      const RecordValue& record = value.as_record();
      out.begin_object();
      for (std::size_t i = 0; i < record.type().fields().size(); ++i) {
        if (const Value* field = record.field(static_cast<int>(i))) {
          out.key(record.type().fields()[i].name);
          write_value(out, *field);
        }
      }
      return out.end_object();
    }
    case ValueKind::null:
    case ValueKind::unknown:
    case ValueKind::error:
      return out.null();
    default:
      return out.string(value.debug_string());
  }
}

void write_strings(JsonWriter& out, const std::vector<std::string>& items) {
  out.begin_array();
  for (const auto& item : items)
    out.string(item);
  out.end_array();
}

void write_message(JsonWriter& out, const std::string& zh, const std::string& en) {
  out.begin_object();
  out.member("zh", zh);
  out.member("en", en);
  out.end_object();
}

void write_hint(JsonWriter& out, const Hint& hint) {
  out.begin_object();
  out.member("kind", hint.kind);
  if (hint.date) out.member("date", hint.date->to_string());
  out.member_if_any("amount", hint.amount);
  if (!hint.values.empty()) {
    out.key("values");
    write_strings(out, hint.values);
  }
  if (hint.rank > 0) out.member("rank", hint.rank);
  out.key("message");
  write_message(out, hint.message_zh, hint.message_en);
  out.end_object();
}

void write_component(JsonWriter& out, const PayLine& line) {
  out.begin_object();
  out.member("id", line.id);
  out.member("formula", line.formula);
  out.key("value");
  write_value(out, line.amount);
  if (!line.rounding.empty()) {
    out.key("rounding");
    out.begin_object();
    out.member("places", line.places);
    out.member("mode", line.rounding);
    out.end_object();
  }
  if (!line.parameters.empty()) {
    out.key("parameters");
    write_named(out, line.parameters);
  }
  if (!line.facts.empty()) {
    out.key("facts");
    write_named(out, line.facts);
  }
  out.member_if_any("cite", line.cite);
  out.end_object();
}

void write_cohort(JsonWriter& out, const CohortPlace& cohort) {
  out.begin_object();
  out.key("group");
  if (cohort.group.empty()) {
    out.null();
  } else {
    out.string(cohort.group);
  }
  out.member("size", cohort.size);
  out.member("candidates", cohort.candidates);
  if (cohort.rank > 0) out.member("rank", cohort.rank);
  if (!cohort.quota_rule.empty() || cohort.quota >= 0) {
    out.key("quota");
    if (cohort.quota >= 0) {
      out.integer(cohort.quota);
    } else {
      out.null();
    }
  }
  out.member_if_any("quota_rule", cohort.quota_rule);
  if (cohort.tier > 0) out.member("tier", cohort.tier);
  if (!cohort.tied_with.empty()) {
    out.key("tied_with");
    write_strings(out, cohort.tied_with);
  }
  if (!cohort.tie_break.empty()) {
    out.key("tie_break");
    write_strings(out, cohort.tie_break);
  }
  if (cohort.rank_needed > 0) out.member("rank_needed", cohort.rank_needed);
  out.key("message");
  write_message(out, cohort.message_zh, cohort.message_en);
  out.end_object();
}

void write_reason(JsonWriter& out, const Reason& reason) {
  out.begin_object();
  out.member("id", reason.id);
  out.member("status", reason_status_name(reason.status));
  out.member_if_any("cite", reason.cite);
  out.member_if_any("expression", reason.expression);
  if (!reason.message_zh.empty() || !reason.message_en.empty()) {
    out.key("message");
    write_message(out, reason.message_zh, reason.message_en);
  }
  if (!reason.facts.empty()) {
    out.key("facts");
    write_named(out, reason.facts);
  }
  if (!reason.missing.empty()) {
    out.key("missing");
    write_strings(out, reason.missing);
  }
  out.member_if_any("error", reason.error);
  if (reason.soft) {
    out.key("soft");
    out.boolean(true);
  }
  if (reason.hint) {
    out.key("hint");
    write_hint(out, *reason.hint);
  }
  if (!reason.children.empty()) {
    out.key("children");
    out.begin_array();
    for (const auto& child : reason.children)
      write_reason(out, child);
    out.end_array();
  }
  out.end_object();
}

}  // namespace

InfoMembers info_members(const DecisionInfo& info) {
  InfoMembers members;
  if (!info.title_zh.empty() || !info.title_en.empty()) {
    JsonWriter out(members.title);
    out.key("title");
    write_message(out, info.title_zh, info.title_en);
  }
  JsonWriter out(members.quote_source);
  out.member_if_any("quote", info.quote);
  if (!info.source_zh.empty() || !info.source_en.empty()) {
    out.key("source");
    write_message(out, info.source_zh, info.source_en);
  }
  return members;
}

namespace {

void write_decision(JsonWriter& out, const DecisionResult& decision, const CompiledRuleSet* rules,
                    const DecisionJsonLines* parts) {
  out.begin_object();
  out.member("kind", decision.kind);
  out.member("outcome", outcome_name(decision.outcome));
  out.key("value");
  if (decision.range) {
    out.begin_object();
    out.key("low");
    write_value(out, decision.range->first);
    out.key("high");
    write_value(out, decision.range->second);
    out.end_object();
  } else {
    write_value(out, decision.value);
  }
  if (!decision.possible.empty()) {
    out.key("possible");
    out.begin_array();
    for (const auto& value : decision.possible)
      write_value(out, value);
    out.end_array();
  }
  out.member_if_any("exact", decision.exact);
  if (decision.key.kind() != ValueKind::null) {
    out.key("key");
    write_value(out, decision.key);
  }
  const DecisionInfo* info = rules != nullptr ? rules->decision(decision.id) : nullptr;
  InfoMembers fresh;
  const InfoMembers* cached =
      info != nullptr && parts != nullptr ? parts->cached(*rules, *info) : nullptr;
  if (info != nullptr && cached == nullptr) fresh = info_members(*info);
  const InfoMembers& members = cached != nullptr ? *cached : fresh;
  out.members(members.title);
  out.member_if_any("cite", decision.cite);
  out.members(members.quote_source);
  if (!decision.actions.empty()) {
    out.key("actions");
    write_strings(out, decision.actions);
  }
  if (!decision.message_zh.empty() || !decision.message_en.empty()) {
    out.key("message");
    write_message(out, decision.message_zh, decision.message_en);
  }
  out.key("reasons");
  out.begin_array();
  for (const auto& reason : decision.reasons)
    write_reason(out, reason);
  out.end_array();
  out.key("missing");
  write_strings(out, decision.missing);
  out.key("undetermined");
  write_strings(out, decision.undetermined);
  // Why the text gives none of the open values among the reasons, as the
  // rule set states it (a code given twice once, as an object has it).
  bool because = false;
  for (std::size_t i = 0; i < decision.undetermined.size(); ++i) {
    const std::string& code = decision.undetermined[i];
    const OpenValue* open = rules != nullptr ? rules->open_value(code) : nullptr;
    if (open == nullptr || (open->reason_zh.empty() && open->reason_en.empty())) continue;
    bool seen = false;
    for (std::size_t j = 0; j < i && !seen; ++j)
      seen = decision.undetermined[j] == code;
    if (seen) continue;
    if (!because) {
      out.key("because");
      out.begin_object();
      because = true;
    }
    out.key(code);
    write_message(out, open->reason_zh, open->reason_en);
  }
  if (because) out.end_object();
  out.key("flags");
  write_strings(out, decision.flags);
  if (!decision.components.empty()) {
    out.key("components");
    out.begin_array();
    for (const auto& line : decision.components)
      write_component(out, line);
    out.end_array();
  }
  if (decision.cohort) {
    out.key("cohort");
    write_cohort(out, *decision.cohort);
  }
  out.end_object();
}

}  // namespace

json::value value_json(const Value& value) {
  std::string text;
  JsonWriter out(text);
  write_value(out, value);
  return json::parse(text);
}

json::object decision_object(const DecisionResult& decision, const CompiledRuleSet* rules) {
  std::string text;
  JsonWriter out(text);
  write_decision(out, decision, rules, nullptr);
  return json::parse(text).as_object();
}

namespace {

/// `"ruleset":{...},"as_of":"..."`: the same on every line of a run.
std::string run_members(const CompiledRuleSet& rules, std::string_view as_of) {
  std::string text;
  JsonWriter out(text);
  out.key("ruleset");
  out.begin_object();
  out.member("name", rules.id());
  out.member("version", rules.version());
  out.member("digest", rules.digest());
  out.end_object();
  out.member("as_of", as_of);
  return text;
}

void write_line(std::string& text, const RecordOutput& output, const CompiledRuleSet& rules,
                std::string_view run, const DecisionJsonLines* parts) {
  JsonWriter out(text);
  out.begin_object();
  out.member("record", output.record);
  out.member("kind", output.kind);
  out.members(run);
  out.key("decisions");
  out.begin_object();
  for (const auto& decision : output.decisions) {
    out.key(decision.id);
    write_decision(out, decision, &rules, parts);
  }
  out.end_object();
  out.key("errors");
  out.begin_array();
  for (const auto& error : output.errors) {
    out.begin_object();
    out.member("file", error.file);
    out.member("line", error.line);
    out.member("column", error.column);
    out.member("field", error.field);
    out.member("message", error.message);
    out.end_object();
  }
  out.end_array();
  out.end_object();
}

}  // namespace

DecisionJsonLines::DecisionJsonLines(const CompiledRuleSet& rules, std::string_view as_of,
                                     bool sources)
    : rules_(rules), run_(run_members(rules, as_of)), sources_(sources) {
  if (!sources_) return;  // written by no line
  for (const DecisionInfo& info : rules.decisions())
    members_.push_back(info_members(info));
}

const InfoMembers* DecisionJsonLines::cached(const CompiledRuleSet& rules,
                                             const DecisionInfo& info) const {
  static const InfoMembers kNone;
  if (!sources_) return &kNone;
  // `info` is one of rules_.decisions() when the results came from this rule set.
  const auto& all = rules_.decisions();
  if (&rules.decisions() != &all || all.empty() || &info < &all.front() || &info > &all.back()) {
    return nullptr;
  }
  return &members_[static_cast<std::size_t>(&info - &all.front())];
}

void DecisionJsonLines::append(std::string& text, const RecordOutput& output) const {
  write_line(text, output, rules_, run_, this);
}

void append_decision_json(std::string& text, const RecordOutput& output,
                          const CompiledRuleSet& rules, std::string_view as_of) {
  write_line(text, output, rules, run_members(rules, as_of), nullptr);
}

std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                          const std::string& as_of) {
  std::string text;
  append_decision_json(text, output, rules, as_of);
  return text;
}

}  // namespace cadre::render

namespace cadre {

std::string to_json_line(const RecordOutput& output, const CompiledRuleSet& rules, Date as_of) {
  return render::decision_json(output, rules, as_of.to_string());
}

}  // namespace cadre
