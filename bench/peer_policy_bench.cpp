// The peer policy (shared/bench/PEER_POLICY.md), decided by hand-written C++
// (bench/hand_written: the limit) and by the engine on bench/peer-policy,
// over the same generated records in memory. bench/ratios.py turns a run's
// JSON into the table of docs/performance.md (engine / hand-written, and
// explanations on / off).
#include <benchmark/benchmark.h>

#include "hand_written/peer_policy.hpp"
#include "populations.hpp"

namespace {

constexpr int kRecords = 20'000;
constexpr std::int64_t kMinCollectiveIncome = 100'000;

const cadre::Engine& engine() {
  static const auto loaded = cadre_bench::load_engine("bench/peer-policy");
  return *loaded;
}

const std::vector<cadre::RecordValue>& engine_records() {
  static const auto records = cadre_bench::peer_population(engine(), kRecords);
  return records;
}

cadre::Date as_of() {
  return *cadre::Date::parse("2024-12-31");
}

std::string_view text_of(const cadre::Value& value) {
  if (value.kind() == cadre::ValueKind::enumeration) return value.as_enum().name();
  if (value.kind() == cadre::ValueKind::string) return value.as_string();
  return {};
}

// The same records as the hand-written code takes them, converted once.
cadre_bench::PeerRecord hand_written_record(const cadre::RecordValue& record) {
  using cadre_bench::Field;
  cadre_bench::PeerRecord out;
  const auto& fields = record.type().fields();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const cadre::Value* value = record.field(static_cast<int>(i));
    const auto field = cadre_bench::find_field(fields[i].name);
    if (value == nullptr || !field) continue;
    const auto date = [&] {
      const cadre::Date day = value->as_date();
      return cadre_bench::Date{day.year(), day.month(), day.day()};
    };
    switch (*field) {
      case Field::id:
        out.id = std::string(text_of(*value));
        break;
      case Field::role:
        out.role = cadre_bench::parse_role(text_of(*value));
        break;
      case Field::birth_date:
        out.birth_date = date();
        break;
      case Field::full_time_college:
        out.full_time_college = value->as_bool();
        break;
      case Field::tenure_start:
        out.tenure_start = date();
        break;
      case Field::town_rank:
        out.town_rank = value->as_int();
        break;
      case Field::town_size:
        out.town_size = value->as_int();
        break;
      case Field::collective_income:
        out.collective_income = value->as_int();
        break;
      case Field::party_org_stars:
        out.party_org_stars = value->as_int();
        break;
      case Field::grade:
        out.grade = cadre_bench::parse_grade(text_of(*value));
        break;
      case Field::committee_grade:
        out.committee_grade = cadre_bench::parse_committee_grade(text_of(*value));
        break;
      case Field::competency_rate:
        out.competency_rate = cadre_bench::parse_rate(value->as_decimal().to_string());
        break;
      case Field::missed_targets:
        out.missed_targets = value->as_bool();
        break;
      case Field::skipped_org_life:
        out.skipped_org_life = value->as_bool();
        break;
      case Field::criminal_conviction:
        out.criminal_conviction = value->as_bool();
        break;
      case Field::line_deviation:
        out.line_deviation = value->as_bool();
        break;
      case Field::base_performance_pay:
        out.base_performance_pay = value->as_int();
        break;
    }
  }
  return out;
}

cadre::EvaluationOptions explained(const benchmark::State& state) {
  cadre::EvaluationOptions options;
  options.explain = state.range(0) != 0;
  return options;
}

void BM_PeerHandWritten(benchmark::State& state) {
  std::vector<cadre_bench::PeerRecord> records;
  for (const auto& record : engine_records())
    records.push_back(hand_written_record(record));
  const cadre_bench::Date day{2024, 12, 31};
  for (auto _ : state) {
    for (const auto& record : records) {
      auto decisions = cadre_bench::decide(record, day, kMinCollectiveIncome);
      benchmark::DoNotOptimize(decisions);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}
BENCHMARK(BM_PeerHandWritten);

void BM_PeerEngineOneAtATime(benchmark::State& state) {
  const auto& records = engine_records();
  const std::vector<cadre::RecordValue> related;
  const auto options = explained(state);
  for (auto _ : state) {
    for (const auto& record : records) {
      auto results = engine().evaluate(record, related, as_of(), options);
      benchmark::DoNotOptimize(results);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}
BENCHMARK(BM_PeerEngineOneAtATime)
    ->ArgName("explain")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

void BM_PeerEnginePopulation(benchmark::State& state) {
  const auto& records = engine_records();
  const auto options = explained(state);
  for (auto _ : state) {
    auto results = engine().evaluate_population(records, as_of(), options);
    benchmark::DoNotOptimize(results);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(records.size()));
}
BENCHMARK(BM_PeerEnginePopulation)
    ->ArgName("explain")
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
