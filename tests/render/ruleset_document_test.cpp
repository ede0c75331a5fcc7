// The document of a rule set (`cadre-policy doc`): what it says of each part
// of a small rule set, in both languages, and that its Markdown and HTML show
// the rule set's text as written (escaped) and the same bytes every time.
#include "render/ruleset_document.hpp"

#include <doctest/doctest.h>

#include "render/ruleset_document_formats.hpp"
#include "tests/engine/inline_rule_set.hpp"

namespace cadre::render {

namespace {

constexpr const char* kRuleSet = R"yaml(
ruleset:
  id: doc.test
  version: 1.0.0
  title: {zh: 文档测试, en: document test}
  jurisdiction: 某市
  valid: {from: 2019-01-01}
sources:
  HY:
    title: {zh: 衡阳报道, en: Hengyang report}
    issuer: 红星云
    date: 2019-02-20
    file: seeds/hy.txt
    nature: report
  PS:
    title: {zh: 专业化管理办法, en: professional management}
    file: seeds/ps.txt
    nature: normative
schema:
  enums:
    grade: {values: [优秀, 称职, 不称职], order: descending}
  records:
    cadre:
      fields:
        id: string
        grade: grade
        pay: decimal
        note: string
parameters:
  t.multiplier:
    type: decimal
    key: grade
    table: {优秀: 1.20, 不称职: 0}
    others: {unspecified: {because: {zh: 未给出, en: "not given | open"}}}
    cite: HY-PAY-02
    quote: 按基准水平的120%发放
  t.avg:
    type: decimal
    unit: yuan/month
    series:
      - {from: 2019-01-01, value: 900}
      - {from: 2020-01-01, value: {unspecified: {because: {zh: 只给出2019年, en: only 2019 is given}}}}
    cite: HY-PAY-01
switches:
  t.scope:
    values: [narrow, wide]
    cite: HY-WARN-01
lists:
  t.situations:
    size: 3
    items:
      W1: {zh: 情形一, en: situation one}
    cite: HY-WARN-01
decisions:
  - id: t.pay
    kind: pay
    subject: cadre
    title: {zh: 绩效报酬, en: "performance pay <b>"}
    cite: HY-PAY-02
    quote: 按基准水平的120%发放
    message: {zh: "基准{cadre.pay}", en: "baseline {cadre.pay} | *rate*"}
    components:
      - id: performance
        formula: cadre.pay * t.multiplier[cadre.grade]
        round: {places: 2, mode: half_up}
  - id: t.warned
    kind: eligibility
    subject: cadre
    cite: HY-WARN-01
    all:
      - id: situation
        cite: HY-WARN-02
        message: {zh: 存在情形, en: a situation}
        when: "listed(cadre.note, 't.situations') || switches.t.scope == 'wide'"
tests:
  - name: pays 优秀 at 120 %
    as_of: 2019-03-01
    records:
      cadre:
        - {id: c1, grade: 优秀, pay: "1000.00"}
    expect:
      c1:
        t.pay: {outcome: computed, value: "1200.00"}
)yaml";

const CompiledRuleSet& rules() {
  static const test::InlineRuleSet set(kRuleSet);
  return set.engine().rules();
}

}  // namespace

TEST_CASE("the document says who, what and from when") {
  const RuleSetDocument en = ruleset_document(rules(), Lang::en);
  CHECK(en.header.title == "document test");
  CHECK(en.header.id == "doc.test");
  CHECK(en.header.in_force == "from 2019-01-01 (no end date)");
  CHECK(en.header.digest == rules().digest());
  CHECK(en.header.extends.empty());
  REQUIRE(en.sources.size() == 1);  // PS is declared, but nothing cites it
  CHECK(en.sources[0].title == "Hengyang report");
  CHECK(en.sources[0].nature == "report");
  const RuleSetDocument zh = ruleset_document(rules(), Lang::zh);
  CHECK(zh.header.title == "文档测试");
  CHECK(zh.header.in_force == "2019-01-01起（无终止日期）");
  CHECK(zh.sources[0].nature == "报道");
}

TEST_CASE("parameters give each value with its key or its dates, open ones with why") {
  const RuleSetDocument doc = ruleset_document(rules(), Lang::en);
  REQUIRE(doc.parameters.size() == 2);
  const DocumentParameter& table = doc.parameters[0];
  CHECK(table.form == "a table, keyed by grade");
  CHECK(table.at_label == "key");
  REQUIRE(table.values.size() == 3);
  CHECK(table.values[0].at == "优秀");
  CHECK(table.values[0].value == "1.20");
  CHECK(table.values[2].at == "other keys");
  CHECK(table.values[2].open);
  CHECK(table.values[2].value == "unspecified: not given | open");
  const DocumentParameter& series = doc.parameters[1];
  CHECK(series.unit == "yuan/month");
  REQUIRE(series.values.size() == 2);
  CHECK(series.values[0].at == "2019-01-01 to 2019-12-31");
  CHECK(series.values[0].value == "900");
  CHECK(series.values[1].at == "from 2020-01-01");
  CHECK(series.values[1].value == "unspecified: only 2019 is given");
  const RuleSetDocument zh = ruleset_document(rules(), Lang::zh);
  CHECK(zh.parameters[1].values[1].value == "未规定：只给出2019年");
}

TEST_CASE("readings: a switch left unset, a list not enumerated") {
  const RuleSetDocument doc = ruleset_document(rules(), Lang::en);
  REQUIRE(doc.switches.size() == 1);
  CHECK(doc.switches[0].value.empty());
  CHECK(doc.switches[0].unset_code == "ambiguous_reading:t.scope");
  REQUIRE(doc.lists.size() == 1);
  CHECK(doc.lists[0].count ==
        "3 in the text, 1 named, not all named: unenumerated_list:t.situations");
  REQUIRE(doc.lists[0].items.size() == 1);
  CHECK(doc.lists[0].items[0].second == "situation one");
}

TEST_CASE("rules in words: conditions under their group, components with rounding") {
  const RuleSetDocument doc = ruleset_document(rules(), Lang::en);
  REQUIRE(doc.rules.size() == 2);
  const DocumentRule& pay = doc.rules[0];
  CHECK(pay.kind == "pay");
  CHECK(pay.source == "Hengyang report");
  REQUIRE(pay.components.size() == 1);
  CHECK(pay.components[0].rounding == "rounded half-up to the fen");
  const DocumentRule& warned = doc.rules[1];
  CHECK(warned.title == "t.warned");  // no title: its id
  REQUIRE(warned.conditions.size() == 2);
  CHECK(warned.conditions[0].group == "all of");
  CHECK(warned.conditions[1].depth == 1);
  CHECK(warned.conditions[1].id == "situation");
  CHECK(warned.conditions[1].message == "a situation");
  REQUIRE(warned.conditions[1].notes.size() == 1);
  CHECK(warned.conditions[1].notes[0] == "source HY-WARN-02");
}

TEST_CASE("provisions source by source, in natural order, each with its rules and their tests") {
  const RuleSetDocument doc = ruleset_document(rules(), Lang::en);
  std::vector<std::string> ids;
  for (const auto& provision : doc.provisions)
    ids.push_back(provision.id);
  CHECK(test::joined(ids) == "HY-PAY-01, HY-PAY-02, HY-WARN-01, HY-WARN-02");
  CHECK(doc.provisions[0].rules.empty());  // a value's provision: no rule encodes it
  const DocumentProvision& pay = doc.provisions[1];
  REQUIRE(pay.rules.size() == 1);
  CHECK(pay.rules[0].id == "t.pay");
  REQUIRE(pay.rules[0].tests.size() == 1);
  CHECK(pay.rules[0].tests[0].name == "pays 优秀 at 120 %");
  CHECK(pay.rules[0].tests[0].expected == "c1: computed 1200.00");
  const DocumentProvision& warning = doc.provisions[2];
  REQUIRE(warning.rules.size() == 1);
  CHECK(warning.rules[0].tests.empty());
  REQUIRE(warning.cited_by.size() == 2);
  CHECK(warning.cited_by[0].kind == DocumentReference::Kind::switch_value);
  CHECK(warning.cited_by[1].id == "t.situations");
}

TEST_CASE("open values with why") {
  const RuleSetDocument doc = ruleset_document(rules(), Lang::en);
  std::vector<std::string> codes;
  for (const auto& open : doc.open_values) {
    codes.push_back(open.code);
    CHECK_FALSE(open.because.empty());
    CHECK(open.where.find("ruleset.yaml:") != std::string::npos);
  }
  CHECK(test::joined(codes).find("unspecified_parameter:t.avg[2020]") != std::string::npos);
}

TEST_CASE("Markdown and HTML show the rule set's text as written, the same every time") {
  const RuleSetDocument doc = ruleset_document(rules(), Lang::en);
  const std::string md = ruleset_document_markdown(doc);
  CHECK(md.starts_with("# document test\n"));
  CHECK(md.find("### performance pay \\<b\\>\n") != std::string::npos);
  CHECK(md.find("baseline {cadre.pay} \\| \\*rate\\*") != std::string::npos);
  // In a table cell a pipe is escaped, in a code span too.
  CHECK(md.find("| unspecified: not given \\| open |") != std::string::npos);
  CHECK(md.find("`listed(cadre.note, 't.situations') \\|\\| switches.t.scope == 'wide'`") !=
        std::string::npos);
  CHECK(md == ruleset_document_markdown(ruleset_document(rules(), Lang::en)));

  const std::string html = ruleset_document_html(doc);
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  CHECK(html.find("performance pay &lt;b&gt;") != std::string::npos);
  CHECK(html.find("performance pay <b>") == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("http") == std::string::npos);
  CHECK(html.find("<a href=\"#r-t.pay\">") != std::string::npos);
  CHECK(html == ruleset_document_html(ruleset_document(rules(), Lang::en)));
  CHECK(ruleset_document_html(ruleset_document(rules(), Lang::zh))
            .starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
}

}  // namespace cadre::render
