// Tests of docs/ruleset.schema.json: it loads with the keywords the validator
// knows, accepts the shapes docs/rules.md documents (root and included
// files, each decision kind, parameters in every form, variants, tests) and
// rejects unknown keys, wrong types, missing keys and keys of another kind,
// at their pointers. (Every bundled rule-set file is checked by CTest,
// `ruleset_schema_bundled`.)
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <string>

#include "json_schema.hpp"
#include "yaml_json.hpp"

namespace cadre::testing {
namespace {

const JsonSchema& schema() {
  static const SchemaLoad load = load_schema_file(CADRE_RULESET_SCHEMA);
  std::string problems;
  for (const auto& issue : load.issues)
    problems += to_string(issue) + "\n";
  INFO(problems);
  REQUIRE(load.schema.has_value());
  return *load.schema;
}

// Every failure of `yaml` under the schema, one per line; "" when valid.
std::string errors(const std::string& yaml) {
  std::string out;
  for (const auto& error : schema().validate(yaml_to_json(yaml)))
    out += (out.empty() ? "" : "\n") + to_string(error);
  return out;
}

const std::string kRoot = R"yaml(ruleset:
  id: hy
  version: 1.0.0
  title: {zh: 衡阳市村干部管理办法（试行）}
  valid: {from: 2019-01-01, to: 2023-12-31}
  include: [schema.yaml]
sources:
  HY: {title: {zh: 报道}, date: 2019-02-20, nature: report, truncated: false}
)yaml";

}  // namespace

TEST_CASE("the rule-set schema loads: draft-07, only keywords the validator knows") {
  CHECK(schema().validate(boost::json::object{}).empty());
}

TEST_CASE("root and included files; an empty included file") {
  CHECK(errors(kRoot) == "");
  CHECK(errors("include: [more.yaml]\ndecisions: []\n") == "");
  CHECK(errors("# nothing yet\n") == "");
  CHECK(errors(kRoot + "include: [more.yaml]\n") == "/include: no value is allowed here");
  CHECK(errors(kRoot + "variant: {disable: [hy.x]}\n") == "/variant: no value is allowed here");
  CHECK(errors("ruleset: {id: hy.leiyang, version: 1, extends: ../hy/ruleset.yaml}\n"
               "variant: {disable: [hy.x], switches: {hy.mode: range}}\n") == "");
  CHECK(errors("variant: {disable: [hy.x]}\n") == "");  // an included file of a variant
  CHECK(errors("rulset: {id: hy}\n") == "/rulset: key `rulset` is not allowed");
  CHECK(errors("ruleset: {id: hy/x}\n") ==
        "/ruleset/id: `\"hy/x\"` does not match the pattern ^[A-Za-z0-9_.-]+$\n"
        "/ruleset: missing required key `version`");
}

TEST_CASE("schema: enums, record kinds, fields in their three forms") {
  CHECK(errors(R"yaml(schema:
  enums:
    grade: {values: [优秀, 称职], order: descending, same_as: {pi: {优秀: 优秀}}, open: true}
  records:
    cadre:
      key: id
      belongs_to: {village: village_id}
      fields:
        id: {type: string, required: true}
        village_id: {type: string, ref: village}
        roles: list<string>
        assessments:
          list: {year: int, grade: {type: grade, required: true}}
          dated_by: year
          unique_by: [year]
      conflicts:
        - {when: cadre.x, fields: [roles], cite: HY-ELIG-04}
)yaml") == "");
  CHECK(errors("schema: {enums: {grade: {values: [], order: best_first}}}\n") ==
        "/schema/enums/grade/values: has 0 items; at least 1 required\n"
        "/schema/enums/grade/order: `\"best_first\"` is not one of \"unordered\", "
        "\"ascending\", \"descending\"");
  CHECK(errors("schema: {records: {cadre: {belongs_to: {village: v, town: t}, fields: {}}}}\n") ==
        "/schema/records/cadre/belongs_to: has 2 keys; at most 1 allowed");
}

TEST_CASE("parameters: one value form; values typed by the parameter's type") {
  CHECK(errors(R"yaml(parameters:
  hy.warning_period: {type: int, unit: months, value: 3, cite: HY-WARN-02, quote: 明确3个月的警示期}
  hy.perf: {type: decimal, key: cadre_grade, table: {优秀: 1.20, 称职: unspecified}, cite: HY-PAY-02}
  hy.avg: {type: decimal, series: [{from: 2016-01-01, value: 900}], cite: HY-PAY-01}
  jw.inc: {type: decimal, range: [0.14, 0.33], cite: JW-PAY-01}
  ps.min: {type: decimal, unspecified: true, one_of: [1, 2], unset: ambiguous_reading, cite: PS-ELIG-04}
  hy.from: {type: date, value: 2019-01-01, cite: HY-PAY-01}
)yaml") == "");
  CHECK(errors("parameters: {hy.x: {type: int, value: 3, table: {a: 1}, cite: HY-A-01}}\n") ==
        "/parameters/hy.x: matches alternatives 0 and 1 of oneOf; exactly one must match");
  CHECK(errors("parameters: {hy.x: {type: int, value: three, cite: HY-A-01}}\n")
            .starts_with("/parameters/hy.x/value: matches no alternative of anyOf"));
  CHECK(errors("parameters: {hy.x: {type: int, value: 3, one_of: [1, 2], cite: HY-A-01}}\n") ==
        "/parameters/hy.x/one_of: no value is allowed here");
  // `unspecified` is `true` or `{because: …}`: `false` matches neither.
  CHECK(errors("parameters: {hy.x: {type: int, unspecified: false, cite: HY-A-01}}\n") ==
        "/parameters/hy.x/unspecified: matches no alternative of anyOf: [0] "
        "/parameters/hy.x/unspecified: expected `true`, got `false`; [1] "
        "/parameters/hy.x/unspecified: expected object, got boolean");
}

TEST_CASE("decisions: each kind's keys; keys of another kind and missing keys rejected") {
  CHECK(errors(R"yaml(decisions:
  - id: ps.young
    kind: eligibility
    subject: cadre
    cite: PS-ELIG-09
    all:
      - {id: age, when: "age(cadre.birth_date, as_of) <= 35", message: {zh: "年龄", en: age}}
      - any: [{id: a, when: cadre.a}, {id: b, when: cadre.b, soft: true}]
    none:
      - {id: red_line, when: cadre.x}
    flags: [average, {flag: above_range, when: cadre.y}]
    for_each: {in: "[2021, 2022]"}
    period: {last_day: "date(key, 12, 31)"}
  - id: hp.selection
    kind: eligibility
    cite: HP-ELIG-02
    gates: [{id: qualification, when: a, failed: failed_qualification}]
    passed: passed_all
  - id: hy.warning_status
    kind: warning
    cite: HY-WARN-02
    trigger: {any: [{id: w1, when: cadre.w}]}
    warning: {start: cadre.s, period_months: 3, review_result: cadre.r, escalate_to: hy.exit}
  - id: hy.exit
    kind: exit
    cite: HY-EXIT-03
    actions: [dismissal, recall]
    trigger: {id: x2, when: cadre.x}
  - id: hy.pay
    kind: pay
    cite: HY-PAY-02
    components: [{id: performance, formula: cadre.p * 1.2, round: {places: 2, mode: half_up}}]
  - id: hd.rate
    kind: pay
    cite: HD-BEN-02
    table:
      hit: first
      inputs: [{id: years, expr: hd.years}]
      rules:
        - {when: {years: ">= 2"}, value: "0.07", flags: [above_range]}
        - {when: {years: [1, 2]}, value: "0.05"}
        - {when: {}, value: "0"}
  - id: jw.score
    kind: assessment
    cite: JW-ASSESS-03
    formula: jw.w * cadre.s
    round: {places: 0, by: switches.rounding}
  - id: hy.excellent
    kind: allocation
    subject: cadre
    cite: HY-ASSESS-03
    allocation:
      group_by: village.town_id
      candidates: hy.proposed == '优秀'
      rank_by: [{expr: hy.composite, order: desc}]
      tie_break: [{expr: cadre.id, order: asc}]
      quota: {ratio: hy.ratio, of: members, rounding: floor}
)yaml") == "");
  CHECK(errors("decisions: [{id: hy.p, kind: pay, cite: HY-PAY-01, formula: x}]\n") ==
        "/decisions/0/formula: no value is allowed here\n"
        "/decisions/0: matches no alternative of oneOf: [0] /decisions/0: missing required key "
        "`components`; [1] /decisions/0: missing required key `table`");
  CHECK(errors(
            "decisions: [{id: hy.w, kind: warning, cite: HY-W-01, trigger: {id: a, when: b}}]\n") ==
        "/decisions/0: missing required key `warning`");
  CHECK(errors("decisions: [{id: hy.e, kind: exit, cite: HY-E-01, actions: [fired], "
               "trigger: {id: a, when: b}}]\n") ==
        "/decisions/0/actions: matches no alternative of anyOf: [0] /decisions/0/actions/0: "
        "`\"fired\"` is not one of \"dismissal\", \"ordered_resignation\", \"recall\", "
        "\"programme_exit\", \"referral\", \"stand_down\"; [1] /decisions/0/actions: expected "
        "`\"unspecified\"`, got `[\"fired\"]`");
  CHECK(errors("decisions: [{id: hy.a, kind: eligibility, cite: HY-A-01, all: [{id: a}]}]\n")
            .starts_with("/decisions/0/all/0: matches no alternative of anyOf"));
}

TEST_CASE("tests and their expectations") {
  CHECK(errors(R"yaml(tests:
  - name: warning still running
    as_of: 2024-03-31
    records:
      cadre:
        - {id: c1, warnings: [{talk_date: 2024-01-01}]}
    expect:
      c1:
        hy.warning_status: {outcome: triggered, value: in_period, flags: ["through:2024-03-31"]}
        hp.met[2022]: {outcome: pending}
      _context:
        hy.avg: {outcome: computed, value: "1800.00", range: [684.00, 798.00], possible: [1, 2]}
)yaml") == "");
  CHECK(errors("tests: [{name: t, as_of: 2024-13-01, records: {}, expect: {c1: {hy.x: {outcome: "
               "passed}}}}]\n") ==
        "/tests/0/expect/c1/hy.x/outcome: `\"passed\"` is not one of \"eligible\", "
        "\"ineligible\", \"triggered\", \"clear\", \"computed\", \"not_applicable\", "
        "\"undetermined\", \"pending\"");
}

}  // namespace cadre::testing
