// Running a rule set's own test cases: build each test's records, evaluate
// the expected records on the test's date, compare outcome, value, flags and
// the reasons it is undetermined with what the test expects.
#pragma once

#include "cadre/export.hpp"

#include <string>
#include <vector>

#include "cadre/engine.hpp"

namespace cadre::engine {

struct TestFailure {
  std::string test;
  SourceLocation location;  ///< of the expectation (or the test)
  std::string message;      ///< what differed
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
  std::vector<TestFailure> failures;
  /// With TestRunOptions::keep_checked: every result that an expectation
  /// named and that matched it, in test order (what coverage counts).
  std::vector<CheckedResult> checked;
};

struct TestRunOptions {
  /// Keep the checked results in the report (for `test --coverage`).
  bool keep_checked = false;
};

/// Where `decision` of `rules` is written: its file (resolved: however the
/// rule set was named) and line; empty for an unknown id.
CADRE_API std::string decision_place(const CompiledRuleSet& rules, const std::string& decision);

/// Exported (CADRE_API) for the command-line tool, which links the shared
/// library in shared builds; not part of the public headers yet.
/// Runs every test case of the rule set; one test counts once, failed if any
/// expectation in it differs.
CADRE_API TestReport run_tests(const Engine& engine, const TestRunOptions& options = {});

}  // namespace cadre::engine
