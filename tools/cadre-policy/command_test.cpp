// `cadre-policy test RULESET...`: runs the test cases written in rule sets
// and closes with `N passed, N failed` (exit 1 if any failed). A rule set that
// does not load, or a run in which no test ran at all, closes with a line
// that says so instead (exit 2); a rule set without tests is named.
#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/engine.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "engine/test_runner.hpp"

namespace cadre::tool {

namespace {

constexpr const char* kExitStatusHelp =
    "\nexit status:\n"
    "  0  every test passed\n"
    "  1  some tests failed\n"
    "  2  bad input or usage: a rule set did not load, or no test ran at all\n";

std::string rule_sets(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " rule set" : " rule sets");
}

// The closing line. `N passed, N failed` only when every rule set loaded and
// tests ran: a CI that reads that line must not take a run that did not
// test everything for a success.
int close(int passed, int failed, std::size_t not_loaded, std::size_t given) {
  if (not_loaded > 0) {
    if (passed + failed == 0) {
      std::cout << "no tests ran: " << rule_sets(not_loaded) << " did not load\n";
    } else {
      std::cout << "not all tests ran: " << rule_sets(not_loaded) << " did not load (" << passed
                << " passed and " << failed << " failed in the others)\n";
    }
    return kExitBadInput;
  }
  if (passed + failed == 0) {
    std::cout << "no tests ran: "
              << (given == 1 ? std::string("the rule set has none")
                             : "none of the " + rule_sets(given) + " has any")
              << "\n";
    return kExitBadInput;
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed > 0 ? kExitFailures : kExitSuccess;
}

}  // namespace

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
  auto parsed = parse_arguments("test", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  const po::variables_map& vm = *parsed;
  if (!vm.count("ruleset")) {
    return usage_error("test", "no rule set given", options);
  }
  int passed = 0;
  int failed = 0;
  std::size_t not_loaded = 0;
  const auto& paths = vm["ruleset"].as<std::vector<std::string>>();
  for (const auto& path : paths) {
    RuleSetOptions load_options;
    load_options.allowed_root = vm["root"].as<std::string>();
    auto loaded = load_ruleset(path, load_options);
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics)
        std::cerr << format_diagnostic(d) << "\n";
      ++not_loaded;
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
    if (report.passed + report.failed == 0) std::cout << "no tests in `" << path << "`\n";
    passed += report.passed;
    failed += report.failed;
  }
  return close(passed, failed, not_loaded, paths.size());
}

}  // namespace cadre::tool
