// Comparing a snapshot's decisions with the same records decided again
// (snapshot_compare.hpp).
#include "engine/snapshot_compare.hpp"

#include <boost/json.hpp>
#include <map>
#include <utility>

#include "diagnostics/codes.hpp"
#include "engine/json_text.hpp"

namespace cadre::engine {

namespace {

namespace json = boost::json;

/// One line: a record's decisions (the parsed value owns them; they are
/// looked up in it, never pointed to, so that the line can move).
struct RecordLine {
  json::value value;
  std::string id;
  std::string kind;
  std::string first_error;  ///< empty when the record was evaluated
  /// Its decisions, keyed by result id (checked to be an object when read).
  const json::object& decisions() const { return value.at("decisions").get_object(); }
};

std::string text_of(const json::value& value) {
  if (value.is_string()) return std::string(value.get_string());
  if (value.is_null()) return kNone;
  return json::serialize(value);
}

std::string string_at(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : "";
}

std::vector<std::string> strings_at(const json::object& object, std::string_view key) {
  std::vector<std::string> out;
  const json::value* value = object.if_contains(key);
  if (value == nullptr || !value->is_array()) return out;
  for (const auto& item : value->get_array())
    out.push_back(text_of(item));
  return out;
}

std::optional<RecordLine> record_line(const std::string& line, const std::string& file,
                                      std::size_t number, std::vector<Diagnostic>* problems) {
  auto problem = [&](SourceLocation at, std::string message) {
    if (problems != nullptr) {
      problems->push_back(
          {Severity::error, code::snapshot_decisions, std::move(at), std::move(message), {}});
    }
    return std::nullopt;
  };
  const SourceLocation start{file, static_cast<int>(number), 1, 0};
  JsonRead parsed = parse_json(line);
  if (!parsed.value) {
    SourceLocation at = location_in(file, line, parsed.error_offset);
    at.line = static_cast<int>(number);
    return problem(at, "not JSON: " + parsed.error);
  }
  RecordLine out;
  out.value = std::move(*parsed.value);
  const json::object* object = out.value.if_object();
  const json::value* decisions = object ? object->if_contains("decisions") : nullptr;
  if (object == nullptr || !object->contains("record") || decisions == nullptr ||
      !decisions->is_object()) {
    return problem(start, "not a record's decisions: an object with `record` and `decisions`");
  }
  out.id = string_at(*object, "record");
  out.kind = string_at(*object, "kind");
  const json::value* errors = object->if_contains("errors");
  if (errors != nullptr && errors->is_array() && !errors->get_array().empty() &&
      errors->get_array().front().is_object()) {
    const json::object& first = errors->get_array().front().get_object();
    out.first_error = string_at(first, "field") + ": " + string_at(first, "message");
  }
  return out;
}

std::string facts_text(const json::object& object, std::string_view key, std::string facts) {
  const json::value* read = object.if_contains(key);
  if (read == nullptr || !read->is_object()) return facts;
  for (const auto& fact : read->get_object()) {
    facts += (facts.empty() ? "" : "; ") + std::string(fact.key()) + " = " +
             shortened_value(text_of(fact.value()));
  }
  return facts;
}

void add_reason_lines(const json::array& reasons, int depth, std::vector<ReasonLine>& out) {
  for (const auto& item : reasons) {
    const json::object* reason = item.if_object();
    if (reason == nullptr) continue;
    const json::value* children = reason->if_contains("children");
    const bool has_children = children != nullptr && children->is_array();
    const std::string id = string_at(*reason, "id");
    if (id.empty() && has_children && !children->get_array().empty()) {
      add_reason_lines(children->get_array(), depth, out);
      continue;
    }
    ReasonLine line;
    line.depth = depth;
    line.id = id;
    line.status = string_at(*reason, "status");
    if (const json::value* message = reason->if_contains("message");
        message && message->is_object())
      line.message = string_at(message->get_object(), "en");
    if (line.message.empty()) line.message = string_at(*reason, "expression");
    line.facts = facts_text(*reason, "facts", "");
    if (auto missing = strings_at(*reason, "missing"); !missing.empty())
      line.facts += (line.facts.empty() ? "missing " : "; missing ") + joined_or_none(missing);
    out.push_back(std::move(line));
    if (has_children) add_reason_lines(children->get_array(), depth + 1, out);
  }
}

// As explanation_lines: the reasons, then each pay component as computed.
std::vector<ReasonLine> reasons_of(const json::object* decision) {
  std::vector<ReasonLine> out;
  const json::value* reasons = decision ? decision->if_contains("reasons") : nullptr;
  if (reasons != nullptr && reasons->is_array()) add_reason_lines(reasons->get_array(), 0, out);
  const json::value* components = decision ? decision->if_contains("components") : nullptr;
  if (components == nullptr || !components->is_array()) return out;
  for (const auto& item : components->get_array()) {
    const json::object* component = item.if_object();
    if (component == nullptr) continue;
    ReasonLine line;
    line.id = string_at(*component, "id");
    line.status = "computed";
    const json::value* value = component->if_contains("value");
    line.message = string_at(*component, "formula") + " = " +
                   (value != nullptr ? text_of(*value) : std::string("?"));
    line.facts = facts_text(*component, "facts", facts_text(*component, "parameters", ""));
    out.push_back(std::move(line));
  }
  return out;
}

// Compares one decision; the comparison when it changed.
std::optional<ResultComparison> compare_decision(const std::string& record, const std::string& id,
                                                 const json::object* before,
                                                 const json::object* after) {
  ResultComparison out;
  out.record = record;
  out.decision = id;
  out.left_title = "before";
  out.right_title = "after";
  out.left_has_reasons = true;
  bool changed = false;
  auto row = [&](const char* label, std::string left, std::string right, bool always) {
    const bool differs = left != right;
    changed = changed || differs;
    if (always || differs || left != kNone) out.rows.push_back({label, left, right, differs});
  };
  auto scalar = [](const json::object* decision, std::string_view key) {
    const json::value* value = decision ? decision->if_contains(key) : nullptr;
    return value ? text_of(*value) : std::string(kNone);
  };
  auto list = [](const json::object* decision, std::string_view key) {
    return decision ? joined_or_none(strings_at(*decision, key)) : std::string(kNone);
  };
  // A decision on one side only: the other did not decide it at all.
  auto outcome = [&](const json::object* decision) {
    return decision ? scalar(decision, "outcome") : std::string("not decided");
  };
  row("outcome", outcome(before), outcome(after), true);
  row("value", scalar(before, "value"), scalar(after, "value"), true);
  row("possible", list(before, "possible"), list(after, "possible"), false);
  row("flags", list(before, "flags"), list(after, "flags"), false);
  row("undetermined", list(before, "undetermined"), list(after, "undetermined"), false);
  if (!changed && before != nullptr && after != nullptr) return std::nullopt;
  out.left_reasons = reasons_of(before);
  out.right_reasons = reasons_of(after);
  return out;
}

const json::object* decision_at(const json::object& decisions, const std::string& id) {
  const json::value* value = decisions.if_contains(id);
  return value != nullptr && value->is_object() ? &value->get_object() : nullptr;
}

void compare_record(const RecordLine& before, const RecordLine& after, RecordComparison& out) {
  std::vector<std::string> ids;
  for (const auto& entry : before.decisions())
    ids.emplace_back(entry.key());
  for (const auto& entry : after.decisions()) {
    if (!before.decisions().contains(entry.key())) ids.emplace_back(entry.key());
  }
  out.decisions = ids.size();
  if (before.first_error != after.first_error) {
    out.errors_before = before.first_error;
    out.errors_after = after.first_error;
  }
  for (const auto& id : ids) {
    auto changed = compare_decision(out.record, id, decision_at(before.decisions(), id),
                                    decision_at(after.decisions(), id));
    if (changed) out.changed.push_back(std::move(*changed));
  }
}

// "id#n": the nth record given with this id (ids are unique but for
// records that could not be read).
std::string occurrence_key(const std::string& id, std::map<std::string, int>& seen) {
  return id + "#" + std::to_string(seen[id]++);
}

}  // namespace

SnapshotReport compare_snapshot(const std::string& file, const std::vector<std::string>& before,
                                const std::vector<std::string>& after) {
  SnapshotReport report;
  std::vector<RecordLine> old_lines, new_lines;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (auto line = record_line(before[i], file, i + 1, &report.problems))
      old_lines.push_back(std::move(*line));
  }
  for (std::size_t i = 0; i < after.size(); ++i) {
    if (auto line = record_line(after[i], "", i + 1, nullptr))
      new_lines.push_back(std::move(*line));
  }
  std::map<std::string, std::size_t> new_index;
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < new_lines.size(); ++i)
    new_index.emplace(occurrence_key(new_lines[i].id, seen), i);
  seen.clear();
  std::vector<bool> matched(new_lines.size(), false);
  for (const auto& old : old_lines) {
    RecordComparison record;
    record.record = old.id;
    record.kind = old.kind;
    auto found = new_index.find(occurrence_key(old.id, seen));
    if (found == new_index.end()) {
      record.presence = RecordComparison::Presence::missing;
      record.decisions = old.decisions().size();
      report.changed += record.decisions;
    } else {
      matched[found->second] = true;
      compare_record(old, new_lines[found->second], record);
      report.changed += record.changed.size();
    }
    report.decisions += record.decisions;
    report.records.push_back(std::move(record));
  }
  for (std::size_t i = 0; i < new_lines.size(); ++i) {
    if (matched[i]) continue;
    RecordComparison record;
    record.record = new_lines[i].id;
    record.kind = new_lines[i].kind;
    record.presence = RecordComparison::Presence::added;
    record.decisions = new_lines[i].decisions().size();
    report.changed += record.decisions;
    report.decisions += record.decisions;
    report.records.push_back(std::move(record));
  }
  report.unchanged = report.decisions - report.changed;
  return report;
}

}  // namespace cadre::engine
