// Benchmarks of the engine on the bundled rule sets, with explanations on
// (reasons, rendered messages, facts read, hints, cohort explanations) and off
// (outcomes, values, codes), over generated populations (bench/populations.hpp):
//  - rules/hengyang and rules/professional-secretary: their example
//    populations copied until they make a county, decided as a population
//    (cohort caps over each town) and one cadre at a time;
// The peer policy, against hand-written code, is bench/peer_policy_bench.cpp.
#include <benchmark/benchmark.h>

#include "populations.hpp"

namespace {

cadre::EvaluationOptions explained(const benchmark::State& state) {
  cadre::EvaluationOptions options;
  options.explain = state.range(0) != 0;
  return options;
}

/// A rule set with its example population, copied.
struct RuleSetCase {
  const char* folder;
  const char* population;
  const char* as_of;
};

constexpr RuleSetCase kHengyang{"rules/hengyang", "examples/hengyang/population.yaml",
                                "2019-03-15"};
constexpr RuleSetCase kProfessionalSecretary{"rules/professional-secretary",
                                             "examples/professional-secretary/population.yaml",
                                             "2025-01-10"};

void population(benchmark::State& state, const RuleSetCase& ruleset) {
  const auto engine = cadre_bench::load_engine(ruleset.folder);
  if (!engine) {
    state.SkipWithError("the rule set did not load");
    return;
  }
  const auto records =
      cadre_bench::copied_population(*engine, ruleset.population, static_cast<int>(state.range(1)));
  const auto as_of = *cadre::Date::parse(ruleset.as_of);
  const auto options = explained(state);
  for (auto _ : state) {
    auto results = engine->evaluate_population(records, as_of, options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}

// Every record of the population decided on its own, with the records it
// belongs to: what an online caller does. Cohort allocations need the
// population and are undetermined here.
void one_at_a_time(benchmark::State& state, const RuleSetCase& ruleset) {
  const auto engine = cadre_bench::load_engine(ruleset.folder);
  if (!engine) {
    state.SkipWithError("the rule set did not load");
    return;
  }
  const auto records = cadre_bench::copied_population(*engine, ruleset.population, 1);
  std::vector<std::vector<cadre::RecordValue>> related;
  for (const auto& record : records)
    related.push_back(cadre_bench::related_records(*engine, record, records));
  const auto as_of = *cadre::Date::parse(ruleset.as_of);
  const auto options = explained(state);
  for (auto _ : state) {
    for (std::size_t i = 0; i < records.size(); ++i) {
      auto results = engine->evaluate(records[i], related[i], as_of, options);
      benchmark::DoNotOptimize(results);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}

void BM_HengyangPopulation(benchmark::State& state) {
  population(state, kHengyang);
}
void BM_HengyangOneAtATime(benchmark::State& state) {
  one_at_a_time(state, kHengyang);
}
void BM_ProfessionalSecretaryPopulation(benchmark::State& state) {
  population(state, kProfessionalSecretary);
}
void BM_ProfessionalSecretaryOneAtATime(benchmark::State& state) {
  one_at_a_time(state, kProfessionalSecretary);
}

// 20 copies: rules/hengyang's 58 records become 1,160 (40 towns); rules/professional-
// secretary's 94 become 1,880.
BENCHMARK(BM_HengyangPopulation)
    ->ArgNames({"explain", "copies"})
    ->Args({1, 20})
    ->Args({0, 20})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HengyangOneAtATime)->ArgName("explain")->Arg(1)->Arg(0);
BENCHMARK(BM_ProfessionalSecretaryPopulation)
    ->ArgNames({"explain", "copies"})
    ->Args({1, 20})
    ->Args({0, 20})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ProfessionalSecretaryOneAtATime)->ArgName("explain")->Arg(1)->Arg(0);

}  // namespace

BENCHMARK_MAIN();
