// A test run as text for people (`cadre-policy test`): a line per failure,
// `FAIL file:line:col: error: TEST: MESSAGE` (a base test the variant changes:
// `CHANGED file:line:col: TEST: MESSAGE`), with the expectation and the result
// side by side under the last line of each expectation; a line per test not
// run; and the summary of a variant's base tests.
#pragma once

#include <cstdint>
#include <string>

#include "engine/test_runner.hpp"

namespace cadre::render {

/// What a failure means, which words its line starts with.
enum class FailureKind : std::uint8_t {
  failed,   ///< a test of the rule set (or of a test file run against it) failed
  changed,  ///< a base test does not hold under the variant
};

/// Every failure's line and comparison block, and a `SKIP` line for each
/// test not run, in test order.
std::string test_failures_text(const engine::TestReport& report, FailureKind kind);

/// `base tests of BASE: N hold, N changed by the variant` (`, N not run`
/// when some expect a decision the variant disables).
std::string base_tests_summary(const engine::TestReport& report, const std::string& base);

/// `FILE against RULESET: N tests, N failed`, the line that heads the
/// failures of a test file run against a rule set.
std::string test_file_heading(const engine::TestReport& report, const std::string& file,
                              const std::string& ruleset);

}  // namespace cadre::render
