// The public expression API: Activation::bind converting maps to records and
// strings to dates and decimals (and refusing what does not fit, naming the
// path), activations from another environment, the length and nesting limits
// of compile(), error offsets mapped back to line:col, and one Program shared
// by several threads.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/access.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>

namespace {

using cadre::Activation;
using cadre::CompileOptions;
using cadre::Environment;
using cadre::Type;
using cadre::Value;
using cadre::ValueKind;
using cadre::testing::cadre_type;
using cadre::testing::date_value;
using cadre::testing::decimal_value;
using cadre::testing::describe;
using cadre::testing::Harness;
using cadre::testing::list_of;
using cadre::testing::map_of;

Environment cadre_environment() {
  Environment env;
  env.declare("cadre", Type::record(cadre_type()));
  env.declare("pay", Type::decimal());
  env.declare("scores", Type::map(Type::string(), Type::integer()));
  return env;
}

Value full_cadre() {
  return map_of({{"name", "Li Ming"},
                 {"birth_date", "1990-05-15"},
                 {"pay", "3000.00"},
                 {"party_member", true},
                 {"address", map_of({{"village", "Dongcun"}, {"since", "2018-03-01"}})},
                 {"assessments", list_of({map_of({{"year", 2023}, {"grade", "excellent"}}),
                                          map_of({{"year", 2024}, {"grade", "competent"}})})},
                 {"tags", list_of({"reserve"})},
                 {"scores", map_of({{"2024H1", 88}})}});
}

// The value of `source` against `facts`, or a note when it does not compile.
std::string evaluate(const Environment& env, const Activation& facts, const char* source) {
  auto compiled = cadre::compile(source, env);
  if (!compiled.ok()) return "does not compile: " + describe(compiled.diagnostics);
  return cadre::testing::outcome(compiled.program->evaluate(facts));
}

bool mentions(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("binding a map to a record variable makes a record, nested records and lists too") {
  Environment env = cadre_environment();
  Activation facts(env);
  REQUIRE(facts.bind("cadre", full_cadre()) == "");
  const Value* bound = facts.bound("cadre");
  REQUIRE(bound != nullptr);
  CHECK(bound->kind() == ValueKind::record);
  CHECK(&bound->as_record().type() == cadre_type().get());
  CHECK(evaluate(env, facts, "cadre.name") == "\"Li Ming\"");
  CHECK(evaluate(env, facts, "cadre.address.village") == "\"Dongcun\"");
  CHECK(evaluate(env, facts, "cadre.address.town") == "unknown(cadre.address.town)");
  CHECK(evaluate(env, facts, "has(cadre.address.town)") == "false");
  CHECK(evaluate(env, facts, "has(cadre.address.village)") == "true");
  CHECK(evaluate(env, facts, "cadre.assessments[1].grade") == "\"competent\"");
  CHECK(evaluate(env, facts, "cadre.assessments.all(a, a.year >= 2023)") == "true");
  CHECK(evaluate(env, facts, "cadre.scores['2024H1']") == "88");
  CHECK(evaluate(env, facts, "cadre.scores['2025H1']") == "error");
  CHECK(evaluate(env, facts, "cadre.education") == "unknown(cadre.education)");
  const Value& assessment = bound->as_record().field(6)->as_list()[0];
  CHECK(assessment.kind() == ValueKind::record);
}

TEST_CASE("strings bound to date and decimal fields are converted") {
  Environment env = cadre_environment();
  Activation facts(env);
  REQUIRE(facts.bind("cadre", full_cadre()) == "");
  CHECK(evaluate(env, facts, "cadre.birth_date") == "date(\"1990-05-15\")");
  CHECK(evaluate(env, facts, "cadre.birth_date == date('1990-05-15')") == "true");
  CHECK(evaluate(env, facts, "cadre.address.since") == "date(\"2018-03-01\")");
  CHECK(evaluate(env, facts, "cadre.pay == decimal('3000.00')") == "true");
  CHECK(evaluate(env, facts, "round(cadre.pay * 1.2, 2)") == "decimal(\"3600.00\")");
  const cadre::RecordValue& record = facts.bound("cadre")->as_record();
  REQUIRE(record.field(2) != nullptr);
  CHECK(record.field(2)->as_decimal().to_string() == "3000.00");
  REQUIRE(facts.bind("pay", "1800") == "");
  CHECK(evaluate(env, facts, "round(pay * 0.7, 2)") == "decimal(\"1260.00\")");
  REQUIRE(facts.bind("as_of", "2025-05-15") == "");
  CHECK(evaluate(env, facts, "age(cadre.birth_date, as_of)") == "35");
}

TEST_CASE("a null field in a bound map is an absent fact") {
  Environment env = cadre_environment();
  Activation facts(env);
  REQUIRE(facts.bind("cadre", map_of({{"name", "Li"}, {"birth_date", nullptr}})) == "");
  CHECK(evaluate(env, facts, "cadre.birth_date") == "unknown(cadre.birth_date)");
  CHECK(evaluate(env, facts, "has(cadre.birth_date)") == "false");
}

TEST_CASE("binding a value that does not fit its declared type names the path") {
  Environment env = cadre_environment();
  Activation facts(env);
  std::string problem = facts.bind("cadre", map_of({{"birth_date", 5}}));
  CHECK(mentions(problem, "cadre.birth_date"));
  problem = facts.bind("cadre", map_of({{"birth_date", "2023-02-29"}}));
  CHECK(mentions(problem, "cadre.birth_date"));
  problem = facts.bind("cadre", map_of({{"pay", "3,000"}}));
  CHECK(mentions(problem, "cadre.pay"));
  problem = facts.bind("cadre", map_of({{"pay", 3000.5}}));
  CHECK(mentions(problem, "cadre.pay"));
  problem = facts.bind("cadre", map_of({{"address", map_of({{"since", "March 2018"}})}}));
  CHECK(mentions(problem, "cadre.address.since"));
  problem = facts.bind(
      "cadre",
      map_of({{"assessments", list_of({map_of({{"year", 2023}}), map_of({{"year", "2024"}})})}}));
  CHECK(mentions(problem, "cadre.assessments[1].year"));
  problem = facts.bind("cadre", map_of({{"nickname", "Xiao Li"}}));
  CHECK(mentions(problem, "nickname"));
  problem = facts.bind("cadre", "Li Ming");
  CHECK(mentions(problem, "cadre"));
  problem = facts.bind("pay", true);
  CHECK(mentions(problem, "pay"));
  problem = facts.bind("as_of", "yesterday");
  CHECK(mentions(problem, "as_of"));
  CHECK(facts.bound("cadre") == nullptr);
  CHECK(evaluate(env, facts, "cadre") == "unknown(cadre)");
}

TEST_CASE("binding an undeclared name is refused with a message naming it") {
  Environment env = cadre_environment();
  Activation facts(env);
  std::string problem = facts.bind("salary", 3000);
  CHECK_FALSE(problem.empty());
  CHECK(mentions(problem, "salary"));
}

TEST_CASE("unbind makes a variable unknown again and bind_slot binds by slot") {
  Environment env = cadre_environment();
  Activation facts(env);
  REQUIRE(facts.bind("pay", decimal_value("10.00")) == "");
  CHECK(evaluate(env, facts, "pay") == "decimal(\"10.00\")");
  facts.unbind("pay");
  CHECK(evaluate(env, facts, "pay") == "unknown(pay)");
  cadre::internal::bind_slot(facts, cadre::internal::slot_of(env, "as_of"),
                             date_value("2025-01-01"));
  CHECK(evaluate(env, facts, "as_of") == "date(\"2025-01-01\")");
}

TEST_CASE("a map-typed variable with a missing key is an error, a present key its value") {
  Environment env = cadre_environment();
  Activation facts(env);
  REQUIRE(facts.bind("scores", map_of({{"a", 1}})) == "");
  CHECK(evaluate(env, facts, "scores.a") == "1");
  CHECK(evaluate(env, facts, "scores.b") == "error");
  CHECK(evaluate(env, facts, "scores['b']") == "error");
  CHECK(evaluate(env, facts, "has(scores.b)") == "false");
}

TEST_CASE("a Program evaluated with an Activation of another Environment is an error") {
  Environment env = cadre_environment();
  Environment other = cadre_environment();
  auto compiled = cadre::compile("pay", env);
  REQUIRE(compiled.ok());
  Activation foreign(other);
  REQUIRE(foreign.bind("pay", "1.00") == "");
  Value result = compiled.program->evaluate(foreign);
  CHECK(result.is_error());
  Activation before(env);
  env.declare("extra", Type::integer());
  CHECK(compiled.program->evaluate(before).is_unknown());
  auto recompiled = cadre::compile("pay", env);
  REQUIRE(recompiled.ok());
  CHECK(recompiled.program->evaluate(before).is_error());
}

TEST_CASE("an evaluation error carries the offset of the failing operation") {
  Harness harness;
  auto compiled = harness.compile("x.t &&\n  x.n / x.zero > 1");
  REQUIRE(compiled.ok());
  Value result = compiled.program->evaluate(harness.activation());
  REQUIRE(result.is_error());
  cadre::SourceLocation location = compiled.program->locate(result.as_error().offset);
  CHECK(location.line == 2);
  CHECK(location.column == 7);
  CHECK(compiled.program->source() == "x.t &&\n  x.n / x.zero > 1");
}

TEST_CASE("compile() reports an expression longer than limits.max_length") {
  Harness harness;
  harness.options.limits.max_length = 20;
  CHECK(harness.compile("1 + 2 + 3 + 4 + 5 +6").ok());
  auto compiled = harness.compile("1 + 2 + 3 + 4 + 5 + 6 + 7");
  CHECK_FALSE(compiled.ok());
  REQUIRE(compiled.diagnostics.size() == 1);
  CHECK(compiled.diagnostics[0].code == "expr.limit");
  CHECK(mentions(compiled.diagnostics[0].message, "too long"));
  CHECK(compiled.diagnostics[0].location.line == 1);
  CHECK(compiled.diagnostics[0].location.column == 1);
}

TEST_CASE("compile() reports an expression nested deeper than limits.max_depth") {
  Harness harness;
  harness.options.limits.max_depth = 10;
  auto compiled = harness.compile(std::string(20, '(') + "1" + std::string(20, ')'));
  CHECK_FALSE(compiled.ok());
  REQUIRE_FALSE(compiled.diagnostics.empty());
  CHECK(compiled.diagnostics[0].code == "expr.limit");
  CHECK(mentions(compiled.diagnostics[0].message, "nests too deeply"));
  std::string chain = "1";
  for (int i = 0; i < 20; ++i)
    chain += " + 1";
  compiled = harness.compile(chain);
  CHECK_FALSE(compiled.ok());
  REQUIRE_FALSE(compiled.diagnostics.empty());
  CHECK(compiled.diagnostics[0].code == "expr.limit");
  CHECK(harness.compile("((((1))))").ok());
}

TEST_CASE("compile() survives pathological nesting with the default limits") {
  Harness harness;
  for (const std::string& source :
       {std::string(40000, '(') + "1" + std::string(40000, ')'), std::string(90000, '!') + "true",
        std::string(50000, '[') + std::string(50000, ']')}) {
    auto compiled = harness.compile(source);
    CHECK_FALSE(compiled.ok());
    REQUIRE_FALSE(compiled.diagnostics.empty());
    CHECK(compiled.diagnostics[0].code == "expr.limit");
  }
}

TEST_CASE("one Program evaluated from four threads gives each its own correct result") {
  Environment env = cadre_environment();
  auto compiled = cadre::compile(
      "cadre.assessments.exists(a, a.grade == 'excellent') && "
      "age(cadre.birth_date, as_of) >= 35 ? round(cadre.pay * 1.2, 2) : decimal('0')",
      env);
  REQUIRE(compiled.ok());
  const cadre::Program program = *compiled.program;
  constexpr int kThreads = 4;
  constexpr int kRuns = 10000;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Activation facts(env);
      std::string pay = std::to_string(1000 * (t + 1)) + ".00";
      std::string expected = t == 3 ? "0" : std::to_string(1200 * (t + 1)) + ".00";
      // Thread 3 is 34 on as_of, so the condition fails for it.
      std::string birth = t == 3 ? "1990-05-16" : "1990-05-15";
      if (!facts
               .bind("cadre",
                     map_of({{"birth_date", Value(birth)},
                             {"pay", Value(pay)},
                             {"assessments", list_of({map_of({{"grade", "excellent"}})})}}))
               .empty() ||
          !facts.bind("as_of", "2025-05-15").empty()) {
        wrong += kRuns;
        return;
      }
      for (int run = 0; run < kRuns; ++run) {
        Value result = program.evaluate(facts);
        if (result.kind() != ValueKind::decimal || result.as_decimal().to_string() != expected) {
          ++wrong;
        }
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  CHECK(wrong.load() == 0);
}
