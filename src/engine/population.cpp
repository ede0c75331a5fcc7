// Population evaluation: one RecordRun per record, advanced together through
// the compiled steps so that a barrier step — a cohort allocation, a group
// value over members — sees every record's facts and derived values, and
// later steps read its result.
#include "engine/population.hpp"

#include <algorithm>
#include <functional>
#include <memory>

#include "core/access.hpp"
#include "engine/allocation.hpp"
#include "engine/group_values.hpp"
#include "engine/record_run.hpp"
#include "engine/related_records.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

using Runs = std::vector<std::unique_ptr<RecordRun>>;
using Links = std::vector<std::vector<std::size_t>>;

// The ancestor of record `i` of kind `kind`, or `runs.size()`.
std::size_t ancestor_of_kind(const Runs& runs, const Links& links, std::size_t i, int kind) {
  for (std::size_t parent : links[i]) {
    if (runs[parent]->kind_index() == kind) return parent;
  }
  return runs.size();
}

// An allocation: its members are the records of its subject kind; records
// below a member (the cadres of an allocated village) read the member's value.
void allocate_step(const CompiledDecision& decision, Runs& runs, const Links& links, bool explain) {
  const int subject = decision.subject_kind;
  std::vector<const RecordRun*> members;
  std::vector<std::size_t> member_index(runs.size(), runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i]->kind_index() != subject) continue;
    member_index[i] = members.size();
    members.push_back(runs[i].get());
  }
  auto decided = allocate(decision, members, explain);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (member_index[i] < runs.size() || !runs[i]->concerns(subject)) continue;
    std::size_t parent = ancestor_of_kind(runs, links, i, subject);
    Value value = parent < runs.size() ? decided[member_index[parent]].value
                                       : Value::unknown(decision.model->subject);
    runs[i]->bind(decision, value);
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (member_index[i] < runs.size())
      runs[i]->settle(decision, std::move(decided[member_index[i]]));
  }
}

// What is missing when a member's chain of groups breaks before its group:
// the key field of the last record reached, named with the member's id.
std::string broken_link(const model::RuleSet& rules, const Runs& runs, const Links& links,
                        std::size_t i) {
  const RecordRun& last = links[i].empty() ? *runs[i] : *runs[links[i].back()];
  const model::RecordKind* kind = model::find_record_kind(rules, last.kind());
  std::string field = kind != nullptr ? kind->parent_field : std::string("group");
  return runs[i]->id() + ":" + last.kind() + "." + field;
}

// A group value: each group record of the subject kind gets it from its
// members of the `over` kind; the records below a group read the group's.
void group_step(const CompiledRuleSetImpl& rules, const CompiledDerived& derived, Runs& runs,
                const Links& links) {
  const int subject = derived.subject_kind;
  std::vector<std::size_t> group_index(runs.size(), runs.size());
  std::size_t groups = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i]->kind_index() == subject) group_index[i] = groups++;
  }
  std::vector<Member> members;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (runs[i]->kind_index() != derived.over_kind) continue;
    Member member;
    member.run = runs[i].get();
    std::size_t group = ancestor_of_kind(runs, links, i, subject);
    if (group < runs.size()) {
      member.group = static_cast<int>(group_index[group]);
    } else {
      member.membership = broken_link(rules.rules(), runs, links, i);
    }
    members.push_back(std::move(member));
  }
  auto values = group_values(derived, groups, members);
  if (derived.from_record.program) {
    for (std::size_t i = 0; i < runs.size(); ++i) {
      if (group_index[i] < runs.size()) {
        reconcile(derived, derived.from_record.program->evaluate(runs[i]->facts()),
                  values[group_index[i]]);
      }
    }
  }
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!runs[i]->concerns(subject)) continue;
    std::size_t group =
        group_index[i] < runs.size() ? i : ancestor_of_kind(runs, links, i, subject);
    if (group < runs.size()) {
      const GroupValue& value = values[group_index[group]];
      runs[i]->bind_group_value(derived.slot, value.value, value.possible);
    } else {
      runs[i]->bind_group_value(derived.slot, Value::unknown(derived.model->subject), {});
    }
  }
}

// The steps a record whose results are not wanted must be decided through:
// those the barriers read (what another record sees of it), by position.
std::vector<bool> barrier_inputs(const CompiledRuleSetImpl& impl) {
  std::vector<bool> needed(impl.order.size(), false);
  for (std::size_t s = 0; s < impl.order.size(); ++s) {
    const Step& step = impl.order[s];
    if (!step.barrier) continue;
    needed[s] = true;
    const auto& upstream = step.kind == Step::Kind::decision ? impl.decisions[step.index].upstream
                                                             : impl.derived[step.index].upstream;
    for (std::size_t position : upstream)
      needed[position] = true;
  }
  return needed;
}

}  // namespace

std::vector<RecordDecisions> evaluate_all(const CompiledRuleSetImpl& impl,
                                          const std::vector<RecordValue>& population,
                                          std::size_t evaluated, Date as_of,
                                          EvaluationOptions options) {
  std::vector<bool> wanted(population.size(), false);
  std::fill_n(wanted.begin(), std::min(evaluated, population.size()), true);
  return evaluate_wanted(impl, population, wanted, as_of, options);
}

std::vector<RecordDecisions> evaluate_wanted(const CompiledRuleSetImpl& impl,
                                             const std::vector<RecordValue>& population,
                                             const std::vector<bool>& wanted, Date as_of,
                                             EvaluationOptions options) {
  std::vector<RecordDecisions> out;
  evaluate_wanted(
      impl, population, wanted, as_of, options,
      [&](std::size_t, RecordDecisions&& decided) { out.push_back(std::move(decided)); });
  return out;
}

void evaluate_wanted(const CompiledRuleSetImpl& impl, const std::vector<RecordValue>& population,
                     const std::vector<bool>& wanted, Date as_of, EvaluationOptions options,
                     const std::function<void(std::size_t, RecordDecisions&&)>& take) {
  auto links = ancestor_indices(impl.rules(), population);
  auto make_run = [&](std::size_t i) {
    std::vector<RecordValue> related;
    for (std::size_t parent : links[i])
      related.push_back(population[parent]);
    // Records whose results are not wanted need no explanation.
    EvaluationOptions own = options;
    if (!wanted[i]) own.explain = false;
    return std::make_unique<RecordRun>(impl, population[i], related, as_of, own);
  };
  // With no barrier (nothing read across records) each record is made,
  // decided and dropped in turn: one record's facts in memory, not all.
  const bool barriers = std::any_of(impl.order.begin(), impl.order.end(),
                                    [](const Step& step) { return step.barrier; });
  Runs runs(population.size());
  if (barriers) {
    for (std::size_t i = 0; i < population.size(); ++i)
      runs[i] = make_run(i);
  }
  // Record by record between barriers (each record's facts stay in cache),
  // all records at a barrier. The records whose results are not wanted are
  // decided only through what the barriers read of them.
  const std::vector<bool> needed = barrier_inputs(impl);
  std::size_t stage_start = 0;
  for (std::size_t s = 0; s < impl.order.size(); ++s) {
    if (!impl.order[s].barrier) continue;
    for (std::size_t i = 0; i < runs.size(); ++i) {
      for (std::size_t k = stage_start; k < s; ++k) {
        if (wanted[i] || needed[k]) runs[i]->run(impl.order[k]);
      }
    }
    stage_start = s + 1;
    const Step& step = impl.order[s];
    if (step.kind == Step::Kind::decision) {
      allocate_step(impl.decisions[step.index], runs, links, options.explain);
    } else {
      group_step(impl, impl.derived[step.index], runs, links);
    }
  }
  // After the last barrier nothing reads across records: each wanted record
  // is finished and handed on at once, so that only one record's results
  // (with their explanations) are held at a time.
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (!wanted[i]) continue;
    if (!runs[i]) runs[i] = make_run(i);
    for (std::size_t k = stage_start; k < impl.order.size(); ++k)
      runs[i]->run(impl.order[k]);
    RecordDecisions decided{runs[i]->id(), runs[i]->kind(), runs[i]->take_results()};
    flag_validity(impl, as_of, decided.decisions);
    runs[i].reset();  // its facts too
    take(i, std::move(decided));
  }
}

void flag_validity(const CompiledRuleSetImpl& impl, Date as_of,
                   std::vector<DecisionResult>& results) {
  const model::Metadata& metadata = impl.rules().metadata;
  bool before = metadata.valid_from && as_of < *metadata.valid_from;
  bool after = metadata.valid_to && *metadata.valid_to < as_of;
  if (!before && !after) return;
  for (auto& result : results) {
    result.flags.push_back("outside_validity");
    std::sort(result.flags.begin(), result.flags.end());
  }
}

}  // namespace cadre::engine

namespace cadre {

std::vector<RecordDecisions> Engine::evaluate_population(const std::vector<RecordValue>& population,
                                                         Date as_of,
                                                         EvaluationOptions options) const {
  return engine::evaluate_all(internal::impl_of(rules_), population, population.size(), as_of,
                              options);
}

}  // namespace cadre
