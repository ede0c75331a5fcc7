// Population evaluation: one RecordRun per record, advanced together through
// the compiled steps so that a cohort allocation sees every member's facts
// and derived values, and later steps read its result.
#include <memory>

#include "cadre/engine.hpp"
#include "engine/allocation.hpp"
#include "engine/record_run.hpp"
#include "engine/related_records.hpp"

namespace cadre {

namespace {

bool is_allocation(const CompiledRuleSetImpl& rules, const Step& step) {
  return step.kind == Step::Kind::decision &&
         rules.decisions[step.index].model->kind == model::DecisionKind::allocation;
}

}  // namespace

std::vector<RecordDecisions> Engine::evaluate_population(const std::vector<RecordValue>& population,
                                                         Date as_of,
                                                         EvaluationOptions options) const {
  const CompiledRuleSetImpl& impl = rules_.impl();
  auto links = engine::ancestor_indices(impl.rules(), population);
  std::vector<std::unique_ptr<engine::RecordRun>> runs;
  runs.reserve(population.size());
  for (std::size_t i = 0; i < population.size(); ++i) {
    std::vector<RecordValue> related;
    for (std::size_t parent : links[i])
      related.push_back(population[parent]);
    runs.push_back(
        std::make_unique<engine::RecordRun>(impl, population[i], related, as_of, options));
  }
  // Record by record between allocations (each record's facts stay in
  // cache), all records at an allocation.
  std::size_t stage_start = 0;
  for (std::size_t s = 0; s <= impl.order.size(); ++s) {
    if (s < impl.order.size() && !is_allocation(impl, impl.order[s])) continue;
    for (auto& run : runs) {
      for (std::size_t k = stage_start; k < s; ++k)
        run->run(impl.order[k]);
    }
    stage_start = s + 1;
    if (s == impl.order.size()) break;
    const Step& step = impl.order[s];
    const CompiledDecision& decision = impl.decisions[step.index];
    const int subject = decision.subject_kind;
    std::vector<const engine::RecordRun*> members;
    std::vector<std::size_t> member_index(runs.size(), runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (runs[i]->kind_index() != subject) continue;
      member_index[i] = members.size();
      members.push_back(runs[i].get());
    }
    auto decided = engine::allocate(decision, members, options.explain);
    // Records that belong to a member (the cadres of an allocated village)
    // read the member's value.
    std::vector<Value> values(decided.size());
    for (std::size_t m = 0; m < decided.size(); ++m)
      values[m] = decided[m].value;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (member_index[i] < runs.size() || !runs[i]->concerns(subject)) continue;
      Value value = Value::unknown(decision.model->subject);
      for (std::size_t parent : links[i]) {
        if (member_index[parent] < runs.size()) value = values[member_index[parent]];
      }
      runs[i]->bind(decision, value);
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (member_index[i] < runs.size()) {
        runs[i]->settle(decision, std::move(decided[member_index[i]]));
      }
    }
  }
  std::vector<RecordDecisions> out;
  out.reserve(runs.size());
  for (auto& run : runs)
    out.push_back({run->id(), run->kind(), run->take_results()});
  return out;
}

std::vector<RecordOutput> Engine::evaluate_batch(const RecordBatch& batch, Date as_of,
                                                 EvaluationOptions options) const {
  std::vector<RecordValue> population;
  for (const auto& record : batch.records) {
    if (record.value) population.push_back(*record.value);
  }
  auto decided = evaluate_population(population, as_of, options);
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
