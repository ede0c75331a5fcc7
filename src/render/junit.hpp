// Test results as JUnit XML, the de-facto format CI systems read (Jenkins,
// GitLab): `<testsuites>` with one `<testsuite>` per rule set (per test file
// and rule set, per variant's base tests, per snapshot), a `<testcase>` per
// test with its `<failure>`, `<error>` or `<skipped>`. Deterministic: no
// timestamps, no host name, no times.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "engine/test_runner.hpp"

namespace cadre::engine {
struct SnapshotReport;
}

namespace cadre::render {

struct JUnitCase {
  enum class Result : std::uint8_t { passed, failure, error, skipped };
  std::string classname;  ///< the rule set's id
  std::string name;       ///< the test's name, or the record's id
  std::string file;       ///< where the test is written; empty: no attribute
  int line = 0;           ///< 0: no attribute
  Result result = Result::passed;
  std::string type = {};     ///< of a failure or error: expectation, changed_by_variant, …
  std::string message = {};  ///< its first line
  std::string body = {};     ///< the full text: every difference, side by side
};

struct JUnitSuite {
  std::string name;
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<JUnitCase> cases;
};

/// The suites as one XML document, ending with a newline; every name and
/// text escaped (quotes, `<`, `&`, control characters).
std::string junit_xml(const std::vector<JUnitSuite>& suites);

/// `text` escaped for XML character data or a quoted attribute value.
std::string xml_escaped(std::string_view text);

/// A test report as a suite: a testcase per test (classname `classname`), a
/// `<failure type="failure_type">` for each failed one with every
/// difference and the comparison blocks as its text, `<skipped>` for a test
/// not run.
JUnitSuite junit_suite(const engine::TestReport& report, std::string name,
                       const std::string& classname, const std::string& failure_type);

/// A rule set or test file that did not load: a suite whose one testcase
/// holds an `<error type="load">` with the diagnostics.
JUnitSuite junit_load_error(std::string name, const std::string& classname,
                            const std::vector<Diagnostic>& diagnostics);

/// A snapshot's comparison: a testcase per record, failed (`changed`) when
/// any of its decisions changed or the record is added or missing.
JUnitSuite junit_snapshot_suite(const engine::SnapshotReport& report, std::string name,
                                const std::string& classname);

}  // namespace cadre::render
