// Each section of docs/rules.md: what it loads into the model, and the
// diagnostics for what it rejects.
#include <doctest/doctest.h>

#include "fixture.hpp"
#include "load/loader.hpp"

namespace cadre::load {
namespace {

using testing::check_lines;
using testing::kHeader;
using testing::TempRuleSet;

/// Loads `text` after the `ruleset` header (3 lines) as the root file.
LoadResult load_text(const TempRuleSet& set, std::string_view text) {
  set.write("ruleset.yaml", std::string(kHeader) + std::string(text));
  return set.load();
}

TEST_CASE("metadata and sources") {
  TempRuleSet set;
  SUBCASE("read") {
    set.write("ruleset.yaml",
              "ruleset:\n  id: hy-1.x\n  version: 1.0.0\n  title: {zh: 衡阳, en: Hengyang}\n"
              "  jurisdiction: 衡阳市\n  valid: {from: 2019-01-01, to: 2023-12-31}\n"
              "sources:\n  HY:\n    title: {zh: 报道}\n    issuer: 组织部\n    date: 2019-02-20\n"
              "    file: seeds/002.txt\n    nature: report\n    truncated: true\n");
    const LoadResult result = set.load();
    REQUIRE(result.ruleset != nullptr);
    const model::RuleSet& rules = result.ruleset->rules;
    CHECK(rules.metadata.id == "hy-1.x");
    CHECK(rules.metadata.title.en == "Hengyang");
    CHECK(rules.metadata.jurisdiction == "衡阳市");
    CHECK(rules.metadata.valid_to->to_string() == "2023-12-31");
    REQUIRE(rules.sources.size() == 1);
    CHECK(rules.sources[0].nature == model::SourceNature::report);
    CHECK(rules.sources[0].date->to_string() == "2019-02-20");
    CHECK(rules.sources[0].truncated);
  }
  SUBCASE("rejected") {
    set.write(
        "ruleset.yaml",
        "ruleset:\n  id: hy/x\n  version: 1.0.0\n  valid: {from: 2020-01-01, to: 2019-12-31}\n"
        "sources:\n  HY:\n    title: {zh: 报道}\n    nature: rumour\n    truncated: yes\n"
        "  P S: {title: {}, nature: report}\n");
    check_lines(set.lines(set.load()),
                {"ruleset.yaml:2:7: error: invalid rule-set id `hy/x` [load.bad_id]",
                 "ruleset.yaml:4:33: error: `valid.to` (`2019-12-31`) is before `valid.from` "
                 "(`2020-01-01`) [load.bad_value]",
                 "ruleset.yaml:8:13: error: invalid value `rumour` for `nature` of source `HY` "
                 "[load.bad_value]",
                 "ruleset.yaml:9:16: error: expected `true` or `false` for `truncated` of source "
                 "`HY`, found `yes` [load.type]",
                 "ruleset.yaml:10:3: error: invalid source id `P S` [load.bad_id]",
                 "ruleset.yaml:10:16: error: missing key `zh` or `en` in `title` of source `P S` "
                 "[load.missing_key]"});
  }
}

TEST_CASE("schema") {
  TempRuleSet set;
  SUBCASE("read") {
    const LoadResult result =
        load_text(set,
                  "schema:\n  enums:\n    cadre_grade: {values: [优秀, 称职], order: descending}\n"
                  "    pi_grade:\n      values: [优秀, 合格]\n"
                  "      same_as: {cadre_grade: {优秀: 优秀, 合格: 称职}}\n"
                  "  records:\n    village:\n      key: code\n      fields: {code: string}\n"
                  "    cadre:\n      belongs_to: {village: village_id}\n      fields:\n"
                  "        village_id: {type: string, ref: village, required: true}\n"
                  "        scores: map<string, list<int>>\n"
                  "        assessments:\n          list: {year: int, grade: {type: cadre_grade}}\n"
                  "          dated_by: year\n");
    check_lines(set.lines(result), {});
    REQUIRE(result.ruleset != nullptr);
    const model::Schema& schema = result.ruleset->rules.schema;
    REQUIRE(schema.enums.size() == 2);
    CHECK(schema.enums[0].order == model::EnumOrderModel::descending);
    CHECK(schema.enums[1].order == model::EnumOrderModel::unordered);
    CHECK(schema.enums[1].same_as.at("cadre_grade.合格") == "称职");
    REQUIRE(schema.records.size() == 2);
    CHECK(schema.records[0].key == "code");
    const model::RecordKind& cadre = schema.records[1];
    CHECK(cadre.key == "id");
    CHECK(cadre.parent == "village");
    CHECK(cadre.parent_field == "village_id");
    REQUIRE(cadre.fields.size() == 3);
    CHECK(cadre.fields[0].ref == "village");
    CHECK(cadre.fields[0].required);
    CHECK(cadre.fields[1].type == "map<string, list<int>>");
    CHECK(cadre.fields[2].list);
    CHECK(cadre.fields[2].dated_by == "year");
    REQUIRE(cadre.fields[2].entry.size() == 2);
    CHECK(cadre.fields[2].entry[1].type == "cadre_grade");
  }
  SUBCASE("rejected") {
    check_lines(
        set.lines(load_text(
            set,
            "schema:\n  enums:\n    grade: {values: [a, b, a], order: best_first}\n"
            "    other: {values: [x], same_as: {grade: {y: a}}}\n"
            "  records:\n    cadre:\n      belongs_to: {village: vilage_id}\n      fields:\n"
            "        出生: date\n        scores: lst<int>\n        village_id: string\n"
            "        history: {list: {yr: int}, dated_by: year}\n")),
        {"ruleset.yaml:6:28: error: duplicate value `a` in `values` of enum `grade` "
         "[load.duplicate_value]",
         "ruleset.yaml:6:39: error: invalid value `best_first` for `order` of enum `grade` "
         "[load.bad_value]",
         "ruleset.yaml:7:44: error: `y` is not a value of enum `other` [load.bad_reference]",
         "ruleset.yaml:10:29: error: `belongs_to` of record kind `cadre` names `vilage_id`, which "
         "is not one of its fields [load.bad_reference]",
         "ruleset.yaml:12:9: error: invalid field name `出生` [load.bad_id]",
         "ruleset.yaml:13:17: error: invalid type `lst<int>` for `scores` of record kind `cadre` "
         "[load.bad_type]",
         "ruleset.yaml:15:46: error: `dated_by` of field `history` of record kind `cadre` names "
         "`year`, which is not a field of its entries [load.bad_reference]"});
  }
}

TEST_CASE("parameters") {
  TempRuleSet set;
  SUBCASE("the five forms") {
    const LoadResult result = load_text(
        set,
        "parameters:\n"
        "  hy.period: {type: int, unit: months, value: 3, cite: HY-WARN-02, quote: 3个月}\n"
        "  hy.mult: {type: decimal, key: grade, table: {优秀: 1.20, 称职: unspecified}, cite: "
        "X-1}\n"
        "  hy.pay:\n    type: decimal\n    series:\n      - {from: 2016-01-01, value: 900}\n"
        "      - {from: 2019-01-01, value: unspecified}\n    cite: X-1\n"
        "  jw.increase: {type: decimal, range: [0.14, 0.33], cite: X-1}\n"
        "  ps.income: {type: decimal, unspecified: true, cite: X-1}\n");
    check_lines(set.lines(result), {});
    REQUIRE(result.ruleset != nullptr);
    const auto& parameters = result.ruleset->rules.parameters;
    REQUIRE(parameters.size() == 5);
    CHECK(parameters[0].form == model::ParamForm::scalar);
    CHECK(parameters[0].value.text == "3");
    CHECK(parameters[0].unit == "months");
    CHECK(parameters[0].cite.provision == "HY-WARN-02");
    CHECK(parameters[0].cite.quote == "3个月");
    CHECK(parameters[1].form == model::ParamForm::table);
    CHECK(parameters[1].table_key == "grade");
    REQUIRE(parameters[1].table.size() == 2);
    CHECK(parameters[1].table[0].second.text == "1.20");
    CHECK(parameters[1].table[1].second.unspecified);
    CHECK(parameters[2].form == model::ParamForm::series);
    REQUIRE(parameters[2].series.size() == 2);
    CHECK(parameters[2].series[1].from.to_string() == "2019-01-01");
    CHECK(parameters[2].series[1].value.unspecified);
    CHECK(parameters[3].form == model::ParamForm::range);
    CHECK(parameters[3].high.text == "0.33");
    CHECK(parameters[4].form == model::ParamForm::unspecified);
  }
  SUBCASE("rejected") {
    check_lines(
        set.lines(load_text(set,
                            "parameters:\n"
                            "  a: {type: int, value: 3.5, table: {x: 1}, cite: X-1}\n"
                            "  b: {type: decimal, key: grade, value: 1, cite: X-1}\n"
                            "  c: {type: decimal, table: {x: 1}, cite: X-1}\n"
                            "  d: {type: date, series: [{from: 2019-01-01, value: 2019-02-30}, "
                            "{from: 2018-01-01, value: 2018-01-01}], cite: X-1}\n"
                            "  e: {type: decimal, range: [0.33, 0.14], cite: X-1}\n"
                            "  f: {type: decimal, unspecified: false, cite: X-1}\n"
                            "  g: {type: bool, value: 'true', cite: X-1}\n")),
        {"ruleset.yaml:5:25: error: expected an integer for `value` of parameter `a`, found "
         "`3.5` [load.type]",
         "ruleset.yaml:5:30: error: parameter `a` has both `value` and `table` "
         "[load.conflicting_keys]",
         "ruleset.yaml:6:22: error: `key` is only allowed with `table` or `unspecified`, in "
         "parameter `b` "
         "[load.conflicting_keys]",
         "ruleset.yaml:7:3: error: missing key `key` in parameter `c` [load.missing_key]",
         "ruleset.yaml:8:54: error: invalid date `2019-02-30` for `value` of an entry of "
         "`series` of parameter `d` [load.date]",
         "ruleset.yaml:8:74: error: series of parameter `d` is not in date order: `2018-01-01` "
         "comes after `2019-01-01` [load.series_order]",
         "ruleset.yaml:9:29: error: empty range in parameter `e`: `0.33` is above `0.14` "
         "[load.bad_value]",
         "ruleset.yaml:10:35: error: `unspecified: false` gives no value to parameter `f` "
         "[load.bad_value]",
         "ruleset.yaml:11:26: error: expected `true` or `false` for `value` of parameter `g`, "
         "found `true` [load.type]"});
  }
}

TEST_CASE("switches and lists") {
  TempRuleSet set;
  SUBCASE("read") {
    const LoadResult result = load_text(
        set,
        "switches:\n  age_upper_bound: {values: [inclusive, exclusive], default: inclusive, "
        "cite: PS-ELIG-09}\n  hy.period: {values: [month]}\n"
        "lists:\n  hy.situations:\n    size: 10\n    items:\n      W1: {zh: 不能按期完成}\n"
        "      W2: {zh: 不按要求参加组织生活, en: org life}\n    cite: HY-WARN-01\n"
        "  hy.red_lines: {size: 9}\n");
    check_lines(set.lines(result), {});
    REQUIRE(result.ruleset != nullptr);
    const model::RuleSet& rules = result.ruleset->rules;
    REQUIRE(rules.switches.size() == 2);
    CHECK(rules.switches[0].default_value == "inclusive");
    CHECK(rules.switches[1].default_value.empty());
    REQUIRE(rules.lists.size() == 2);
    CHECK(rules.lists[0].size == 10);
    REQUIRE(rules.lists[0].items.size() == 2);
    CHECK(rules.lists[0].items[1].second.en == "org life");
    CHECK_FALSE(rules.lists[0].complete());
    CHECK(rules.lists[1].items.empty());
  }
  SUBCASE("rejected") {
    check_lines(set.lines(load_text(set,
                                    "switches:\n  s: {values: [inclusive, exclusive], default: "
                                    "inclusiv}\n  t: {values: []}\n"
                                    "lists:\n  l: {size: 1, items: {A: {zh: a}, B: {zh: b}}}\n"
                                    "  m: {cite: X-1}\n")),
                {"ruleset.yaml:5:48: error: default `inclusiv` of switch `s` is not one of its "
                 "values [load.bad_value]",
                 "ruleset.yaml:6:15: error: switch `t` has no values [load.bad_value]",
                 "ruleset.yaml:8:13: error: list `l` names 2 items but its `size` is 1 "
                 "[load.bad_value]",
                 "ruleset.yaml:9:3: error: missing key `size` or `items` in list `m` "
                 "[load.missing_key]"});
  }
}

TEST_CASE("derived values") {
  TempRuleSet set;
  const LoadResult result = load_text(
      set,
      "derived:\n  ps.tenure_years:\n    subject: cadre\n    type: int\n"
      "    expr: years_between(cadre.secretary_tenure_start, as_of)\n    cite: PS-ELIG-02\n"
      "  d2: {expr: [1], subject: 村, cite: X-1}\n  d3: {subject: cadre}\n");
  check_lines(set.lines(result),
              {"ruleset.yaml:10:14: error: expected an expression for `expr` of derived value "
               "`d2`, found a sequence [load.type]",
               "ruleset.yaml:10:28: error: invalid record kind `村` [load.bad_id]",
               "ruleset.yaml:11:3: error: missing key `cite` in derived value `d3` "
               "[load.missing_key]",
               "ruleset.yaml:11:3: error: missing key `expr` in derived value `d3` "
               "[load.missing_key]"});
}

}  // namespace
}  // namespace cadre::load
