// Running test cases: build each test's records (typed by the schema of the
// rule set being tested), evaluate them on the test's date, and compare
// outcome, value, flags and the reasons a result is undetermined with what
// the test expects. The tests may be the rule set's own, another's (a base
// rule set's, run under its variant) or a test file's: their records are
// YAML nodes kept with the origins they were read into.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "engine/result_comparison.hpp"

namespace cadre::model {
struct TestCase;
class Origins;
}  // namespace cadre::model

namespace cadre::engine {

struct TestFailure {
  std::string test;
  SourceLocation location;  ///< of the test
  std::string message;      ///< what differed
  /// On the last failure of an expectation whose result differs from it:
  /// the expectation and the result side by side, with the result's reasons.
  std::optional<ResultComparison> comparison = {};
};

enum class TestStatus : std::uint8_t { passed, failed, not_run };

/// One test case as run: its failures are TestReport::failures[first_failure,
/// first_failure + failure_count).
struct TestCaseResult {
  std::string name;
  SourceLocation location;
  TestStatus status = TestStatus::passed;
  /// not_run: the decision it expects that the rule set run does not have.
  std::string absent_decision;
  std::size_t first_failure = 0;
  std::size_t failure_count = 0;
};

/// A result an expectation checked and found as expected: the decision's id
/// (without the key of a decision made per key) and the result itself.
struct CheckedResult {
  std::string decision;
  DecisionResult result;
  /// Where the decision is written (decision_place): the same text at the
  /// same place is the same rule, whichever rule set (a city's, or a county
  /// variant's inheriting it) ran the test.
  std::string place;
  std::string tested_in;  ///< the rule set whose test checked it (set by the caller)
};

struct TestReport {
  int passed = 0;
  int failed = 0;
  int not_run = 0;  ///< tests expecting a decision the rule set does not have (TestRunOptions)
  std::vector<TestFailure> failures;
  std::vector<TestCaseResult> cases;  ///< every test case, in order
  /// With TestRunOptions::keep_checked: every result that an expectation
  /// named and that matched it, in test order (what coverage counts).
  std::vector<CheckedResult> checked;
};

struct TestRunOptions {
  /// Keep the checked results in the report (for `test --coverage`).
  bool keep_checked = false;
  /// Decisions the tests' own rule set has and the rule set run does not (a
  /// variant disabled them): a test expecting one is not run, and counted
  /// apart, instead of failing.
  std::vector<std::string> absent_decisions = {};
};

/// Test cases and the YAML they were read from: their records are nodes of
/// `origins`, typed when the tests run by the schema of the rule set run.
struct TestCases {
  const std::vector<model::TestCase>* cases = nullptr;
  const model::Origins* origins = nullptr;
};

/// The rule set's own test cases.
TestCases tests_of(const CompiledRuleSet& rules);

/// The root file of the rule set `rules` extends, as the loader found it
/// (relative to the current folder when `rules` was named so); nullopt when
/// it extends none.
std::optional<std::filesystem::path> extended_ruleset(const CompiledRuleSet& rules);

/// The decisions `base` has and `variant` does not: those the variant disables.
std::vector<std::string> decisions_missing_from(const CompiledRuleSet& variant,
                                                const CompiledRuleSet& base);

/// Where `decision` of `rules` is written: its file (resolved: however the
/// rule set was named) and line; empty for an unknown id.
std::string decision_place(const CompiledRuleSet& rules, const std::string& decision);

/// Runs every test case of the rule set; one test counts once, failed if any
/// expectation in it differs.
TestReport run_tests(const Engine& engine, const TestRunOptions& options = {});

/// Runs `cases` against the engine's rule set: their records typed by its
/// schema, their expectations checked against its decisions.
TestReport run_test_cases(const Engine& engine, const TestCases& cases,
                          const TestRunOptions& options = {});

}  // namespace cadre::engine
