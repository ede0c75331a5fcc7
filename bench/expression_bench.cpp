// Benchmarks of the expression language: parse + check + compile, and
// evaluation, for expressions typical of the rule sets (an age threshold, a
// pay formula, a history search, a compound eligibility condition).
#include <benchmark/benchmark.h>

#include <memory>

#include "cadre/expression.hpp"

namespace {

struct Fixture {
  Fixture() {
    auto assessment = std::make_shared<const cadre::RecordType>(
        "assessment", std::vector<cadre::FieldDecl>{{"year", cadre::Type::integer()},
                                                    {"grade", cadre::Type::string()}});
    auto cadre_type = std::make_shared<const cadre::RecordType>(
        "cadre", std::vector<cadre::FieldDecl>{
                     {"birth_date", cadre::Type::date()},
                     {"party_status", cadre::Type::string()},
                     {"education_level", cadre::Type::string()},
                     {"assessments", cadre::Type::list(cadre::Type::record(assessment))}});
    environment.declare("cadre", cadre::Type::record(cadre_type));
    environment.declare("monthly_pay", cadre::Type::decimal());

    cadre::ListValue assessments;
    for (int year = 2015; year <= 2024; ++year) {
      cadre::MapValue entry;
      entry.set("year", year);
      entry.set("grade", year % 3 == 0 ? "称职" : "优秀");
      assessments.push_back(cadre::Value(std::move(entry)));
    }
    cadre::MapValue person;
    person.set("birth_date", "1989-06-15");
    person.set("party_status", "full");
    person.set("education_level", "bachelor");
    person.set("assessments", cadre::Value(std::move(assessments)));
    facts = std::make_unique<cadre::Activation>(environment);
    facts->bind("cadre", cadre::Value(std::move(person)));
    facts->bind("monthly_pay", *cadre::Decimal::parse("3000.00"));
    facts->bind("as_of", *cadre::Date::parse("2024-12-31"));
  }

  cadre::Environment environment;
  std::unique_ptr<cadre::Activation> facts;
};

const Fixture& fixture() {
  static const Fixture instance;
  return instance;
}

const char* const kExpressions[] = {
    "age(cadre.birth_date, as_of) < 35",
    "round(monthly_pay * 1.2, 2)",
    "cadre.assessments.filter(a, a.year >= 2022).all(a, a.grade == '优秀' || a.grade == '称职')",
    "cadre.party_status == 'full' && cadre.education_level in ['college', 'bachelor', "
    "'postgraduate'] && age(cadre.birth_date, as_of) <= 45 && "
    "!cadre.assessments.exists(a, a.grade == '不称职')",
};

void BM_Compile(benchmark::State& state) {
  const char* source = kExpressions[state.range(0)];
  for (auto _ : state) {
    auto result = cadre::compile(source, fixture().environment);
    benchmark::DoNotOptimize(result);
  }
  state.SetLabel(source);
}
BENCHMARK(BM_Compile)->DenseRange(0, 3);

void BM_Evaluate(benchmark::State& state) {
  const char* source = kExpressions[state.range(0)];
  auto compiled = cadre::compile(source, fixture().environment);
  if (!compiled.ok()) {
    state.SkipWithError("does not compile");
    return;
  }
  for (auto _ : state) {
    cadre::Value value = compiled.program->evaluate(*fixture().facts);
    benchmark::DoNotOptimize(value);
  }
  state.SetLabel(source);
}
BENCHMARK(BM_Evaluate)->DenseRange(0, 3);

}  // namespace

BENCHMARK_MAIN();
