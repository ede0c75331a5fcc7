// Benchmark of single-record evaluation: every decision of the bundled
// example rule set (rules/example) for one cadre with its village, explanations
// included (reasons and rendered messages are always built).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"

namespace {

struct Example {
  Example() {
    auto loaded =
        cadre::load_ruleset(std::filesystem::path(CADRE_SOURCE_DIR) / "rules" / "example");
    if (!loaded.ok()) return;
    engine.emplace(*loaded.ruleset);
    const auto& impl = loaded.ruleset->impl();
    cadre::Activation facts(impl.environment);
    cadre::MapValue village;
    village.set("id", "v1");
    village.set("town_id", "t1");
    facts.bind("village", cadre::Value(village));
    cadre::ListValue assessments;
    for (int year = 2016; year <= 2018; ++year) {
      cadre::MapValue entry;
      entry.set("year", year);
      entry.set("kind", "annual");
      entry.set("grade", "优秀");
      assessments.push_back(cadre::Value(entry));
    }
    cadre::MapValue person;
    person.set("id", "c1");
    person.set("village_id", "v1");
    person.set("roles", cadre::ListValue{"party_secretary"});
    person.set("birth_date", "1980-05-01");
    person.set("situations", cadre::ListValue{});
    person.set("assessments", cadre::Value(assessments));
    person.set("baseline_performance_pay", "2000.00");
    facts.bind("cadre", cadre::Value(person));
    cadre_record = facts.slot(impl.record_slots.at("cadre"))->as_record();
    village_record = facts.slot(impl.record_slots.at("village"))->as_record();
  }
  std::optional<cadre::Engine> engine;
  std::optional<cadre::RecordValue> cadre_record;
  std::optional<cadre::RecordValue> village_record;
};

void BM_EvaluateOneCadre(benchmark::State& state) {
  static const Example example;
  if (!example.engine || !example.cadre_record) {
    state.SkipWithError("rules/example did not load");
    return;
  }
  auto as_of = *cadre::Date::parse("2019-02-20");
  std::vector<cadre::RecordValue> related{*example.village_record};
  for (auto _ : state) {
    auto results = example.engine->evaluate(*example.cadre_record, related, as_of);
    benchmark::DoNotOptimize(results);
  }
}
BENCHMARK(BM_EvaluateOneCadre);

}  // namespace

BENCHMARK_MAIN();
