// Facts known on the evaluation date.
#include "engine/facts.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "compile/parameter_values.hpp"
#include "core/access.hpp"
#include "engine/conditions.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

// True when a history entry is dated after `as_of` (a year counts from 1 January).
bool dated_after(const Value& date, Date as_of) {
  if (date.kind() == ValueKind::date) return as_of < date.as_date();
  if (date.kind() == ValueKind::integer) return date.as_int() > as_of.year();
  return false;
}

bool same_field(const RecordValue& a, const RecordValue& b, int field) {
  const Value* x = a.field(field);
  const Value* y = b.field(field);
  if (x == nullptr || y == nullptr) return x == y;
  if (x->is_exceptional() || y->is_exceptional()) return false;
  return values_equal(*x, *y);
}

// Entries that agree on the `unique_by` fields describe one fact. Exact
// repeats are dropped; fields on which they disagree become unknown with
// `conflicting_facts:cadre.assessments[2018,annual].grade`, so that only the
// rules reading that fact are undetermined.
ListValue without_conflicts(const ListValue& entries, const model::FieldDecl& field,
                            const std::string& path) {
  std::map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].kind() != ValueKind::record) continue;
    const RecordValue& entry = entries[i].as_record();
    std::string key;
    for (const auto& name : field.unique_by) {
      const Value* value = entry.field(entry.type().find_field(name));
      key += (key.empty() ? "" : ",") + (value ? plain_text(*value) : std::string("?"));
    }
    by_key[key].push_back(i);
  }
  ListValue kept_entries = entries;
  std::vector<bool> drop(entries.size(), false);
  for (const auto& [key, indices] : by_key) {
    if (indices.size() < 2) continue;
    const RecordType& type = entries[indices[0]].as_record().type();
    auto fields = static_cast<int>(type.fields().size());
    std::vector<std::size_t> kept;
    for (std::size_t index : indices) {
      bool repeat = std::any_of(kept.begin(), kept.end(), [&](std::size_t other) {
        for (int f = 0; f < fields; ++f) {
          if (!same_field(entries[index].as_record(), entries[other].as_record(), f)) return false;
        }
        return true;
      });
      if (repeat) {
        drop[index] = true;
      } else {
        kept.push_back(index);
      }
    }
    if (kept.size() < 2) continue;
    for (int f = 0; f < fields; ++f) {
      bool agree = std::all_of(kept.begin() + 1, kept.end(), [&](std::size_t other) {
        return same_field(entries[kept[0]].as_record(), entries[other].as_record(), f);
      });
      if (agree) continue;
      Value conflict = Value::unknown("conflicting_facts:" + path + "[" + key + "]." +
                                      type.fields()[static_cast<std::size_t>(f)].name);
      for (std::size_t index : kept) {
        RecordValue changed = kept_entries[index].as_record();
        changed.set(f, conflict);
        kept_entries[index] = Value(std::move(changed));
      }
    }
  }
  ListValue out;
  for (std::size_t i = 0; i < kept_entries.size(); ++i) {
    if (!drop[i]) out.push_back(std::move(kept_entries[i]));
  }
  return out;
}

// The record without the history entries not yet known on `as_of`, and with
// conflicting entries marked.
RecordValue known_on(const RecordValue& record, const std::vector<model::FieldDecl>& fields,
                     Date as_of) {
  RecordValue known = record;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& field = fields[i];
    const Value* list = record.field(static_cast<int>(i));
    bool dated = !field.dated_by.empty();
    if ((!dated && field.unique_by.empty()) || list == nullptr || list->kind() != ValueKind::list) {
      continue;
    }
    ListValue kept;
    for (const Value& entry : list->as_list()) {
      if (dated && entry.kind() == ValueKind::record) {
        int index = entry.as_record().type().find_field(field.dated_by);
        const Value* date = entry.as_record().field(index);
        if (date != nullptr && dated_after(*date, as_of)) continue;
      }
      kept.push_back(entry);
    }
    if (!field.unique_by.empty()) {
      kept = without_conflicts(kept, field, record.type().name() + "." + field.name);
    }
    known.set(static_cast<int>(i), Value(std::move(kept)));
  }
  return known;
}

void bind_record(const CompiledRuleSetImpl& rules, Activation& facts, const RecordValue& record,
                 Date as_of) {
  const std::string& kind = record.type().name();
  auto slot = rules.record_slots.find(kind);
  if (slot == rules.record_slots.end()) return;
  const model::RecordKind* declared = model::find_record_kind(rules.rules(), kind);
  internal::bind_slot(facts, slot->second,
                      declared ? Value(known_on(record, declared->fields, as_of)) : Value(record));
}

// Facts of one record that contradict each other are not trusted: while a
// conflict of its kind holds, its fields become unknown with the conflict's
// code, so every rule reading them is undetermined (MODEL.md §1).
void mark_conflicts(const CompiledRuleSetImpl& rules, Activation& facts) {
  for (const auto& [slot, conflicts] : rules.conflicts) {
    const Value* bound = internal::bound_slot(facts, slot);
    if (bound == nullptr || bound->kind() != ValueKind::record) continue;
    std::optional<RecordValue> changed;
    for (const auto& conflict : conflicts) {
      if (!conflict.when.program) continue;
      Value holds = conflict.when.program->evaluate(facts);
      if (holds.kind() != ValueKind::boolean || !holds.as_bool()) continue;
      if (!changed) changed = bound->as_record();
      for (int field : conflict.fields) {
        if (field >= 0) changed->set(field, Value::unknown(conflict.code));
      }
    }
    if (changed) internal::bind_slot(facts, slot, Value(std::move(*changed)));
  }
}

}  // namespace

Value parameter_on(const CompiledParameter& parameter, Date as_of) {
  if (parameter.model->form != model::ParamForm::series) return parameter.value;
  Value in_force = unspecified_value(parameter.model->id);
  for (const auto& [from, value] : parameter.series) {
    if (as_of < from) break;
    in_force = value;
  }
  return in_force;
}

void bind_facts(const CompiledRuleSetImpl& rules, Activation& facts, const RecordValue* subject,
                const std::vector<RecordValue>& related, Date as_of) {
  internal::bind_slot(facts, rules.as_of_slot, Value(as_of));
  for (const auto& parameter : rules.parameters) {
    internal::bind_slot(facts, parameter.slot, parameter_on(parameter, as_of));
  }
  for (std::size_t i = 0; i < rules.rules().switches.size(); ++i) {
    const auto& id = rules.rules().switches[i].id;
    internal::bind_slot(facts, rules.switch_slots.at(id), rules.switch_values[i]);
  }
  // Records the subject belongs to but that were not given: their facts are
  // unknown field by field.
  for (const auto& [kind, slot] : rules.record_slots) {
    const auto* type = rules.environment.find(kind);
    if (type != nullptr && type->type.record_type_shared()) {
      internal::bind_slot(facts, slot, Value(RecordValue(type->type.record_type_shared())));
    }
  }
  for (const auto& record : related)
    bind_record(rules, facts, record, as_of);
  if (subject) bind_record(rules, facts, *subject, as_of);
  mark_conflicts(rules, facts);
}

}  // namespace cadre::engine
