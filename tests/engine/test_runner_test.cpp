// Tests of the rule-set test runner. Test records get the checks of a
// records file (required fields, list entries included, and duplicate keys),
// reported as problems of the test that gives them. A rule set's tests run
// against another (a city's under its county variant): each holds, changes
// or is not run, and a failing expectation carries the expectation and the
// result side by side.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
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

// ---- test cases run against another rule set, and what a failure shows ----

namespace {

namespace fs = std::filesystem;

/// A city and its county variant on disk: the county moves the age limit
/// and disables the member bonus.
class CityAndCounty {
 public:
  CityAndCounty() {
    static int counter = 0;
    dir_ =
        fs::temp_directory_path() / ("cadre-runner-test-" + std::to_string(std::random_device{}()) +
                                     "-" + std::to_string(++counter));
    fs::create_directories(dir_ / "city");
    fs::create_directories(dir_ / "county");
    std::ofstream(dir_ / ".cadre-root");
    std::ofstream(dir_ / "city/ruleset.yaml")
        << R"(ruleset: {id: city, version: 1.0.0, valid: {from: 2020-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    cadre:
      fields:
        id: {type: string, required: true}
        age: int
        member: bool
parameters:
  hy.max_age: {type: int, value: 35, cite: HY-ELIG-01}
decisions:
  - id: hy.young
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: age_limit, message: {zh: 年龄, en: "at most {hy.max_age}"}, when: cadre.age <= hy.max_age}
  - id: hy.bonus
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-02
    all:
      - {id: member, when: cadre.member}
tests:
  - name: young
    as_of: 2020-06-01
    records: {cadre: [{id: a, age: 30}]}
    expect: {a: {hy.young: {outcome: eligible}}}
  - name: too old
    as_of: 2020-06-01
    records: {cadre: [{id: b, age: 38}]}
    expect: {b: {hy.young: {outcome: ineligible, value: false, failed: [age_limit]}}}
  - name: bonus
    as_of: 2020-06-01
    records: {cadre: [{id: c, member: true}]}
    expect: {c: {hy.bonus: {outcome: eligible}}}
)";
    std::ofstream(dir_ / "county/ruleset.yaml")
        << R"(ruleset: {id: county, version: 1.0.0, extends: ../city/ruleset.yaml}
variant:
  parameters:
    hy.max_age: {value: 40}
  disable: [hy.bonus]
)";
    city_ = load("city");
    county_ = load("county");
  }
  ~CityAndCounty() {
    std::error_code error;
    fs::remove_all(dir_, error);
  }
  CityAndCounty(const CityAndCounty&) = delete;
  CityAndCounty& operator=(const CityAndCounty&) = delete;

  const cadre::CompiledRuleSet& city() const { return *city_; }
  const cadre::CompiledRuleSet& county() const { return *county_; }
  const fs::path& dir() const { return dir_; }

 private:
  std::optional<cadre::CompiledRuleSet> load(const char* name) const {
    auto loaded = cadre::load_ruleset(dir_ / name);
    std::string problems;
    for (const auto& d : loaded.diagnostics)
      problems += cadre::format_diagnostic(d) + "\n";
    INFO(problems);
    REQUIRE(loaded.ok());
    return loaded.ruleset;
  }

  fs::path dir_;
  std::optional<cadre::CompiledRuleSet> city_, county_;
};

}  // namespace

TEST_CASE("a base rule set's tests run under its variant: they hold, change or are not run") {
  CityAndCounty rules;
  const auto base = cadre::engine::extended_ruleset(rules.county());
  REQUIRE(base.has_value());
  CHECK(fs::equivalent(*base, rules.dir() / "city/ruleset.yaml"));
  CHECK_FALSE(cadre::engine::extended_ruleset(rules.city()).has_value());
  const auto absent = cadre::engine::decisions_missing_from(rules.county(), rules.city());
  CHECK(absent == std::vector<std::string>{"hy.bonus"});

  cadre::engine::TestReport report = cadre::engine::run_test_cases(
      cadre::Engine(rules.county()), cadre::engine::tests_of(rules.city()),
      {.keep_checked = false, .absent_decisions = absent});
  CHECK(report.passed == 1);
  CHECK(report.failed == 1);
  CHECK(report.not_run == 1);
  REQUIRE(report.cases.size() == 3);
  CHECK(report.cases[0].status == cadre::engine::TestStatus::passed);
  CHECK(report.cases[1].status == cadre::engine::TestStatus::failed);
  CHECK(report.cases[1].failure_count == 3);
  CHECK(report.cases[2].status == cadre::engine::TestStatus::not_run);
  CHECK(report.cases[2].absent_decision == "hy.bonus");
  CHECK(failures_of(report, "too old") ==
        "b hy.young: outcome eligible, expected ineligible\n"
        "b hy.young: value true, expected false\n"
        "b hy.young: failed conditions lacks age_limit\n");
  // Under the city's own rules they all pass.
  cadre::engine::TestReport own = cadre::engine::run_tests(cadre::Engine(rules.city()));
  CHECK(own.passed == 3);
  CHECK(own.cases.size() == 3);
}

TEST_CASE("a failing expectation carries the expectation and the result side by side") {
  CityAndCounty rules;
  auto report = cadre::engine::run_test_cases(cadre::Engine(rules.county()),
                                              cadre::engine::tests_of(rules.city()));
  // Without absent decisions, a test of a disabled decision fails.
  CHECK(failures_of(report, "bonus") == "c hy.bonus: not decided for this record\n");
  REQUIRE(report.failures.size() == 4);
  // Only the last failure of an expectation carries the comparison.
  CHECK_FALSE(report.failures[0].comparison.has_value());
  CHECK_FALSE(report.failures[1].comparison.has_value());
  REQUIRE(report.failures[2].comparison.has_value());
  CHECK_FALSE(report.failures[3].comparison.has_value());
  const auto& comparison = *report.failures[2].comparison;
  CHECK(comparison.record == "b");
  CHECK(comparison.decision == "hy.young");
  CHECK(comparison.left_title == "expected");
  CHECK_FALSE(comparison.left_has_reasons);
  REQUIRE(comparison.rows.size() == 3);
  const auto& rows = comparison.rows;
  CHECK((rows[0].label == "outcome" && rows[0].left == "ineligible" &&
         rows[0].right == "eligible" && rows[0].differs));
  CHECK((rows[1].label == "value" && rows[1].left == "false" && rows[1].right == "true"));
  CHECK((rows[2].label == "failed conditions" && rows[2].left == "age_limit" &&
         rows[2].right == "—"));
  REQUIRE(comparison.right_reasons.size() == 1);
  const auto& reason = comparison.right_reasons[0];
  CHECK(reason.id == "age_limit");
  CHECK(reason.status == "passed");
  CHECK(reason.message == "at most 40");
  CHECK(reason.facts == "cadre.age = 38; hy.max_age = 40");
}
