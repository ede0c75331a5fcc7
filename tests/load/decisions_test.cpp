// The `decisions` section (each kind with the keys it allows, conditions,
// tables and allocations) and the `tests` section.
#include <doctest/doctest.h>

#include "fixture.hpp"
#include "load/loader.hpp"

namespace cadre::load {
namespace {

using testing::check_lines;
using testing::kHeader;
using testing::TempRuleSet;
using Group = model::Condition::Group;

LoadResult load_text(const TempRuleSet& set, std::string_view text) {
  set.write("ruleset.yaml", std::string(kHeader) + std::string(text));
  return set.load();
}

constexpr std::string_view kEveryKind = R"yaml(decisions:
  - id: ps.young
    kind: eligibility
    subject: cadre
    cite: PS-ELIG-09
    title: {zh: 年轻干部, en: young cadres}
    applies: cadre.works_in_village
    soft: true
    message: {zh: "年龄{age}岁"}
    all:
      - {id: age, when: "age <= 35", soft: true, cite: PS-ELIG-02}
      - any:
          - {id: a1, when: x}
          - {id: a2, when: y, message: {en: "{y}"}}
    none:
      - {id: red_line, when: z}
  - id: hy.warning_status
    kind: warning
    subject: cadre
    cite: HY-WARN-02
    trigger: {any: [{id: w1, when: w}]}
    warning: {start: s, period_months: hy.warning_period, review_result: r, escalate_to: hy.exit}
  - id: hy.exit
    kind: exit
    cite: HY-EXIT-03
    actions: [dismissal, recall, programme_exit, referral, ordered_resignation]
    trigger: {id: x2, when: x}
  - id: hy.pay
    kind: pay
    cite: HY-PAY-02
    components:
      - {id: performance, formula: b * m, round: {places: 2, mode: floor}}
      - {id: other, formula: c}
  - id: hd.bonus_rate
    kind: pay
    cite: HD-BEN-02
    table:
      hit: priority
      inputs:
        - {id: years, expr: hd.years}
        - {id: grade, expr: hd.grade}
      rules:
        - {when: {years: ">= 2"}, value: "0.07", priority: 2}
        - {when: {years: "[1, 3)", grade: [优秀, 称职]}, value: "0.05", priority: 1}
        - {when: {grade: 不称职, years: "-"}, value: unspecified, priority: 0}
  - id: jw.score
    kind: assessment
    cite: JW-ASSESS-03
    formula: 0.4 * a + 0.6 * b
    round: {places: 1}
  - id: hy.excellent
    kind: allocation
    subject: cadre
    cite: HY-ASSESS-03
    allocation:
      group_by: village.town_id
      candidates: g == '优秀'
      rank_by: [{expr: hy.composite}]
      tie_break: [{expr: cadre.id, order: asc}]
      quota: {ratio: hy.ratio, of: members, rounding: floor}
  - id: ps.tiers
    kind: allocation
    cite: PS-PAY-05
    allocation: {group_by: t, tiers: [1/3, 1/3, 1/3], quota: {count: "3"}}
)yaml";

TEST_CASE("every kind of decision") {
  TempRuleSet set;
  const LoadResult result = load_text(set, kEveryKind);
  check_lines(set.lines(result),
              {"ruleset.yaml:67:31: error: `allocation` of decision "
               "`ps.tiers` has both `quota` and `tiers` [load.conflicting_keys]"});
  set.write(
      "ruleset.yaml",
      std::string(kHeader) +
          std::string(kEveryKind).substr(0, std::string(kEveryKind).rfind("  - id: ps.tiers")));
  const LoadResult loaded = set.load();
  check_lines(set.lines(loaded), {});
  REQUIRE(loaded.ruleset != nullptr);
  const auto& d = loaded.ruleset->rules.decisions;
  REQUIRE(d.size() == 7);

  CHECK(d[0].kind == model::DecisionKind::eligibility);
  CHECK(d[0].applies.text == "cadre.works_in_village");
  CHECK(d[0].soft);
  CHECK(d[0].message.zh == "年龄{age}岁");
  CHECK(d[0].all.group == Group::all);
  REQUIRE(d[0].all.children.size() == 2);
  CHECK(d[0].all.children[0].soft);
  CHECK(d[0].all.children[0].cite.provision == "PS-ELIG-02");
  CHECK(d[0].all.children[1].group == Group::any);
  REQUIRE(d[0].all.children[1].children.size() == 2);
  CHECK(d[0].all.children[1].children[1].message.en == "{y}");
  CHECK(d[0].none.group == Group::any);
  CHECK(d[0].none.children[0].id == "red_line");

  CHECK(d[1].trigger.group == Group::any);
  CHECK(d[1].trigger.children[0].when.text == "w");
  CHECK(d[1].warning.period_months.text == "hy.warning_period");
  CHECK(d[1].warning.escalate_to == "hy.exit");

  CHECK(d[2].actions.size() == 5);
  CHECK(d[2].actions[3] == model::ExitAction::referral);
  CHECK(d[2].trigger.group == Group::leaf);
  CHECK(d[2].trigger.id == "x2");

  REQUIRE(d[3].components.size() == 2);
  CHECK(d[3].components[0].round.mode == "floor");
  CHECK(d[3].components[0].round.given);
  CHECK_FALSE(d[3].components[1].round.given);

  REQUIRE(d[4].table.has_value());
  const model::DecisionTable& table = *d[4].table;
  CHECK(table.hit == model::HitPolicy::priority);
  REQUIRE(table.rules.size() == 3);
  CHECK(table.rules[0].priority == 2);
  CHECK(table.rules[0].tests[0].test == model::TableCell::Test::compare);
  CHECK(table.rules[0].tests[0].op == ">=");
  CHECK(table.rules[0].tests[0].number == "2");
  CHECK(table.rules[1].cells == std::vector<std::pair<std::string, std::string>>{
                                    {"years", "[1, 3)"}, {"grade", "优秀, 称职"}});
  CHECK(table.rules[1].tests[0].test == model::TableCell::Test::interval);
  CHECK(table.rules[1].tests[0].low_closed);
  CHECK_FALSE(table.rules[1].tests[0].high_closed);
  CHECK(table.rules[1].tests[1].values == std::vector<std::string>{"优秀", "称职"});
  CHECK(table.rules[2].output.unspecified);
  CHECK(table.rules[2].tests[1].test == model::TableCell::Test::any);

  CHECK(d[5].formula.text == "0.4 * a + 0.6 * b");
  CHECK(d[5].round.places == 1);
  CHECK(d[5].round.mode == "half_up");

  REQUIRE(d[6].allocation.has_value());
  CHECK(d[6].allocation->rank_by[0].descending);
  CHECK_FALSE(d[6].allocation->tie_break[0].descending);
  CHECK(d[6].allocation->quota_ratio.text == "hy.ratio");
  CHECK(d[6].allocation->rounding == "floor");
}

TEST_CASE("decisions: keys the kind does not allow, and other mistakes") {
  TempRuleSet set;
  check_lines(
      set.lines(load_text(
          set,
          "decisions:\n"
          "  - id: a\n    kind: exit\n    cite: X-1\n    actions: [dismisal]\n"
          "    trigger: {all: [{id: c, when: x}, {id: c, when: y}, {id: d}]}\n"
          "    components: []\n"
          "  - id: b\n    kind: pay\n    cite: X-1\n    formula: x\n"
          "  - id: c\n    kind: eligibility\n    cite: X-1\n    tabel: {}\n"
          "  - id: d\n    kind: pay\n    cite: X-1\n"
          "    table:\n      inputs: [{id: n, expr: x}, {id: n, expr: y}]\n"
          "      rules:\n        - {when: {m: 1}, value: '1', priority: 3}\n"
          "        - {when: {n: '>= two'}, value: '2'}\n"
          "  - id: e\n    kind: allocation\n    cite: X-1\n"
          "    allocation: {group_by: g, quota: {ratio: r}, rank_by: [{expr: s, order: up}]}\n"
          "  - {id: f, kind: warning, cite: X-1, trigger: {any: []}, warning: {start: s}}\n")),
      {"ruleset.yaml:8:15: error: invalid value `dismisal` for an item of `actions` of decision "
       "`a` [load.bad_value]",
       "ruleset.yaml:9:44: error: duplicate condition id `c` in decision `a` [load.duplicate_id]",
       "ruleset.yaml:9:57: error: missing key `when` in condition `d` of decision `a` "
       "[load.missing_key]",
       "ruleset.yaml:10:5: error: key `components` is not allowed in decision `a` of kind `exit` "
       "[load.unknown_key]",
       "ruleset.yaml:11:5: error: missing key `components` or `table` in decision `b` "
       "[load.missing_key]",
       "ruleset.yaml:14:5: error: key `formula` is not allowed in decision `b` of kind `pay` "
       "[load.unknown_key]",
       "ruleset.yaml:15:5: error: missing key `all` or `none` in decision `c` [load.missing_key]",
       "ruleset.yaml:18:5: error: unknown key `tabel` in decision `c` [load.unknown_key]",
       "ruleset.yaml:23:39: error: duplicate input `n` in `inputs` of `table` of decision `d` "
       "[load.duplicate_id]",
       "ruleset.yaml:25:19: error: unknown key `m` in `when` of rule 1 of `table` of decision `d` "
       "[load.unknown_key]",
       "ruleset.yaml:25:38: error: `priority` in rule 1 of `table` of decision `d` is only "
       "allowed with `hit: priority` [load.conflicting_keys]",
       "ruleset.yaml:26:22: error: invalid cell `>= two` for `n` of `when` of rule 2 of `table` "
       "of decision `d` [load.table_cell]",
       "ruleset.yaml:30:38: error: missing key `rounding` in `quota` of `allocation` of decision "
       "`e` [load.missing_key]",
       "ruleset.yaml:30:38: error: missing key `of` in `quota` of `allocation` of decision "
       "`e` [load.missing_key]",
       "ruleset.yaml:30:77: error: invalid value `up` for `order` of an item of `rank_by` of "
       "`allocation` of decision `e` [load.bad_value]",
       "ruleset.yaml:31:54: error: empty `any` of a condition of decision `f` [load.bad_value]",
       "ruleset.yaml:31:68: error: missing key `period_months` in `warning` of decision `f` "
       "[load.missing_key]",
       "ruleset.yaml:31:68: error: missing key `review_result` in `warning` of decision `f` "
       "[load.missing_key]"});
}

TEST_CASE("tests") {
  TempRuleSet set;
  SUBCASE("read") {
    const LoadResult result = load_text(
        set,
        "tests:\n  - name: warning still running\n    as_of: 2024-03-31\n    records:\n"
        "      cadre:\n        - {id: c1, warnings: [{talk_date: 2024-01-01}]}\n"
        "    expect:\n      c1:\n        hy.warning_status: {outcome: triggered, value: "
        "in_period}\n"
        "        hy.pay: {outcome: undetermined, undetermined: [unspecified_parameter:x], "
        "missing: [cadre.grade], flags: [soft]}\n");
    check_lines(set.lines(result), {});
    REQUIRE(result.ruleset != nullptr);
    const model::TestCase& test = result.ruleset->rules.tests.at(0);
    CHECK(test.name == "warning still running");
    CHECK(test.as_of->to_string() == "2024-03-31");
    const model::Origin& records = result.ruleset->origins.at(test.records);
    CHECK(records.mark.line == 8);
    REQUIRE(records.node != nullptr);
    CHECK(records.node->find("cadre") != nullptr);
    REQUIRE(test.expect.size() == 1);
    CHECK(test.expect[0].first == "c1");
    REQUIRE(test.expect[0].second.size() == 2);
    CHECK(test.expect[0].second[0].value == "in_period");
    CHECK(test.expect[0].second[1].undetermined ==
          std::vector<std::string>{"unspecified_parameter:x"});
    CHECK(test.expect[0].second[1].missing == std::vector<std::string>{"cadre.grade"});
    CHECK(test.expect[0].second[1].flags == std::vector<std::string>{"soft"});
    CHECK_FALSE(test.expect[0].second[1].value.has_value());
  }
  SUBCASE("rejected") {
    check_lines(set.lines(load_text(set,
                                    "tests:\n  - name: t\n    as_of: 2024-03-31\n"
                                    "    records: {cadre: {id: c1}}\n"
                                    "    expect: {c1: {d: {outcome: trigered}}}\n"
                                    "  - name: t\n    records: {}\n    expect: {}\n")),
                {"ruleset.yaml:7:22: error: expected a sequence for `cadre` of `records` of test "
                 "`t`, found a mapping [load.type]",
                 "ruleset.yaml:8:32: error: invalid value `trigered` for `outcome` of `d` of `c1` "
                 "of `expect` of test `t` [load.bad_value]",
                 "ruleset.yaml:9:5: error: missing key `as_of` in test `t` [load.missing_key]",
                 "ruleset.yaml:9:5: error: duplicate test `t` [load.duplicate_id]"});
  }
}

}  // namespace
}  // namespace cadre::load
