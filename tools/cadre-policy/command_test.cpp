// `cadre-policy test RULESET...`: runs the test cases written in rule sets
// and closes with `N passed, N failed` (exit 1 if any failed, 2 if a rule set
// does not load).
#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/engine.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "engine/test_runner.hpp"

namespace cadre::tool {

int run_test(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("cadre-policy test [--root DIR] RULESET...");
  options.add_options()("help,h", "print this help")(
      "root", po::value<std::string>()->default_value(""),
      "folder that includes and extends may not leave")(
      "ruleset", po::value<std::vector<std::string>>(), "rule set folder or ruleset.yaml");
  po::positional_options_description positional;
  positional.add("ruleset", -1);
  int exit_code = 0;
  auto parsed = parse_arguments("test", args, options, positional, exit_code);
  if (!parsed) return exit_code;
  const po::variables_map& vm = *parsed;
  if (!vm.count("ruleset")) {
    return usage_error("test", "no rule set given", options);
  }
  int passed = 0;
  int failed = 0;
  bool loaded_all = true;
  for (const auto& path : vm["ruleset"].as<std::vector<std::string>>()) {
    RuleSetOptions load_options;
    load_options.allowed_root = vm["root"].as<std::string>();
    auto loaded = load_ruleset(path, load_options);
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics)
        std::cerr << format_diagnostic(d) << "\n";
      loaded_all = false;
      continue;
    }
    engine::TestReport report = engine::run_tests(Engine(*loaded.ruleset));
    for (const auto& failure : report.failures) {
      std::cout << "FAIL "
                << format_diagnostic({Severity::error,
                                      "test",
                                      failure.location,
                                      failure.test + ": " + failure.message,
                                      {}})
                << "\n";
    }
    passed += report.passed;
    failed += report.failed;
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  if (!loaded_all) return 2;
  return failed > 0 ? 1 : 0;
}

}  // namespace cadre::tool
