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

struct TestReport {
  int passed = 0;
  int failed = 0;
  std::vector<TestFailure> failures;
};

/// Exported (CADRE_API) for the command-line tool, which links the shared
/// library in shared builds; not part of the public headers yet.
/// Runs every test case of the rule set; one test counts once, failed if any
/// expectation in it differs.
CADRE_API TestReport run_tests(const Engine& engine);

}  // namespace cadre::engine
