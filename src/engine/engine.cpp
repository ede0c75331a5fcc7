// The engine for one record: its facts, then derived values and decisions in
// the compiled dependency order, each one's value visible to the later ones.
#include "cadre/engine.hpp"

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/population.hpp"
#include "engine/record_run.hpp"

namespace cadre {

Engine::Engine(CompiledRuleSet rules) : rules_(std::move(rules)) {}

std::vector<DecisionResult> Engine::evaluate(const RecordValue& subject,
                                             const std::vector<RecordValue>& related, Date as_of,
                                             EvaluationOptions options) const {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules_);
  engine::RecordRun run(impl, subject, related, as_of, options);
  for (const Step& step : impl.order)
    run.run(step);
  auto results = run.take_results();
  engine::flag_validity(impl, as_of, results);
  return results;
}

std::vector<DecisionResult> Engine::evaluate_context(Date as_of, EvaluationOptions options) const {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules_);
  engine::RecordRun run(impl, nullptr, {}, as_of, options);
  for (const Step& step : impl.order)
    run.run(step);
  auto results = run.take_results();
  engine::flag_validity(impl, as_of, results);
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
    case Outcome::pending:
      return "pending";
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
