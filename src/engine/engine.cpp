// The engine: binds the facts, then evaluates derived values and decisions in
// the compiled dependency order, each one's value visible to the later ones.
#include "cadre/engine.hpp"

#include <algorithm>

#include "compile/compiled_ruleset.hpp"
#include "engine/decisions.hpp"
#include "engine/facts.hpp"
#include "model/queries.hpp"

namespace cadre {

namespace {

bool concerns(const std::vector<std::string>& kinds, const std::string& subject) {
  return subject.empty() || std::find(kinds.begin(), kinds.end(), subject) != kinds.end();
}

}  // namespace

Engine::Engine(CompiledRuleSet rules) : rules_(std::move(rules)) {}

std::vector<DecisionResult> Engine::evaluate(const RecordValue& subject,
                                             const std::vector<RecordValue>& related,
                                             Date as_of) const {
  const CompiledRuleSetImpl& impl = rules_.impl();
  Activation facts(impl.environment);
  engine::bind_facts(impl, facts, subject, related, as_of);
  const std::string& kind = subject.type().name();
  auto kinds = model::readable_kinds(impl.rules(), kind);
  std::vector<DecisionResult> results;
  for (const Step& step : impl.order) {
    if (step.kind == Step::Kind::derived) {
      const CompiledDerived& derived = impl.derived[step.index];
      if (!concerns(kinds, derived.model->subject) || !derived.expr.program) continue;
      facts.bind_slot(derived.slot, derived.expr.program->evaluate(facts));
      continue;
    }
    const CompiledDecision& decision = impl.decisions[step.index];
    if (!concerns(kinds, decision.model->subject)) continue;
    engine::Decided decided = engine::decide(decision, facts, as_of);
    facts.bind_slot(decision.slot, decided.value);
    if (decision.model->subject == kind) results.push_back(std::move(decided.result));
  }
  return results;
}

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::eligible:
      return "eligible";
    case Outcome::ineligible:
      return "ineligible";
    case Outcome::triggered:
      return "triggered";
    case Outcome::clear:
      return "clear";
    case Outcome::computed:
      return "computed";
    case Outcome::not_applicable:
      return "not_applicable";
    case Outcome::undetermined:
      return "undetermined";
  }
  return "undetermined";
}

const char* reason_status_name(ReasonStatus status) {
  switch (status) {
    case ReasonStatus::passed:
      return "passed";
    case ReasonStatus::failed:
      return "failed";
    case ReasonStatus::unknown:
      return "unknown";
  }
  return "unknown";
}

}  // namespace cadre
