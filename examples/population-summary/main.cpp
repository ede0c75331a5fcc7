// population-summary RULESET RECORDS AS_OF: loads a rule set, reads a file of
// records, decides them as one population on AS_OF and prints, per
// decision, the count of each outcome, the most common reasons for the
// undetermined ones and the total of the pay computed (exact decimals).
//
//   population-summary rules/hengyang examples/hengyang/population.yaml 2019-03-15
//
// Uses only the public headers of the installed cadre::policy package.
#include <cadre/date.hpp>
#include <cadre/engine.hpp>
#include <cadre/records.hpp>
#include <cadre/ruleset.hpp>

#include <iostream>
#include <utility>

#include "summary.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: population-summary RULESET RECORDS AS_OF\n";
    return 2;
  }
  auto loaded = cadre::load_ruleset(argv[1]);
  for (const auto& diagnostic : loaded.diagnostics) {
    if (diagnostic.severity == cadre::Severity::error)
      std::cerr << cadre::format_diagnostic(diagnostic) << '\n';
  }
  if (!loaded.ok()) return 2;
  const cadre::CompiledRuleSet& rules = *loaded.ruleset;
  auto as_of = cadre::Date::parse(argv[3]);
  if (!as_of) {
    std::cerr << "population-summary: `" << argv[3] << "` is not a date (YYYY-MM-DD)\n";
    return 2;
  }
  cadre::RecordBatch batch = cadre::read_records(argv[2], rules);
  for (const auto& diagnostic : batch.diagnostics)
    std::cerr << cadre::format_diagnostic(diagnostic) << '\n';
  if (!batch.diagnostics.empty()) return 2;
  // One population: cohort allocations and group values see every record.
  // Outcomes and reason codes are all a summary needs: no explanations.
  cadre::Engine engine(rules);
  const cadre::EvaluationOptions quiet{.explain = false};
  auto outputs = engine.evaluate_batch(batch, *as_of, quiet);
  // Decisions about no record (a city's reference pay) are summarized too.
  cadre::RecordOutput context{"_context", "_context", engine.evaluate_context(*as_of, quiet), {}};
  if (!context.decisions.empty()) outputs.insert(outputs.begin(), std::move(context));
  std::cout << rules.id() << " " << rules.version() << ", as of " << as_of->to_string() << ": ";
  summary::print(std::cout, summary::summarize(outputs, rules.decision_ids()));
  return 0;
}
