// A test run as text (test_report_text.hpp).
#include "render/test_report_text.hpp"

#include "render/comparison_text.hpp"

namespace cadre::render {

namespace {

/// Comparison blocks stand under their failure, indented.
constexpr const char* kIndent = "    ";

std::string position(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line) + ":" +
         std::to_string(location.column);
}

std::string failure_line(const engine::TestFailure& failure, FailureKind kind) {
  // `FAIL` keeps the shape of a diagnostic: CI jobs grep `FAIL …: error:`.
  if (kind == FailureKind::failed) {
    return "FAIL " + format_diagnostic({Severity::error,
                                        "test",
                                        failure.location,
                                        failure.test + ": " + failure.message,
                                        {}});
  }
  return "CHANGED " + position(failure.location) + ": " + failure.test + ": " + failure.message;
}

}  // namespace

std::string test_failures_text(const engine::TestReport& report, FailureKind kind) {
  std::string out;
  for (const auto& test : report.cases) {
    if (test.status == engine::TestStatus::not_run) {
      out += "SKIP " + position(test.location) + ": " + test.name +
             ": not run: decision disabled by the variant (`" + test.absent_decision + "`)\n";
      continue;
    }
    for (std::size_t i = 0; i < test.failure_count; ++i) {
      const engine::TestFailure& failure = report.failures[test.first_failure + i];
      out += failure_line(failure, kind) + "\n";
      if (failure.comparison) out += comparison_text(*failure.comparison, kIndent);
    }
  }
  return out;
}

std::string base_tests_summary(const engine::TestReport& report, const std::string& base) {
  std::string out = "base tests of " + base + ": " + std::to_string(report.passed) + " hold, " +
                    std::to_string(report.failed) + " changed by the variant";
  if (report.not_run > 0) {
    out += ", " + std::to_string(report.not_run) + " not run (decision disabled by the variant)";
  }
  return out + "\n";
}

std::string test_file_heading(const engine::TestReport& report, const std::string& file,
                              const std::string& ruleset) {
  // Not `N passed, N failed`: that is the closing line's, which CI jobs read.
  const int tests = report.passed + report.failed + report.not_run;
  return file + " against " + ruleset + ": " + std::to_string(tests) +
         (tests == 1 ? " test, " : " tests, ") + std::to_string(report.failed) + " failed\n";
}

}  // namespace cadre::render
