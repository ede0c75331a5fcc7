// Facts known on the evaluation date.
#include "engine/facts.hpp"

#include "compile/parameter_values.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

// True when a history entry is dated after `as_of` (a year counts from 1 January).
bool dated_after(const Value& date, Date as_of) {
  if (date.kind() == ValueKind::date) return as_of < date.as_date();
  if (date.kind() == ValueKind::integer) return date.as_int() > as_of.year();
  return false;
}

// The record without the history entries not yet known on `as_of`.
RecordValue known_on(const RecordValue& record, const std::vector<model::FieldDecl>& fields,
                     Date as_of) {
  RecordValue known = record;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto& field = fields[i];
    const Value* list = record.field(static_cast<int>(i));
    if (field.dated_by.empty() || list == nullptr || list->kind() != ValueKind::list) continue;
    ListValue kept;
    for (const Value& entry : list->as_list()) {
      if (entry.kind() == ValueKind::record) {
        int index = entry.as_record().type().find_field(field.dated_by);
        const Value* date = entry.as_record().field(index);
        if (date != nullptr && dated_after(*date, as_of)) continue;
      }
      kept.push_back(entry);
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
  facts.bind_slot(slot->second,
                  declared ? Value(known_on(record, declared->fields, as_of)) : Value(record));
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
  facts.bind("as_of", as_of);
  for (const auto& parameter : rules.parameters) {
    facts.bind_slot(parameter.slot, parameter_on(parameter, as_of));
  }
  for (std::size_t i = 0; i < rules.rules().switches.size(); ++i) {
    const auto& id = rules.rules().switches[i].id;
    facts.bind_slot(rules.switch_slots.at(id), rules.switch_values[i]);
  }
  // Records the subject belongs to but that were not given: their facts are
  // unknown field by field.
  for (const auto& [kind, slot] : rules.record_slots) {
    const auto* type = rules.environment.find(kind);
    if (type != nullptr && type->type.record_type_shared()) {
      facts.bind_slot(slot, Value(RecordValue(type->type.record_type_shared())));
    }
  }
  for (const auto& record : related)
    bind_record(rules, facts, record, as_of);
  if (subject) bind_record(rules, facts, *subject, as_of);
}

}  // namespace cadre::engine
