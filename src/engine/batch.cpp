// A whole file of records: one output per input record, the readable ones
// decided as one population with stand-ins for the unreadable ones.
#include <map>

#include "cadre/engine.hpp"
#include "core/access.hpp"
#include "engine/population.hpp"
#include "engine/related_records.hpp"
#include "model/queries.hpp"

namespace cadre {

namespace {

// A record that could not be read (or was given twice) still belongs to its
// group: its stand-in holds only its key and the key of the record it belongs
// to, when every reading of it agrees on them; all its other facts are
// unknown, so that nothing is guessed from a broken record and no group
// loses a member.
std::vector<RecordValue> stand_ins(const CompiledRuleSetImpl& impl, const RecordBatch& batch) {
  struct Readings {
    std::vector<const RecordValue*> partial;
    std::string id;
  };
  std::map<std::pair<std::string, std::string>, Readings> unreadable;  // ordered: deterministic
  std::map<std::pair<std::string, std::string>, bool> readable;
  for (std::size_t i = 0; i < batch.records.size(); ++i) {
    const InputRecord& input = batch.records[i];
    if (input.value) {
      readable[{input.value->type().name(), engine::key_of(*input.value)}] = true;
      continue;
    }
    if (!input.partial) continue;
    std::string id = input.id.empty() ? "#" + std::to_string(i + 1) : input.id;
    auto& readings = unreadable[{input.partial->type().name(), id}];
    readings.partial.push_back(&*input.partial);
    readings.id = id;
  }
  std::vector<RecordValue> out;
  for (const auto& [key, readings] : unreadable) {
    if (readable.contains(key)) continue;
    const RecordValue& first = *readings.partial.front();
    RecordValue stand_in(first.type_shared());
    int id_field = first.type().find_field("id");
    if (id_field >= 0) stand_in.set(id_field, Value(readings.id));
    const model::RecordKind* kind = model::find_record_kind(impl.rules(), key.first);
    int parent = kind != nullptr && !kind->parent_field.empty()
                     ? first.type().find_field(kind->parent_field)
                     : -1;
    const Value* group = parent >= 0 ? first.field(parent) : nullptr;
    bool agreed = group != nullptr && !group->is_exceptional();
    for (const RecordValue* other : readings.partial) {
      const Value* theirs = parent >= 0 ? other->field(parent) : nullptr;
      agreed =
          agreed && theirs != nullptr && !theirs->is_exceptional() && values_equal(*theirs, *group);
    }
    if (agreed) stand_in.set(parent, *group);
    out.push_back(std::move(stand_in));
  }
  return out;
}

}  // namespace

std::vector<RecordOutput> Engine::evaluate_batch(const RecordBatch& batch, Date as_of,
                                                 EvaluationOptions options) const {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules_);
  std::vector<RecordValue> population;
  for (const auto& record : batch.records) {
    if (record.value) population.push_back(*record.value);
  }
  const std::size_t evaluated = population.size();
  for (auto& stand_in : stand_ins(impl, batch))
    population.push_back(std::move(stand_in));
  auto decided = engine::evaluate_all(impl, population, evaluated, as_of, options);
  std::vector<RecordOutput> out;
  out.reserve(batch.records.size());
  std::size_t next = 0;
  for (std::size_t i = 0; i < batch.records.size(); ++i) {
    const InputRecord& input = batch.records[i];
    RecordOutput output;
    output.record = input.id.empty() ? "#" + std::to_string(i + 1) : input.id;
    output.kind = input.kind;
    for (const auto& issue : input.errors) {
      output.errors.push_back({batch.source, issue.line, issue.column, issue.field, issue.message});
    }
    if (input.value) output.decisions = std::move(decided[next++].decisions);
    out.push_back(std::move(output));
  }
  return out;
}

}  // namespace cadre
