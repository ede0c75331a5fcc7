// Tests of the JUnit XML report (src/render/junit.hpp) and of the text a
// failure shows (comparison_text.hpp, test_report_text.hpp): counts per
// suite and in all, every name and text escaped, failures, errors and
// skipped tests, no times; the side-by-side block padded by display width.
#include <doctest/doctest.h>

#include <string>

#include "engine/snapshot_compare.hpp"
#include "render/comparison_text.hpp"
#include "render/junit.hpp"
#include "render/test_report_text.hpp"
#include "render/text_width.hpp"

namespace {

using cadre::render::JUnitCase;

cadre::engine::ResultComparison sample_comparison() {
  cadre::engine::ResultComparison comparison;
  comparison.record = "c1";
  comparison.decision = "hy.young";
  comparison.rows = {{"outcome", "eligible", "ineligible", true},
                     {"undetermined", "—", "—", false}};
  comparison.right_reasons = {{0, "age", "failed", "at most 35 years old", "cadre.age = 38"},
                              {1, "", "passed", "年龄", ""}};
  return comparison;
}

}  // namespace

TEST_CASE("XML escaping: markup, quotes, control characters and bytes that are not UTF-8") {
  CHECK(cadre::render::xml_escaped("a < b & \"c\" > 'd'") ==
        "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
  CHECK(cadre::render::xml_escaped("警示谈话\n\tnext") == "警示谈话&#10;&#9;next");
  CHECK(cadre::render::xml_escaped(std::string("a\x01z", 3)) == "a\xEF\xBF\xBDz");
  CHECK(cadre::render::xml_escaped(std::string("a\xC3", 2)) == "a\xEF\xBF\xBD");
  CHECK(cadre::render::xml_escaped(std::string("\xE8\xAD\xA6\xFF", 4)) == "警\xEF\xBF\xBD");
  // A surrogate, and U+FFFF: not characters XML may hold.
  CHECK(cadre::render::xml_escaped("\xED\xA0\x80|\xEF\xBF\xBF") ==
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("a JUnit document: counts, failures, errors and skipped tests, no times") {
  cadre::render::JUnitSuite suite{"hengyang", {{"ruleset", "rules/hengyang"}}, {}};
  JUnitCase passed{"hengyang", "S-1 <ok>", "rules/t.yaml", 3};
  JUnitCase failed{"hengyang", "S-2 \"quoted\" & 警示", "rules/t.yaml", 9};
  failed.result = JUnitCase::Result::failure;
  failed.type = "expectation";
  failed.message = "c1 hy.x: outcome clear, expected triggered";
  failed.body = "c1 hy.x: outcome clear, expected triggered\n  ≠ outcome <a> & \"b\"\n";
  JUnitCase skipped{"hengyang", "S-3", "", 0};
  skipped.result = JUnitCase::Result::skipped;
  skipped.message = "not run";
  suite.cases = {passed, failed, skipped};
  auto errors = cadre::render::junit_load_error(
      "rules/broken", "rules/broken",
      {{cadre::Severity::warning, "w", {"x.yaml", 1, 1, 0}, "ignored", {}},
       {cadre::Severity::error, "load.type", {"x.yaml", 4, 2, 0}, "a `<` here", {}}});
  const std::string xml = cadre::render::junit_xml({suite, errors});
  CHECK(xml == R"(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="cadre-policy" tests="4" failures="1" errors="1" skipped="1">
  <testsuite name="hengyang" tests="3" failures="1" errors="0" skipped="1">
    <properties>
      <property name="ruleset" value="rules/hengyang"/>
    </properties>
    <testcase classname="hengyang" name="S-1 &lt;ok&gt;" file="rules/t.yaml" line="3"/>
    <testcase classname="hengyang" name="S-2 &quot;quoted&quot; &amp; 警示" file="rules/t.yaml" line="9">
      <failure message="c1 hy.x: outcome clear, expected triggered" type="expectation">c1 hy.x: outcome clear, expected triggered
  ≠ outcome &lt;a&gt; &amp; "b"
</failure>
    </testcase>
    <testcase classname="hengyang" name="S-3">
      <skipped message="not run"/>
    </testcase>
  </testsuite>
  <testsuite name="rules/broken" tests="1" failures="0" errors="1" skipped="0">
    <testcase classname="rules/broken" name="load" file="x.yaml" line="4">
      <error message="a `&lt;` here" type="load">x.yaml:4:2: error: a `&lt;` here
</error>
    </testcase>
  </testsuite>
</testsuites>
)");
}

TEST_CASE("a snapshot suite: a testcase per record, failed when it changed") {
  cadre::engine::SnapshotReport report;
  cadre::engine::RecordComparison same, changed, missing;
  same.record = "a";
  changed.record = "b";
  changed.changed.push_back(sample_comparison());
  missing.record = "c";
  missing.presence = cadre::engine::RecordComparison::Presence::missing;
  report.records = {same, changed, missing};
  auto suite = cadre::render::junit_snapshot_suite(report, "snapshot out", "hengyang");
  REQUIRE(suite.cases.size() == 3);
  CHECK(suite.cases[0].result == JUnitCase::Result::passed);
  CHECK(suite.cases[1].result == JUnitCase::Result::failure);
  CHECK(suite.cases[1].type == "changed");
  CHECK(suite.cases[1].message == "1 decision changed");
  CHECK(suite.cases[1].body.starts_with("CHANGED c1 hy.young: outcome eligible → ineligible\n"));
  CHECK(suite.cases[2].type == "missing");
}

TEST_CASE("the side-by-side block pads by display width and indents nested reasons") {
  CHECK(cadre::render::text_width("优秀 ok") == 7);
  CHECK(cadre::render::padded_to("优秀", 6) == "优秀  ");
  auto comparison = sample_comparison();
  comparison.rows.push_back({"value", "优秀", "称职", true});
  CHECK(cadre::render::comparison_text(comparison, "  ") ==
        "    c1 hy.young   expected  actual\n"
        "  ≠ outcome       eligible  ineligible\n"
        "    undetermined  —         —\n"
        "  ≠ value         优秀      称职\n"
        "    reasons, actual:\n"
        "      failed    age: at most 35 years old (cadre.age = 38)\n"
        "        passed    年龄\n");
}

TEST_CASE("a left cell too wide for its column puts the right side under it") {
  auto comparison = sample_comparison();
  comparison.right_reasons.clear();
  comparison.left_title = "before";
  comparison.right_title = "after";
  comparison.left_has_reasons = true;
  comparison.rows = {{"outcome", "undetermined", "eligible", true},
                     {"undetermined", std::string(50, 'x'), "—", true}};
  CHECK(cadre::render::comparison_text(comparison, "") ==
        "  c1 hy.young   before        after\n"
        "≠ outcome       undetermined  eligible\n"
        "≠ undetermined  " +
            std::string(50, 'x') +
            "\n"
            "                              —\n"
            "  reasons, before: none\n"
            "  reasons, after: none\n");
}

TEST_CASE("failure lines: FAIL keeps the diagnostic's shape, CHANGED and SKIP for base tests") {
  cadre::engine::TestReport report;
  report.failed = 1;
  report.not_run = 1;
  report.failures.push_back({"t1", {"rules/a.yaml", 3, 5, 0}, "c1 hy.young: outcome x", {}});
  report.failures.push_back(
      {"t1", {"rules/a.yaml", 3, 5, 0}, "c1 hy.young: value y", sample_comparison()});
  cadre::engine::TestCaseResult failed;
  failed.name = "t1";
  failed.location = {"rules/a.yaml", 3, 5, 0};
  failed.status = cadre::engine::TestStatus::failed;
  failed.failure_count = 2;
  cadre::engine::TestCaseResult not_run;
  not_run.name = "t2";
  not_run.location = {"rules/a.yaml", 9, 5, 0};
  not_run.status = cadre::engine::TestStatus::not_run;
  not_run.absent_decision = "hy.bonus";
  not_run.first_failure = 2;
  report.cases = {failed, not_run};
  const std::string fail =
      cadre::render::test_failures_text(report, cadre::render::FailureKind::failed);
  CHECK(
      fail.starts_with("FAIL rules/a.yaml:3:5: error: t1: c1 hy.young: outcome x\n"
                       "FAIL rules/a.yaml:3:5: error: t1: c1 hy.young: value y\n"
                       "      c1 hy.young   expected  actual\n"));
  CHECK(
      fail.ends_with("SKIP rules/a.yaml:9:5: t2: not run: decision disabled by the variant "
                     "(`hy.bonus`)\n"));
  const std::string changed =
      cadre::render::test_failures_text(report, cadre::render::FailureKind::changed);
  CHECK(changed.starts_with("CHANGED rules/a.yaml:3:5: t1: c1 hy.young: outcome x\n"));
  CHECK(cadre::render::base_tests_summary(report, "rules/hengyang") ==
        "base tests of rules/hengyang: 0 hold, 1 changed by the variant, 1 not run (decision "
        "disabled by the variant)\n");
}
