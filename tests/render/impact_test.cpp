// The report of a variant's impact (`cadre-policy diff`) in its three
// formats, from an impact built by hand: what each says in both languages,
// that undetermined results are counted apart, the escaping of what the rule
// sets and records bring, the pay chart's bars, and the same bytes every time.
#include "render/impact.hpp"

#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "render/impact_html_parts.hpp"
#include "render/impact_words.hpp"
#include "tests/render/impact_sample.hpp"

namespace cadre::render {

namespace {

using testing::sample_impact;

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

// The part of `text` from the line starting with `heading` to the next line
// that starts without a space.
std::string section(const std::string& text, const std::string& heading) {
  const auto start = text.find("\n" + heading);
  REQUIRE(start != std::string::npos);
  auto end = start + 1;
  while (true) {
    end = text.find('\n', end);
    if (end == std::string::npos || end + 1 >= text.size() || text[end + 1] != ' ') break;
    ++end;
  }
  return text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_CASE("impact text in English: difference, reach, population, money, records") {
  const std::string text = impact_text(sample_impact(), Lang::en);
  INFO(text);
  CHECK(text.starts_with("variant comparison: hengyang-leiyang against hengyang\n"));
  CHECK(has(text, "base:     hengyang 1.2.0  rules/hengyang\n"));
  CHECK(has(text, "the variant extends this base"));
  CHECK(has(text, "rule-set difference: 5 items\n"));
  CHECK(has(text, "  ~ parameter hy.leiyang_period (HY-DUTY-04): value: unspecified → month\n"));
  CHECK(has(text, "  ~ decision hy.leiyang_attendance_met (HY-DUTY-04)\n      applies: "));
  CHECK(has(text,
            "      for_each.in: cadre.attendance .map(a, a.period) → cadre.attendance.filter("));
  CHECK(has(text, "  + list hy.a<b&\"c\": added\n"));
  CHECK(has(text, "  − switch hy.old_switch: removed\n"));
  CHECK(has(text, "  ~ decision hy.health_check (wording only): title.en: health check → "));
  CHECK(has(text, "static impact: can change 2 decisions, cannot change 4 decisions\n"));
  CHECK(has(text, "through: hy.warning_due → hy.leiyang_attendance_met → hy.leiyang_period\n"));
  CHECK(has(text,
            "  cannot change: 4 decisions\n"
            "    only in wording (results cannot change, explanations can): 1\n"
            "        hy.health_check\n"
            "    nothing they read differs: 3\n"
            "        hy.age_ok, hy.degree_ok, hy.party_member\n"));
  CHECK(
      has(text, "impact on the population: examples/hengyang/population.yaml (as of 2019-03-15)"));
  CHECK(has(text, "records affected:       2\n"));
  CHECK(has(text,
            "fields only the variant declares (ignored by the base):\n      cadre.leave_days\n"));
  // Only the decisions whose results changed are tallied.
  const std::string tallies = section(text, "changed results by decision");
  CHECK(has(tallies, "compared 4, changed 2: outcome 1, became undetermined 1\n"));
  CHECK(has(tallies, "not eligible → eligible: 1\n"));
  CHECK_FALSE(has(tallies, "hy.steady_unchanged"));
  // Money: exact, grouped by thousands, signed deltas; group names.
  const std::string money = section(text, "pay");
  CHECK(has(money, "12,000.00"));
  CHECK(has(money, "11,400.00"));
  CHECK(has(money, "−600.00"));
  CHECK(has(money, "t1 城关镇"));
  // A record's changes, with the reasons whose status differs.
  const std::string records = section(text, "affected records: 2");
  CHECK(has(records, "  ■ record c1 (cadre) · group t1 城关镇\n"));
  CHECK(has(records, "      outcome: not eligible → eligible\n"));
  CHECK(has(records,
            "        base: ✗ does not hold: 20 days in the village, at least 22 (per "
            "week)  [days_in_village]\n"));
  CHECK(has(records, "        variant: ✓ holds: 23 days in the village"));
  CHECK_FALSE(has(records, "in post"));  // holds on both sides: not shown
  CHECK(has(records, "      value: computed 3,000.00 → computed 2,400.00\n"));
  CHECK(has(records, "      component performance: 3,000.00 → 2,400.00\n"));
}

TEST_CASE("impact text in Chinese") {
  const std::string text = impact_text(sample_impact(), Lang::zh);
  INFO(text);
  CHECK(text.starts_with("变体比较：hengyang-leiyang 相对于 hengyang\n"));
  CHECK(has(text, "变体扩展此基准"));
  CHECK(has(text, "规则集差异：5项\n"));
  CHECK(has(text, "  ~ 参数 hy.leiyang_period (HY-DUTY-04)：value：unspecified → month\n"));
  CHECK(has(text, "静态影响：可能改变2个决定，不会改变4个决定\n"));
  CHECK(has(text, "经由：hy.warning_due → hy.leiyang_attendance_met → hy.leiyang_period"));
  CHECK(has(text, "  不会改变：4个决定\n    仅措辞不同（结果不变，说明可能不同）：1\n"));
  CHECK(has(text, "hy.age_ok、hy.degree_ok、hy.party_member"));
  CHECK(has(text, "对人员的影响：examples/hengyang/population.yaml（评估日期 2019-03-15）"));
  CHECK(has(text, "仅变体声明的字段（基准未读取）"));
  CHECK(has(text, "各决定的结果变化"));
  CHECK(has(text, "不符合 → 符合：1"));
  CHECK(has(text, "报酬金额"));
  CHECK(has(text, "无法确定的结果另计"));
  CHECK(has(text, "  ■ 记录 c1（cadre） · 所属 t1 城关镇\n"));
  CHECK(has(text, "基准：✗ 不成立：在村20天，不少于22天（按周计）"));
  CHECK(has(text, "变体：✓ 成立：在村23天"));
  CHECK(has(text, "变为无法确定：符合 → 无法确定\n"));
  CHECK(has(text, "变体：无法确定的原因：缺少事实：cadre.attendance\n"));
  CHECK_FALSE(has(text, "undetermined"));  // no English word left in the Chinese text
  CHECK_FALSE(has(text, "records"));
}

TEST_CASE("undetermined results are counted apart, never as a change of value") {
  const auto impact = sample_impact();
  const std::string text = impact_text(impact, Lang::en);
  INFO(text);
  // c2 became undetermined: said so, with why; not a value change.
  CHECK(has(text,
            "  ■ record c2 (cadre) · group t2 <东&\"镇>\n"
            "    ~ hy.leiyang_attendance_met[2019-02]  at least 22 days a month in the "
            "village\n      became undetermined: eligible → undetermined\n"));
  CHECK(has(text, "variant: undetermined because: a fact is missing: cadre.attendance\n"));
  CHECK(has(text, "undetermined: base 0 → variant 1\n"));
  // Money: the group whose only change is an undetermined result shows no
  // delta, and its undetermined count on its own.
  const std::string money = section(text, "pay");
  CHECK(has(money, "0.00        2          0 / 1\n"));
  CHECK_FALSE(has(money, "+0.00"));
  CHECK_FALSE(has(money, "−0.00"));

  boost::json::value json = boost::json::parse(impact_json(impact));
  const auto& population = json.at("population");
  const auto& t2 = population.at("money").at(3);
  CHECK(t2.at("group") == "t2");
  CHECK(t2.at("delta") == "0.00");
  CHECK(t2.at("undetermined") == boost::json::parse(R"({"before":0,"after":1})"));
  const auto& c2 = population.at("changes").at(2);
  CHECK(c2.at("what") == "became_undetermined");
  CHECK(c2.at("after").at("outcome") == "undetermined");
  CHECK(c2.at("after").at("value").is_null());
  CHECK(c2.at("after").at("undetermined") ==
        boost::json::parse(R"(["missing_fact:cadre.attendance"])"));
  CHECK(population.at("decisions").at(0).at("undetermined") ==
        boost::json::parse(R"({"before":0,"after":1})"));
}

TEST_CASE("impact JSON: the documented keys in their order, results as eval writes them") {
  const std::string json = impact_json(sample_impact());
  CHECK(json.ends_with("}\n"));
  CHECK(count_of(json, "\n") == 1);
  CHECK(
      json.starts_with("{\"base\":{\"path\":\"rules/"
                       "hengyang\",\"id\":\"hengyang\",\"version\":\"1.2.0\",\"digest\":"));
  const auto order = {"\"variant\":{", "\"extends\":true", "\"items\":[", "\"reach\":{",
                      "\"population\":{"};
  std::size_t at = 0;
  for (const char* key : order) {
    INFO(key);
    const auto found = json.find(key, at);
    CHECK(found != std::string::npos);
    at = found;
  }
  CHECK(has(json,
            "{\"kind\":\"parameter\",\"id\":\"hy.leiyang_period\",\"change\":\"changed\","
            "\"wording_only\":false,\"title\":{\"zh\":\"\",\"en\":\"\"},\"cite\":\"HY-DUTY-"
            "04\",\"quote\":\"\",\"fields\":[{\"path\":\"value\",\"before\":\"unspecified\","
            "\"after\":\"month\"}]}"));
  CHECK(has(json,
            "\"through\":[[\"hy.warning_due\",\"hy.leiyang_attendance_met\","
            "\"hy.leiyang_period\"]]"));
  CHECK(has(json, "\"moves\":[{\"from\":\"ineligible\",\"to\":\"eligible\",\"count\":1}]"));
  CHECK(has(json,
            "\"before\":{\"kind\":\"pay\",\"outcome\":\"computed\",\"value\":\"3000.00\","
            "\"cite\":\"HY-PAY-02\",\"reasons\":[],\"missing\":[],\"undetermined\":[],"
            "\"flags\":[],\"components\":[{\"id\":\"performance\""));
  CHECK(has(json, "\"status\":\"failed\",\"message\":{\"zh\":\"在村20天，不少于22天（按周计）\""));

  diff::VariantImpact bare = sample_impact();
  bare.population.reset();
  CHECK(impact_json(bare).ends_with(",\"population\":null}\n"));
}

TEST_CASE("impact text without a population ends with the static impact") {
  diff::VariantImpact bare = sample_impact();
  bare.population.reset();
  const std::string text = impact_text(bare, Lang::en);
  CHECK(has(text, "static impact"));
  CHECK_FALSE(has(text, "impact on the population"));
  CHECK_FALSE(has(text, "affected records"));
  const std::string html = impact_html(bare, Lang::en);
  CHECK_FALSE(has(html, "<svg"));
  CHECK_FALSE(has(html, "section class=\"record\""));
}

TEST_CASE("what the rule sets and records bring is escaped in HTML and JSON") {
  const auto impact = sample_impact();
  const std::string html = impact_html(impact, Lang::en);
  CHECK(has(html, "<code>hy.a&lt;b&amp;&quot;c&quot;</code>"));
  CHECK_FALSE(has(html, "hy.a<b"));
  CHECK(has(html, "at least 22 &lt;per month&gt; &amp; &quot;counted&quot;"));
  CHECK(has(html, "&lt;东&amp;&quot;镇&gt;"));
  CHECK_FALSE(has(html, "<per month>"));
  CHECK_FALSE(has(html, "<东"));

  const std::string json = impact_json(impact);
  CHECK(has(json, "\"id\":\"hy.a<b&\\\"c\\\"\""));
  boost::json::value parsed = boost::json::parse(json);
  CHECK(parsed.at("items").at(2).at("id") == "hy.a<b&\"c\"");
}

TEST_CASE("impact page in both languages: cards, tables, chart, records; self-contained") {
  for (const Lang lang : {Lang::zh, Lang::en}) {
    const std::string html = impact_html(sample_impact(), lang);
    INFO(html);
    CHECK(html.starts_with("<!DOCTYPE html>"));
    CHECK(html.ends_with("</html>\n"));
    for (const char* outside : {"<script", "<link", "src=", "url(", "@import"})
      CHECK_FALSE(has(html, outside));
    CHECK(count_of(html, "<div class=\"card\">") == 5);
    CHECK(count_of(html, "<section class=\"record\"") == 2);
    CHECK(count_of(html, "<section") == count_of(html, "</section>"));
    CHECK(has(html, "<details><summary>"));
    CHECK(has(html, "<svg class=\"chart\""));
    CHECK(has(html, "class=\"bar\""));
    CHECK(has(html, "−600.00"));
  }
  const std::string zh = impact_html(sample_impact(), Lang::zh);
  CHECK(has(zh, "<html lang=\"zh-CN\">"));
  CHECK(has(zh, "<title>变体比较：hengyang-leiyang 相对于 hengyang</title>"));
  CHECK(has(zh, "规则集差异"));
  CHECK(has(zh, "静态影响"));
  CHECK(has(zh, "受影响的人员 (2)"));
  CHECK(has(zh, "各组报酬差额"));
  CHECK(has(zh, "✗ 不成立</span> 在村20天"));
  const std::string en = impact_html(sample_impact(), Lang::en);
  CHECK(has(en, "<title>variant comparison: hengyang-leiyang against hengyang</title>"));
  CHECK(has(en, "affected records (2)"));
  CHECK(has(en, "pay delta by group"));
  CHECK(has(en, "undetermined because: a fact is missing: cadre.attendance"));
}

TEST_CASE("the pay chart: increases right of the axis, decreases left, none said so") {
  auto line = [](const char* group, const char* name, const char* delta) {
    return testing::money_line(group, name, "100.00", "100.00", delta, 0);
  };
  const diff::MoneyLine up = line("t1", "城关镇", "1234.50");
  const diff::MoneyLine down = line("t2", "", "-617.25");
  const diff::MoneyLine flat = line("t3", "<镇>", "0.00");
  const std::string chart = delta_chart({&up, &down, &flat}, Lang::en);
  INFO(chart);
  CHECK(chart.starts_with("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(count_of(chart, "<rect") == 2);
  // The largest bar is the longest (190), the other in proportion (95).
  CHECK(has(chart, "<rect x=\"480\" y=\"15\" width=\"190\" height=\"16\" fill=\"#1f7a3a\"/>"));
  CHECK(has(chart, "<rect x=\"385\" y=\"41\" width=\"95\" height=\"16\" fill=\"#a0191c\"/>"));
  CHECK(has(chart, ">+1,234.50</text>"));
  CHECK(has(chart, "text-anchor=\"end\">−617.25</text>"));
  CHECK(has(chart, ">0.00</text>"));
  CHECK(has(chart, ">城关镇 t1</text>"));
  CHECK(has(chart, ">t2</text>"));
  CHECK(has(chart, ">&lt;镇&gt; t3</text>"));
  CHECK(has(chart, "<line x1=\"480\""));

  const std::string none = delta_chart({&flat}, Lang::zh);
  CHECK(count_of(none, "<rect") == 0);
  CHECK(has(none, "各组报酬均无变化"));
  CHECK(has(delta_chart({&flat}, Lang::en), "no change of pay in any group"));
}

TEST_CASE("the same impact gives the same bytes") {
  for (const Lang lang : {Lang::zh, Lang::en}) {
    CHECK(impact_text(sample_impact(), lang) == impact_text(sample_impact(), lang));
    CHECK(impact_html(sample_impact(), lang) == impact_html(sample_impact(), lang));
  }
  CHECK(impact_json(sample_impact()) == impact_json(sample_impact()));
}

TEST_CASE("impact words: amounts, moves, reasons shown") {
  CHECK(signed_amount_words("1234.00") == "+1,234.00");
  CHECK(signed_amount_words("-500.00") == "−500.00");
  CHECK(signed_amount_words("0.00") == "0.00");
  CHECK(signed_amount_words("-0.00") == "0.00");
  CHECK(amount_words("1234567.8") == "1,234,567.8");
  CHECK(move_words("eligible → triggered", Lang::zh) == "符合 → 触发");
  CHECK(move_words("odd", Lang::en) == "odd");

  // One side without reasons: all of the other's are shown.
  diff::ResultChange added;
  added.what = diff::ResultChange::What::added;
  added.after = testing::eligibility("d", Outcome::eligible,
                                     {testing::condition("a", ReasonStatus::passed, "甲", "A")});
  const ReasonsShown shown = reasons_shown(added, Lang::en);
  CHECK(shown.before.empty());
  REQUIRE(shown.after.size() == 1);
  CHECK(shown.after[0].id == "a");
  CHECK(shown.after[0].text == "A");
  CHECK(result_words(added.before, Lang::en) == "no such result");
}

}  // namespace cadre::render
