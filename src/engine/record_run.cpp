// One record's evaluation.
#include "engine/record_run.hpp"

#include <algorithm>

#include "engine/facts.hpp"
#include "engine/related_records.hpp"
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
      kinds_(model::readable_kinds(rules.rules(), kind_)),
      facts_(rules.environment) {
  bind_facts(rules, facts_, subject, related, as_of);
  explain_.on = options.explain;
  explain_.as_of = as_of;
  if (options.explain) {
    explain_.facts_on = [this](Date date, Activation& out) { return facts_on(date, out); };
  }
}

bool RecordRun::concerns(const std::string& subject) const {
  return subject.empty() || std::find(kinds_.begin(), kinds_.end(), subject) != kinds_.end();
}

void RecordRun::run(const Step& step) {
  if (step.kind == Step::Kind::derived) {
    const CompiledDerived& derived = rules_.derived[step.index];
    if (!concerns(derived.model->subject) || !derived.expr.program) return;
    facts_.bind_slot(derived.slot, derived.expr.program->evaluate(facts_));
    return;
  }
  const CompiledDecision& decision = rules_.decisions[step.index];
  if (!concerns(decision.model->subject)) return;
  settle(decision, decide(decision, facts_, explain_));
}

void RecordRun::settle(const CompiledDecision& decision, Decided decided) {
  facts_.bind_slot(decision.slot, decided.value);
  if (decision.model->subject == kind_) results_.push_back(std::move(decided.result));
}

void RecordRun::bind(const CompiledDecision& decision, const Value& value) {
  facts_.bind_slot(decision.slot, value);
}

bool RecordRun::facts_on(Date date, Activation& out) const {
  out = facts_;
  out.bind_slot(rules_.environment.slot_of("as_of"), Value(date));
  for (const Step& step : rules_.order) {
    if (step.kind != Step::Kind::derived) continue;
    const CompiledDerived& derived = rules_.derived[step.index];
    if (!concerns(derived.model->subject) || !derived.expr.program) continue;
    out.bind_slot(derived.slot, derived.expr.program->evaluate(out));
  }
  return true;
}

}  // namespace cadre::engine
