// Comparing a variant with its base: rules/hengyang-leiyang against
// rules/hengyang changes Leiyang's attendance and holiday-duty rules and the
// period of the 22 days, and nothing else, statically and over the city's
// example population; a rule set compared with itself differs in nothing.
#include "diff/compare.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "cadre/ruleset.hpp"

namespace cadre::diff {

namespace {

const std::string kRules = std::string(CADRE_TEST_DATA_DIR) + "/../../rules/";
const std::string kPopulation =
    std::string(CADRE_TEST_DATA_DIR) + "/../../examples/hengyang/population.yaml";

CompiledRuleSet load(const std::string& name) {
  auto loaded = load_ruleset(kRules + name);
  REQUIRE(loaded.ok());
  return std::move(*loaded.ruleset);
}

Comparison compare(const std::string& base, const std::string& variant, bool records) {
  CompareOptions options;
  if (records) {
    options.records = kPopulation;
    options.as_of = *Date::parse("2019-03-15");
  }
  return compare_rule_sets(load(base), kRules + base, load(variant), kRules + variant, options);
}

}  // namespace

TEST_CASE("the Leiyang variant changes its attendance and holiday-duty rules, and nothing else") {
  const Comparison comparison = compare("hengyang", "hengyang-leiyang", true);
  const VariantImpact& impact = comparison.impact;
  CHECK(impact.variant_extends_base);

  std::set<std::string> items;
  for (const auto& item : impact.items)
    items.insert(std::string(item_kind_name(item.kind)) + " " + item.id);
  CHECK(items == std::set<std::string>{"parameter hy.leiyang_period",
                                       "decision hy.leiyang_attendance_met",
                                       "decision hy.leiyang_holiday_duty_met"});
  for (const auto& item : impact.items) {
    CHECK(item.change == Change::changed);
    CHECK_FALSE(item.wording_only);
    CHECK(item.cite == "HY-DUTY-04");
  }

  std::set<std::string> can_change;
  for (const auto& decision : impact.reach.decisions) {
    if (decision.status != DecisionReach::Status::cannot_change) can_change.insert(decision.id);
  }
  CHECK(can_change ==
        std::set<std::string>{"hy.leiyang_attendance_met", "hy.leiyang_holiday_duty_met"});
  CHECK(impact.reach.can_change == 2);
  CHECK(impact.reach.cannot_change == static_cast<int>(impact.reach.decisions.size()) - 2);

  REQUIRE(impact.population);
  const PopulationImpact& population = *impact.population;
  CHECK(population.records_read > 0);
  CHECK(population.results_changed > 0);
  std::set<std::string> changed;
  for (const auto& change : population.changes)
    changed.insert(change.decision);
  CHECK(changed ==
        std::set<std::string>{"hy.leiyang_attendance_met", "hy.leiyang_holiday_duty_met"});
  CHECK(population.group_kind == "town");
}

TEST_CASE("a rule set compared with itself differs in nothing") {
  const Comparison comparison = compare("hengyang", "hengyang", true);
  CHECK(comparison.impact.items.empty());
  CHECK(comparison.impact.reach.can_change == 0);
  REQUIRE(comparison.impact.population);
  CHECK(comparison.impact.population->results_changed == 0);
  CHECK(comparison.impact.population->results_compared > 0);
  CHECK(comparison.impact.population->money.size() > 0);
  for (const auto& line : comparison.impact.population->money)
    CHECK(line.delta.find_first_not_of("0.") == std::string::npos);
}

}  // namespace cadre::diff

namespace cadre::diff {

namespace {

const std::string kData = std::string(CADRE_TEST_DATA_DIR) + "/diff/";

Comparison compare_county() {
  RuleSetOptions load_options;
  load_options.allowed_root = kData;
  auto city = load_ruleset(kData + "city", load_options);
  auto county = load_ruleset(kData + "county", load_options);
  REQUIRE(city.ok());
  REQUIRE(county.ok());
  CompareOptions options;
  options.records = kData + "population.yaml";
  options.as_of = *Date::parse("2019-06-30");
  return compare_rule_sets(*city.ruleset, "city", *county.ruleset, "county", options);
}

const DecisionReach& reach_of(const VariantImpact& impact, const std::string& id) {
  for (const auto& decision : impact.reach.decisions) {
    if (decision.id == id) return decision;
  }
  FAIL("no decision " << id);
  return impact.reach.decisions.front();
}

}  // namespace

TEST_CASE("each kind of change, and what it reaches") {
  const Comparison comparison = compare_county();
  const VariantImpact& impact = comparison.impact;
  std::vector<std::string> items;
  for (const auto& item : impact.items) {
    items.push_back(std::string(item_kind_name(item.kind)) + " " + item.id + " " +
                    change_name(item.change) + (item.wording_only ? " (words)" : ""));
  }
  std::string all;
  for (const auto& item : items)
    all += item + "; ";
  CHECK(all ==
        "record_kind cadre changed; parameter t.multiplier changed; switch t.scope changed; "
        "decision t.trained changed (words); decision t.present added; "
        "decision t.benefit removed; ");
  REQUIRE(impact.items[1].fields.size() == 1);
  CHECK(impact.items[1].fields[0].path == "table.称职");
  CHECK(impact.items[1].fields[0].before == "1.00");
  CHECK(impact.items[1].fields[0].after == "1.10");
  CHECK(impact.items[2].fields[0].after == "wide");

  using Status = DecisionReach::Status;
  const DecisionReach& pay = reach_of(impact, "t.pay");
  CHECK(pay.status == Status::reads_changed);
  REQUIRE(pay.through.size() == 1);
  CHECK(pay.through[0] == std::vector<std::string>{"t.pay", "t.rate", "t.multiplier"});
  CHECK(reach_of(impact, "t.warned").status == Status::reads_changed);
  CHECK(reach_of(impact, "t.warned").through[0] == std::vector<std::string>{"t.warned", "t.scope"});
  CHECK(reach_of(impact, "t.trained").status == Status::wording);
  CHECK(reach_of(impact, "t.present").status == Status::added);
  CHECK(reach_of(impact, "t.benefit").status == Status::removed);
  CHECK(impact.reach.can_change == 4);
  CHECK(impact.reach.cannot_change == 1);
}

TEST_CASE("over records: changes by kind, undetermined apart, money by town") {
  const Comparison comparison = compare_county();
  REQUIRE(comparison.impact.population);
  const PopulationImpact& population = *comparison.impact.population;
  CHECK(population.ignored_by_base == std::vector<std::string>{"cadre.leave_days"});
  CHECK(population.records_read == 8);
  CHECK(population.records_with_errors_base == 0);
  CHECK(population.records_with_errors_variant == 0);

  std::map<std::string, const DecisionTally*> tallies;
  for (const auto& tally : population.decisions)
    tallies[tally.id] = &tally;
  REQUIRE(tallies.count("t.pay"));
  const DecisionTally& pay = *tallies["t.pay"];
  CHECK(pay.value == 2);                // c1 and c3, 称职
  CHECK(pay.undetermined_before == 1);  // c4 has no grade: counted apart
  CHECK(pay.undetermined_after == 1);
  CHECK(pay.changed() == 2);
  const DecisionTally& warned = *tallies["t.warned"];
  CHECK(warned.outcome == 1);  // c2, 优秀, now in scope
  REQUIRE(warned.moves.size() == 1);
  CHECK(warned.moves[0].first == "ineligible → eligible");
  CHECK(tallies["t.trained"]->changed() == 0);
  CHECK(tallies["t.present"]->added == 4);
  CHECK(tallies["t.benefit"]->removed == 4);

  // Money: the whole population first, then each town.
  std::vector<std::string> money;
  for (const auto& line : population.money) {
    money.push_back(line.decision + "/" + line.component + "/" + line.group + "/" +
                    line.group_name + ": " + line.before + " → " + line.after + " (" + line.delta +
                    ", " + std::to_string(line.results) + " compared, " +
                    std::to_string(line.undetermined_before) + "/" +
                    std::to_string(line.undetermined_after) + " undetermined)");
  }
  CHECK(money ==
        std::vector<std::string>{
            "t.pay///: 5900.00 → 6250.00 (350.00, 3 compared, 1/1 undetermined)",
            "t.pay/performance//: 5900.00 → 6250.00 (350.00, 3 compared, 1/1 undetermined)",
            "t.pay//T1/东乡: 4400.00 → 4600.00 (200.00, 2 compared, 0/0 undetermined)",
            "t.pay/performance/T1/东乡: 4400.00 → 4600.00 (200.00, 2 compared, 0/0 undetermined)",
            "t.pay//T2/西乡: 1500.00 → 1650.00 (150.00, 1 compared, 1/1 undetermined)",
            "t.pay/performance/T2/西乡: 1500.00 → 1650.00 (150.00, 1 compared, 1/1 undetermined)"});
  CHECK(population.records_affected == 4);
}

}  // namespace cadre::diff
