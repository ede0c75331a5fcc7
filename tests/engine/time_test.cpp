// Time in the engine: parameters in force on the evaluation date, facts not
// yet known, the warning lifecycle at its boundary dates, ages and tenures on
// anniversaries (29 February included), windows of consecutive years written
// with CEL macros, the latest evaluation in force, and the hints that say
// when a failed condition will hold or how far it misses.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "tests/engine/inline_rule_set.hpp"

namespace {

namespace fs = std::filesystem;
using cadre::Outcome;
using cadre::Value;

const std::string kHeader =
    R"(ruleset: {id: time.test, version: 1.0.0, valid: {from: 2015-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  enums:
    cadre_grade:
      values: [优秀, 称职, 基本称职, 不称职]
      order: descending
  records:
    cadre:
      fields:
        id: string
        birth_date: date
        start_date: date
        income: decimal
        assessments: {list: {year: int, grade: cadre_grade}, dated_by: year}
        bonuses: {list: {year: int, kind: string}, dated_by: year}
        situations: {list: {code: string, date: date}, dated_by: date}
        evaluations: {list: {period_end: date, score: int}, dated_by: period_end}
        warnings: {list: {talk_date: date, review_result: string}, dated_by: talk_date}
)";

// The tests' rule set: the schema above and the decisions of the test.
class Rules : public cadre::test::InlineRuleSet {
 public:
  explicit Rules(const std::string& body) : InlineRuleSet(kHeader + body) {}

  cadre::RecordValue record(cadre::MapValue fields) const {
    return InlineRuleSet::record("cadre", std::move(fields));
  }

  cadre::DecisionResult decide(const std::string& id, cadre::MapValue fields,
                               const char* as_of) const {
    return InlineRuleSet::decide("cadre", id, std::move(fields), cadre::test::day(as_of));
  }
};

using cadre::test::day;
using cadre::test::fields;
using cadre::test::joined;

cadre::ListValue list_of(std::initializer_list<cadre::MapValue> entries) {
  cadre::ListValue list;
  for (const auto& item : entries)
    list.push_back(Value(item));
  return list;
}

// Grades by year: {2016, "优秀"}, ...
cadre::MapValue graded(std::initializer_list<std::pair<int, const char*>> grades) {
  cadre::ListValue list;
  for (const auto& [year, grade] : grades)
    list.push_back(Value(fields({{"year", year}, {"grade", grade}})));
  return fields({{"assessments", list}});
}

// The first leaf condition of a decision's first group.
const cadre::Reason& first_condition(const cadre::DecisionResult& result) {
  static const cadre::Reason none;
  REQUIRE_FALSE(result.reasons.empty());
  REQUIRE_FALSE(result.reasons[0].children.empty());
  return result.reasons.empty() || result.reasons[0].children.empty()
             ? none
             : result.reasons[0].children[0];
}

}  // namespace

TEST_CASE("a series gives the value in force on as_of: the day before and the day of `from`") {
  Rules rules(R"y(parameters:
  t.average:
    type: decimal
    series:
      - {from: 2015-01-01, value: 900}
      - {from: 2018-07-01, value: 1800}
      - {from: 2019-01-01, value: 3000}
    cite: HY-PAY-01
decisions:
  - id: t.pay
    kind: pay
    subject: cadre
    cite: HY-PAY-01
    components:
      - {id: double, formula: t.average * 2, round: {places: 2}}
)y");
  const std::pair<const char*, const char*> cases[] = {
      {"2018-06-30", "1800.00"}, {"2018-07-01", "3600.00"}, {"2018-12-31", "3600.00"},
      {"2019-01-01", "6000.00"}, {"2015-01-01", "1800.00"},
  };
  for (const auto& [as_of, amount] : cases) {
    CAPTURE(as_of);
    auto result = rules.decide("t.pay", fields({}), as_of);
    CHECK(result.outcome == Outcome::computed);
    CHECK(result.value.debug_string() == "decimal(\"" + std::string(amount) + "\")");
  }
  // The breakdown names the value in force that it read.
  auto result = rules.decide("t.pay", fields({}), "2018-07-01");
  REQUIRE(result.components.size() == 1);
  REQUIRE(result.components[0].parameters.size() == 1);
  CHECK(result.components[0].parameters[0].first == "t.average");
  CHECK(result.components[0].parameters[0].second.debug_string() == "decimal(\"1800\")");
}

TEST_CASE("a pay line names what it read: the table entry used, not the table, and the facts") {
  Rules rules(R"y(parameters:
  t.multiplier:
    type: decimal
    key: cadre_grade
    table: {优秀: 1.2, 称职: 1, 基本称职: 0.7, 不称职: 0}
    cite: HY-PAY-02
decisions:
  - id: t.performance
    kind: pay
    subject: cadre
    cite: HY-PAY-02
    components:
      - id: performance
        formula: "cadre.income * t.multiplier[cadre.assessments.filter(a, a.year == 2018)[0].grade]"
        round: {places: 2}
)y");
  cadre::MapValue facts = graded({{2018, "优秀"}});
  facts.set(Value("income"), Value(*cadre::Decimal::parse("2000")));
  auto result = rules.decide("t.performance", facts, "2019-03-15");
  CHECK(result.value.debug_string() == "decimal(\"2400.00\")");
  REQUIRE(result.components.size() == 1);
  const auto& line = result.components[0];
  REQUIRE(line.parameters.size() == 1);
  CHECK(line.parameters[0].first ==
        "t.multiplier[cadre.assessments.filter(a, a.year == 2018)[0].grade]");
  CHECK(line.parameters[0].second.debug_string() == "decimal(\"1.2\")");
  REQUIRE(line.facts.size() == 2);
  CHECK(line.facts[0].first == "cadre.income");
  CHECK(line.facts[1].first == "cadre.assessments");
}

TEST_CASE("facts dated after as_of are not yet known") {
  Rules rules(R"y(decisions:
  - id: t.latest_excellent
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - id: latest
        when: >-
          cadre.assessments.exists(a, a.year == max(cadre.assessments.map(x, x.year))
            && a.grade == '优秀')
  - id: t.graded_years
    kind: assessment
    subject: cadre
    cite: HY-BEN-01
    formula: size(cadre.assessments)
  - id: t.red_line
    kind: exit
    subject: cadre
    cite: HY-EXIT-03
    actions: [dismissal]
    trigger:
      any:
        - {id: x2, when: "cadre.situations.exists(s, s.code == 'X2')"}
)y");
  SUBCASE("a grade of next year") {
    auto person = graded({{2024, "不称职"}, {2025, "优秀"}});
    CHECK(rules.decide("t.graded_years", person, "2024-12-31").value.debug_string() == "1");
    CHECK(rules.decide("t.latest_excellent", person, "2024-12-31").outcome == Outcome::ineligible);
    // A year is known from its 1 January.
    CHECK(rules.decide("t.graded_years", person, "2025-01-01").value.debug_string() == "2");
    CHECK(rules.decide("t.latest_excellent", person, "2025-01-01").outcome == Outcome::eligible);
  }
  SUBCASE("a dated situation") {
    auto person =
        fields({{"situations", list_of({fields({{"code", "X2"}, {"date", day("2024-07-01")}})})}});
    auto before = rules.decide("t.red_line", person, "2024-06-30");
    CHECK(before.outcome == Outcome::clear);
    CHECK(before.value.debug_string() == "false");
    CHECK(rules.decide("t.red_line", person, "2024-07-01").outcome == Outcome::triggered);
  }
}

namespace {

constexpr const char* kWarning = R"y(parameters:
  t.warning_period: {type: int, value: 3, cite: HY-WARN-02}
decisions:
  - id: t.warning_status
    kind: warning
    subject: cadre
    cite: HY-WARN-02
    trigger:
      all:
        - {id: warned, when: size(cadre.warnings) > 0}
    warning:
      start: max(cadre.warnings.map(w, w.talk_date))
      period_months: t.warning_period
      review_result: cadre.warnings[size(cadre.warnings) - 1].review_result
)y";

cadre::MapValue warned(const char* talk_date, const char* review) {
  cadre::MapValue warning = fields({{"talk_date", day(talk_date)}});
  if (review != nullptr) warning.set("review_result", review);
  return fields({{"warnings", list_of({warning})}});
}

}  // namespace

TEST_CASE("the warning lifecycle: 30 November + 3 months ends on 28 February") {
  Rules rules(kWarning);
  auto status = [&](const char* review, const char* as_of) {
    return rules.decide("t.warning_status", warned("2024-11-30", review), as_of);
  };
  // Not yet known the day before the talk.
  auto before = status(nullptr, "2024-11-29");
  CHECK(before.outcome == Outcome::clear);
  CHECK(before.value.debug_string() == "\"clear\"");

  auto first_day = status(nullptr, "2024-11-30");
  CHECK(first_day.outcome == Outcome::triggered);
  CHECK(first_day.value.debug_string() == "\"in_period\"");
  CHECK(joined(first_day.flags) == "through:2025-02-27");

  // The last day of the period, even with a review result already known.
  for (const char* review : {static_cast<const char*>(nullptr), "pass", "fail"}) {
    CAPTURE(review ? review : "(none)");
    auto last_day = status(review, "2025-02-27");
    CHECK(last_day.outcome == Outcome::triggered);
    CHECK(last_day.value.debug_string() == "\"in_period\"");
    CHECK(joined(last_day.flags) == "through:2025-02-27");
  }

  // On the end date: by the review.
  auto awaiting = status("none", "2025-02-28");
  CHECK(awaiting.outcome == Outcome::triggered);
  CHECK(awaiting.value.debug_string() == "\"awaiting_review\"");
  CHECK(awaiting.flags.empty());
  // A review result not on record may be a failed review: undetermined.
  auto unknown = status(nullptr, "2025-02-28");
  CHECK(unknown.outcome == Outcome::undetermined);
  CHECK(joined(unknown.missing) == "cadre.warnings[].review_result");
  CHECK(status("pass", "2025-02-28").value.debug_string() == "\"lifted\"");
  CHECK(status("fail", "2025-02-28").value.debug_string() == "\"failed\"");
  CHECK(status("fail", "2025-06-01").value.debug_string() == "\"failed\"");
}

TEST_CASE("the warning period ends on 29 February in a leap year") {
  Rules rules(kWarning);
  auto last = rules.decide("t.warning_status", warned("2023-11-30", nullptr), "2024-02-28");
  CHECK(last.value.debug_string() == "\"in_period\"");
  CHECK(joined(last.flags) == "through:2024-02-28");
  CHECK(rules.decide("t.warning_status", warned("2023-11-30", "none"), "2024-02-29")
            .value.debug_string() == "\"awaiting_review\"");
}

TEST_CASE("ages are gained on the birthday; a 29 February birthday on 1 March") {
  Rules rules(R"y(decisions:
  - id: t.adult
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: age, when: "age(cadre.birth_date, as_of) >= 18"}
  - id: t.young
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: age, when: "age(cadre.birth_date, as_of) <= 35"}
)y");
  auto born = [](const char* date) { return fields({{"birth_date", day(date)}}); };

  auto day_before = rules.decide("t.adult", born("2006-03-15"), "2024-03-14");
  CHECK(day_before.outcome == Outcome::ineligible);
  const auto& age = first_condition(day_before);
  REQUIRE(age.hint.has_value());
  CHECK(age.hint->kind == "date");
  CHECK(age.hint->date == day("2024-03-15"));
  CHECK(rules.decide("t.adult", born("2006-03-15"), "2024-03-15").outcome == Outcome::eligible);

  // Born on 29 February: 18 on 1 March 2022, 20 on 29 February 2024.
  auto leapling = rules.decide("t.adult", born("2004-02-29"), "2022-02-28");
  CHECK(leapling.outcome == Outcome::ineligible);
  REQUIRE(first_condition(leapling).hint.has_value());
  CHECK(first_condition(leapling).hint->date == day("2022-03-01"));
  CHECK(first_condition(leapling).hint->message_en == "met on 2022-03-01");
  CHECK(rules.decide("t.adult", born("2004-02-29"), "2022-03-01").outcome == Outcome::eligible);
  auto early = rules.decide("t.adult", born("2004-02-29"), "2021-06-01");
  CHECK(first_condition(early).hint->date == day("2022-03-01"));

  // The upper bound: still 35 on the day before the 36th birthday.
  CHECK(rules.decide("t.young", born("1988-02-29"), "2024-02-28").outcome == Outcome::eligible);
  auto too_old = rules.decide("t.young", born("1988-02-29"), "2024-02-29");
  CHECK(too_old.outcome == Outcome::ineligible);
  // An age never comes back down: no date, only how far over.
  const auto& over = first_condition(too_old);
  REQUIRE(over.hint.has_value());
  CHECK(over.hint->kind == "shortfall");
  CHECK(over.hint->amount == "1");
  CHECK(over.hint->message_en == "over by 1");
  CHECK_FALSE(over.hint->date.has_value());
  CHECK(rules.decide("t.young", born("1989-02-28"), "2025-02-27").outcome == Outcome::eligible);
  CHECK(rules.decide("t.young", born("1989-02-28"), "2025-02-28").outcome == Outcome::ineligible);
}

TEST_CASE(
    "an age bound is crossed on a birthday (R-03), a tenure met on a clamped anniversary (R-05)") {
  Rules rules(R"y(decisions:
  - id: t.turns_35_on
    kind: assessment
    subject: cadre
    cite: HY-ELIG-01
    table:
      hit: first
      inputs: [{id: born, expr: cadre.birth_date}]
      rules: [{when: {born: "-"}, value: "birthday(cadre.birth_date, 35)"}]
  - id: t.tenure_met_on
    kind: assessment
    subject: cadre
    cite: HY-ELIG-01
    table:
      hit: first
      inputs: [{id: start, expr: cadre.start_date}]
      rules: [{when: {start: "-"}, value: "add_years(cadre.start_date, 3)"}]
  - id: t.tenure
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: tenure, when: "years_between(cadre.start_date, as_of) >= 3"}
)y");
  auto value_of = [&](const char* id, const char* field, const char* date) {
    return rules.decide(id, fields({{field, day(date)}}), "2024-06-30").value.debug_string();
  };
  // Born on 29 February 1988: 35 on 1 March 2023, a common year.
  CHECK(value_of("t.turns_35_on", "birth_date", "1988-02-29") == "date(\"2023-03-01\")");
  CHECK(value_of("t.turns_35_on", "birth_date", "1989-02-28") == "date(\"2024-02-28\")");
  // A tenure from 29 February 2020: three years on 28 February 2023.
  CHECK(value_of("t.tenure_met_on", "start_date", "2020-02-29") == "date(\"2023-02-28\")");
  CHECK(value_of("t.tenure_met_on", "start_date", "2021-02-28") == "date(\"2024-02-28\")");
  auto tenure = [&](const char* as_of) {
    return rules.decide("t.tenure", fields({{"start_date", day("2020-02-29")}}), as_of).outcome;
  };
  CHECK(tenure("2023-02-27") == Outcome::ineligible);
  CHECK(tenure("2023-02-28") == Outcome::eligible);
}

TEST_CASE("three consecutive years 优秀, written with a macro over the years") {
  Rules rules(R"y(decisions:
  - id: t.three_excellent
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - id: three_years
        when: >-
          [1, 2, 3].all(k, cadre.assessments.exists(a,
            a.year == year(as_of) - k && a.grade == '优秀'))
)y");
  const char* as_of = "2019-02-20";
  CHECK(rules
            .decide("t.three_excellent", graded({{2016, "优秀"}, {2017, "优秀"}, {2018, "优秀"}}),
                    as_of)
            .outcome == Outcome::eligible);
  // Order in the record does not matter; other years do not either.
  CHECK(rules
            .decide("t.three_excellent",
                    graded({{2018, "优秀"}, {2015, "不称职"}, {2016, "优秀"}, {2017, "优秀"}}),
                    as_of)
            .outcome == Outcome::eligible);
  CHECK(rules
            .decide("t.three_excellent", graded({{2016, "优秀"}, {2017, "称职"}, {2018, "优秀"}}),
                    as_of)
            .outcome == Outcome::ineligible);
  CHECK(
      rules.decide("t.three_excellent", graded({{2016, "优秀"}, {2018, "优秀"}}), as_of).outcome ==
      Outcome::ineligible);
  // A year later the window has moved: 2019 is needed.
  CHECK(rules
            .decide("t.three_excellent", graded({{2016, "优秀"}, {2017, "优秀"}, {2018, "优秀"}}),
                    "2020-01-01")
            .outcome == Outcome::ineligible);
  // A grade not given for a year of the window: undetermined.
  cadre::MapValue person = graded({{2016, "优秀"}, {2018, "优秀"}});
  cadre::ListValue entries = person.find_key("assessments")->as_list();
  entries.push_back(Value(fields({{"year", 2017}})));
  auto unknown = rules.decide("t.three_excellent", fields({{"assessments", entries}}), as_of);
  CHECK(unknown.outcome == Outcome::undetermined);
  CHECK(joined(unknown.missing) == "cadre.assessments[].grade");
}

TEST_CASE("two consecutive years 称职 or better, and a bonus granted only once") {
  Rules rules(R"y(decisions:
  - id: t.bonus_eligible
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - id: two_years
        when: >-
          [1, 2].all(k, cadre.assessments.exists(a,
            a.year == year(as_of) - k && a.grade >= '称职'))
      - id: not_granted
        when: "!cadre.bonuses.exists(b, b.kind == 'plus7')"
)y");
  auto person = [](std::initializer_list<std::pair<int, const char*>> grades,
                   std::initializer_list<cadre::MapValue> bonuses) {
    cadre::MapValue map = graded(grades);
    map.set("bonuses", list_of(bonuses));
    return map;
  };
  const char* as_of = "2019-02-20";
  CHECK(rules.decide("t.bonus_eligible", person({{2017, "优秀"}, {2018, "称职"}}, {}), as_of)
            .outcome == Outcome::eligible);
  CHECK(rules.decide("t.bonus_eligible", person({{2017, "称职"}, {2018, "基本称职"}}, {}), as_of)
            .outcome == Outcome::ineligible);
  auto granted = rules.decide(
      "t.bonus_eligible",
      person({{2017, "优秀"}, {2018, "优秀"}}, {fields({{"year", 2018}, {"kind", "plus7"}})}),
      as_of);
  CHECK(granted.outcome == Outcome::ineligible);
  REQUIRE(granted.reasons.size() == 1);
  REQUIRE(granted.reasons[0].children.size() == 2);
  CHECK(granted.reasons[0].children[1].status == cadre::ReasonStatus::failed);
  // Another kind of bonus, or one dated after as_of, does not count.
  CHECK(rules
            .decide("t.bonus_eligible",
                    person({{2017, "优秀"}, {2018, "优秀"}},
                           {fields({{"year", 2018}, {"kind", "plus5"}}),
                            fields({{"year", 2020}, {"kind", "plus7"}})}),
                    as_of)
            .outcome == Outcome::eligible);
}

TEST_CASE("the latest half-yearly evaluation in force") {
  Rules rules(R"y(derived:
  t.latest_score:
    subject: cadre
    type: int
    expr: >-
      cadre.evaluations.filter(e,
        e.period_end == max(cadre.evaluations.map(x, x.period_end)))[0].score
    cite: HY-ASSESS-02
decisions:
  - id: t.good_standing
    kind: eligibility
    subject: cadre
    cite: HY-ASSESS-02
    all:
      - {id: latest, when: t.latest_score >= 80}
)y");
  cadre::MapValue person = fields(
      {{"evaluations", list_of({fields({{"period_end", day("2024-12-31")}, {"score", 70}}),
                                fields({{"period_end", day("2024-06-30")}, {"score", 90}})})}});
  CHECK(rules.decide("t.good_standing", person, "2024-12-30").outcome == Outcome::eligible);
  auto december = rules.decide("t.good_standing", person, "2024-12-31");
  CHECK(december.outcome == Outcome::ineligible);
  REQUIRE(first_condition(december).hint.has_value());
  CHECK(first_condition(december).hint->kind == "shortfall");
  CHECK(first_condition(december).hint->amount == "10");
  // None in force yet: nothing to read.
  auto none = rules.decide("t.good_standing", person, "2024-06-29");
  CHECK(none.outcome == Outcome::undetermined);
  CHECK(none.missing.empty());
  CHECK(joined(none.undetermined) == "error:index 0 out of range for a list of size 0");
}

TEST_CASE("hints: the date a tenure is reached, the shortfall of a number") {
  Rules rules(R"y(derived:
  t.tenure_years:
    subject: cadre
    type: int
    expr: years_between(cadre.start_date, as_of)
    cite: HY-ELIG-01
decisions:
  - id: t.tenure
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: tenure, when: t.tenure_years >= 3}
  - id: t.income
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: income, when: cadre.income >= 100000}
)y");
  auto tenure = rules.decide("t.tenure", fields({{"start_date", day("2022-03-01")}}), "2024-06-30");
  CHECK(tenure.outcome == Outcome::ineligible);
  const auto& hint = first_condition(tenure).hint;
  REQUIRE(hint.has_value());
  CHECK(hint->kind == "date");
  CHECK(hint->date == day("2025-03-01"));
  CHECK(hint->message_zh == "满足于2025-03-01");
  CHECK(hint->message_en == "met on 2025-03-01");
  // On the anniversary it holds.
  CHECK(
      rules.decide("t.tenure", fields({{"start_date", day("2022-03-01")}}), "2025-03-01").outcome ==
      Outcome::eligible);
  // A start on 29 February: three years on 28 February of a common year, the
  // last day of the month (R-05; an age would wait for 1 March, R-03).
  auto leap = rules.decide("t.tenure", fields({{"start_date", day("2020-02-29")}}), "2023-02-27");
  CHECK(leap.outcome == Outcome::ineligible);
  REQUIRE(first_condition(leap).hint.has_value());
  CHECK(first_condition(leap).hint->date == day("2023-02-28"));
  CHECK(
      rules.decide("t.tenure", fields({{"start_date", day("2020-02-29")}}), "2023-02-28").outcome ==
      Outcome::eligible);

  auto income = rules.decide("t.income", fields({{"income", *cadre::Decimal::parse("80000.50")}}),
                             "2024-06-30");
  CHECK(income.outcome == Outcome::ineligible);
  const auto& shortfall = first_condition(income).hint;
  REQUIRE(shortfall.has_value());
  CHECK(shortfall->kind == "shortfall");
  CHECK(shortfall->amount == "19999.50");
  CHECK(shortfall->message_en == "short by 19999.50");
  CHECK(shortfall->message_zh == "差19999.50");
  CHECK_FALSE(shortfall->date.has_value());
}
