// Tests of test coverage: what a rule set's tests exercised, per decision
// and per part, the gaps left, and what could leave a decision undetermined
// (src/engine/test_coverage.hpp, src/engine/undetermined_sources.hpp).
#include <doctest/doctest.h>

#include <string>

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/test_coverage.hpp"
#include "engine/undetermined_sources.hpp"
#include "render/coverage.hpp"
#include "tests/engine/inline_rule_set.hpp"

namespace {

using cadre::Outcome;
using cadre::engine::CoverageGap;
using cadre::engine::DecisionCoverage;
using cadre::engine::RuleSetCoverage;

const std::string kDecisions =
    R"yaml(ruleset: {id: coverage.test, version: 1.0.0, valid: {from: 2020-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  enums:
    team_grade: {values: [一般], order: descending, open: true}
  records:
    village:
      fields:
        id: {type: string, required: true}
        stars: int
    cadre:
      belongs_to: {village: village_id}
      fields:
        id: {type: string, required: true}
        village_id: {type: string, ref: village, required: true}
        member: {type: bool, required: true}
        age: int
        team: team_grade
        assessments:
          list:
            year: {type: int, required: true}
            grade: string
          dated_by: year
          unique_by: [year]
parameters:
  hy.max_age: {type: int, value: 35, cite: HY-ELIG-01}
  hy.bonus: {type: decimal, unspecified: true, cite: HY-PAY-01}
switches:
  hy.strict: {values: [yes, no], cite: HY-ELIG-01}
lists:
  hy.red_lines: {size: 3, items: {X1: {en: one}}, cite: HY-ELIG-02}
decisions:
  - id: hy.member_only
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: member, when: cadre.member}
  - id: hy.young
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    applies: cadre.member
    all:
      - {id: age, when: cadre.age <= hy.max_age}
    none:
      - {id: red_line, when: "cadre.id == 'c9'"}
  - id: hy.bonus_pay
    kind: pay
    subject: cadre
    cite: HY-PAY-01
    components:
      - {id: bonus, formula: hy.bonus}
  - id: hy.exit
    kind: exit
    subject: cadre
    cite: HY-ELIG-02
    actions: [dismissal]
    trigger:
      any:
        - {id: old, when: "cadre.age > 60"}
)yaml";

const std::string kRules = kDecisions + R"yaml(tests:
  - name: a young member
    as_of: 2024-01-01
    records:
      cadre:
        - {id: c1, village_id: v1, member: true, age: 30}
        - {id: c2, village_id: v1, member: true, age: 40}
        - {id: c3, village_id: v1, member: false}
        - {id: c4, village_id: v1, member: true}
    expect:
      c1:
        hy.member_only: {outcome: eligible}
        hy.young: {outcome: eligible}
        hy.exit: {outcome: clear}
      c2:
        hy.young: {outcome: ineligible}
      c3:
        hy.young: {outcome: not_applicable}
        hy.member_only: {outcome: ineligible}
      c4:
        hy.young: {outcome: undetermined}
        hy.exit: {outcome: triggered}
)yaml";

const DecisionCoverage& find(const RuleSetCoverage& coverage, const std::string& id) {
  for (const auto& decision : coverage.decisions) {
    if (decision.id == id) return decision;
  }
  FAIL("no decision " << id);
  return coverage.decisions.front();
}

std::string gaps_of(const DecisionCoverage& decision) {
  std::string out;
  for (const auto& gap : decision.gaps) {
    std::string text;
    switch (gap.kind) {
      case CoverageGap::Kind::outcome:
        text = std::string("never ") + cadre::outcome_name(gap.outcome);
        break;
      case CoverageGap::Kind::part_passed:
        text =
            decision.parts[gap.part].section + " " + decision.parts[gap.part].id + " never passed";
        break;
      case CoverageGap::Kind::part_failed:
        text =
            decision.parts[gap.part].section + " " + decision.parts[gap.part].id + " never failed";
        break;
      case CoverageGap::Kind::seen_though_impossible:
        text = "seen though impossible: " + gap.item;
        break;
    }
    out += (out.empty() ? "" : "; ") + text;
  }
  return out;
}

RuleSetCoverage coverage_of(const cadre::test::InlineRuleSet& rules) {
  auto report = cadre::engine::run_tests(rules.engine(), {.keep_checked = true});
  return cadre::engine::compute_coverage(rules.engine().rules(), report.checked);
}

std::string sources_of(const cadre::test::InlineRuleSet& rules, const std::string& id) {
  const auto& impl = cadre::internal::impl_of(rules.engine().rules());
  for (const auto& decision : impl.rules().decisions) {
    if (decision.id == id)
      return cadre::test::joined(cadre::engine::undetermined_sources(impl, decision));
  }
  FAIL("no decision " << id);
  return {};
}

}  // namespace

TEST_CASE("coverage counts the outcomes of checked results, and a failed expectation not") {
  cadre::test::InlineRuleSet rules(kRules);
  auto report = cadre::engine::run_tests(rules.engine(), {.keep_checked = true});
  // c4's exit is undetermined, not triggered: the test fails, and that
  // result is not counted.
  CHECK(report.failed == 1);
  CHECK(report.checked.size() == 7);
  RuleSetCoverage coverage =
      cadre::engine::compute_coverage(rules.engine().rules(), report.checked);
  const DecisionCoverage& young = find(coverage, "hy.young");
  CHECK(young.seen(Outcome::eligible) == 1);
  CHECK(young.seen(Outcome::ineligible) == 1);
  CHECK(young.seen(Outcome::not_applicable) == 1);
  CHECK(young.seen(Outcome::undetermined) == 1);
  const DecisionCoverage& exit = find(coverage, "hy.exit");
  CHECK(exit.seen(Outcome::clear) == 1);
  CHECK(exit.seen(Outcome::undetermined) == 0);
}

TEST_CASE("coverage: parts seen passing, failing and unknown, applies from the outcome") {
  cadre::test::InlineRuleSet rules(kRules);
  RuleSetCoverage coverage = coverage_of(rules);
  const DecisionCoverage& young = find(coverage, "hy.young");
  REQUIRE(young.parts.size() == 3);
  CHECK(young.parts[0].section == "applies");
  CHECK(young.parts[0].passed == 3);
  CHECK(young.parts[0].failed == 1);
  CHECK(young.parts[1].section == "all");
  CHECK(young.parts[1].id == "age");
  CHECK(young.parts[1].passed == 1);
  CHECK(young.parts[1].failed == 1);
  CHECK(young.parts[1].unknown == 1);
  CHECK(young.parts[2].section == "none");
  CHECK(young.parts[2].id == "red_line");
  CHECK(young.parts[2].passed == 0);
  CHECK(young.parts[2].failed == 3);
}

TEST_CASE("coverage: an `applies` that could not be read is unknown, whatever the kind") {
  cadre::test::InlineRuleSet rules(kDecisions + R"yaml(  - id: hy.adult_bonus
    kind: pay
    subject: cadre
    cite: HY-PAY-01
    applies: cadre.age >= 18
    components:
      - {id: bonus, formula: hy.bonus}
tests:
  - name: age unknown, age known
    as_of: 2024-01-01
    records:
      cadre:
        - {id: c1, village_id: v1, member: true}
        - {id: c2, village_id: v1, member: true, age: 30}
        - {id: c3, village_id: v1, member: true, age: 10}
    expect:
      c1:
        hy.adult_bonus: {outcome: undetermined, missing: [cadre.age]}
      c2:
        hy.adult_bonus: {outcome: undetermined, undetermined: [unspecified_parameter:hy.bonus]}
      c3:
        hy.adult_bonus: {outcome: not_applicable}
)yaml");
  auto report = cadre::engine::run_tests(rules.engine(), {.keep_checked = true});
  CHECK(report.failed == 0);
  // The result says where it stopped: a reason `applies`, unknown, with what it lacked.
  const auto& unread = report.checked.at(0).result;
  REQUIRE(!unread.reasons.empty());
  CHECK(unread.reasons.front().id == "applies");
  CHECK(unread.reasons.front().status == cadre::ReasonStatus::unknown);
  CHECK(cadre::test::joined(unread.reasons.front().missing) == "cadre.age");
  // Both undetermined, but only c1 stopped at `applies`: c2 passed it.
  RuleSetCoverage coverage =
      cadre::engine::compute_coverage(rules.engine().rules(), report.checked);
  const DecisionCoverage& bonus = find(coverage, "hy.adult_bonus");
  REQUIRE(bonus.parts.size() == 1);
  CHECK(bonus.parts[0].passed == 1);
  CHECK(bonus.parts[0].failed == 1);
  CHECK(bonus.parts[0].unknown == 1);
}

TEST_CASE("coverage pools results by the rule's place: another rule set's tests count, named") {
  cadre::test::InlineRuleSet rules(kRules);
  auto report = cadre::engine::run_tests(rules.engine(), {.keep_checked = true});
  REQUIRE(!report.checked.empty());
  // As if a variant inheriting these rules had checked the same results.
  auto pooled = report.checked;
  for (auto one : report.checked) {
    one.tested_in = "rules/variant";
    pooled.push_back(std::move(one));
  }
  // A rule the variant replaced is written elsewhere: its results do not count.
  auto replaced = report.checked.front();
  replaced.place = "elsewhere.yaml:1:1";
  replaced.tested_in = "rules/other";
  pooled.push_back(replaced);
  RuleSetCoverage alone =
      cadre::engine::compute_coverage(rules.engine().rules(), report.checked, "rules/coverage");
  RuleSetCoverage together =
      cadre::engine::compute_coverage(rules.engine().rules(), pooled, "rules/coverage");
  CHECK(alone.counted_from.empty());
  CHECK(cadre::test::joined(together.counted_from) == "rules/variant");
  const auto& once = find(alone, "hy.young");
  const auto& twice = find(together, "hy.young");
  CHECK(twice.seen(Outcome::eligible) == 2 * once.seen(Outcome::eligible));
  CHECK(twice.parts[0].passed == 2 * once.parts[0].passed);
  CHECK(together.gaps() == alone.gaps());
}

TEST_CASE("coverage gaps: firing, not firing, undetermined when it could be, parts both ways") {
  cadre::test::InlineRuleSet rules(kRules);
  RuleSetCoverage coverage = coverage_of(rules);
  // Eligible and ineligible seen; `member` is required, so never undetermined is no gap.
  CHECK(gaps_of(find(coverage, "hy.member_only")) == "");
  CHECK(gaps_of(find(coverage, "hy.young")) == "none red_line never passed");
  // Pay has no negative outcome; the unspecified parameter could leave it undetermined.
  CHECK(gaps_of(find(coverage, "hy.bonus_pay")) == "never computed; never undetermined");
  CHECK(gaps_of(find(coverage, "hy.exit")) ==
        "never triggered; never undetermined; trigger old never passed");
  CHECK(coverage.decisions.size() == 4);
  CHECK(coverage.fully_covered() == 1);
  CHECK(coverage.gaps() == 6);
}

TEST_CASE("coverage: what a decision declares impossible is no gap, and seeing it is one") {
  const std::string rules_text = kDecisions + R"yaml(  - id: hy.member_exempt
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    applies: cadre.member
    all:
      - {id: member_again, when: cadre.member}
    coverage:
      cannot: [ineligible, member_again failed, undetermined]
      because: {zh: 适用即为党员, en: it applies to members only}
  - id: hy.wrongly_exempt
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: member, when: cadre.member}
    coverage:
      cannot: [ineligible]
      because: {zh: 错误的声明, en: a wrong declaration}
tests:
  - name: a member and not
    as_of: 2024-01-01
    records:
      cadre:
        - {id: c1, village_id: v1, member: true}
        - {id: c2, village_id: v1, member: false}
    expect:
      c1:
        hy.member_exempt: {outcome: eligible}
        hy.wrongly_exempt: {outcome: eligible}
      c2:
        hy.member_exempt: {outcome: not_applicable}
        hy.wrongly_exempt: {outcome: ineligible}
)yaml";
  cadre::test::InlineRuleSet rules(rules_text);
  RuleSetCoverage coverage = coverage_of(rules);
  const DecisionCoverage& exempt = find(coverage, "hy.member_exempt");
  CHECK(gaps_of(exempt) == "");
  CHECK(cadre::test::joined(exempt.cannot) == "ineligible, member_again failed, undetermined");
  CHECK(exempt.cannot_because_en == "it applies to members only");
  CHECK(gaps_of(find(coverage, "hy.wrongly_exempt")) == "seen though impossible: ineligible");
  const std::string text = cadre::render::coverage_text(coverage);
  CHECK(text.find("(cannot be: ineligible, member_again failed, undetermined: it applies to "
                  "members only)") != std::string::npos);
  CHECK(text.find("seen, though declared impossible: ineligible") != std::string::npos);
}

TEST_CASE("undetermined sources: a fact read only behind has() of it cannot be missing") {
  cadre::test::InlineRuleSet rules(kDecisions + R"yaml(  - id: hy.guarded
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    applies: has(cadre.age)
    all:
      - {id: young, when: "has(cadre.age) && cadre.age < 40"}
      - {id: teamed, when: "has(cadre.team) ? cadre.team == '一般' : true"}
  - id: hy.unguarded
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: either, when: "has(cadre.age) || cadre.age < 40"}
      - {id: village, when: "has(village.stars) && village.stars > 2"}
)yaml");
  // Present, but `team` is of an open enumeration: its value may still be unknown.
  CHECK(sources_of(rules, "hy.guarded") == "unspecified_parameter:team_grade");
  CHECK(sources_of(rules, "hy.unguarded") == "missing_fact:cadre.age, missing_fact:village.stars");
}

TEST_CASE("undetermined sources: facts a record may lack, open parameters, switches, lists") {
  cadre::test::InlineRuleSet rules(kDecisions + R"yaml(  - id: hy.strict_old
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: strict, when: "switches.hy.strict == 'yes'"}
      - {id: stars, when: "village.stars > 2"}
      - {id: team, when: "cadre.team == '一般'"}
      - {id: graded, when: "cadre.assessments.at(2023).grade == 'A'"}
      - {id: exit, when: "hy.exit"}
      - {id: listed, when: "listed(cadre.id, 'hy.red_lines')"}
  - id: hy.key_only
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: known, when: "cadre.id != '' && cadre.member && hy.member_only"}
)yaml");
  CHECK(sources_of(rules, "hy.member_only") == "");
  CHECK(sources_of(rules, "hy.key_only") == "");
  CHECK(sources_of(rules, "hy.young") == "missing_fact:cadre.age");
  CHECK(sources_of(rules, "hy.bonus_pay") == "unspecified_parameter:hy.bonus");
  CHECK(sources_of(rules, "hy.strict_old") ==
        "ambiguous_reading:hy.strict, conflicting_facts:cadre.assessments, "
        "missing_fact:cadre.age, missing_fact:cadre.assessments, "
        "missing_fact:cadre.assessments[]."
        "grade, missing_fact:cadre.assessments[…], missing_fact:cadre.team, "
        "missing_fact:village.stars, unenumerated_list:hy.red_lines, "
        "unspecified_parameter:team_grade");
}

TEST_CASE("undetermined sources: allocations without a tie-break, open roundings, pending reads") {
  cadre::test::InlineRuleSet rules(
      R"yaml(ruleset: {id: coverage.alloc, version: 1.0.0, valid: {from: 2020-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    cadre:
      fields:
        id: {type: string, required: true}
        town: {type: string, required: true}
        score: {type: int, required: true}
        trainings: {type: int, required: true}
decisions:
  - id: hy.top
    kind: allocation
    subject: cadre
    cite: HY-ELIG-01
    allocation:
      group_by: cadre.town
      rank_by: [{expr: cadre.score, order: desc}]
      quota: {ratio: "0.2", of: members, rounding: exact}
  - id: hy.trained
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    period: {last_day: "date(2024, 12, 31)"}
    all:
      - {id: once, when: cadre.trainings > 0}
  - id: hy.reads_trained
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: trained, when: hy.trained}
)yaml");
  CHECK(sources_of(rules, "hy.top") == "tie_at_cap, unspecified_parameter:hy.top.rounding");
  CHECK(sources_of(rules, "hy.trained") == "");
  CHECK(sources_of(rules, "hy.reads_trained") == "pending:hy.trained");
}

TEST_CASE("coverage text: a row per decision and part, gaps beside them, the totals") {
  cadre::test::InlineRuleSet rules(kRules);
  RuleSetCoverage coverage = coverage_of(rules);
  coverage.path = "rules/coverage";
  const std::string text = cadre::render::coverage_text(coverage);
  CHECK(text.starts_with("coverage of rules/coverage (coverage.test 1.0.0)\n"));
  CHECK(text.find("\n  hy.member_only   eligible 1, ineligible 1\n") != std::string::npos);
  CHECK(text.find("never undetermined, could be: unspecified_parameter:hy.bonus\n") !=
        std::string::npos);
  CHECK(text.ends_with("\n  4 rules, 1 fully covered, 6 gaps\n"));
  CHECK(cadre::render::coverage_totals({coverage, coverage}) ==
        "8 rules, 2 fully covered, 12 gaps");
  const std::string json = cadre::render::coverage_json({coverage});
  CHECK(json.starts_with(
      R"({"rulesets":[{"path":"rules/coverage","ruleset":{"name":"coverage.test","version":"1.0.0"},"tests":{"passed":0,"failed":0},"counted_from":[],"decisions":[{"id":"hy.member_only","kind":"eligibility","outcomes":{"eligible":1,"ineligible":1},"positive":"eligible","negative":"ineligible","undetermined_sources":[],"parts":[{"section":"all","id":"member","passed":1,"failed":1,"unknown":0}],"gaps":[]})"));
  CHECK(json.ends_with(
      R"("totals":{"rules":4,"fully_covered":1,"gaps":6}}],"totals":{"rules":4,"fully_covered":1,"gaps":6}})"));
}
