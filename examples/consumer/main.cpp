// A program outside the project that uses the installed cadre::policy
// package, as an integrator would:
//  1. compiles and evaluates a pay formula (expects 3600.00);
//  2. with a rule set and a records file as arguments, loads and compiles the
//     rule set once, reads the records, decides them as one population and
//     prints one JSON line per input record (expects as many lines as records).
#include <cadre/engine.hpp>
#include <cadre/expression.hpp>
#include <cadre/output.hpp>
#include <cadre/records.hpp>
#include <cadre/ruleset.hpp>
#include <iostream>

namespace {

bool pay_formula() {
  cadre::Environment environment;
  environment.declare("monthly_pay", cadre::Type::decimal());
  auto compiled = cadre::compile("round(monthly_pay * 1.2, 2)", environment);
  if (!compiled.ok()) {
    for (const auto& diagnostic : compiled.diagnostics)
      std::cerr << cadre::format_diagnostic(diagnostic) << '\n';
    return false;
  }
  cadre::Activation facts(environment);
  facts.bind("monthly_pay", *cadre::Decimal::parse("3000.00"));
  cadre::Value pay = compiled.program->evaluate(facts);
  std::cout << "performance pay: " << pay.debug_string() << '\n';
  return pay.kind() == cadre::ValueKind::decimal && pay.as_decimal().to_string() == "3600.00";
}

bool decide_records(const char* ruleset, const char* records, const char* as_of_text) {
  auto loaded = cadre::load_ruleset(ruleset);
  for (const auto& diagnostic : loaded.diagnostics)
    std::cerr << cadre::format_diagnostic(diagnostic) << '\n';
  if (!loaded.ok()) return false;
  auto batch = cadre::read_records(records, *loaded.ruleset);
  if (!batch.diagnostics.empty()) return false;
  auto as_of = cadre::Date::parse(as_of_text);
  cadre::Engine engine(*loaded.ruleset);
  auto outputs = engine.evaluate_batch(batch, *as_of);
  for (const auto& output : outputs)
    std::cout << cadre::to_json_line(output, *loaded.ruleset, *as_of) << '\n';
  return !outputs.empty() && outputs.size() == batch.records.size();
}

}  // namespace

int main(int argc, char** argv) {
  if (!pay_formula()) return 1;
  if (argc == 4 && !decide_records(argv[1], argv[2], argv[3])) return 1;
  return 0;
}
