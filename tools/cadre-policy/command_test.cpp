// `cadre-policy test RULESET...`: runs the test cases written in rule sets
// and closes with `N passed, N failed` (exit 1 if any failed). A rule set that
// does not load, or a run in which no test ran at all, closes with a line
// that says so instead (exit 2); a rule set without tests is named.
//
// `--coverage` reports what the tests exercised, per decision and part, and
// the gaps they leave (src/engine/test_coverage.hpp); `--coverage=strict`
// makes a gap a failure. `--format json` prints the coverage as one JSON
// document on stdout and the test lines on stderr. The checked results of
// every rule set given are pooled: a rule (its text at its place) shared by a
// rule set and its variants counts the tests of each.
#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/engine.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "engine/test_coverage.hpp"
#include "engine/test_runner.hpp"
#include "render/coverage.hpp"

namespace cadre::tool {

namespace {

constexpr const char* kExitStatusHelp =
    "\n--coverage reports, per rule set, the outcomes each decision took in checked\n"
    "results and whether each condition was seen passing, failing and unknown; a gap\n"
    "is an outcome or status never seen (docs/rules.md, \"Test coverage\"). The tests of\n"
    "all rule sets given count for the rules they share: name a rule set with its\n"
    "variants and readings to see what their tests exercise of its rules.\n"
    "\nexit status:\n"
    "  0  every test passed (and, with --coverage=strict, no gaps)\n"
    "  1  some tests failed, or --coverage=strict found gaps\n"
    "  2  bad input or usage: a rule set did not load, or no test ran at all\n";

struct TestSettings {
  std::string root;
  std::string coverage;  ///< empty: no coverage; "report" or "strict"
  std::string format;
  std::vector<std::string> rulesets;
};

std::string rule_sets(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " rule set" : " rule sets");
}

// The closing line. `N passed, N failed` only when every rule set loaded and
// tests ran: a CI that reads that line must not take a run that did not
// test everything for a success.
int close(std::ostream& out, int passed, int failed, std::size_t not_loaded, std::size_t given) {
  if (not_loaded > 0) {
    if (passed + failed == 0) {
      out << "no tests ran: " << rule_sets(not_loaded) << " did not load\n";
    } else {
      out << "not all tests ran: " << rule_sets(not_loaded) << " did not load (" << passed
          << " passed and " << failed << " failed in the others)\n";
    }
    return kExitBadInput;
  }
  if (passed + failed == 0) {
    out << "no tests ran: "
        << (given == 1 ? std::string("the rule set has none")
                       : "none of the " + rule_sets(given) + " has any")
        << "\n";
    return kExitBadInput;
  }
  out << passed << " passed, " << failed << " failed\n";
  return failed > 0 ? kExitFailures : kExitSuccess;
}

int run(const TestSettings& settings) {
  const bool coverage = !settings.coverage.empty();
  const bool json = settings.format == "json";
  // With JSON on stdout, the lines for people go to stderr.
  std::ostream& lines = json ? std::cerr : std::cout;
  int passed = 0;
  int failed = 0;
  std::size_t not_loaded = 0;
  // Coverage pools the checked results of every rule set run: a rule shared
  // by a city and its county variant counts the tests of both.
  std::vector<std::pair<std::string, CompiledRuleSet>> tested;
  std::vector<engine::CheckedResult> checked;
  std::vector<engine::TestReport> reports;
  for (const auto& path : settings.rulesets) {
    RuleSetOptions load_options;
    load_options.allowed_root = settings.root;
    auto loaded = load_ruleset(path, load_options);
    if (!loaded.ok()) {
      for (const auto& d : loaded.diagnostics)
        std::cerr << format_diagnostic(d) << "\n";
      ++not_loaded;
      continue;
    }
    engine::TestReport report =
        engine::run_tests(Engine(*loaded.ruleset), {.keep_checked = coverage});
    for (const auto& failure : report.failures) {
      lines << "FAIL "
            << format_diagnostic({Severity::error,
                                  "test",
                                  failure.location,
                                  failure.test + ": " + failure.message,
                                  {}})
            << "\n";
    }
    if (report.passed + report.failed == 0) lines << "no tests in `" << path << "`\n";
    passed += report.passed;
    failed += report.failed;
    if (!coverage) continue;
    for (auto& one : report.checked) {
      one.tested_in = path;
      checked.push_back(std::move(one));
    }
    report.checked.clear();
    reports.push_back(std::move(report));
    tested.emplace_back(path, std::move(*loaded.ruleset));
  }
  std::vector<engine::RuleSetCoverage> coverages;
  for (std::size_t i = 0; i < tested.size(); ++i) {
    coverages.push_back(engine::compute_coverage(tested[i].second, checked, tested[i].first));
    coverages.back().tests_passed = reports[i].passed;
    coverages.back().tests_failed = reports[i].failed;
    if (!json) std::cout << render::coverage_text(coverages.back());
  }
  if (json) {
    std::cout << render::coverage_json(coverages) << "\n";
  } else if (coverages.size() > 1) {
    std::cout << "coverage: " << render::coverage_totals(coverages) << "\n";
  }
  int status = close(lines, passed, failed, not_loaded, settings.rulesets.size());
  std::size_t gaps = 0;
  for (const auto& one : coverages)
    gaps += one.gaps();
  if (status == kExitSuccess && settings.coverage == "strict" && gaps > 0) {
    lines << "coverage gaps: " << gaps << " (--coverage=strict)\n";
    return kExitFailures;
  }
  return status;
}

}  // namespace

int run_test(const std::vector<std::string>& given) {
  namespace po = boost::program_options;
  // A bare `--coverage` takes its implicit value: Boost would otherwise read
  // the next word, a rule set, as the option's value.
  std::vector<std::string> args = given;
  for (auto& arg : args) {
    if (arg == "--coverage") arg = "--coverage=report";
  }
  TestSettings settings;
  po::options_description options(
      "cadre-policy test [--root DIR] [--coverage[=strict]] [--format text|json] RULESET...");
  options.add_options()("help,h", "print this help")(
      "root", po::value(&settings.root)->default_value(""),
      "folder that includes and extends may not leave")(
      "coverage", po::value(&settings.coverage)->implicit_value("report"),
      "report what the tests exercised; =strict: exit 1 when there are gaps")(
      "format", po::value(&settings.format)->default_value("text"),
      "coverage as text (a table per rule set) or json (one document on stdout)")(
      "ruleset", po::value(&settings.rulesets), "rule set folder or ruleset.yaml");
  po::positional_options_description positional;
  positional.add("ruleset", -1);
  int exit_code = 0;
  auto parsed = parse_arguments("test", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  if (settings.rulesets.empty()) return usage_error("test", "no rule set given", options);
  for (const std::string& problem :
       {choice_problem("--format", settings.format, {"text", "json"}),
        settings.coverage.empty()
            ? std::string()
            : choice_problem("--coverage", settings.coverage, {"report", "strict"})}) {
    if (!problem.empty()) return usage_error("test", problem, options);
  }
  if (settings.format == "json" && settings.coverage.empty()) {
    return usage_error("test", "--format json is the coverage report's: give --coverage too",
                       options);
  }
  return run(settings);
}

}  // namespace cadre::tool
