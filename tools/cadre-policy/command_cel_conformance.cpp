// `cadre-policy cel-conformance FILE...`: runs CEL conformance cases (the
// YAML format of shared/conformance/cel/README.md) and closes with the line
// `N passed, N failed`. Each binding is declared with the type of its value;
// cases marked `check: false` are compiled without the type checker.
#include <fmt/core.h>

#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/expression.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "yaml_values.hpp"

namespace cadre::tool {

namespace {

struct Tally {
  int passed = 0;
  int failed = 0;
};

std::string describe(const Value& value, const Program* program) {
  if (value.is_error() && program != nullptr && value.as_error().offset >= 0) {
    SourceLocation at = program->locate(value.as_error().offset);
    return fmt::format("error at {}:{}: {}", at.line, at.column, value.as_error().message);
  }
  std::string text = value.debug_string();
  return value.kind() == ValueKind::real ? text + " (double)" : text;
}

// Runs one case; returns an empty string when it passed, else why it failed.
std::string run_case(const YAML::Node& test) {
  std::string source = test["expr"].as<std::string>();
  bool checked = !test["check"] || test["check"].as<bool>();
  Environment environment;
  std::vector<std::pair<std::string, Value>> bindings;
  if (const YAML::Node& node = test["bindings"]) {
    for (const auto& entry : node) {
      Value value = value_from_yaml(entry.second);
      environment.declare(entry.first.as<std::string>(), type_of_value(value));
      bindings.emplace_back(entry.first.as<std::string>(), value);
    }
  }
  CompileOptions options;
  options.type_check = checked ? TypeCheck::enabled : TypeCheck::disabled;
  CompileResult compiled = compile(source, environment, options);
  const YAML::Node& expect = test["expect"];
  bool expect_error = expect["error"] && expect["error"].as<bool>();
  if (!compiled.ok()) {
    std::string problems;
    for (const auto& d : compiled.diagnostics)
      problems += "\n      " + format_diagnostic(d);
    return "does not compile:" + problems;
  }
  Activation facts(environment);
  for (const auto& [name, value] : bindings) {
    std::string problem = facts.bind(name, value);
    if (!problem.empty()) return "cannot bind `" + name + "`: " + problem;
  }
  Value actual = compiled.program->evaluate(facts);
  if (expect_error) {
    return actual.is_error() ? ""
                             : "expected an error, got " + describe(actual, &*compiled.program);
  }
  Value expected = value_from_yaml(expect["value"]);
  if (same_value(expected, actual)) return "";
  return "expected " + describe(expected, nullptr) + ", got " +
         describe(actual, &*compiled.program);
}

bool run_file(const std::string& path, bool verbose, Tally& tally) {
  YAML::Node document;
  try {
    document = YAML::LoadFile(path);
  } catch (const YAML::Exception& error) {
    std::cerr << path << ":" << error.mark.line + 1 << ":" << error.mark.column + 1
              << ": error: " << error.msg << "\n";
    return false;
  }
  for (const auto& test : document["tests"]) {
    std::string name = test["name"].as<std::string>();
    std::string failure = run_case(test);
    if (failure.empty()) {
      ++tally.passed;
      if (verbose) std::cout << "PASS " << path << ": " << name << "\n";
    } else {
      ++tally.failed;
      std::cout << "FAIL " << path << ":" << test["expr"].Mark().line + 1 << ": " << name
                << "\n    " << test["expr"].as<std::string>() << "\n    " << failure << "\n";
    }
  }
  return true;
}

}  // namespace

int run_cel_conformance(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("cadre-policy cel-conformance [--verbose] FILE...");
  options.add_options()("help,h", "print this help")("verbose,v", "list passing cases too")(
      "file", po::value<std::vector<std::string>>(), "conformance YAML file");
  po::positional_options_description positional;
  positional.add("file", -1);
  int exit_code = 0;
  auto parsed = parse_arguments("cel-conformance", args, options, positional, exit_code);
  if (!parsed) return exit_code;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file")) {
    return usage_error("cel-conformance", "no conformance files given", options);
  }
  Tally tally;
  bool readable = true;
  for (const auto& path : vm["file"].as<std::vector<std::string>>()) {
    readable = run_file(path, vm.count("verbose") > 0, tally) && readable;
  }
  std::cout << tally.passed << " passed, " << tally.failed << " failed\n";
  if (!readable) return 2;
  return tally.failed > 0 ? 1 : 0;
}

}  // namespace cadre::tool
