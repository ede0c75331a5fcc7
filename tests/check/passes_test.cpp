// The check passes over the rule set's metadata (citations, parameters,
// references, enumerations), one focused case per diagnostic, on rule sets
// built in code. Broken rule sets loaded from YAML are the corpus in
// tests/rulesets.
#include "check_fixture.hpp"

using namespace cadre;
using namespace cadre::check_test;

TEST_CASE("the passes run in a fixed, named order") {
  std::vector<std::string_view> names;
  for (const auto& pass : check::passes())
    names.push_back(pass.name);
  CHECK(names == std::vector<std::string_view>{"enums", "citations", "parameters", "references",
                                               "conditions", "decision_tables", "test_records",
                                               "messages"});
}

TEST_CASE("check.citation: missing, malformed and unknown provisions") {
  Fixture f;
  f.rules().sources.push_back(source("HY"));
  f.rules().sources.push_back(source("PS"));
  auto& params = f.rules().parameters;
  params.push_back(parameter("a.missing", model::ParamForm::scalar, f.line(3)));
  params.back().cite = {};
  params.push_back(parameter("a.malformed", model::ParamForm::scalar, f.line(4)));
  params.back().cite = f.cite("HY-WARN-2");
  params.push_back(parameter("a.kind", model::ParamForm::scalar, f.line(5)));
  params.back().cite = f.cite("HY-RULE-02");
  params.push_back(parameter("a.document", model::ParamForm::scalar, f.line(6)));
  params.back().cite = f.cite("JW-PAY-01");
  params.push_back(parameter("a.reading", model::ParamForm::scalar, f.line(7)));
  params.back().cite = f.cite("R-05");
  f.rules().switches.push_back({"age_upper_bound", {"inclusive"}, "", {}, {}, f.line(8)});
  auto d = decision("hy.x", model::DecisionKind::eligibility, f.line(10));
  d.all.group = model::Condition::Group::all;
  d.all.children.push_back(condition("age", model::Condition::Group::leaf));
  d.all.children.back().cite = {"ps-elig-09", "", f.line(12)};
  f.rules().decisions.push_back(d);

  CHECK(f.check("check.citation") ==
        std::vector<std::string>{
            "rules.yaml:3:1: error: parameter `a.missing` cites no provision",
            "rules.yaml:90:1: error: parameter `a.malformed` cites `HY-WARN-2`, which is not a "
            "provision id",
            "rules.yaml:90:1: error: parameter `a.kind` cites `HY-RULE-02`, which is not a "
            "provision id",
            "rules.yaml:90:1: error: parameter `a.document` cites `JW-PAY-01` of document `JW`, "
            "which is not among the rule set's sources (`HY`, `PS`)",
            "rules.yaml:8:1: error: switch `age_upper_bound` cites no provision",
            "rules.yaml:12:1: error: condition `age` of `hy.x` cites `ps-elig-09`, which is not "
            "a provision id",
        });
}

TEST_CASE("check.unspecified names every value the text leaves out") {
  Fixture f;
  auto& params = f.rules().parameters;
  params.push_back(parameter("ps.min_collective_income", model::ParamForm::unspecified, f.line(2)));
  params.push_back(parameter("hy.perf_multiplier", model::ParamForm::table, f.line(5)));
  params.back().table = {{"优秀", {"1.20"}}, {"称职", {"", true, f.line(6)}}};
  params.push_back(parameter("hy.avg_monthly_pay", model::ParamForm::series, f.line(8)));
  params.back().series = {{*Date::parse("2016-01-01"), {"900"}},
                          {*Date::parse("2017-01-01"), {"", true, f.line(10)}}};
  f.compile_parameters();
  std::string tail =
      " is unspecified: decisions that need it are undetermined until a variant "
      "sets it";
  CHECK(f.check("check.unspecified") ==
        std::vector<std::string>{
            "rules.yaml:2:1: warning: parameter `ps.min_collective_income`" + tail,
            "rules.yaml:6:1: warning: entry `称职` of parameter `hy.perf_multiplier`" + tail,
            "rules.yaml:10:1: warning: the value of parameter `hy.avg_monthly_pay` from "
            "2017-01-01" +
                tail,
        });
}

TEST_CASE("an open value stated with the reason the text gives none is not warned") {
  // a rule set faithful to its text could not be
  // checked clean. With `because`, the open value is what the text says.
  Fixture f;
  auto grade = std::make_shared<const EnumType>(
      "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
      EnumOrder::descending);
  f.impl.enums["cadre_grade"] = grade;
  const model::Text why{"文中数字被隐去", "the text blanks the figure out"};
  auto& params = f.rules().parameters;
  params.push_back(parameter("ps.min_collective_income", model::ParamForm::unspecified, f.line(2)));
  params.back().value = {"", true, f.line(2)};
  params.back().value.because = why;
  params.push_back(parameter("hy.avg_monthly_pay", model::ParamForm::series, f.line(4)));
  params.back().series = {{*Date::parse("2016-01-01"), {"900"}},
                          {*Date::parse("2017-01-01"), {"", true, f.line(5)}}};
  params.back().series.back().value.because = why;
  params.push_back(parameter("hy.perf_multiplier", model::ParamForm::table, f.line(7)));
  params.back().table_key = "cadre_grade";
  params.back().table = {{"优秀", {"1.20"}}, {"基本称职", {"0.70"}}};
  params.back().others = model::ParamValue{"", true, f.line(8)};
  params.back().others->because = why;
  // Left open without a reason: the keys a table does not list.
  params.push_back(parameter("hy.other_multiplier", model::ParamForm::table, f.line(10)));
  params.back().table_key = "cadre_grade";
  params.back().table = {{"优秀", {"1.20"}}};
  params.back().others = model::ParamValue{"", true, f.line(11)};
  f.compile_parameters();
  CHECK(f.check("check.table_keys").empty());
  CHECK(f.check("check.unspecified") ==
        std::vector<std::string>{
            "rules.yaml:11:1: warning: every key not listed in parameter `hy.other_multiplier` is "
            "unspecified: decisions that need it are undetermined until a variant sets it"});
}

TEST_CASE("check.param_gap: a series that starts late or runs past the validity") {
  Fixture f;
  f.rules().metadata.valid_from = Date::parse("2015-01-01");
  f.rules().metadata.valid_to = Date::parse("2018-12-31");
  auto& params = f.rules().parameters;
  params.push_back(parameter("hy.avg_monthly_pay", model::ParamForm::series, f.line(4)));
  params.back().series = {{*Date::parse("2017-01-01"), {"1800"}},
                          {*Date::parse("2016-01-01"), {"900"}},
                          {*Date::parse("2019-01-01"), {"3000", false, f.line(7)}}};
  params.push_back(parameter("hy.covered", model::ParamForm::series, f.line(9)));
  params.back().series = {{*Date::parse("2015-01-01"), {"900"}}};
  f.compile_parameters();
  CHECK(f.check("check.param_gap") ==
        std::vector<std::string>{
            "rules.yaml:4:1: error: parameter `hy.avg_monthly_pay` has no value in force from "
            "2015-01-01 (the start of the rule set's validity) to 2015-12-31: its series starts "
            "on 2016-01-01",
            "rules.yaml:7:1: warning: the value of parameter `hy.avg_monthly_pay` from 2019-01-01 "
            "is never in force: the rule set is valid to 2018-12-31",
        });

  Fixture open;
  open.rules().parameters.push_back(
      parameter("hy.avg_monthly_pay", model::ParamForm::series, open.line(4)));
  open.rules().parameters.back().series = {{*Date::parse("2017-01-01"), {"1800"}}};
  open.compile_parameters();
  CHECK(open.check("check.param_gap").empty());
}

TEST_CASE("check.param_range and check.table_keys") {
  Fixture f;
  auto grade = std::make_shared<const EnumType>(
      "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
      EnumOrder::descending);
  f.impl.enums["cadre_grade"] = grade;
  auto& params = f.rules().parameters;
  params.push_back(parameter("jw.subsidy_increase", model::ParamForm::range, f.line(3)));
  params.back().low = {"0.33", false, f.line(4)};
  params.back().high = {"0.14"};
  params.push_back(parameter("hy.perf_multiplier", model::ParamForm::table, f.line(6)));
  params.back().table_key = "cadre_grade";
  params.back().table = {{"优秀", {"1.20"}}, {"基本称职", {"0.70"}}};
  f.compile_parameters();
  f.impl.parameters[0].low = *Decimal::parse("0.33");
  f.impl.parameters[0].high = *Decimal::parse("0.14");
  CHECK(f.check("check.param_range") ==
        std::vector<std::string>{"rules.yaml:4:1: error: the range of parameter "
                                 "`jw.subsidy_increase` is empty: its low bound `0.33` is above "
                                 "its high bound `0.14`"});
  CHECK(f.check("check.table_keys") ==
        std::vector<std::string>{"rules.yaml:6:1: warning: parameter `hy.perf_multiplier` has no "
                                 "entry for `称职`, `不称职` of `cadre_grade`"});
}

TEST_CASE("check.reference: warning, exit and allocation parts") {
  Fixture f;
  auto warning = decision("hy.warning_status", model::DecisionKind::warning, f.line(2));
  warning.warning.escalate_to = "hy.performance_pay";
  warning.warning.escalate_origin = f.line(5);
  warning.warning.period_months = {"hy.warning_period"};
  f.rules().decisions.push_back(warning);
  auto missing = decision("hy.other_warning", model::DecisionKind::warning, f.line(7));
  missing.warning = {{"as_of"}, {"3"}, {}, "hy.mandatory_exti", model::kNoOrigin};
  f.rules().decisions.push_back(missing);
  f.rules().decisions.push_back(
      decision("hy.mandatory_exit", model::DecisionKind::exit, f.line(9)));
  f.rules().decisions.push_back(
      decision("hy.performance_pay", model::DecisionKind::pay, f.line(11)));
  auto allocation = decision("hy.excellent_allowed", model::DecisionKind::allocation, f.line(13));
  allocation.allocation.emplace();
  allocation.allocation->group_by = {"village.town_id"};
  f.rules().decisions.push_back(allocation);
  CHECK(f.check("check.reference") ==
        std::vector<std::string>{
            "rules.yaml:2:1: error: warning decision `hy.warning_status` has no `warning.start`",
            "rules.yaml:5:1: error: `hy.warning_status` escalates to `hy.performance_pay`, which "
            "is a pay decision, not an exit",
            "rules.yaml:7:1: error: `hy.other_warning` escalates to `hy.mandatory_exti`, which is "
            "not a decision of the rule set",
            "rules.yaml:9:1: error: exit decision `hy.mandatory_exit` names no `actions`",
            "rules.yaml:13:1: error: allocation `hy.excellent_allowed` has neither a `quota` nor "
            "`tiers`",
        });
}

TEST_CASE("check.reference: tests expect existing decisions and fitting outcomes") {
  Fixture f;
  f.rules().decisions.push_back(
      decision("ps.young_programme_eligible", model::DecisionKind::eligibility, f.line(2)));
  model::TestCase test{"young cadre", {}, model::kNoOrigin, {}, f.line(20)};
  auto expect = [&](std::string id, std::string outcome, int line) {
    model::ExpectedDecision expected;
    expected.decision = std::move(id);
    expected.outcome = std::move(outcome);
    expected.origin = f.line(line);
    return expected;
  };
  test.expect.push_back({"c1",
                         {expect("ps.young_programme_eligible", "eligible", 22),
                          expect("ps.young_programme_eligble", "eligible", 23),
                          expect("ps.young_programme_eligible", "triggered", 24),
                          expect("ps.young_programme_eligible", "passed", 25),
                          expect("ps.young_programme_eligible", "undetermined", 26)}});
  f.rules().tests.push_back(test);
  std::vector<Diagnostic> diagnostics;
  check::run_checks(f.impl, diagnostics);
  REQUIRE(diagnostics.size() == 3);
  CHECK(format_diagnostic(diagnostics[0]) ==
        "rules.yaml:23:1: error: test `young cadre` expects decision "
        "`ps.young_programme_eligble`, which the rule set does not define");
  CHECK(diagnostics[0].help == "did you mean `ps.young_programme_eligible`?");
  CHECK(format_diagnostic(diagnostics[1]) ==
        "rules.yaml:24:1: error: test `young cadre` expects outcome `triggered` of "
        "`ps.young_programme_eligible`, an eligibility decision");
  CHECK(diagnostics[1].help == "expected eligible, ineligible, not_applicable or undetermined");
  CHECK(format_diagnostic(diagnostics[2]) ==
        "rules.yaml:25:1: error: test `young cadre` expects outcome `passed` of "
        "`ps.young_programme_eligible`, which is not an outcome");
}

TEST_CASE("check.enum: duplicate values, one-level orders, same_as mappings") {
  Fixture f;
  auto& enums = f.rules().schema.enums;
  enums.push_back(enumeration("cadre_grade", {"优秀", "称职", "基本称职", "不称职", "称职", "称职"},
                              model::EnumOrderModel::descending, f.line(2)));
  enums.push_back(
      enumeration("pi_grade", {"优秀", "合格"}, model::EnumOrderModel::descending, f.line(4)));
  enums.back().same_as = {{"cadre_grade.优秀", "优秀"},
                          {"cadre_grade.合格", "合格"},
                          {"cadre_grade.良好", "称职"},
                          {"cadre_gade.优秀", "优秀"}};
  enums.push_back(enumeration("level", {"one"}, model::EnumOrderModel::ascending, f.line(6)));
  CHECK(f.check("check.enum") ==
        std::vector<std::string>{
            "rules.yaml:2:1: error: value `称职` appears twice in enumeration `cadre_grade`",
            "rules.yaml:4:1: error: `same_as` of enumeration `pi_grade` names `cadre_gade`, which "
            "is not an enumeration",
            "rules.yaml:4:1: error: `same_as` of enumeration `pi_grade` maps `合格` to `合格`, "
            "which is not a value of `cadre_grade`",
            "rules.yaml:4:1: error: `same_as` of enumeration `pi_grade` maps `良好`, which is not "
            "one of its values",
            "rules.yaml:6:1: warning: enumeration `level` is ordered (ascending) but has only one "
            "value",
        });
}

TEST_CASE("check.message: a title and each named condition in Chinese and English") {
  Fixture f;
  model::Decision untitled = decision("hy.exit_required", model::DecisionKind::exit, f.line(2));
  untitled.title = {};
  model::Condition leaf;
  leaf.id = "review_failed";
  leaf.message.zh = "考察不合格";
  leaf.origin = f.line(5);
  untitled.trigger.children.push_back(leaf);
  f.rules().decisions.push_back(untitled);
  std::vector<Diagnostic> all;
  check::run_checks(f.impl, all);
  std::vector<Diagnostic> diagnostics;  // the leaf has no `when`: other passes say so
  for (const auto& d : all) {
    if (d.code == "check.message") diagnostics.push_back(d);
  }
  REQUIRE(diagnostics.size() == 2);
  CHECK(format_diagnostic(diagnostics[0]) ==
        "rules.yaml:2:1: warning: decision `hy.exit_required` has no title in Chinese and English");
  CHECK(format_diagnostic(diagnostics[1]) ==
        "rules.yaml:5:1: warning: condition `review_failed` of `hy.exit_required` has no message "
        "in English");
}
