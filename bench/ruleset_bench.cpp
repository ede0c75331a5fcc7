// Benchmark of load + validate + compile for a generated rule set of 100 and
// of 1,000 decisions (eligibility with conditions and a disqualifier, pay formulas and
// decision tables over 100 parameters and 20 derived values), written to a
// temporary folder once.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cadre/ruleset.hpp"

namespace {

std::string header() {
  return R"(ruleset:
  id: generated
  version: 1.0.0
  title: {en: generated benchmark rule set}
  valid: {from: 2020-01-01}
sources:
  HY: {title: {en: benchmark}, nature: normative}
schema:
  enums:
    grade: {values: [优秀, 称职, 基本称职, 不称职], order: descending}
  records:
    cadre:
      fields:
        id: string
        birth_date: date
        grade: grade
        pay: decimal
        score: int
        party_member: bool
        assessments:
          list: {year: int, grade: grade}
)";
}

std::string parameters() {
  std::string out = "parameters:\n";
  for (int i = 0; i < 100; ++i) {
    out += "  hy.p" + std::to_string(i) + ": {type: int, value: " + std::to_string(30 + i % 20) +
           ", cite: HY-PAY-01}\n";
  }
  out += "  hy.rate: {type: decimal, value: 1.20, cite: HY-PAY-02}\n";
  out += "derived:\n";
  for (int i = 0; i < 20; ++i) {
    out += "  hy.d" + std::to_string(i) +
           ": {subject: cadre, expr: \"age(cadre.birth_date, as_of) + " + std::to_string(i) +
           "\", cite: HY-ELIG-01}\n";
  }
  return out;
}

std::string decision(int i) {
  std::string id = "hy.r" + std::to_string(i);
  std::string p = "hy.p" + std::to_string(i % 100);
  std::string d = "hy.d" + std::to_string(i % 20);
  switch (i % 3) {
    case 0:
      return "  - id: " + id +
             "\n    kind: eligibility\n    subject: cadre\n    cite: HY-ELIG-01\n" +
             "    all:\n      - {id: age, when: \"" + d + " <= " + p + "\"}\n" +
             "      - {id: member, when: cadre.party_member}\n" +
             "      - {id: grade, when: \"cadre.grade >= '称职'\"}\n" +
             "    none:\n      - {id: bad, when: \"cadre.assessments.exists(a, a.grade == "
             "'不称职')\"}\n";
    case 1:
      return "  - id: " + id + "\n    kind: pay\n    subject: cadre\n    cite: HY-PAY-02\n" +
             "    components:\n      - {id: base, formula: \"cadre.pay * hy.rate + " + p +
             "\", round: {places: 2}}\n";
    default:
      return "  - id: " + id +
             "\n    kind: assessment\n    subject: cadre\n    cite: HY-ASSESS-01\n" +
             "    table:\n      hit: first\n      inputs:\n        - {id: g, expr: cadre.grade}\n" +
             "        - {id: s, expr: cadre.score}\n      rules:\n" +
             "        - {when: {g: [优秀], s: \">= 90\"}, value: \"3\"}\n" +
             "        - {when: {g: [优秀, 称职]}, value: \"2\"}\n" +
             "        - {when: {}, value: \"1\"}\n";
  }
}

/// The generated rule set of `decisions` decisions, written once per size.
std::filesystem::path generated_ruleset(int decisions) {
  auto path =
      std::filesystem::temp_directory_path() / ("cadre-bench-ruleset-" + std::to_string(decisions));
  std::filesystem::create_directories(path);
  std::ofstream out(path / "ruleset.yaml");
  out << header() << parameters() << "decisions:\n";
  for (int i = 0; i < decisions; ++i)
    out << decision(i);
  return path;
}

// Targets (docs/performance.md): 1,000 decisions under 50 ms, 100 under 5 ms.
void BM_LoadValidateCompile(benchmark::State& state) {
  const auto path = generated_ruleset(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto result = cadre::load_ruleset(path);
    if (!result.ok()) {
      state.SkipWithError(result.diagnostics.empty() ? "failed"
                                                     : result.diagnostics.front().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_LoadValidateCompile)
    ->ArgName("decisions")
    ->Arg(100)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
