// A whole file of records: one output per input record, the readable ones
// decided as one population with stand-ins for the unreadable ones.
#include <set>
#include <string>
#include <utility>

#include "cadre/engine.hpp"
#include "core/access.hpp"
#include "engine/population.hpp"
#include "engine/related_records.hpp"
#include "engine/stand_ins.hpp"

namespace cadre {

std::vector<RecordOutput> Engine::evaluate_batch(const RecordBatch& batch, Date as_of,
                                                 EvaluationOptions options) const {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules_);
  std::vector<RecordValue> population;
  for (const auto& record : batch.records) {
    if (record.value) population.push_back(*record.value);
  }
  const std::size_t evaluated = population.size();
  // A record that could not be read (or was given twice) still belongs to its
  // group (stand_ins.hpp); a key some readable record has needs none.
  engine::StandIns stand_ins(impl);
  std::set<std::pair<std::string, std::string>> readable;
  for (std::size_t i = 0; i < batch.records.size(); ++i) {
    const InputRecord& input = batch.records[i];
    if (input.value) readable.insert({input.value->type().name(), engine::key_of(*input.value)});
    stand_ins.add(input, i + 1);
  }
  auto is_readable = [&](const std::string& kind, const std::string& key) {
    return readable.contains({kind, key});
  };
  for (auto& stand_in : stand_ins.build(is_readable))
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
