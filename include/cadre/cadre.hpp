// cadre::policy, the whole public C++ API in one include.
//
//   #include <cadre/cadre.hpp>
//
//   auto loaded = cadre::load_ruleset("rules/hengyang");
//   if (!loaded.ok()) { for (auto& d : loaded.diagnostics) std::cerr << cadre::format_diagnostic(d)
//   << '\n'; } cadre::Engine engine(*loaded.ruleset); auto outputs =
//   engine.evaluate_batch(cadre::read_records("county.csv", *loaded.ruleset),
//                                        *cadre::Date::parse("2019-03-15"));
//   for (const auto& output : outputs)
//     std::cout << cadre::to_json_line(output, *loaded.ruleset, as_of) << '\n';
//
// Every header here uses the standard library only; link cadre::policy
// (CMake: find_package(CadrePolicy CONFIG REQUIRED)) or `pkg-config --libs cadre-policy`.
// The C API for other languages is cadre/cadre.h.
#pragma once

#include "cadre/date.hpp"
#include "cadre/decimal.hpp"
#include "cadre/decision.hpp"
#include "cadre/diagnostic.hpp"
#include "cadre/engine.hpp"
#include "cadre/expression.hpp"
#include "cadre/hint.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"
#include "cadre/timestamp.hpp"
#include "cadre/type.hpp"
#include "cadre/value.hpp"
#include "cadre/version.hpp"
