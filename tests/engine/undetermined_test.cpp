// Undetermined outcomes: the truth tables of eligibility (conditions ×
// disqualifiers) and of triggers (any / all) over passed, failed and unknown
// parts; soft negatives; truncated texts; unspecified parameters (scalars,
// table entries, series entries); lists the text does not enumerate; and
// conflicting facts in history lists with `unique_by`.
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
using cadre::ReasonStatus;
using cadre::Value;

const std::string kHeader =
    R"(ruleset: {id: undetermined.test, version: 1.0.0, valid: {from: 2015-01-01}}
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
        a: bool
        b: bool
        c: bool
        d: bool
        n: int
        grade: cadre_grade
        base: decimal
        situations: {list: {code: string}}
        assessments:
          list: {year: int, kind: string, grade: cadre_grade}
          dated_by: year
          unique_by: [year, kind]
)";

// The tests' rule set: the schema above and the decisions of the test.
class Rules : public cadre::test::InlineRuleSet {
 public:
  explicit Rules(const std::string& body) : InlineRuleSet(kHeader + body) {}

  cadre::RecordValue record(cadre::MapValue fields) const {
    return InlineRuleSet::record("cadre", std::move(fields));
  }

  cadre::DecisionResult decide(const std::string& id, cadre::MapValue fields,
                               const char* as_of = "2024-12-31") const {
    return InlineRuleSet::decide("cadre", id, std::move(fields), cadre::test::day(as_of));
  }
};

using cadre::test::fields;
using cadre::test::joined;

// A three-valued fact: true, false, or absent (unknown).
enum class Tri { yes, no, unknown };

const char* name_of(Tri value) {
  return value == Tri::yes ? "true" : value == Tri::no ? "false" : "unknown";
}

void set(cadre::MapValue& map, const char* field, Tri value) {
  if (value != Tri::unknown) map.set(field, value == Tri::yes);
}

ReasonStatus status_of(Tri value) {
  return value == Tri::yes  ? ReasonStatus::passed
         : value == Tri::no ? ReasonStatus::failed
                            : ReasonStatus::unknown;
}

cadre::MapValue entry(int year, const char* kind, const char* grade) {
  return fields({{"year", year}, {"kind", kind}, {"grade", grade}});
}

cadre::ListValue list_of(std::initializer_list<cadre::MapValue> entries) {
  cadre::ListValue list;
  for (const auto& item : entries)
    list.push_back(Value(item));
  return list;
}

}  // namespace

TEST_CASE("eligibility over conditions × disqualifiers, each passed, failed or unknown") {
  Rules rules(R"y(decisions:
  - id: t.eligible
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: condition, when: cadre.a}
    none:
      - {id: disqualifier, when: cadre.d}
)y");
  struct Row {
    Tri condition;     // the conditions' status: yes = passed
    Tri disqualifier;  // yes = a disqualifier fired
    Outcome outcome;
    const char* missing;
  };
  const Row rows[] = {
      // A fired disqualifier settles ineligibility whatever is unknown.
      {Tri::yes, Tri::yes, Outcome::ineligible, ""},
      {Tri::no, Tri::yes, Outcome::ineligible, ""},
      {Tri::unknown, Tri::yes, Outcome::ineligible, ""},
      {Tri::yes, Tri::no, Outcome::eligible, ""},
      // A failed condition settles ineligibility whatever is unknown.
      {Tri::no, Tri::no, Outcome::ineligible, ""},
      {Tri::no, Tri::unknown, Outcome::ineligible, ""},
      // Otherwise an unknown part leaves it undetermined, naming what is missing.
      {Tri::unknown, Tri::no, Outcome::undetermined, "cadre.a"},
      {Tri::yes, Tri::unknown, Outcome::undetermined, "cadre.d"},
      {Tri::unknown, Tri::unknown, Outcome::undetermined, "cadre.a, cadre.d"},
  };
  for (const Row& row : rows) {
    CAPTURE(name_of(row.condition));
    CAPTURE(name_of(row.disqualifier));
    cadre::MapValue person = fields({{"id", "c1"}});
    set(person, "a", row.condition);
    set(person, "d", row.disqualifier);
    auto result = rules.decide("t.eligible", person);
    CHECK(result.outcome == row.outcome);
    CHECK(joined(result.missing) == row.missing);
    std::string codes = joined(result.missing);
    if (!codes.empty()) {
      codes = "missing_fact:" + codes;
      for (std::size_t at = codes.find(", "); at != std::string::npos;
           at = codes.find(", ", at + 2)) {
        codes.insert(at + 2, "missing_fact:");
      }
    }
    CHECK(joined(result.undetermined) == codes);
    CHECK(result.value.debug_string() == (row.outcome == Outcome::eligible     ? "true"
                                          : row.outcome == Outcome::ineligible ? "false"
                                                                               : "null"));
    REQUIRE(result.reasons.size() == 2);
    CHECK(result.reasons[0].status == status_of(row.condition));
    CHECK(result.reasons[1].status == status_of(row.disqualifier));
    CHECK(result.flags.empty());
  }
}

TEST_CASE("a settled condition group needs no more facts: one failed condition among unknowns") {
  Rules rules(R"y(decisions:
  - id: t.eligible
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: first, when: cadre.a}
      - {id: second, when: cadre.b}
      - {id: third, when: "cadre.n >= 3"}
)y");
  auto failed = rules.decide("t.eligible", fields({{"b", false}}));
  CHECK(failed.outcome == Outcome::ineligible);
  CHECK(failed.missing.empty());
  REQUIRE(failed.reasons.size() == 1);
  REQUIRE(failed.reasons[0].children.size() == 3);
  CHECK(failed.reasons[0].children[0].status == ReasonStatus::unknown);
  CHECK(joined(failed.reasons[0].children[0].missing) == "cadre.a");
  CHECK(failed.reasons[0].children[1].status == ReasonStatus::failed);
  CHECK(failed.reasons[0].children[2].status == ReasonStatus::unknown);

  auto open = rules.decide("t.eligible", fields({{"b", true}}));
  CHECK(open.outcome == Outcome::undetermined);
  CHECK(joined(open.missing) == "cadre.a, cadre.n");
  CHECK(joined(open.undetermined) == "missing_fact:cadre.a, missing_fact:cadre.n");
}

TEST_CASE("only the groups still open name their missing facts (any of all groups)") {
  // a group with a failed condition is failed whatever its
  // other conditions miss; those facts cannot change the result.
  Rules rules(R"y(decisions:
  - id: t.target_met
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    for_each: {in: "['a', 'b']"}
    all:
      - any:
          - all:
              - {id: is_a, when: "key == 'a'"}
              - {id: a_ok, when: "cadre.n >= 3"}
          - all:
              - {id: is_b, when: "key == 'b'"}
              - {id: b_ok, when: "size(cadre.situations) >= 4"}
    none:
      - all:
          - {id: never, when: "key == 'c'"}
          - {id: grade, when: "cadre.grade == '优秀'"}
)y");
  for (bool explain : {true, false}) {
    CAPTURE(explain);
    auto results = rules.engine().evaluate(rules.record(fields({{"id", "v1"}})), {},
                                           cadre::test::day("2024-12-31"), {.explain = explain});
    REQUIRE(results.size() == 2);
    CHECK(results[0].id == "t.target_met[a]");
    CHECK(results[0].outcome == Outcome::undetermined);
    CHECK(joined(results[0].missing) == "cadre.n");
    CHECK(joined(results[0].undetermined) == "missing_fact:cadre.n");
    CHECK(results[1].id == "t.target_met[b]");
    CHECK(joined(results[1].missing) == "cadre.situations");
  }
}

TEST_CASE("exit triggers over any and all groups of true, false and unknown parts") {
  Rules rules(R"y(decisions:
  - id: t.any
    kind: exit
    subject: cadre
    cite: HY-EXIT-03
    actions: [dismissal]
    trigger:
      any:
        - {id: a, when: cadre.a}
        - {id: b, when: cadre.b}
  - id: t.all
    kind: exit
    subject: cadre
    cite: HY-EXIT-03
    actions: [recall]
    trigger:
      all:
        - {id: a, when: cadre.a}
        - {id: b, when: cadre.b}
)y");
  const Tri values[] = {Tri::yes, Tri::no, Tri::unknown};
  for (Tri a : values) {
    for (Tri b : values) {
      CAPTURE(name_of(a));
      CAPTURE(name_of(b));
      cadre::MapValue person = fields({{"id", "c1"}});
      set(person, "a", a);
      set(person, "b", b);
      std::string missing;
      if (a == Tri::unknown) missing = "cadre.a";
      if (b == Tri::unknown) missing += missing.empty() ? "cadre.b" : ", cadre.b";

      auto any = rules.decide("t.any", person);
      Outcome expected_any = a == Tri::yes || b == Tri::yes ? Outcome::triggered
                             : a == Tri::no && b == Tri::no ? Outcome::clear
                                                            : Outcome::undetermined;
      CHECK(any.outcome == expected_any);
      CHECK(any.kind == "exit");
      CHECK(any.value.debug_string() == (expected_any == Outcome::triggered ? "true"
                                         : expected_any == Outcome::clear   ? "false"
                                                                            : "null"));
      CHECK(joined(any.missing) == (expected_any == Outcome::undetermined ? missing : ""));

      auto all = rules.decide("t.all", person);
      Outcome expected_all = a == Tri::no || b == Tri::no     ? Outcome::clear
                             : a == Tri::yes && b == Tri::yes ? Outcome::triggered
                                                              : Outcome::undetermined;
      CHECK(all.outcome == expected_all);
      CHECK(joined(all.missing) == (expected_all == Outcome::undetermined ? missing : ""));
    }
  }
}

TEST_CASE("nested trigger groups: any of (all of a, b) and c") {
  Rules rules(R"y(decisions:
  - id: t.nested
    kind: exit
    subject: cadre
    cite: HY-EXIT-03
    actions: [referral]
    trigger:
      any:
        - all:
            - {id: a, when: cadre.a}
            - {id: b, when: cadre.b}
        - {id: c, when: cadre.c}
)y");
  CHECK(rules.decide("t.nested", fields({{"a", true}, {"b", true}})).outcome == Outcome::triggered);
  CHECK(rules.decide("t.nested", fields({{"c", true}})).outcome == Outcome::triggered);
  CHECK(rules.decide("t.nested", fields({{"a", false}, {"c", false}})).outcome == Outcome::clear);
  auto open = rules.decide("t.nested", fields({{"a", true}, {"c", false}}));
  CHECK(open.outcome == Outcome::undetermined);
  CHECK(joined(open.missing) == "cadre.b");
  REQUIRE(open.reasons.size() == 1);
  REQUIRE(open.reasons[0].children.size() == 2);
  CHECK(open.reasons[0].children[0].status == ReasonStatus::unknown);
  CHECK(open.reasons[0].children[1].status == ReasonStatus::failed);
}

TEST_CASE("a negative is soft only when every failed condition is soft") {
  Rules rules(R"y(decisions:
  - id: t.soft
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: hard, when: cadre.a}
      - {id: soft, when: cadre.b, soft: true}
      - soft: true
        any:
          - {id: c, when: cadre.c}
          - {id: d, when: cadre.d}
    none:
      - {id: disqualifier, when: "cadre.n > 10"}
)y");
  auto decide = [&](bool a, bool b, bool c) {
    return rules.decide("t.soft", fields({{"a", a}, {"b", b}, {"c", c}, {"d", false}, {"n", 0}}));
  };
  CHECK(decide(true, true, true).outcome == Outcome::eligible);
  CHECK(decide(true, true, true).flags.empty());
  // Only soft parts failed: a soft negative.
  CHECK(decide(true, false, true).outcome == Outcome::ineligible);
  CHECK(joined(decide(true, false, true).flags) == "soft");
  CHECK(joined(decide(true, true, false).flags) == "soft");  // a soft group
  CHECK(joined(decide(true, false, false).flags) == "soft");
  // A hard failure, alone or with soft ones: not soft.
  CHECK(decide(false, true, true).outcome == Outcome::ineligible);
  CHECK(decide(false, true, true).flags.empty());
  CHECK(decide(false, false, false).flags.empty());
  // A disqualifier is never soft.
  auto disqualified =
      rules.decide("t.soft", fields({{"a", true}, {"b", false}, {"c", true}, {"n", 11}}));
  CHECK(disqualified.outcome == Outcome::ineligible);
  CHECK(disqualified.flags.empty());
}

TEST_CASE("a truncated text cannot give a positive answer, but a negative stands") {
  Rules rules(R"y(decisions:
  - id: t.truncated
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    truncated_text: true
    all:
      - {id: condition, when: cadre.a}
    none:
      - {id: disqualifier, when: cadre.d}
)y");
  auto all_pass = rules.decide("t.truncated", fields({{"a", true}, {"d", false}}));
  CHECK(all_pass.outcome == Outcome::undetermined);
  CHECK(all_pass.value.kind() == cadre::ValueKind::null);
  CHECK(joined(all_pass.undetermined) == "truncated_text");
  CHECK(all_pass.missing.empty());
  CHECK(rules.decide("t.truncated", fields({{"a", false}, {"d", false}})).outcome ==
        Outcome::ineligible);
  CHECK(rules.decide("t.truncated", fields({{"a", true}, {"d", true}})).outcome ==
        Outcome::ineligible);
  auto missing = rules.decide("t.truncated", fields({{"d", false}}));
  CHECK(missing.outcome == Outcome::undetermined);
  CHECK(joined(missing.missing) == "cadre.a");
}

TEST_CASE("unspecified parameters: a scalar, a table entry, a series entry") {
  Rules rules(R"y(parameters:
  t.min_n: {type: int, unspecified: true, cite: HY-ELIG-01}
  t.multiplier:
    type: decimal
    key: cadre_grade
    table: {优秀: 1.20, 称职: unspecified, 基本称职: 0.70, 不称职: 0}
    cite: HY-PAY-02
  t.average:
    type: decimal
    series:
      - {from: 2015-01-01, value: 900}
      - {from: 2019-01-01, value: unspecified}
      - {from: 2020-01-01, value: 3000}
    cite: HY-PAY-01
decisions:
  - id: t.enough
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: n, when: "cadre.n >= t.min_n"}
      - {id: a, when: cadre.a}
  - id: t.performance
    kind: pay
    subject: cadre
    cite: HY-PAY-02
    components:
      - {id: performance, formula: "cadre.base * t.multiplier[cadre.grade]", round: {places: 2}}
  - id: t.average_pay
    kind: pay
    subject: cadre
    cite: HY-PAY-01
    components:
      - {id: average, formula: t.average}
)y");
  SUBCASE("scalar") {
    auto result = rules.decide("t.enough", fields({{"n", 5}, {"a", true}}));
    CHECK(result.outcome == Outcome::undetermined);
    CHECK(joined(result.undetermined) == "unspecified_parameter:t.min_n");
    CHECK(result.missing.empty());
    auto both = rules.decide("t.enough", fields({{"a", true}}));
    CHECK(joined(both.missing) == "cadre.n");
    CHECK(joined(both.undetermined) == "missing_fact:cadre.n, unspecified_parameter:t.min_n");
    // Another condition that fails settles it.
    CHECK(rules.decide("t.enough", fields({{"n", 5}, {"a", false}})).outcome ==
          Outcome::ineligible);
  }
  SUBCASE("table entry") {
    auto unspecified = rules.decide(
        "t.performance", fields({{"base", *cadre::Decimal::parse("1000.00")}, {"grade", "称职"}}));
    CHECK(unspecified.outcome == Outcome::undetermined);
    CHECK(joined(unspecified.undetermined) == "unspecified_parameter:t.multiplier.称职");
    CHECK(unspecified.missing.empty());
    auto given = rules.decide(
        "t.performance", fields({{"base", *cadre::Decimal::parse("1000.00")}, {"grade", "优秀"}}));
    CHECK(given.outcome == Outcome::computed);
    CHECK(given.value.debug_string() == "decimal(\"1200.00\")");
    auto no_grade =
        rules.decide("t.performance", fields({{"base", *cadre::Decimal::parse("1000.00")}}));
    // The grade is needed, and were it 称职, the entry the text leaves open.
    CHECK(joined(no_grade.undetermined) ==
          "missing_fact:cadre.grade, unspecified_parameter:t.multiplier.称职");
  }
  SUBCASE("series entry") {
    auto in_2019 = rules.decide("t.average_pay", fields({}), "2019-06-30");
    CHECK(in_2019.outcome == Outcome::undetermined);
    CHECK(joined(in_2019.undetermined) == "unspecified_parameter:t.average[2019]");
    CHECK(rules.decide("t.average_pay", fields({}), "2018-12-31").value.debug_string() ==
          "decimal(\"900\")");
    CHECK(rules.decide("t.average_pay", fields({}), "2020-01-01").value.debug_string() ==
          "decimal(\"3000\")");
  }
}

TEST_CASE("a list the text names but does not enumerate") {
  Rules rules(R"y(lists:
  t.situations:
    size: 10
    items:
      W1: {zh: 不能按期完成年度工作目标任务}
      W2: {zh: 不按要求参加组织生活}
    cite: HY-WARN-01
  t.complete:
    size: 2
    items:
      X1: {zh: 违法}
      X2: {zh: 违纪}
    cite: HY-EXIT-03
decisions:
  - id: t.open
    kind: exit
    subject: cadre
    cite: HY-WARN-01
    actions: [referral]
    trigger:
      any:
        - {id: listed, when: "cadre.situations.exists(s, listed(s.code, 't.situations'))"}
  - id: t.closed
    kind: exit
    subject: cadre
    cite: HY-EXIT-03
    actions: [dismissal]
    trigger:
      any:
        - {id: listed, when: "cadre.situations.exists(s, listed(s.code, 't.complete'))"}
)y");
  auto situations = [](std::initializer_list<const char*> codes) {
    cadre::ListValue list;
    for (const char* code : codes)
      list.push_back(Value(fields({{"code", code}})));
    return fields({{"situations", list}});
  };
  CHECK(rules.decide("t.open", situations({"W1"})).outcome == Outcome::triggered);
  CHECK(rules.decide("t.open", situations({})).outcome == Outcome::clear);
  auto unlisted = rules.decide("t.open", situations({"Z9"}));
  CHECK(unlisted.outcome == Outcome::undetermined);
  CHECK(joined(unlisted.undetermined) == "unenumerated_list:t.situations");
  CHECK(unlisted.missing.empty());
  // A named item settles it whatever the others are.
  CHECK(rules.decide("t.open", situations({"Z9", "W2"})).outcome == Outcome::triggered);
  // A complete list answers for anything.
  CHECK(rules.decide("t.closed", situations({"Z9"})).outcome == Outcome::clear);
  CHECK(rules.decide("t.closed", situations({"X2"})).outcome == Outcome::triggered);
}

TEST_CASE("conflicting entries of a history list with unique_by") {
  Rules rules(R"y(decisions:
  - id: t.excellent_2018
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - id: y2018
        when: "cadre.assessments.exists(a, a.year == 2018 && a.kind == 'annual' && a.grade == '优秀')"
  - id: t.excellent_2017
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - id: y2017
        when: "cadre.assessments.exists(a, a.year == 2017 && a.kind == 'annual' && a.grade == '优秀')"
  - id: t.entries_2018
    kind: assessment
    subject: cadre
    cite: HY-BEN-01
    formula: size(cadre.assessments.filter(a, a.year == 2018))
)y");
  auto with = [](std::initializer_list<cadre::MapValue> entries) {
    return fields({{"assessments", list_of(entries)}});
  };
  SUBCASE("two grades for 2018") {
    auto person = with({entry(2017, "annual", "优秀"), entry(2018, "annual", "优秀"),
                        entry(2018, "annual", "称职")});
    auto result = rules.decide("t.excellent_2018", person, "2019-06-30");
    CHECK(result.outcome == Outcome::undetermined);
    CHECK(joined(result.undetermined) == "conflicting_facts:cadre.assessments[2018,annual].grade");
    CHECK(result.missing.empty());
    // A rule reading only 2017 is unaffected.
    CHECK(rules.decide("t.excellent_2017", person, "2019-06-30").outcome == Outcome::eligible);
    // Both entries are kept, each with its grade unknown.
    CHECK(rules.decide("t.entries_2018", person, "2019-06-30").value.debug_string() == "2");
  }
  SUBCASE("exact repeats are harmless") {
    auto person = with({entry(2018, "annual", "优秀"), entry(2017, "annual", "称职"),
                        entry(2018, "annual", "优秀")});
    auto result = rules.decide("t.excellent_2018", person, "2019-06-30");
    CHECK(result.outcome == Outcome::eligible);
    CHECK(result.undetermined.empty());
    CHECK(rules.decide("t.entries_2018", person, "2019-06-30").value.debug_string() == "1");
    CHECK(rules.decide("t.excellent_2017", person, "2019-06-30").outcome == Outcome::ineligible);
  }
  SUBCASE("entries of another kind in the same year do not conflict") {
    auto person = with({entry(2018, "annual", "优秀"), entry(2018, "half", "称职")});
    CHECK(rules.decide("t.excellent_2018", person, "2019-06-30").outcome == Outcome::eligible);
    CHECK(rules.decide("t.entries_2018", person, "2019-06-30").value.debug_string() == "2");
  }
  SUBCASE("a conflicting entry not yet known on as_of is no conflict") {
    auto person = with({entry(2018, "annual", "优秀"), entry(2018, "annual", "称职")});
    CHECK(rules.decide("t.excellent_2018", person, "2017-12-31").outcome == Outcome::ineligible);
  }
}

TEST_CASE("what a later rule reads from an undetermined decision keeps its reason") {
  Rules rules(R"y(parameters:
  t.min_n: {type: int, unspecified: true, cite: HY-ELIG-01}
decisions:
  - id: t.first
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: a, when: cadre.a}
  - id: t.unspecified
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: n, when: "cadre.n >= t.min_n"}
  - id: t.ratio
    kind: assessment
    subject: cadre
    cite: HY-ELIG-01
    formula: 10 / cadre.n
  - id: t.reads_first
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: first, when: t.first}
  - id: t.reads_unspecified
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: unspecified, when: t.unspecified}
  - id: t.reads_ratio
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: ratio, when: "t.ratio >= 2"}
)y");
  auto missing = rules.decide("t.reads_first", fields({}));
  CHECK(missing.outcome == Outcome::undetermined);
  CHECK(joined(missing.missing) == "cadre.a");
  CHECK(joined(missing.undetermined) == "missing_fact:cadre.a");

  auto unspecified = rules.decide("t.reads_unspecified", fields({{"n", 1}}));
  CHECK(unspecified.outcome == Outcome::undetermined);
  CHECK(joined(unspecified.undetermined) == "unspecified_parameter:t.min_n");
  CHECK(unspecified.missing.empty());

  auto ratio = rules.decide("t.ratio", fields({{"n", 0}}));
  CHECK(ratio.outcome == Outcome::undetermined);
  CHECK(joined(ratio.undetermined) == "error:division by zero");
  // An error is not a missing fact: what reads it says why.
  auto reads = rules.decide("t.reads_ratio", fields({{"n", 0}}));
  CHECK(reads.outcome == Outcome::undetermined);
  CHECK(joined(reads.undetermined) == "error:division by zero");
  CHECK(reads.missing.empty());
}
