// Benchmarks of evaluation, with explanations on (reasons, rendered messages,
// facts read, hints, cohort explanations) and off (outcomes, values, codes):
//  - one cadre of the bundled example (tests/data/hengyang-example) with its village;
//  - a population of the peer-comparison policy (bench/peer-policy), the
//    work every engine is held to;
//  - a county of the bundled example: towns, villages and cadres, with the
//    town-wide 20% cap on 优秀 allocated over the population.
// Records are generated deterministically, so runs compare.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"

namespace {

std::optional<cadre::Engine> load(const char* folder) {
  auto loaded = cadre::load_ruleset(std::filesystem::path(CADRE_SOURCE_DIR) / folder);
  if (!loaded.ok()) return std::nullopt;
  return cadre::Engine(*loaded.ruleset);
}

// Types a map as a record of `kind` the way the engine binds it.
cadre::RecordValue as_record(const cadre::Engine& engine, const std::string& kind,
                             const cadre::MapValue& fields) {
  const auto& impl = cadre::internal::impl_of(engine.rules());
  cadre::Activation facts(impl.environment);
  facts.bind(kind, cadre::Value(fields));
  return cadre::internal::bound_slot(facts, impl.record_slots.at(kind))->as_record();
}

// A small deterministic generator (no global state, same sequence every run).
struct Sequence {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  int next(int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  }
};

std::string date(int year, int month, int day) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

std::vector<cadre::RecordValue> peer_population(const cadre::Engine& engine, int size) {
  static const char* const roles[] = {"secretary", "director", "member", "reserve"};
  static const char* const grades[] = {"优秀", "称职", "基本称职", "不称职"};
  static const char* const committee[] = {"好", "较好", "一般", "差"};
  Sequence random;
  std::vector<cadre::RecordValue> records;
  for (int i = 0; i < size; ++i) {
    cadre::MapValue cadre;
    cadre.set("id", "c" + std::to_string(i));
    cadre.set("role", roles[random.next(4)]);
    cadre.set("birth_date", date(1965 + random.next(35), 1 + random.next(12), 1 + random.next(28)));
    cadre.set("full_time_college", random.next(2) == 0);
    cadre.set("tenure_start",
              date(2010 + random.next(14), 1 + random.next(12), 1 + random.next(28)));
    int town_size = 5 + random.next(20);
    cadre.set("town_rank", static_cast<std::int64_t>(1 + random.next(town_size)));
    cadre.set("town_size", static_cast<std::int64_t>(town_size));
    cadre.set("collective_income", static_cast<std::int64_t>(random.next(400) * 1000));
    cadre.set("party_org_stars", static_cast<std::int64_t>(1 + random.next(5)));
    cadre.set("grade", grades[random.next(4)]);
    cadre.set("committee_grade", committee[random.next(4)]);
    cadre.set("competency_rate",
              *cadre::Decimal::parse("0." + std::to_string(70 + random.next(30))));
    cadre.set("missed_targets", random.next(10) == 0);
    cadre.set("skipped_org_life", random.next(10) == 0);
    cadre.set("criminal_conviction", random.next(50) == 0);
    cadre.set("line_deviation", random.next(50) == 0);
    cadre.set("base_performance_pay", static_cast<std::int64_t>(1500 + random.next(1000)));
    records.push_back(as_record(engine, "cadre", cadre));
  }
  return records;
}

// Towns of 20 villages with 5 cadres each; scores and proposed grades vary.
std::vector<cadre::RecordValue> county(const cadre::Engine& engine, int towns) {
  Sequence random;
  std::vector<cadre::RecordValue> records;
  for (int t = 0; t < towns; ++t) {
    std::string town_id = "t" + std::to_string(t);
    cadre::MapValue town;
    town.set("id", town_id);
    town.set("village_cadre_count", std::int64_t{100});
    records.push_back(as_record(engine, "town", town));
    for (int v = 0; v < 20; ++v) {
      std::string village_id = town_id + "v" + std::to_string(v);
      cadre::MapValue village;
      village.set("id", village_id);
      village.set("town_id", town_id);
      records.push_back(as_record(engine, "village", village));
      for (int c = 0; c < 5; ++c) {
        cadre::MapValue cadre;
        cadre.set("id", village_id + "c" + std::to_string(c));
        cadre.set("village_id", village_id);
        cadre.set("roles", cadre::ListValue{c == 0 ? "party_secretary" : "two_committee_member"});
        cadre.set("birth_date",
                  date(1965 + random.next(30), 1 + random.next(12), 1 + random.next(28)));
        cadre.set("party_status", "full");
        cadre.set("proposed_grade", random.next(4) == 0 ? "优秀" : "称职");
        cadre.set("target_score", static_cast<std::int64_t>(60 + random.next(40)));
        cadre.set("report_score", static_cast<std::int64_t>(60 + random.next(40)));
        cadre.set("baseline_performance_pay", static_cast<std::int64_t>(1500 + random.next(1000)));
        cadre::ListValue assessments;
        for (int year = 2016; year <= 2018; ++year) {
          cadre::MapValue entry;
          entry.set("year", static_cast<std::int64_t>(year));
          entry.set("kind", "annual");
          entry.set("grade", random.next(3) == 0 ? "优秀" : "称职");
          assessments.push_back(cadre::Value(entry));
        }
        cadre.set("assessments", cadre::Value(assessments));
        cadre.set("situations", cadre::ListValue{});
        records.push_back(as_record(engine, "cadre", cadre));
      }
    }
  }
  return records;
}

cadre::EvaluationOptions explained(const benchmark::State& state) {
  cadre::EvaluationOptions options;
  options.explain = state.range(0) != 0;
  return options;
}

void BM_EvaluateOneCadre(benchmark::State& state) {
  static const auto engine = load("tests/data/hengyang-example");
  if (!engine) {
    state.SkipWithError("tests/data/hengyang-example did not load");
    return;
  }
  static const auto records = county(*engine, 1);
  // records: town, village, 5 cadres of that village, ...
  const cadre::RecordValue& cadre = records[2];
  std::vector<cadre::RecordValue> related{records[1], records[0]};
  auto as_of = *cadre::Date::parse("2019-02-20");
  auto options = explained(state);
  for (auto _ : state) {
    auto results = engine->evaluate(cadre, related, as_of, options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateOneCadre)->ArgName("explain")->Arg(1)->Arg(0);

void BM_PeerPolicyPopulation(benchmark::State& state) {
  static const auto engine = load("bench/peer-policy");
  if (!engine) {
    state.SkipWithError("bench/peer-policy did not load");
    return;
  }
  auto records = peer_population(*engine, static_cast<int>(state.range(1)));
  auto as_of = *cadre::Date::parse("2024-12-31");
  auto options = explained(state);
  for (auto _ : state) {
    auto results = engine->evaluate_population(records, as_of, options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * state.range(1));
}
BENCHMARK(BM_PeerPolicyPopulation)
    ->ArgNames({"explain", "records"})
    ->Args({1, 1000})
    ->Args({0, 1000})
    ->Args({0, 10000})
    ->Unit(benchmark::kMillisecond);

void BM_CountyPopulation(benchmark::State& state) {
  static const auto engine = load("tests/data/hengyang-example");
  if (!engine) {
    state.SkipWithError("tests/data/hengyang-example did not load");
    return;
  }
  auto records = county(*engine, static_cast<int>(state.range(1)));
  auto as_of = *cadre::Date::parse("2019-02-20");
  auto options = explained(state);
  for (auto _ : state) {
    auto results = engine->evaluate_population(records, as_of, options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}
// 10 towns: 10 + 200 villages + 1,000 cadres, with the town-wide cap.
BENCHMARK(BM_CountyPopulation)
    ->ArgNames({"explain", "towns"})
    ->Args({1, 10})
    ->Args({0, 10})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
