// One record's evaluation.
#include "engine/record_run.hpp"

#include <algorithm>

#include "core/access.hpp"
#include "engine/alternatives.hpp"
#include "engine/facts.hpp"
#include "engine/outcome_builder.hpp"
#include "engine/related_records.hpp"
#include "eval/builtins.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

// The keys of a decision made per key, each once, in order (years ascending).
std::vector<Value> distinct_keys(const ListValue& keys) {
  std::vector<Value> out;
  for (const Value& key : keys) {
    if (key.is_exceptional()) continue;
    bool seen = std::any_of(out.begin(), out.end(),
                            [&](const Value& other) { return values_equal(other, key); });
    if (!seen) out.push_back(key);
  }
  std::stable_sort(out.begin(), out.end(), [](const Value& a, const Value& b) {
    auto order = eval::order_values(a, b);
    if (order) return *order < 0;
    return plain_text(a) < plain_text(b);
  });
  return out;
}

}  // namespace

RecordRun::RecordRun(const CompiledRuleSetImpl& rules, const RecordValue& subject,
                     const std::vector<RecordValue>& related, Date as_of, EvaluationOptions options)
    : RecordRun(rules, &subject, related, as_of, options) {}

RecordRun::RecordRun(const CompiledRuleSetImpl& rules, const RecordValue* subject,
                     const std::vector<RecordValue>& related, Date as_of, EvaluationOptions options)
    : rules_(rules),
      kind_(subject ? subject->type().name() : std::string()),
      id_(subject ? key_of(*subject) : std::string()),
      facts_(rules.environment) {
  auto index = std::find(rules.kinds.begin(), rules.kinds.end(), kind_);
  if (index != rules.kinds.end()) {
    kind_index_ = static_cast<int>(index - rules.kinds.begin());
    readable_ = rules.readable[static_cast<std::size_t>(kind_index_)];
    // A population holds every record's results: growing each vector step
    // by step was most of its allocation.
    results_.reserve(rules.decisions_about[static_cast<std::size_t>(kind_index_)]);
  }
  bind_facts(rules, facts_, subject, related, as_of);
  explain_.on = options.explain;
  explain_.as_of = as_of;
  if (options.explain) {
    explain_.facts_on = [this](Date date, Activation& out) { return facts_on(date, out); };
  }
}

void RecordRun::run(const Step& step) {
  if (step.kind == Step::Kind::derived) {
    const CompiledDerived& derived = rules_.derived[step.index];
    if (!concerns(derived.subject_kind)) return;
    if (derived.is_aggregate()) {
      // A group value without its population: the group's own record may
      // carry the figure.
      Value value = derived.from_record.program ? derived.from_record.program->evaluate(facts_)
                                                : Value::unknown("population");
      internal::bind_slot(facts_, derived.slot, value);
      return;
    }
  }
  step_into(step, facts_, explain_, &results_, true);
}

void RecordRun::step_into(const Step& step, Activation& facts, const Explain& explain,
                          std::vector<DecisionResult>* results, bool alternatives) const {
  if (step.kind == Step::Kind::derived) {
    const CompiledDerived& derived = rules_.derived[step.index];
    if (!concerns(derived.subject_kind) || !derived.expr.program) return;
    internal::bind_slot(facts, derived.slot, derived.expr.program->evaluate(facts));
    return;
  }
  const CompiledDecision& decision = rules_.decisions[step.index];
  if (!concerns(decision.subject_kind)) return;
  const bool own = decision.subject_kind == kind_index_ && results != nullptr;
  if (!decision.keyed()) {
    Decided decided = decide_one(decision, facts, explain, alternatives);
    internal::bind_slot(facts, decision.slot, decided.value);
    if (own) results->push_back(std::move(decided.result));
    return;
  }
  // One result per key, bound together as a map read as `id[key]`.
  Value keys = decision.keys.program ? decision.keys.program->evaluate(facts)
                                     : Value::error("`for_each` did not compile");
  if (keys.kind() != ValueKind::list) {
    Decided decided = unknown_keys(decision, facts, keys);
    internal::bind_slot(facts, decision.slot, decided.value);
    if (own) results->push_back(std::move(decided.result));
    return;
  }
  MapValue by_key;
  for (const Value& key : distinct_keys(keys.as_list())) {
    internal::bind_slot(facts, decision.key_slot, key);
    Decided decided = decide_one(decision, facts, explain, alternatives);
    decided.result.id += "[" + plain_text(key) + "]";
    decided.result.key = key;
    by_key.set(key, decided.value);
    if (own) results->push_back(std::move(decided.result));
  }
  internal::bind_slot(facts, decision.slot, Value(std::move(by_key)));
}

// The keys of a decision made per key could not be read: one result for
// whatever keys there are, `id[?]`. `applies` comes first: false (whatever
// the key would be) makes the decision not apply at all.
Decided RecordRun::unknown_keys(const CompiledDecision& decision, Activation& facts,
                                const Value& keys) const {
  Decided decided = start_decision(decision);
  decided.result.id += "[?]";
  Value unread = keys.is_exceptional() ? keys : Value::error("`for_each` gave no list");
  internal::bind_slot(facts, decision.key_slot, unread);
  Value applies =
      decision.applies.program ? decision.applies.program->evaluate(facts) : Value(true);
  if (applies.kind() == ValueKind::boolean && !applies.as_bool()) {
    decided.result.outcome = Outcome::not_applicable;
    finish_decision(decided);
    decided.value = Value(MapValue{});  // no key has a result
    return decided;
  }
  if (applies.kind() != ValueKind::boolean)
    add_applies_unknown(applies, decision.model->applies.text, decided.result);
  add_reasons(keys, decided.result, "for_each", "a list");
  finish_decision(decided);
  return decided;
}

Decided RecordRun::decide_one(const CompiledDecision& decision, const Activation& facts,
                              const Explain& explain, bool alternatives) const {
  Decided decided = decide(decision, facts, explain);
  if (decided.result.outcome == Outcome::undetermined) {
    decide_within_ranges(decision, facts, decided);
    if (alternatives) try_alternatives(decision, facts, explain, decided);
  }
  settle_period(decision, facts, explain.as_of, decided);
  return decided;
}

void RecordRun::try_alternatives(const CompiledDecision& decision, const Activation& facts,
                                 const Explain& explain, Decided& decided) const {
  // Replays what the decision reads, as other values of the unknowns would
  // make it, and decides it quietly.
  DecideAt decide_at = [&](Activation& changed) {
    Explain quiet;
    quiet.on = false;
    quiet.as_of = explain.as_of;
    const Value* key =
        decision.keyed() ? internal::bound_slot(changed, decision.key_slot) : nullptr;
    Value kept = key ? *key : Value();
    for (std::size_t position : decision.upstream) {
      const Step& step = rules_.order[position];
      if (!step.barrier) step_into(step, changed, quiet, nullptr, false);
    }
    if (decision.keyed()) internal::bind_slot(changed, decision.key_slot, kept);
    return decide(decision, changed, quiet);
  };
  decide_alternatives(rules_, decision, facts, possible_, decide_at, explain.on, decided);
}

void RecordRun::settle(const CompiledDecision& decision, Decided decided) {
  internal::bind_slot(facts_, decision.slot, decided.value);
  if (decided.result.outcome == Outcome::undetermined && decision.tier_fractions.empty()) {
    bind_group_value(decision.slot, decided.value, {Value(false), Value(true)});
  }
  if (decision.subject_kind == kind_index_) results_.push_back(std::move(decided.result));
}

void RecordRun::bind(const CompiledDecision& decision, const Value& value) {
  internal::bind_slot(facts_, decision.slot, value);
  if (value.is_unknown() && decision.tier_fractions.empty()) {
    bind_group_value(decision.slot, value, {Value(false), Value(true)});
  }
}

void RecordRun::bind_group_value(int slot, const Value& value, std::vector<Value> possible) {
  internal::bind_slot(facts_, slot, value);
  auto found = std::find_if(possible_.begin(), possible_.end(),
                            [&](const auto& entry) { return entry.first == slot; });
  if (!value.is_unknown()) possible.clear();
  if (found != possible_.end()) {
    found->second = std::move(possible);
  } else if (!possible.empty()) {
    possible_.emplace_back(slot, std::move(possible));
  }
}

bool RecordRun::facts_on(Date date, Activation& out) const {
  out = facts_;
  internal::bind_slot(out, rules_.as_of_slot, Value(date));
  recompute_derived(out);
  return true;
}

void RecordRun::recompute_derived(Activation& facts) const {
  for (const Step& step : rules_.order) {
    if (step.kind != Step::Kind::derived || step.barrier) continue;
    const CompiledDerived& derived = rules_.derived[step.index];
    if (!concerns(derived.subject_kind) || !derived.expr.program) continue;
    internal::bind_slot(facts, derived.slot, derived.expr.program->evaluate(facts));
  }
}

namespace {

// The range parameters that are the only reasons a result is undetermined;
// empty when anything else is missing.
std::vector<const CompiledParameter*> range_reasons(const CompiledRuleSetImpl& rules,
                                                    const DecisionResult& result) {
  std::vector<const CompiledParameter*> ranged;
  if (!result.missing.empty()) return {};
  for (const auto& code : result.undetermined) {
    auto found = std::find_if(rules.parameters.begin(), rules.parameters.end(),
                              [&](const CompiledParameter& p) { return p.code == code; });
    if (found == rules.parameters.end() || found->model->form != model::ParamForm::range) return {};
    ranged.push_back(&*found);
  }
  return ranged;
}

bool is_number(const Value& value) {
  return value.kind() == ValueKind::integer || value.kind() == ValueKind::decimal ||
         value.kind() == ValueKind::real;
}

}  // namespace

void RecordRun::decide_within_ranges(const CompiledDecision& decision, const Activation& facts,
                                     Decided& decided) const {
  auto ranged = range_reasons(rules_, decided.result);
  if (ranged.empty()) return;
  // Assumes the result moves one way as each parameter moves within its
  // bounds, as amounts and ratios do.
  Activation low = facts;
  Activation high = facts;
  for (const CompiledParameter* parameter : ranged) {
    internal::bind_slot(low, parameter->slot, parameter->low);
    internal::bind_slot(high, parameter->slot, parameter->high);
  }
  recompute_derived(low);
  recompute_derived(high);
  Explain quiet;
  quiet.on = false;
  quiet.as_of = explain_.as_of;
  Decided at_low = decide(decision, low, quiet);
  Decided at_high = decide(decision, high, quiet);
  if (at_low.result.outcome != Outcome::computed || at_high.result.outcome != Outcome::computed ||
      !is_number(at_low.value) || !is_number(at_high.value)) {
    return;
  }
  auto order = eval::order_values(at_low.value, at_high.value);
  bool swapped = order && *order > 0;
  decided.result.range = {swapped ? at_high.value : at_low.value,
                          swapped ? at_low.value : at_high.value};
  // Still undetermined, with its reasons: only the bounds are known.
  decided.result.flags.push_back("range");
  tidy(decided.result);
}

}  // namespace cadre::engine
