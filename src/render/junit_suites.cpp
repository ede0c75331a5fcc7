// Test reports, load errors and snapshot comparisons as JUnit suites
// (junit.hpp): the text of a failure is what `cadre-policy test` prints for
// it, side-by-side blocks included.
#include "engine/snapshot_compare.hpp"
#include "render/comparison_text.hpp"
#include "render/junit.hpp"
#include "render/snapshot_report_text.hpp"

namespace cadre::render {

namespace {

constexpr const char* kIndent = "  ";

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

}  // namespace

JUnitSuite junit_suite(const engine::TestReport& report, std::string name,
                       const std::string& classname, const std::string& failure_type) {
  JUnitSuite suite{std::move(name), {}, {}};
  for (const auto& test : report.cases) {
    JUnitCase one;
    one.classname = classname;
    one.name = test.name;
    one.file = test.location.file;
    one.line = test.location.line;
    if (test.status == engine::TestStatus::not_run) {
      one.result = JUnitCase::Result::skipped;
      one.message = "not run: decision disabled by the variant (" + test.absent_decision + ")";
    } else if (test.status == engine::TestStatus::failed) {
      one.result = JUnitCase::Result::failure;
      one.type = failure_type;
      for (std::size_t i = 0; i < test.failure_count; ++i) {
        const engine::TestFailure& failure = report.failures[test.first_failure + i];
        if (i == 0) one.message = failure.message;
        one.body += failure.message + "\n";
        if (failure.comparison) one.body += comparison_text(*failure.comparison, kIndent);
      }
      if (test.failure_count > 1) {
        one.message +=
            " (and " + plural(test.failure_count - 1, "more difference", "more differences") + ")";
      }
    }
    suite.cases.push_back(std::move(one));
  }
  return suite;
}

JUnitSuite junit_load_error(std::string name, const std::string& classname,
                            const std::vector<Diagnostic>& diagnostics) {
  JUnitCase one;
  one.classname = classname;
  one.name = "load";
  one.result = JUnitCase::Result::error;
  one.type = "load";
  for (const auto& diagnostic : diagnostics) {
    if (diagnostic.severity != Severity::error) continue;
    if (one.message.empty()) {
      one.message = diagnostic.message;
      one.file = diagnostic.location.file;
      one.line = diagnostic.location.line;
    }
    one.body += format_diagnostic(diagnostic) + "\n";
  }
  if (one.message.empty()) one.message = "did not load";
  return {std::move(name), {}, {std::move(one)}};
}

JUnitSuite junit_snapshot_suite(const engine::SnapshotReport& report, std::string name,
                                const std::string& classname) {
  JUnitSuite suite{std::move(name), {}, {}};
  for (const auto& record : report.records) {
    using Presence = engine::RecordComparison::Presence;
    JUnitCase one;
    one.classname = classname;
    one.name = record.record;
    if (record.presence != Presence::both) {
      one.result = JUnitCase::Result::failure;
      one.type = record.presence == Presence::missing ? "missing" : "added";
      one.message = record.presence == Presence::missing ? "in the snapshot, not decided now"
                                                         : "decided now, not in the snapshot";
    } else if (!record.changed.empty() || !record.errors_before.empty() ||
               !record.errors_after.empty()) {
      one.result = JUnitCase::Result::failure;
      one.type = "changed";
      one.message = plural(record.changed.size(), "decision changed", "decisions changed");
      engine::SnapshotReport alone;
      alone.records.push_back(record);
      one.body = snapshot_changes_text(alone);
    }
    suite.cases.push_back(std::move(one));
  }
  return suite;
}

}  // namespace cadre::render
