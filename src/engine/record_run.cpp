// One record's evaluation.
#include "engine/record_run.hpp"

#include <algorithm>

#include "engine/facts.hpp"
#include "engine/outcome_builder.hpp"
#include "engine/related_records.hpp"
#include "eval/builtins.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

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
    if (!concerns(derived.subject_kind) || !derived.expr.program) return;
    facts_.bind_slot(derived.slot, derived.expr.program->evaluate(facts_));
    return;
  }
  const CompiledDecision& decision = rules_.decisions[step.index];
  if (!concerns(decision.subject_kind)) return;
  Decided decided = decide(decision, facts_, explain_);
  if (decided.result.outcome == Outcome::undetermined) decide_within_ranges(decision, decided);
  settle(decision, std::move(decided));
}

void RecordRun::settle(const CompiledDecision& decision, Decided decided) {
  facts_.bind_slot(decision.slot, decided.value);
  if (decision.subject_kind == kind_index_) results_.push_back(std::move(decided.result));
}

void RecordRun::bind(const CompiledDecision& decision, const Value& value) {
  facts_.bind_slot(decision.slot, value);
}

bool RecordRun::facts_on(Date date, Activation& out) const {
  out = facts_;
  out.bind_slot(rules_.as_of_slot, Value(date));
  recompute_derived(out);
  return true;
}

void RecordRun::recompute_derived(Activation& facts) const {
  for (const Step& step : rules_.order) {
    if (step.kind != Step::Kind::derived) continue;
    const CompiledDerived& derived = rules_.derived[step.index];
    if (!concerns(derived.subject_kind) || !derived.expr.program) continue;
    facts.bind_slot(derived.slot, derived.expr.program->evaluate(facts));
  }
}

namespace {

// The range parameters that are the only reasons a result is undetermined;
// empty when anything else is missing.
std::vector<const CompiledParameter*> range_reasons(const CompiledRuleSetImpl& rules,
                                                    const DecisionResult& result) {
  std::vector<const CompiledParameter*> ranged;
  if (!result.missing.empty()) return {};
  constexpr std::string_view kPrefix = "unspecified_parameter:";
  for (const auto& code : result.undetermined) {
    if (!code.starts_with(kPrefix)) return {};
    std::string_view id = std::string_view(code).substr(kPrefix.size());
    auto found = std::find_if(rules.parameters.begin(), rules.parameters.end(),
                              [&](const CompiledParameter& p) { return p.model->id == id; });
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

void RecordRun::decide_within_ranges(const CompiledDecision& decision, Decided& decided) const {
  auto ranged = range_reasons(rules_, decided.result);
  if (ranged.empty()) return;
  // Assumes the result moves one way as each parameter moves within its
  // bounds, as amounts and ratios do.
  Activation low = facts_;
  Activation high = facts_;
  for (const CompiledParameter* parameter : ranged) {
    low.bind_slot(parameter->slot, parameter->low);
    high.bind_slot(parameter->slot, parameter->high);
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
