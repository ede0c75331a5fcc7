// `cadre-policy test RULESET... [TESTFILE...]`: runs the test cases written
// in rule sets, and those of test files (a top-level `tests:` only) against
// every rule set given, and closes with `N passed, N failed` (exit 1 if any
// failed). A failure shows the expectation and the result side by side with
// the result's reasons. A rule set or test file that does not load, or a run
// in which no test ran at all, closes with a line that says so instead (exit
// 2); a rule set without tests is named.
//
// `--coverage` reports what the tests exercised, per decision and part, and
// the gaps they leave (src/engine/test_coverage.hpp); `--coverage=strict`
// makes a gap a failure. `--format json` prints the coverage as one JSON
// document on stdout and the test lines on stderr. The checked results of
// every rule set given are pooled: a rule (its text at its place) shared by a
// rule set and its variants counts the tests of each.
//
// `--base-tests` runs, under each variant, the tests of the rule set it
// extends: each holds or is changed by the variant (information, unless
// `--base-tests=strict`). `--junit FILE` writes every result as JUnit XML.
// `--snapshot DIR [RULESET]` instead compares a snapshot with its records
// decided again (test_snapshot.cpp).
#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/engine.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "engine/test_coverage.hpp"
#include "engine/test_runner.hpp"
#include "output_file.hpp"
#include "render/coverage.hpp"
#include "render/junit.hpp"
#include "render/test_report_text.hpp"
#include "snapshot_files.hpp"
#include "test_inputs.hpp"

namespace cadre::tool {

namespace {

constexpr const char* kExitStatusHelp =
    "\nA TESTFILE holds only `tests:`, in the format of a rule set's tests; it is run\n"
    "against every rule set given (docs/rules.md, \"Tests\").\n"
    "\n--coverage reports, per rule set, the outcomes each decision took in checked\n"
    "results and whether each condition was seen passing, failing and unknown; a gap\n"
    "is an outcome or status never seen (docs/rules.md, \"Test coverage\"). The tests of\n"
    "all rule sets given count for the rules they share: name a rule set with its\n"
    "variants and readings to see what their tests exercise of its rules.\n"
    "\n--base-tests runs, under each variant given, the tests of the rule set it extends:\n"
    "each holds or is CHANGED by the variant (docs/rules.md, \"Variants\").\n"
    "\n--snapshot DIR [RULESET] decides a snapshot's records again (with RULESET, else\n"
    "the rule set it was made with) and reports every decision that changed; it closes\n"
    "with `snapshot: N decisions, N unchanged, N changed` (docs/snapshots.md).\n"
    "\nexit status:\n"
    "  0  every test passed (and, with --coverage=strict, no gaps; with\n"
    "     --base-tests=strict, no base test changed); --snapshot: nothing changed\n"
    "  1  some tests failed, --coverage=strict found gaps, --base-tests=strict found\n"
    "     base tests changed; --snapshot: some decisions changed\n"
    "  2  bad input or usage: a rule set or test file did not load, no test ran at\n"
    "     all, --base-tests of a rule set that extends none, the snapshot cannot be\n"
    "     read, or --junit FILE could not be written\n";

struct TestSettings {
  std::string root;
  std::string coverage;    ///< empty: no coverage; "report" or "strict"
  std::string base_tests;  ///< empty: none; "report" or "strict"
  std::string format;
  std::string junit;
  std::string snapshot;
  std::vector<std::string> inputs;
};

std::string counted(std::size_t count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// "1 rule set", "2 test files", "1 rule set and 1 test file".
std::string not_loaded_text(const TestInputs& inputs) {
  std::string out;
  if (inputs.rule_sets_failed > 0) out = counted(inputs.rule_sets_failed, "rule set");
  if (inputs.test_files_failed > 0) {
    out += (out.empty() ? "" : " and ") + counted(inputs.test_files_failed, "test file");
  }
  return out + " did not load";
}

// The closing line. `N passed, N failed` only when everything loaded and
// tests ran: a CI that reads that line must not take a run that did not
// test everything for a success.
int close(std::ostream& out, int passed, int failed, const TestInputs& inputs) {
  if (inputs.rule_sets_failed + inputs.test_files_failed > 0) {
    if (passed + failed == 0) {
      out << "no tests ran: " << not_loaded_text(inputs) << "\n";
    } else {
      out << "not all tests ran: " << not_loaded_text(inputs) << " (" << passed << " passed and "
          << failed << " failed in the others)\n";
    }
    return kExitBadInput;
  }
  if (passed + failed == 0) {
    const std::size_t given = inputs.rule_sets_given;
    out << "no tests ran: "
        << (given == 1 && inputs.test_files.empty()
                ? std::string("the rule set has none")
                : "none of the " + counted(given, "rule set") + " has any")
        << "\n";
    return kExitBadInput;
  }
  out << passed << " passed, " << failed << " failed\n";
  return failed > 0 ? kExitFailures : kExitSuccess;
}

/// The results of a run, gathered for the closing line, coverage and JUnit.
struct Tally {
  int passed = 0;
  int failed = 0;
  int changed = 0;  ///< base tests changed by a variant
  std::vector<render::JUnitSuite> suites;
  std::vector<engine::CheckedResult> checked;
  std::vector<std::pair<std::string, const CompiledRuleSet*>> covered;
  std::vector<engine::TestReport> reports;  ///< of the rule sets covered
};

void run_rule_set(const RuleSetInput& input, const TestSettings& settings, std::ostream& lines,
                  Tally& tally) {
  const bool coverage = !settings.coverage.empty();
  const Engine engine(input.rules);
  engine::TestReport report = engine::run_tests(engine, {.keep_checked = coverage});
  lines << render::test_failures_text(report, render::FailureKind::failed);
  if (report.passed + report.failed == 0) lines << "no tests in `" << input.path << "`\n";
  tally.passed += report.passed;
  tally.failed += report.failed;
  render::JUnitSuite suite =
      render::junit_suite(report, input.rules.id(), input.rules.id(), "expectation");
  suite.properties = {{"ruleset", input.path}};
  tally.suites.push_back(std::move(suite));
  if (input.base) {
    // The base's tests, their records typed by the variant's schema, under
    // the variant's rules: a test that no longer holds is information.
    engine::TestRunOptions options;
    options.absent_decisions = engine::decisions_missing_from(input.rules, *input.base);
    engine::TestReport base =
        engine::run_test_cases(engine, engine::tests_of(*input.base), options);
    lines << render::test_failures_text(base, render::FailureKind::changed)
          << render::base_tests_summary(base, input.base_path);
    tally.changed += base.failed;
    render::JUnitSuite base_suite =
        render::junit_suite(base, input.rules.id() + " (base tests of " + input.base->id() + ")",
                            input.rules.id(), "changed_by_variant");
    base_suite.properties = {{"ruleset", input.path}, {"base", input.base_path}};
    tally.suites.push_back(std::move(base_suite));
  }
  if (!coverage) return;
  for (auto& one : report.checked) {
    one.tested_in = input.path;
    tally.checked.push_back(std::move(one));
  }
  report.checked.clear();
  tally.reports.push_back(std::move(report));
  tally.covered.emplace_back(input.path, &input.rules);
}

void run_test_file(const TestFileInput& file, const RuleSetInput& input,
                   const TestSettings& settings, std::ostream& lines, Tally& tally) {
  const engine::TestCases cases{&file.file->tests, &file.file->origins};
  engine::TestReport report = engine::run_test_cases(Engine(input.rules), cases,
                                                     {.keep_checked = !settings.coverage.empty()});
  lines << render::test_file_heading(report, file.path, input.path)
        << render::test_failures_text(report, render::FailureKind::failed);
  tally.passed += report.passed;
  tally.failed += report.failed;
  render::JUnitSuite suite = render::junit_suite(report, file.path + " against " + input.rules.id(),
                                                 input.rules.id(), "expectation");
  suite.properties = {{"ruleset", input.path}, {"test_file", file.path}};
  tally.suites.push_back(std::move(suite));
  for (auto& one : report.checked) {
    one.tested_in = file.path;
    tally.checked.push_back(std::move(one));
  }
}

// The coverage tables (or JSON document) of the rule sets run.
std::size_t report_coverage(const Tally& tally, bool json) {
  std::vector<engine::RuleSetCoverage> coverages;
  for (std::size_t i = 0; i < tally.covered.size(); ++i) {
    coverages.push_back(
        engine::compute_coverage(*tally.covered[i].second, tally.checked, tally.covered[i].first));
    coverages.back().tests_passed = tally.reports[i].passed;
    coverages.back().tests_failed = tally.reports[i].failed;
    if (!json) std::cout << render::coverage_text(coverages.back());
  }
  if (json) {
    std::cout << render::coverage_json(coverages) << "\n";
  } else if (coverages.size() > 1) {
    std::cout << "coverage: " << render::coverage_totals(coverages) << "\n";
  }
  std::size_t gaps = 0;
  for (const auto& one : coverages)
    gaps += one.gaps();
  return gaps;
}

bool write_junit(const std::string& target, const std::vector<render::JUnitSuite>& suites) {
  Output out;
  std::string problem = out.open_file(target);
  if (problem.empty()) {
    out.write(render::junit_xml(suites));
    problem = out.finish();
  }
  if (problem.empty()) return true;
  std::cerr << "cadre-policy test: " << problem << "\n";
  return false;
}

int run(const TestSettings& settings) {
  if (!settings.junit.empty()) {
    if (std::string problem = Output::check_target(settings.junit); !problem.empty()) {
      std::cerr << "cadre-policy test: " << problem << "\n";
      return kExitBadInput;
    }
  }
  TestInputs inputs = load_test_inputs(settings.inputs, settings.root);
  if (inputs.rule_sets_given == 0) {
    std::cerr << "cadre-policy test: no rule set given: a test file runs against the rule sets "
                 "given beside it\n";
    return kExitBadInput;
  }
  if (!settings.base_tests.empty() && !load_bases(inputs, settings.root)) return kExitBadInput;
  const bool json = settings.format == "json";
  // With JSON on stdout, the lines for people go to stderr.
  std::ostream& lines = json ? std::cerr : std::cout;
  Tally tally;
  for (const auto& failed : inputs.failed) {
    tally.suites.push_back(render::junit_load_error(failed.path, failed.path, failed.diagnostics));
  }
  for (const auto& input : inputs.rule_sets)
    run_rule_set(input, settings, lines, tally);
  for (const auto& file : inputs.test_files) {
    if (file.file->tests.empty()) lines << "no tests in `" << file.path << "`\n";
    for (const auto& input : inputs.rule_sets)
      run_test_file(file, input, settings, lines, tally);
  }
  const std::size_t gaps = settings.coverage.empty() ? 0 : report_coverage(tally, json);
  if (!settings.junit.empty() && !write_junit(settings.junit, tally.suites)) return kExitBadInput;
  int status = close(lines, tally.passed, tally.failed, inputs);
  if (status == kExitSuccess && settings.coverage == "strict" && gaps > 0) {
    lines << "coverage gaps: " << gaps << " (--coverage=strict)\n";
    status = kExitFailures;
  }
  if (status == kExitSuccess && settings.base_tests == "strict" && tally.changed > 0) {
    lines << "base tests changed by the variant: " << tally.changed << " (--base-tests=strict)\n";
    status = kExitFailures;
  }
  return status;
}

// With --snapshot: the snapshot's folder, and at most one rule set.
int run_snapshot_mode(const TestSettings& settings,
                      const boost::program_options::options_description& options) {
  if (settings.inputs.size() > 1) {
    return usage_error("test", "--snapshot takes at most one rule set, to decide it again with",
                       options);
  }
  if (!settings.coverage.empty() || !settings.base_tests.empty()) {
    return usage_error("test", "--snapshot does not run tests: no --coverage or --base-tests",
                       options);
  }
  return test_snapshot({settings.snapshot,
                        settings.inputs.empty() ? std::string() : settings.inputs.front(),
                        settings.root, settings.junit});
}

}  // namespace

int run_test(const std::vector<std::string>& given) {
  namespace po = boost::program_options;
  // A bare `--coverage` (`--base-tests`) takes its implicit value: Boost
  // would otherwise read the next word, a rule set, as the option's value.
  std::vector<std::string> args = given;
  for (auto& arg : args) {
    if (arg == "--coverage") arg = "--coverage=report";
    if (arg == "--base-tests") arg = "--base-tests=report";
  }
  TestSettings settings;
  po::options_description options(
      "cadre-policy test [--root DIR] [--coverage[=strict]] [--format text|json] "
      "[--base-tests[=strict]] [--junit FILE] RULESET... [TESTFILE...]\n"
      "cadre-policy test --snapshot DIR [RULESET] [--root DIR] [--junit FILE]");
  options.add_options()("help,h", "print this help")(
      "root", po::value(&settings.root)->default_value(""),
      "folder that includes and extends may not leave")(
      "coverage", po::value(&settings.coverage)->implicit_value("report"),
      "report what the tests exercised; =strict: exit 1 when there are gaps")(
      "format", po::value(&settings.format)->default_value("text"),
      "coverage as text (a table per rule set) or json (one document on stdout)")(
      "base-tests", po::value(&settings.base_tests)->implicit_value("report"),
      "also run the tests of the rule set each variant extends; =strict: exit 1 when the "
      "variant changes any")(
      "junit", po::value(&settings.junit),
      "write the results as JUnit XML to FILE (replaced only by a complete report)")(
      "snapshot", po::value(&settings.snapshot),
      "decide the snapshot in DIR again and report what changed")(
      "input", po::value(&settings.inputs), "rule set folder, ruleset.yaml or test file");
  po::positional_options_description positional;
  positional.add("input", -1);
  int exit_code = 0;
  auto parsed = parse_arguments("test", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  if (!settings.snapshot.empty()) return run_snapshot_mode(settings, options);
  if (settings.inputs.empty()) return usage_error("test", "no rule set given", options);
  for (const std::string& problem :
       {choice_problem("--format", settings.format, {"text", "json"}),
        settings.coverage.empty()
            ? std::string()
            : choice_problem("--coverage", settings.coverage, {"report", "strict"}),
        settings.base_tests.empty()
            ? std::string()
            : choice_problem("--base-tests", settings.base_tests, {"report", "strict"})}) {
    if (!problem.empty()) return usage_error("test", problem, options);
  }
  if (settings.format == "json" && settings.coverage.empty()) {
    return usage_error("test", "--format json is the coverage report's: give --coverage too",
                       options);
  }
  return run(settings);
}

}  // namespace cadre::tool
