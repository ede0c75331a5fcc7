// Fuzz target: any bytes as an expression must compile to a program or to
// diagnostics, and a compiled program must evaluate to a value, an error or an
// unknown — never crash, hang or read out of bounds. Built with libFuzzer
// (clang, CADRE_BUILD_FUZZERS=ON) or replayed over a corpus by replay_main.cpp.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "cadre/expression.hpp"

namespace {

struct Facts {
  Facts() {
    auto record = std::make_shared<const cadre::RecordType>(
        "cadre",
        std::vector<cadre::FieldDecl>{{"birth_date", cadre::Type::date()},
                                      {"grade", cadre::Type::string()},
                                      {"pay", cadre::Type::decimal()},
                                      {"years", cadre::Type::list(cadre::Type::integer())}});
    environment.declare("cadre", cadre::Type::record(record));
    environment.declare("n", cadre::Type::integer());
    environment.declare("x", cadre::Type::dyn());
    activation = std::make_unique<cadre::Activation>(environment);
    cadre::MapValue person;
    person.set("birth_date", "1990-02-28");
    person.set("pay", "3000.00");
    person.set("years", cadre::ListValue{2022, 2023});
    activation->bind("cadre", cadre::Value(std::move(person)));
    activation->bind("n", 7);
    activation->bind("x", cadre::ListValue{1, "a", 2.5});
  }
  cadre::Environment environment;
  std::unique_ptr<cadre::Activation> activation;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Facts facts;
  std::string_view source(reinterpret_cast<const char*>(data), size);
  cadre::CompileOptions options;
  options.limits.max_iterations = 10'000;
  for (auto check : {cadre::TypeCheck::enabled, cadre::TypeCheck::disabled}) {
    options.type_check = check;
    auto compiled = cadre::compile(source, facts.environment, options);
    if (compiled.ok()) compiled.program->evaluate(*facts.activation).debug_string();
  }
  return 0;
}
