// Compiles and evaluates a pay formula through the installed cadre::policy
// package; prints the result and exits non-zero if it is not 3600.00.
#include <cadre/expression.hpp>
#include <iostream>

int main() {
  cadre::Environment environment;
  environment.declare("monthly_pay", cadre::Type::decimal());
  auto compiled = cadre::compile("round(monthly_pay * 1.2, 2)", environment);
  if (!compiled.ok()) {
    for (const auto& diagnostic : compiled.diagnostics) {
      std::cerr << cadre::format_diagnostic(diagnostic) << '\n';
    }
    return 1;
  }
  cadre::Activation facts(environment);
  facts.bind("monthly_pay", *cadre::Decimal::parse("3000.00"));
  cadre::Value pay = compiled.program->evaluate(facts);
  std::cout << "performance pay: " << pay.debug_string() << '\n';
  return pay.kind() == cadre::ValueKind::decimal && pay.as_decimal().to_string() == "3600.00" ? 0
                                                                                              : 1;
}
