// Tests of the rule-set test runner's records: they get the checks of a
// records file (required fields, list entries included, and duplicate keys),
// reported as problems of the test that gives them.
#include <doctest/doctest.h>

#include <string>

#include "engine/test_runner.hpp"
#include "tests/engine/inline_rule_set.hpp"
#include "tests/records/required_rules.hpp"

namespace {

const std::string kRules = cadre::testing::required_fields_rules("runner.test") + R"(tests:
  - name: readable records
    as_of: 2024-12-31
    records:
      village:
        - {id: v1}
        - {id: v2}
      cadre:
        - {id: c1, village_id: v1, party_member: true, assessments: [{year: 2024}]}
        - {id: v1, village_id: v2, party_member: true}
    expect:
      c1:
        hy.member: {outcome: eligible}
  - name: missing required fields
    as_of: 2024-12-31
    records:
      cadre:
        - {id: c1, party_member: true}
        - {id: c2, village_id: v1, assessments: [{year: 2024}, {grade: good}]}
    expect:
      c1:
        hy.member: {outcome: eligible}
  - name: a cadre given twice
    as_of: 2024-12-31
    records:
      cadre:
        - {id: c1, village_id: v1, party_member: true}
        - {id: c1, village_id: v2, party_member: true}
    expect:
      c1:
        hy.member: {outcome: eligible}
)";

std::string failures_of(const cadre::engine::TestReport& report, const std::string& test) {
  std::string text;
  for (const auto& failure : report.failures) {
    if (failure.test == test) text += failure.message + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("test records get the required-field and duplicate-key checks of a records file") {
  cadre::test::InlineRuleSet rules(kRules);
  cadre::engine::TestReport report = cadre::engine::run_tests(rules.engine());
  CHECK(report.passed == 1);
  CHECK(report.failed == 2);
  CHECK(failures_of(report, "readable records") == "");
  CHECK(failures_of(report, "missing required fields") ==
        "record at line 43: required field `village_id` is missing\n"
        "record at line 44: required field `assessments[1].year` is missing\n"
        "no record `c1` in the test's records\n");
  CHECK(failures_of(report, "a cadre given twice") ==
        "record at line 52: duplicate id `c1`: also given at line 53\n"
        "record at line 53: duplicate id `c1`: also given at line 52\n"
        "no record `c1` in the test's records\n");
}
