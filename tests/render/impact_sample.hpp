// A variant's impact built by hand, as src/diff/ would fill it: every kind
// of item change, of reach and of result change, undetermined results on
// either side, money by component and by group, and text that HTML and JSON
// must escape. Shared by the renderers' tests and the schema's.
#pragma once

#include "cadre/decimal.hpp"
#include "diff/variant_impact.hpp"

namespace cadre::testing {

inline Value money(const char* text) {
  return Value(*Decimal::parse(text));
}

inline Reason condition(const char* id, ReasonStatus status, const char* zh, const char* en) {
  Reason reason;
  reason.id = id;
  reason.status = status;
  reason.message_zh = zh;
  reason.message_en = en;
  return reason;
}

// An eligibility result with one all-group of conditions.
inline DecisionResult eligibility(const char* id, Outcome outcome, std::vector<Reason> reasons) {
  DecisionResult result;
  result.id = id;
  result.kind = "eligibility";
  result.outcome = outcome;
  result.cite = "HY-DUTY-04";
  if (outcome == Outcome::eligible || outcome == Outcome::ineligible)
    result.value = Value(outcome == Outcome::eligible);
  Reason all;
  all.status = outcome == Outcome::eligible     ? ReasonStatus::passed
               : outcome == Outcome::ineligible ? ReasonStatus::failed
                                                : ReasonStatus::unknown;
  all.children = std::move(reasons);
  result.reasons.push_back(std::move(all));
  return result;
}

inline DecisionResult pay(const char* amount) {
  DecisionResult result;
  result.id = "hy.performance_pay";
  result.kind = "pay";
  result.outcome = Outcome::computed;
  result.cite = "HY-PAY-02";
  result.value = money(amount);
  PayLine line;
  line.id = "performance";
  line.formula = "cadre.baseline_performance_pay * hy.perf_multiplier[grade]";
  line.amount = money(amount);
  line.rounding = "half_up";
  result.components.push_back(line);
  return result;
}

inline diff::MoneyLine money_line(const char* group, const char* name, const char* before,
                                  const char* after, const char* delta, int undetermined_after) {
  diff::MoneyLine line;
  line.decision = "hy.performance_pay";
  line.group = group;
  line.group_name = name;
  line.before = before;
  line.after = after;
  line.delta = delta;
  line.results = 2;
  line.undetermined_after = undetermined_after;
  return line;
}

inline diff::PopulationImpact sample_population() {
  diff::PopulationImpact p;
  p.records = "examples/hengyang/population.yaml";
  p.as_of = "2019-03-15";
  p.group_kind = "town";
  p.records_read = 4;
  p.ignored_by_base = {"cadre.leave_days"};
  p.results_compared = 12;
  p.results_changed = 3;
  p.records_affected = 2;

  diff::DecisionTally attendance;
  attendance.id = "hy.leiyang_attendance_met";
  attendance.kind = "eligibility";
  attendance.title_zh = "白天在村工作每月不少于22天";
  attendance.title_en = "at least 22 days a month in the village";
  attendance.cite = "HY-DUTY-04";
  attendance.compared = 4;
  attendance.unchanged = 2;
  attendance.outcome = 1;
  attendance.became_undetermined = 1;
  attendance.undetermined_after = 1;
  attendance.moves = {{"ineligible → eligible", 1}};
  diff::DecisionTally performance;
  performance.id = "hy.performance_pay";
  performance.kind = "pay";
  performance.title_zh = "年度绩效报酬";
  performance.title_en = "annual performance pay";
  performance.compared = 4;
  performance.unchanged = 3;
  performance.value = 1;
  diff::DecisionTally steady;
  steady.id = "hy.steady_unchanged";
  steady.kind = "eligibility";
  steady.compared = 4;
  steady.unchanged = 4;
  p.decisions = {attendance, performance, steady};

  diff::ResultChange c1;
  c1.what = diff::ResultChange::What::outcome;
  c1.record = "c1";
  c1.kind = "cadre";
  c1.group = "t1";
  c1.result = "hy.leiyang_attendance_met[2019-02]";
  c1.decision = "hy.leiyang_attendance_met";
  c1.before = eligibility(
      "hy.leiyang_attendance_met[2019-02]", Outcome::ineligible,
      {condition("days_in_village", ReasonStatus::failed, "在村20天，不少于22天（按周计）",
                 "20 days in the village, at least 22 (per week)"),
       condition("serving", ReasonStatus::passed, "在职", "in post")});
  c1.after = eligibility(
      "hy.leiyang_attendance_met[2019-02]", Outcome::eligible,
      {condition("days_in_village", ReasonStatus::passed, "在村23天，不少于22天 <按月> & \"计\"",
                 "23 days in the village, at least 22 <per month> & \"counted\""),
       condition("serving", ReasonStatus::passed, "在职", "in post")});
  diff::ResultChange c1_pay;
  c1_pay.what = diff::ResultChange::What::value;
  c1_pay.record = "c1";
  c1_pay.kind = "cadre";
  c1_pay.group = "t1";
  c1_pay.result = "hy.performance_pay";
  c1_pay.decision = "hy.performance_pay";
  c1_pay.before = pay("3000.00");
  c1_pay.after = pay("2400.00");
  diff::ResultChange c2;
  c2.what = diff::ResultChange::What::became_undetermined;
  c2.record = "c2";
  c2.kind = "cadre";
  c2.group = "t2";
  c2.result = "hy.leiyang_attendance_met[2019-02]";
  c2.decision = "hy.leiyang_attendance_met";
  c2.before = eligibility(
      "hy.leiyang_attendance_met[2019-02]", Outcome::eligible,
      {condition("days_in_village", ReasonStatus::passed, "在村25天", "25 days in the village")});
  c2.after = eligibility("hy.leiyang_attendance_met[2019-02]", Outcome::undetermined,
                         {condition("days_in_village", ReasonStatus::unknown, "在村天数未知",
                                    "days in the village not known")});
  c2.after->missing = {"cadre.attendance"};
  c2.after->undetermined = {"missing_fact:cadre.attendance"};
  p.changes = {c1, c1_pay, c2};

  diff::MoneyLine total = money_line("", "", "12000.00", "11400.00", "-600.00", 1);
  diff::MoneyLine component = total;
  component.component = "performance";
  p.money = {total, component, money_line("t1", "城关镇", "6000.00", "5400.00", "-600.00", 0),
             money_line("t2", "<东&\"镇>", "6000.00", "6000.00", "0.00", 1)};
  return p;
}

inline diff::VariantImpact sample_impact() {
  using diff::ItemKind;
  diff::VariantImpact impact;
  impact.base = {"rules/hengyang",
                 "hengyang",
                 "1.2.0",
                 std::string(64, 'a'),
                 "衡阳市村干部管理办法",
                 "Hengyang village-cadre measures"};
  impact.variant = {
      "rules/hengyang-leiyang", "hengyang-leiyang", "1.0.0",
      std::string(64, 'b'),     "耒阳市村干部管理", "Leiyang village-cadre management"};
  impact.variant_extends_base = true;

  diff::ItemChange period;
  period.kind = ItemKind::parameter;
  period.id = "hy.leiyang_period";
  period.cite = "HY-DUTY-04";
  period.fields = {{"value", "unspecified", "month"}};
  diff::ItemChange attendance;
  attendance.kind = ItemKind::decision;
  attendance.id = "hy.leiyang_attendance_met";
  attendance.title_zh = "白天在村工作每月不少于22天";
  attendance.title_en = "at least 22 days a month in the village";
  attendance.cite = "HY-DUTY-04";
  attendance.quote = "要求村干部白天在村工作时间不少于22天";
  attendance.fields = {{"applies", "hy.serving && cadre.district == '耒阳市'", "hy.serving"},
                       {"for_each.in", "cadre.attendance\n  .map(a, a.period)",
                        "cadre.attendance.filter(a, size(a.period) == 7).map(a, a.period)"}};
  diff::ItemChange tricky;
  tricky.kind = ItemKind::list;
  tricky.id = "hy.a<b&\"c\"";
  tricky.change = diff::Change::added;
  diff::ItemChange wording;
  wording.kind = ItemKind::decision;
  wording.id = "hy.health_check";
  wording.wording_only = true;
  wording.fields = {{"title.en", "health check", "health check of the secretary"}};
  diff::ItemChange removed;
  removed.kind = ItemKind::switch_value;
  removed.id = "hy.old_switch";
  removed.change = diff::Change::removed;
  impact.items = {period, attendance, tricky, wording, removed};

  using Status = diff::DecisionReach::Status;
  auto reach = [](const char* id, Status status, std::vector<std::vector<std::string>> through) {
    diff::DecisionReach out;
    out.id = id;
    out.kind = "eligibility";
    out.status = status;
    out.cite = "HY-X";
    out.through = std::move(through);
    return out;
  };
  impact.reach.decisions = {
      reach("hy.leiyang_attendance_met", Status::changed, {}),
      reach("hy.warning_due", Status::reads_changed,
            {{"hy.warning_due", "hy.leiyang_attendance_met", "hy.leiyang_period"}}),
      reach("hy.health_check", Status::wording, {{"hy.health_check"}}),
      reach("hy.age_ok", Status::cannot_change, {}),
      reach("hy.degree_ok", Status::cannot_change, {}),
      reach("hy.party_member", Status::cannot_change, {}),
  };
  impact.reach.can_change = 2;
  impact.reach.cannot_change = 4;
  impact.population = sample_population();
  return impact;
}

}  // namespace cadre::testing
