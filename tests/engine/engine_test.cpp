// The engine on one record: eligibility with three-valued conditions and
// disqualifiers, missing facts, the warning lifecycle at its boundary dates,
// exact pay, and the values later rules read.
#include <doctest/doctest.h>

#include "cadre/engine.hpp"
#include "tests/engine/inline_rule_set.hpp"

namespace {

constexpr const char* kRules =
    R"(ruleset: {id: engine.test, version: 1.0.0, valid: {from: 2020-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    cadre:
      fields:
        id: string
        birth_date: date
        party_member: bool
        red_line: bool
        pay: decimal
        warnings: {list: {talk_date: date, review_result: string}, dated_by: talk_date}
parameters:
  hy.max_age: {type: int, value: 35, cite: HY-ELIG-01}
  hy.warning_period: {type: int, value: 3, cite: HY-WARN-02}
  hy.rate: {type: decimal, value: 1.2, cite: HY-PAY-02}
decisions:
  - id: hy.eligible
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: age, when: "age(cadre.birth_date, as_of) <= hy.max_age",
         message: {en: "aged {age(cadre.birth_date, as_of)}"}}
      - {id: member, when: cadre.party_member, soft: true}
    none:
      - {id: red_line, when: cadre.red_line, cite: HY-ELIG-02}
  - id: hy.warning_status
    kind: warning
    subject: cadre
    cite: HY-WARN-02
    trigger:
      all:
        - {id: warned, when: size(cadre.warnings) > 0}
    warning:
      start: max(cadre.warnings.map(w, w.talk_date))
      period_months: hy.warning_period
      review_result: cadre.warnings[size(cadre.warnings) - 1].review_result
  - id: hy.pay
    kind: pay
    subject: cadre
    cite: HY-PAY-02
    components:
      - {id: base, formula: cadre.pay * hy.rate, round: {places: 2}}
)";

// The rule set above, with decisions for one cadre.
struct Fixture : cadre::test::InlineRuleSet {
  Fixture() : InlineRuleSet(kRules) {}

  cadre::DecisionResult decide(const std::string& id, cadre::MapValue fields,
                               const char* as_of = "2024-12-31") const {
    return InlineRuleSet::decide("cadre", id, std::move(fields), cadre::test::day(as_of));
  }
};

const auto person = cadre::test::fields;

}  // namespace

TEST_CASE("all conditions hold: eligible, with the rendered message") {
  Fixture f;
  auto result =
      f.decide("hy.eligible",
               person({{"birth_date", "1990-01-01"}, {"party_member", true}, {"red_line", false}}));
  CHECK(result.outcome == cadre::Outcome::eligible);
  CHECK(result.value.debug_string() == "true");
  REQUIRE(result.reasons.size() == 2);
  REQUIRE(result.reasons[0].children.size() == 2);
  CHECK(result.reasons[0].children[0].message_en == "aged 34");
}

TEST_CASE("a missing fact makes the decision undetermined and names the fact") {
  Fixture f;
  auto result =
      f.decide("hy.eligible", person({{"birth_date", "1990-01-01"}, {"red_line", false}}));
  CHECK(result.outcome == cadre::Outcome::undetermined);
  CHECK(result.value.kind() == cadre::ValueKind::null);
  CHECK(result.missing == std::vector<std::string>{"cadre.party_member"});
  CHECK(result.undetermined == std::vector<std::string>{"missing_fact:cadre.party_member"});
}

TEST_CASE("a disqualifier that fires settles ineligibility whatever is missing") {
  Fixture f;
  auto result = f.decide("hy.eligible", person({{"red_line", true}}));
  CHECK(result.outcome == cadre::Outcome::ineligible);
  CHECK(result.missing.empty());
}

TEST_CASE("failing only a soft condition is a soft negative") {
  Fixture f;
  auto result = f.decide(
      "hy.eligible",
      person({{"birth_date", "1990-01-01"}, {"party_member", false}, {"red_line", false}}));
  CHECK(result.outcome == cadre::Outcome::ineligible);
  CHECK(result.flags == std::vector<std::string>{"soft"});
}

TEST_CASE("the warning period runs until the day before start + 3 months") {
  Fixture f;
  auto warned = [&](const char* review) {
    cadre::MapValue warning;
    warning.set("talk_date", "2024-01-31");
    warning.set("review_result", review);
    return person({{"warnings", cadre::ListValue{cadre::Value(warning)}}});
  };
  CHECK(f.decide("hy.warning_status", warned("none"), "2024-04-29").value.debug_string() ==
        "\"in_period\"");
  CHECK(f.decide("hy.warning_status", warned("none"), "2024-04-30").value.debug_string() ==
        "\"awaiting_review\"");
  CHECK(f.decide("hy.warning_status", warned("pass"), "2024-05-01").value.debug_string() ==
        "\"lifted\"");
  CHECK(f.decide("hy.warning_status", warned("fail"), "2024-05-01").value.debug_string() ==
        "\"failed\"");
  // Not yet known on the day before the talk: the warning is ignored.
  CHECK(f.decide("hy.warning_status", warned("none"), "2024-01-30").outcome ==
        cadre::Outcome::clear);
}

TEST_CASE("pay is exact and rounded half-up to the fen") {
  Fixture f;
  auto result = f.decide("hy.pay", person({{"pay", "3000.00"}}));
  CHECK(result.outcome == cadre::Outcome::computed);
  CHECK(result.value.debug_string() == "decimal(\"3600.00\")");
  auto odd = f.decide("hy.pay", person({{"pay", "1234.565"}}));
  CHECK(odd.value.debug_string() == "decimal(\"1481.48\")");
}
