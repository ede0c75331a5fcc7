// Population evaluation with cohort allocations: quotas of a group's size
// (floor, ceil, half_up, exact, a count), ties at the cap with and without a
// tie-break, candidates whose place is unknown, tiers by share, groups
// decided independently, decisions that read an allocation (of the record or
// of its village), single records without their population, and the same
// outcomes with explanations on and off.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "tests/engine/inline_rule_set.hpp"

namespace {

namespace fs = std::filesystem;
using cadre::Outcome;
using cadre::Value;

const std::string kHeader =
    R"(ruleset: {id: population.test, version: 1.0.0, valid: {from: 2015-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
  PS: {title: {en: test}, nature: normative}
schema:
  records:
    town:
      fields:
        id: string
    village:
      belongs_to: {town: town_id}
      fields:
        id: string
        town_id: {type: string, ref: town}
        stars: int
    cadre:
      belongs_to: {village: village_id}
      fields:
        id: {type: string, required: true}
        village_id: {type: string, ref: village}
        town_code: string
        proposed: bool
        score: int
        granted: bool
        tier_given: int
)";

// The tests' rule set: the schema above and the decisions of the test.
class Rules : public cadre::test::InlineRuleSet {
 public:
  explicit Rules(const std::string& body) : InlineRuleSet(kHeader + body) {}

  std::vector<cadre::RecordDecisions> population(const std::vector<cadre::RecordValue>& records,
                                                 const char* as_of = "2024-12-31",
                                                 cadre::EvaluationOptions options = {}) const {
    return engine().evaluate_population(records, cadre::test::day(as_of), options);
  }
};

using cadre::test::fields;
using cadre::test::joined;

// A cadre of town `town`; an absent optional is an absent fact.
cadre::MapValue cadre_in(const std::string& id, const std::string& town,
                         std::optional<bool> proposed, std::optional<int> score) {
  cadre::MapValue map = fields({{"id", id}, {"town_code", town}});
  if (proposed) map.set("proposed", *proposed);
  if (score) map.set("score", *score);
  return map;
}

const cadre::DecisionResult& find(const std::vector<cadre::RecordDecisions>& all,
                                  const std::string& record, const std::string& decision) {
  static const cadre::DecisionResult none;
  for (const auto& entry : all) {
    if (entry.record != record) continue;
    for (const auto& result : entry.decisions) {
      if (result.id == decision) return result;
    }
  }
  FAIL("no decision " << decision << " for record " << record);
  return none;
}

const cadre::CohortPlace& cohort_of(const cadre::DecisionResult& result) {
  static const cadre::CohortPlace none;
  REQUIRE(result.cohort.has_value());
  return result.cohort ? *result.cohort : none;
}

// A list as one string, for readable failures: "a, b".

// The allocation most tests use: cadres of a town, candidates those proposed,
// ranked by score (highest first).
std::string quota_rules(const std::string& quota, const std::string& extra = "") {
  return R"(parameters:
  hy.max_ratio: {type: decimal, value: 0.2, cite: HY-ASSESS-03}
decisions:
  - id: hy.excellent_allowed
    kind: allocation
    subject: cadre
    cite: HY-ASSESS-03
    allocation:
      group_by: cadre.town_code
      candidates: cadre.proposed
      rank_by: [{expr: cadre.score, order: desc}]
      quota: )" +
         quota + "\n" + extra;
}

// `candidates` proposed cadres c1, c2, ... with the given scores, then
// `others` cadres n1, n2, ... not proposed, all of town `town`.
std::vector<cadre::RecordValue> town_of(const Rules& rules, const std::string& town,
                                        const std::vector<int>& scores, int others,
                                        const std::string& prefix = "") {
  std::vector<cadre::RecordValue> records;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    records.push_back(rules.record(
        "cadre", cadre_in(prefix + "c" + std::to_string(i + 1), town, true, scores[i])));
  }
  for (int i = 0; i < others; ++i) {
    records.push_back(
        rules.record("cadre", cadre_in(prefix + "n" + std::to_string(i + 1), town, false, 50 + i)));
  }
  return records;
}

}  // namespace

TEST_CASE("a ratio quota of the group's size: floor(0.2 × 23) = 4 among 5 candidates") {
  Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}"));
  auto all = rules.population(town_of(rules, "t1", {70, 90, 50, 80, 60}, 18));
  REQUIRE(all.size() == 23);

  // Ranked by score: c2 (90), c4 (80), c1 (70), c5 (60) within the quota; c3 (50) out.
  const std::vector<std::pair<std::string, int>> selected = {
      {"c2", 1}, {"c4", 2}, {"c1", 3}, {"c5", 4}};
  for (const auto& [id, rank] : selected) {
    CAPTURE(id);
    const auto& result = find(all, id, "hy.excellent_allowed");
    CHECK(result.kind == "allocation");
    CHECK(result.outcome == Outcome::eligible);
    CHECK(result.value.debug_string() == "true");
    CHECK(result.undetermined.empty());
    const auto& place = cohort_of(result);
    CHECK(place.group == "t1");
    CHECK(place.size == 23);
    CHECK(place.candidates == 5);
    CHECK(place.rank == rank);
    CHECK(place.quota == 4);
    CHECK(place.quota_rule == "floor(0.2 × 23) = 4");
    CHECK(place.rank_needed == 0);
    CHECK(place.tied_with.empty());
    CHECK(place.tie_break.empty());
  }

  const auto& out = find(all, "c3", "hy.excellent_allowed");
  CHECK(out.outcome == Outcome::ineligible);
  CHECK(out.value.debug_string() == "false");
  const auto& place = cohort_of(out);
  CHECK(place.rank == 5);
  CHECK(place.quota == 4);
  CHECK(place.rank_needed == 4);
  CHECK(place.message_en == "group t1: 23 records, 5 candidates; rank 5 of 5; quota " +
                                std::string("floor(0.2 × 23) = 4"));
  CHECK(place.message_zh == "t1组23人，候选5人，排名第5；名额floor(0.2 × 23) = 4");
  REQUIRE(out.reasons.size() == 1);
  const auto& reason = out.reasons[0];
  CHECK(reason.id == "cohort");
  CHECK(reason.cite == "HY-ASSESS-03");
  CHECK(reason.status == cadre::ReasonStatus::failed);
  CHECK(reason.message_en == place.message_en);
  REQUIRE(reason.hint.has_value());
  CHECK(reason.hint->kind == "rank");
  CHECK(reason.hint->rank == 4);
  CHECK(reason.hint->message_en == "needs rank 4 or better");
  CHECK(reason.hint->message_zh == "需排名前4");

  // A selected candidate's reason passed and has no hint.
  const auto& first = find(all, "c2", "hy.excellent_allowed");
  REQUIRE(first.reasons.size() == 1);
  CHECK(first.reasons[0].status == cadre::ReasonStatus::passed);
  CHECK_FALSE(first.reasons[0].hint.has_value());

  // Those not proposed are not candidates: not applicable, no value.
  const auto& outsider = find(all, "n1", "hy.excellent_allowed");
  CHECK(outsider.outcome == Outcome::not_applicable);
  CHECK(outsider.value.kind() == cadre::ValueKind::null);
  CHECK(outsider.undetermined.empty());
  const auto& outside = cohort_of(outsider);
  CHECK(outside.group == "t1");
  CHECK(outside.size == 23);
  CHECK(outside.candidates == 5);
  CHECK(outside.rank == 0);
  CHECK(outside.message_en == "not a candidate (23 in group t1)");
}

TEST_CASE("a tie across the cap without a tie-break is tie_at_cap; a tie within it is settled") {
  Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}"));
  // Quota 4: c1 and c2 tie at rank 1 (inside), c4 and c5 tie at rank 4 (the cap).
  auto all = rules.population(town_of(rules, "t1", {90, 90, 70, 60, 60}, 18));

  for (std::string id : {"c4", "c5"}) {
    CAPTURE(id);
    const auto& result = find(all, id, "hy.excellent_allowed");
    CHECK(result.outcome == Outcome::undetermined);
    CHECK(result.value.kind() == cadre::ValueKind::null);
    CHECK(joined(result.undetermined) == "tie_at_cap");
    CHECK(result.missing.empty());
    const auto& place = cohort_of(result);
    CHECK(place.rank == 4);
    CHECK(place.quota == 4);
    CHECK(place.rank_needed == 0);
    CHECK(place.tie_break.empty());
    REQUIRE(result.reasons.size() == 1);
    CHECK(result.reasons[0].status == cadre::ReasonStatus::unknown);
  }
  CHECK(joined(cohort_of(find(all, "c4", "hy.excellent_allowed")).tied_with) == "c5");
  CHECK(joined(cohort_of(find(all, "c5", "hy.excellent_allowed")).tied_with) == "c4");
  CHECK(cohort_of(find(all, "c4", "hy.excellent_allowed")).message_en ==
        "group t1: 23 records, 5 candidates; rank 4 of 5; quota floor(0.2 × 23) = 4; "
        "tied with c5");

  for (std::string id : {"c1", "c2"}) {
    CAPTURE(id);
    const auto& result = find(all, id, "hy.excellent_allowed");
    CHECK(result.outcome == Outcome::eligible);
    CHECK(cohort_of(result).rank == 1);
  }
  CHECK(joined(cohort_of(find(all, "c1", "hy.excellent_allowed")).tied_with) == "c2");
  const auto& third = find(all, "c3", "hy.excellent_allowed");
  CHECK(third.outcome == Outcome::eligible);
  CHECK(cohort_of(third).rank == 3);
}

TEST_CASE("a tie-break by id settles the tie at the cap and is named") {
  Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}",
                          "      tie_break: [{expr: cadre.id, order: asc}]\n"));
  auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 60}, 18));

  const auto& in = find(all, "c4", "hy.excellent_allowed");
  CHECK(in.outcome == Outcome::eligible);
  CHECK(in.undetermined.empty());
  CHECK(cohort_of(in).rank == 4);
  CHECK(cohort_of(in).tied_with.empty());
  CHECK(joined(cohort_of(in).tie_break) == "cadre.id");
  CHECK(cohort_of(in).message_en ==
        "group t1: 23 records, 5 candidates; rank 4 of 5; quota floor(0.2 × 23) = 4; "
        "tie broken by cadre.id");

  const auto& out = find(all, "c5", "hy.excellent_allowed");
  CHECK(out.outcome == Outcome::ineligible);
  CHECK(cohort_of(out).rank == 5);
  CHECK(cohort_of(out).rank_needed == 4);
  CHECK(joined(cohort_of(out).tie_break) == "cadre.id");

  // Candidates whose rank needed no tie-break do not name it.
  CHECK(cohort_of(find(all, "c1", "hy.excellent_allowed")).tie_break.empty());
  CHECK(cohort_of(find(all, "c3", "hy.excellent_allowed")).tie_break.empty());
}

TEST_CASE("ceil, half_up and exact roundings of a ratio quota") {
  SUBCASE("ceil(0.2 × 23) = 5") {
    Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: ceil}"));
    auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 50, 40}, 17));
    const auto& place = cohort_of(find(all, "c5", "hy.excellent_allowed"));
    CHECK(place.quota == 5);
    CHECK(place.quota_rule == "ceil(0.2 × 23) = 5");
    CHECK(find(all, "c5", "hy.excellent_allowed").outcome == Outcome::eligible);
    CHECK(find(all, "c6", "hy.excellent_allowed").outcome == Outcome::ineligible);
    CHECK(cohort_of(find(all, "c6", "hy.excellent_allowed")).rank_needed == 5);
  }
  SUBCASE("half_up(0.2 × 23) = 5: 4.6 rounds up") {
    Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: half_up}"));
    auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 50, 40}, 17));
    CHECK(cohort_of(find(all, "c1", "hy.excellent_allowed")).quota_rule == "half_up(0.2 × 23) = 5");
    CHECK(find(all, "c5", "hy.excellent_allowed").outcome == Outcome::eligible);
    CHECK(find(all, "c6", "hy.excellent_allowed").outcome == Outcome::ineligible);
  }
  SUBCASE("half_up(0.2 × 22) = 4: 4.4 rounds down") {
    Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: half_up}"));
    auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 50}, 17));
    CHECK(cohort_of(find(all, "c1", "hy.excellent_allowed")).quota_rule == "half_up(0.2 × 22) = 4");
    CHECK(find(all, "c4", "hy.excellent_allowed").outcome == Outcome::eligible);
    CHECK(find(all, "c5", "hy.excellent_allowed").outcome == Outcome::ineligible);
  }
  SUBCASE("half_up(0.5 × 9) = 5: exactly half rounds up") {
    Rules rules(quota_rules("{ratio: 0.5, of: members, rounding: half_up}"));
    auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 50, 40}, 3));
    CHECK(cohort_of(find(all, "c1", "hy.excellent_allowed")).quota_rule == "half_up(0.5 × 9) = 5");
    CHECK(find(all, "c5", "hy.excellent_allowed").outcome == Outcome::eligible);
    CHECK(find(all, "c6", "hy.excellent_allowed").outcome == Outcome::ineligible);
  }
  SUBCASE("exact 0.5 × 10 = 5 is whole: settled") {
    Rules rules(quota_rules("{ratio: 0.5, of: members, rounding: exact}"));
    auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 50, 40}, 4));
    const auto& place = cohort_of(find(all, "c5", "hy.excellent_allowed"));
    CHECK(place.quota == 5);
    CHECK(place.quota_rule == "0.5 × 10 = 5");
    CHECK(find(all, "c5", "hy.excellent_allowed").outcome == Outcome::eligible);
    CHECK(find(all, "c6", "hy.excellent_allowed").outcome == Outcome::ineligible);
  }
  SUBCASE("exact 0.5 × 9 = 4.5 is not whole: the rounding is unspecified") {
    Rules rules(quota_rules("{ratio: 0.5, of: members, rounding: exact}"));
    auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 60, 50, 40}, 3));
    // The fifth place is in the quota if the text rounds up, out if it rounds down.
    const auto& fifth = find(all, "c5", "hy.excellent_allowed");
    CHECK(fifth.outcome == Outcome::undetermined);
    CHECK(fifth.value.kind() == cadre::ValueKind::null);
    CHECK(joined(fifth.undetermined) == "unspecified_parameter:hy.excellent_allowed.rounding");
    CHECK(fifth.missing.empty());
    const auto& place = cohort_of(fifth);
    CHECK(place.quota == -1);
    CHECK(place.quota_rule == "0.5 × 9 = 4.5");
    CHECK(place.rank == 5);
    CHECK(place.message_en == "group t1: 9 records, 6 candidates; rank 5 of 6; 0.5 × 9 = 4.5");
    // Places 1-4 are in whatever the rounding, place 6 out.
    for (std::string id : {"c1", "c2", "c3", "c4"}) {
      CAPTURE(id);
      CHECK(find(all, id, "hy.excellent_allowed").outcome == Outcome::eligible);
      CHECK(find(all, id, "hy.excellent_allowed").undetermined.empty());
    }
    const auto& sixth = find(all, "c6", "hy.excellent_allowed");
    CHECK(sixth.outcome == Outcome::ineligible);
    CHECK(cohort_of(sixth).rank_needed == 4);
  }
}

TEST_CASE("a quota by count") {
  Rules rules(quota_rules("{count: 2}"));
  auto all = rules.population(town_of(rules, "t1", {60, 90, 80}, 5));
  const auto& first = find(all, "c2", "hy.excellent_allowed");
  CHECK(first.outcome == Outcome::eligible);
  CHECK(cohort_of(first).quota == 2);
  CHECK(cohort_of(first).quota_rule == "2");
  CHECK(cohort_of(first).size == 8);
  CHECK(cohort_of(first).candidates == 3);
  CHECK(find(all, "c3", "hy.excellent_allowed").outcome == Outcome::eligible);
  const auto& last = find(all, "c1", "hy.excellent_allowed");
  CHECK(last.outcome == Outcome::ineligible);
  CHECK(cohort_of(last).rank == 3);
  CHECK(cohort_of(last).rank_needed == 2);
  CHECK(cohort_of(last).message_en == "group t1: 8 records, 3 candidates; rank 3 of 3; quota 2");
}

TEST_CASE("two towns are allocated independently, in a deterministic order") {
  Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}"));
  // Town a: 10 records, quota 2; town b: 5 records, quota 1. Input interleaved.
  auto a = town_of(rules, "a", {10, 40, 30, 20}, 6, "a");
  auto b = town_of(rules, "b", {99, 98}, 3, "b");
  std::vector<cadre::RecordValue> records;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    if (i < b.size()) records.push_back(b[i]);
    if (i < a.size()) records.push_back(a[i]);
  }
  auto all = rules.population(records);
  REQUIRE(all.size() == 15);

  // Town b's scores are all higher, but do not take town a's places.
  CHECK(find(all, "ac2", "hy.excellent_allowed").outcome == Outcome::eligible);
  CHECK(find(all, "ac3", "hy.excellent_allowed").outcome == Outcome::eligible);
  CHECK(find(all, "ac4", "hy.excellent_allowed").outcome == Outcome::ineligible);
  CHECK(find(all, "ac1", "hy.excellent_allowed").outcome == Outcome::ineligible);
  CHECK(find(all, "bc1", "hy.excellent_allowed").outcome == Outcome::eligible);
  CHECK(find(all, "bc2", "hy.excellent_allowed").outcome == Outcome::ineligible);
  const auto& in_a = cohort_of(find(all, "ac1", "hy.excellent_allowed"));
  CHECK(in_a.group == "a");
  CHECK(in_a.size == 10);
  CHECK(in_a.candidates == 4);
  CHECK(in_a.rank == 4);
  CHECK(in_a.quota_rule == "floor(0.2 × 10) = 2");
  const auto& in_b = cohort_of(find(all, "bc2", "hy.excellent_allowed"));
  CHECK(in_b.group == "b");
  CHECK(in_b.size == 5);
  CHECK(in_b.rank == 2);
  CHECK(in_b.quota_rule == "floor(0.2 × 5) = 1");

  // The same records in another order: the same decisions, in the new order.
  std::vector<cadre::RecordValue> reversed(records.rbegin(), records.rend());
  auto again = rules.population(reversed);
  REQUIRE(again.size() == all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& before = all[all.size() - 1 - i];
    const auto& after = again[i];
    CHECK(after.record == before.record);
    REQUIRE(after.decisions.size() == before.decisions.size());
    for (std::size_t d = 0; d < after.decisions.size(); ++d) {
      CHECK(after.decisions[d].outcome == before.decisions[d].outcome);
      CHECK(after.decisions[d].value.debug_string() == before.decisions[d].value.debug_string());
      REQUIRE(after.decisions[d].cohort.has_value() == before.decisions[d].cohort.has_value());
      if (!after.decisions[d].cohort) continue;
      CHECK(after.decisions[d].cohort->rank == before.decisions[d].cohort->rank);
      CHECK(after.decisions[d].cohort->message_en == before.decisions[d].cohort->message_en);
    }
  }
}

TEST_CASE("a candidate with no score: others settled where it cannot matter, else undetermined") {
  Rules rules(quota_rules("{ratio: 0.3, of: members, rounding: floor}"));
  // Quota floor(0.3 × 10) = 3. cx could stand anywhere among the 5 candidates.
  auto records = town_of(rules, "t1", {90, 80, 70, 60}, 5);
  records.push_back(rules.record("cadre", cadre_in("cx", "t1", true, std::nullopt)));
  auto all = rules.population(records);

  // Rank 1 and 2: within the quota even with cx ahead of them.
  for (std::string id : {"c1", "c2"}) {
    CAPTURE(id);
    const auto& result = find(all, id, "hy.excellent_allowed");
    CHECK(result.outcome == Outcome::eligible);
    CHECK(result.missing.empty());
    CHECK(result.undetermined.empty());
  }
  // Rank 3: in if cx ranks below, out if above.
  const auto& third = find(all, "c3", "hy.excellent_allowed");
  CHECK(third.outcome == Outcome::undetermined);
  CHECK(joined(third.missing) == "cx:cadre.score");
  CHECK(joined(third.undetermined) == "missing_fact:cx:cadre.score");
  CHECK(cohort_of(third).rank == 3);
  CHECK(cohort_of(third).quota == 3);
  // Rank 4: out whatever cx's score.
  const auto& fourth = find(all, "c4", "hy.excellent_allowed");
  CHECK(fourth.outcome == Outcome::ineligible);
  CHECK(fourth.missing.empty());
  CHECK(cohort_of(fourth).rank_needed == 3);
  // cx itself: its own missing fact.
  const auto& unsure = find(all, "cx", "hy.excellent_allowed");
  CHECK(unsure.outcome == Outcome::undetermined);
  CHECK(joined(unsure.missing) == "cadre.score");
  CHECK(joined(unsure.undetermined) == "missing_fact:cadre.score");
  CHECK(cohort_of(unsure).rank == 0);
  CHECK(cohort_of(unsure).candidates == 5);
  CHECK(cohort_of(unsure).size == 10);
}

TEST_CASE("an unsure candidate is settled when every place it could take is in the quota") {
  Rules rules(quota_rules("{count: 5}"));
  auto records = town_of(rules, "t1", {90, 80}, 3);
  records.push_back(rules.record("cadre", cadre_in("cx", "t1", true, std::nullopt)));
  auto all = rules.population(records);
  CHECK(find(all, "cx", "hy.excellent_allowed").outcome == Outcome::eligible);
  CHECK(find(all, "cx", "hy.excellent_allowed").missing.empty());
  CHECK(find(all, "c2", "hy.excellent_allowed").outcome == Outcome::eligible);
}

TEST_CASE("a record whose candidacy is unknown may be a candidate") {
  Rules rules(quota_rules("{count: 2}"));
  auto records = town_of(rules, "t1", {90, 80, 70}, 2);
  records.push_back(rules.record("cadre", cadre_in("cu", "t1", std::nullopt, 95)));
  auto all = rules.population(records);
  const auto& unsure = find(all, "cu", "hy.excellent_allowed");
  CHECK(unsure.outcome == Outcome::undetermined);
  CHECK(joined(unsure.missing) == "cadre.proposed");
  CHECK(cohort_of(unsure).candidates == 4);
  // c1 stays in the top 2 even if cu is a candidate; c2 does not.
  CHECK(find(all, "c1", "hy.excellent_allowed").outcome == Outcome::eligible);
  const auto& second = find(all, "c2", "hy.excellent_allowed");
  CHECK(second.outcome == Outcome::undetermined);
  CHECK(joined(second.undetermined) == "missing_fact:cu:cadre.proposed");
  CHECK(find(all, "c3", "hy.excellent_allowed").outcome == Outcome::ineligible);
}

namespace {

std::string tier_rules(const std::string& tiers) {
  return R"(decisions:
  - id: ps.tier
    kind: allocation
    subject: cadre
    cite: PS-PAY-05
    allocation:
      group_by: cadre.town_code
      candidates: cadre.proposed
      rank_by: [{expr: cadre.score, order: desc}]
      tiers: )" +
         tiers + "\n";
}

}  // namespace

TEST_CASE("tiers of one third over 9 candidates: 3/3/3, valued 1 to 3") {
  Rules rules(tier_rules("[1/3, 1/3, 1/3]"));
  auto all = rules.population(town_of(rules, "t1", {91, 92, 93, 94, 95, 96, 97, 98, 99}, 2));
  for (int i = 1; i <= 9; ++i) {
    std::string id = "c" + std::to_string(i);
    CAPTURE(id);
    const auto& result = find(all, id, "ps.tier");
    int rank = 10 - i;  // c9 has the highest score
    int tier = (rank - 1) / 3 + 1;
    CHECK(result.outcome == Outcome::computed);
    CHECK(result.value.debug_string() == std::to_string(tier));
    const auto& place = cohort_of(result);
    CHECK(place.rank == rank);
    CHECK(place.tier == tier);
    CHECK(place.quota == -1);
    CHECK(place.quota_rule == "tiers 3/3/3 of 9");
    CHECK(place.candidates == 9);
    CHECK(place.size == 11);
  }
  CHECK(cohort_of(find(all, "c9", "ps.tier")).message_en ==
        "group t1: 11 records, 9 candidates; rank 1 of 9; tiers 3/3/3 of 9; tier 1");
  const auto& outsider = find(all, "n1", "ps.tier");
  CHECK(outsider.outcome == Outcome::not_applicable);
  CHECK(outsider.value.kind() == cadre::ValueKind::null);
}

TEST_CASE("a later rule reads the tier number; a non-candidate reads 0") {
  Rules rules(tier_rules("[1/3, 1/3, 1/3]") + R"y(  - id: ps.allowance
    kind: pay
    subject: cadre
    cite: PS-PAY-05
    components:
      - id: allowance
        formula: "ps.tier == 1 ? decimal('300') : ps.tier == 2 ? decimal('200') : ps.tier == 3 ? decimal('100') : decimal('0')"
)y");
  auto all = rules.population(town_of(rules, "t1", {10, 20, 30, 40, 50, 60}, 1));
  CHECK(find(all, "c6", "ps.allowance").value.debug_string() == "decimal(\"300\")");
  CHECK(find(all, "c3", "ps.allowance").value.debug_string() == "decimal(\"200\")");
  CHECK(find(all, "c1", "ps.allowance").value.debug_string() == "decimal(\"100\")");
  CHECK(find(all, "n1", "ps.allowance").value.debug_string() == "decimal(\"0\")");
  CHECK(find(all, "n1", "ps.tier").outcome == Outcome::not_applicable);
}

TEST_CASE("tiers: a tie across a tier bound is tie_at_cap; a tie inside a tier is settled") {
  Rules rules(tier_rules("[1/3, 1/3, 1/3]"));
  // Bounds 3 and 6: c3 and c4 share places 3-4, across the first bound; c5
  // and c6 share places 5-6, both in tier 2.
  auto all = rules.population(town_of(rules, "t1", {90, 80, 70, 70, 60, 60, 50, 20, 10}, 0));
  for (std::string id : {"c3", "c4"}) {
    CAPTURE(id);
    const auto& result = find(all, id, "ps.tier");
    CHECK(result.outcome == Outcome::undetermined);
    CHECK(joined(result.undetermined) == "tie_at_cap");
    CHECK(cohort_of(result).rank == 3);
    CHECK(cohort_of(result).tier == 0);
  }
  CHECK(joined(cohort_of(find(all, "c3", "ps.tier")).tied_with) == "c4");
  for (std::string id : {"c5", "c6"}) {
    CAPTURE(id);
    const auto& result = find(all, id, "ps.tier");
    CHECK(result.outcome == Outcome::computed);
    CHECK(result.value.debug_string() == "2");
    CHECK(cohort_of(result).rank == 5);
    CHECK(cohort_of(result).tier == 2);
  }
  CHECK(find(all, "c7", "ps.tier").value.debug_string() == "3");
  CHECK(find(all, "c2", "ps.tier").value.debug_string() == "1");
  CHECK(find(all, "c9", "ps.tier").value.debug_string() == "3");
}

TEST_CASE("a quota whose ratio the text leaves unspecified") {
  Rules rules(R"y(parameters:
  hy.max_ratio: {type: decimal, unspecified: true, cite: HY-ASSESS-03}
decisions:
  - id: hy.excellent_allowed
    kind: allocation
    subject: cadre
    cite: HY-ASSESS-03
    allocation:
      group_by: cadre.town_code
      candidates: cadre.proposed
      rank_by: [{expr: cadre.score, order: desc}]
      quota: {ratio: hy.max_ratio, of: members, rounding: floor}
)y");
  auto records = town_of(rules, "t1", {90, 80}, 3);
  records.push_back(rules.record("cadre", cadre_in("cx", "t1", true, std::nullopt)));
  auto all = rules.population(records);
  const auto& first = find(all, "c1", "hy.excellent_allowed");
  CHECK(first.outcome == Outcome::undetermined);
  CHECK(joined(first.undetermined) == "unspecified_parameter:hy.max_ratio");
  CHECK(first.missing.empty());
  CHECK(cohort_of(first).quota == -1);
  CHECK(cohort_of(first).rank == 1);
  const auto& unsure = find(all, "cx", "hy.excellent_allowed");
  CHECK(unsure.outcome == Outcome::undetermined);
  CHECK(joined(unsure.undetermined) ==
        "missing_fact:cadre.score, unspecified_parameter:hy.max_ratio");
  CHECK(find(all, "n1", "hy.excellent_allowed").outcome == Outcome::not_applicable);
}

TEST_CASE("tiers over 10 candidates: a fractional bound needs a rounding the text does not give") {
  Rules rules(tier_rules("[1/3, 1/3, 1/3]"));
  auto all = rules.population(town_of(rules, "t1", {100, 90, 80, 70, 60, 50, 40, 30, 20, 10}, 0));
  // 10/3 and 20/3 are not whole: place 4 is tier 1 or 2, place 7 tier 2 or 3.
  for (std::string id : {"c4", "c7"}) {
    CAPTURE(id);
    const auto& result = find(all, id, "ps.tier");
    CHECK(result.outcome == Outcome::undetermined);
    CHECK(result.value.kind() == cadre::ValueKind::null);
    CHECK(joined(result.undetermined) == "unspecified_parameter:ps.tier.rounding");
    CHECK(cohort_of(result).tier == 0);
    CHECK(cohort_of(result).quota_rule == "tiers of 10: 10/3, 20/3, 10");
  }
}

TEST_CASE("tiers over 10 candidates: places every rounding agrees on are settled") {
  // floor gives tiers 3/3/4 and ceil 4/3/3; whatever the rounding, places 1-3
  // are tier 1, 5-6 tier 2 and 8-10 tier 3 (a place is settled when it holds
  // in every case).
  Rules rules(tier_rules("[1/3, 1/3, 1/3]"));
  auto all = rules.population(town_of(rules, "t1", {100, 90, 80, 70, 60, 50, 40, 30, 20, 10}, 0));
  const std::vector<std::pair<std::string, int>> settled = {{"c1", 1}, {"c3", 1}, {"c5", 2},
                                                            {"c6", 2}, {"c8", 3}, {"c10", 3}};
  for (const auto& [id, tier] : settled) {
    CAPTURE(id);
    const auto& result = find(all, id, "ps.tier");
    CHECK(result.outcome == Outcome::computed);
    CHECK(result.value.debug_string() == std::to_string(tier));
  }
}

TEST_CASE("tiers with a stated floor rounding over 10 candidates: 3/3/4") {
  // Not expressible: an allocation by tiers has no `rounding` key (the loader
  // accepts `rounding` only inside `quota`), so tier bounds are always exact.
  Rules rules(tier_rules("[1/3, 1/3, 1/3]\n      rounding: floor"));
  auto all = rules.population(town_of(rules, "t1", {100, 90, 80, 70, 60, 50, 40, 30, 20, 10}, 0));
  const std::vector<std::pair<std::string, int>> tiers = {{"c1", 1}, {"c3", 1}, {"c4", 2},
                                                          {"c6", 2}, {"c7", 3}, {"c10", 3}};
  for (const auto& [id, tier] : tiers) {
    CAPTURE(id);
    const auto& result = find(all, id, "ps.tier");
    CHECK(result.outcome == Outcome::computed);
    CHECK(result.value.debug_string() == std::to_string(tier));
    CHECK(cohort_of(result).quota_rule == "tiers 3/3/4 of 10");
  }
}

TEST_CASE("a later decision reads the allocation decided over the population") {
  Rules rules(quota_rules("{count: 2}", R"y(  - id: hy.bonus
    kind: pay
    subject: cadre
    cite: HY-PAY-02
    components:
      - {id: bonus, formula: "hy.excellent_allowed ? decimal('1000.00') : decimal('0.00')"}
  - id: hy.recommended
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - {id: excellent, when: hy.excellent_allowed}
)y"));
  // Quota 2: c1 in, c2 and c3 tie at the cap, c4 out, n1 not a candidate.
  auto all = rules.population(town_of(rules, "t1", {90, 70, 70, 50}, 1));

  const auto& in = find(all, "c1", "hy.bonus");
  CHECK(in.outcome == Outcome::computed);
  CHECK(in.value.debug_string() == "decimal(\"1000.00\")");
  CHECK(find(all, "c1", "hy.recommended").outcome == Outcome::eligible);

  const auto& out = find(all, "c4", "hy.bonus");
  CHECK(out.outcome == Outcome::computed);
  CHECK(out.value.debug_string() == "decimal(\"0.00\")");
  CHECK(find(all, "c4", "hy.recommended").outcome == Outcome::ineligible);

  // A non-candidate reads as not allocated.
  CHECK(find(all, "n1", "hy.bonus").value.debug_string() == "decimal(\"0.00\")");
  CHECK(find(all, "n1", "hy.recommended").outcome == Outcome::ineligible);

  // The tie at the cap carries over to what reads it.
  for (std::string id : {"c2", "c3"}) {
    CAPTURE(id);
    const auto& bonus = find(all, id, "hy.bonus");
    CHECK(bonus.outcome == Outcome::undetermined);
    CHECK(joined(bonus.undetermined) == "tie_at_cap");
    CHECK(bonus.missing.empty());
    const auto& recommended = find(all, id, "hy.recommended");
    CHECK(recommended.outcome == Outcome::undetermined);
    CHECK(joined(recommended.undetermined) == "tie_at_cap");
  }
}

TEST_CASE("a cadre reads the allocation about its village") {
  Rules rules(R"(decisions:
  - id: hy.top_village
    kind: allocation
    subject: village
    cite: HY-ASSESS-03
    allocation:
      group_by: village.town_id
      rank_by: [{expr: village.stars, order: desc}]
      quota: {count: 1}
  - id: hy.from_top_village
    kind: eligibility
    subject: cadre
    cite: HY-ASSESS-03
    all:
      - {id: top, when: hy.top_village}
)");
  std::vector<cadre::RecordValue> records = {
      rules.record("cadre", fields({{"id", "c1"}, {"village_id", "v1"}})),
      rules.record("cadre", fields({{"id", "c2"}, {"village_id", "v2"}})),
      rules.record("town", fields({{"id", "t1"}})),
      rules.record("village", fields({{"id", "v1"}, {"town_id", "t1"}, {"stars", 5}})),
      rules.record("village", fields({{"id", "v2"}, {"town_id", "t1"}, {"stars", 3}})),
      rules.record("village", fields({{"id", "v3"}, {"town_id", "t2"}, {"stars", 1}})),
      rules.record("cadre", fields({{"id", "c3"}, {"village_id", "v3"}})),
      rules.record("cadre", fields({{"id", "c4"}, {"village_id", "v9"}})),
  };
  auto all = rules.population(records);

  CHECK(find(all, "v1", "hy.top_village").outcome == Outcome::eligible);
  CHECK(find(all, "v2", "hy.top_village").outcome == Outcome::ineligible);
  CHECK(find(all, "v3", "hy.top_village").outcome == Outcome::eligible);
  CHECK(cohort_of(find(all, "v3", "hy.top_village")).group == "t2");
  CHECK(cohort_of(find(all, "v3", "hy.top_village")).size == 1);

  CHECK(find(all, "c1", "hy.from_top_village").outcome == Outcome::eligible);
  CHECK(find(all, "c2", "hy.from_top_village").outcome == Outcome::ineligible);
  CHECK(find(all, "c3", "hy.from_top_village").outcome == Outcome::eligible);
  // c4's village is not in the population.
  const auto& orphan = find(all, "c4", "hy.from_top_village");
  CHECK(orphan.outcome == Outcome::undetermined);
  CHECK(joined(orphan.missing) == "village");
  CHECK(joined(orphan.undetermined) == "missing_fact:village");

  // A cadre's results are the decisions about cadres only.
  for (const auto& entry : all) {
    if (entry.kind != "cadre") continue;
    CAPTURE(entry.record);
    REQUIRE(entry.decisions.size() == 1);
    CHECK(entry.decisions[0].id == "hy.from_top_village");
  }
}

TEST_CASE("a single record: an allocation from the record's facts, or missing its population") {
  const std::string later = R"y(  - id: hy.bonus
    kind: pay
    subject: cadre
    cite: HY-PAY-02
    components:
      - {id: bonus, formula: "hy.excellent_allowed ? decimal('1000.00') : decimal('0.00')"}
)y";
  auto decide = [](const Rules& rules, cadre::MapValue person, const std::string& id) {
    auto results = rules.engine().evaluate(rules.record("cadre", std::move(person)), {},
                                           *cadre::Date::parse("2024-12-31"));
    for (auto& result : results) {
      if (result.id == id) return result;
    }
    FAIL("no decision " << id);
    return cadre::DecisionResult{};
  };

  SUBCASE("from_record") {
    Rules rules(quota_rules("{count: 2}", "      from_record: cadre.granted\n" + later));
    auto granted = decide(rules, fields({{"id", "c1"}, {"granted", true}}), "hy.excellent_allowed");
    CHECK(granted.outcome == Outcome::eligible);
    CHECK(granted.value.debug_string() == "true");
    CHECK_FALSE(granted.cohort.has_value());
    CHECK(
        decide(rules, fields({{"id", "c1"}, {"granted", true}}), "hy.bonus").value.debug_string() ==
        "decimal(\"1000.00\")");
    auto refused =
        decide(rules, fields({{"id", "c1"}, {"granted", false}}), "hy.excellent_allowed");
    CHECK(refused.outcome == Outcome::ineligible);
    CHECK(refused.value.debug_string() == "false");
    auto unknown = decide(rules, fields({{"id", "c1"}}), "hy.excellent_allowed");
    CHECK(unknown.outcome == Outcome::undetermined);
    CHECK(joined(unknown.missing) == "cadre.granted");
    CHECK(joined(unknown.undetermined) == "missing_fact:cadre.granted");
    auto bonus = decide(rules, fields({{"id", "c1"}}), "hy.bonus");
    CHECK(bonus.outcome == Outcome::undetermined);
    CHECK(joined(bonus.missing) == "cadre.granted");
  }
  SUBCASE("from_record of a tier") {
    Rules rules(tier_rules("[1/3, 1/3, 1/3]\n      from_record: cadre.tier_given"));
    auto tier = decide(rules, fields({{"id", "c1"}, {"tier_given", 2}}), "ps.tier");
    CHECK(tier.outcome == Outcome::computed);
    CHECK(tier.value.debug_string() == "2");
  }
  SUBCASE("without from_record") {
    Rules rules(quota_rules("{count: 2}", later));
    auto result = decide(rules, fields({{"id", "c1"}, {"proposed", true}, {"score", 90}}),
                         "hy.excellent_allowed");
    CHECK(result.outcome == Outcome::undetermined);
    CHECK(result.value.kind() == cadre::ValueKind::null);
    CHECK(joined(result.undetermined) == "missing_fact:population");
    CHECK_FALSE(result.cohort.has_value());
    // What reads it is undetermined for the same reason.
    auto bonus =
        decide(rules, fields({{"id", "c1"}, {"proposed", true}, {"score", 90}}), "hy.bonus");
    CHECK(bonus.outcome == Outcome::undetermined);
    CHECK(joined(bonus.undetermined) == "missing_fact:population");
  }
}

namespace {

void check_quiet(const cadre::Reason& reason) {
  CAPTURE(reason.id);
  CHECK(reason.message_zh.empty());
  CHECK(reason.message_en.empty());
  CHECK(reason.facts.empty());
  CHECK_FALSE(reason.hint.has_value());
  for (const auto& child : reason.children)
    check_quiet(child);
}

bool has_explanation(const cadre::Reason& reason) {
  if (!reason.message_en.empty() || !reason.facts.empty() || reason.hint) return true;
  for (const auto& child : reason.children) {
    if (has_explanation(child)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("explanations off: the same outcomes and values, no messages, facts or hints") {
  Rules rules(
      quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}", R"y(  - id: hy.bonus
    kind: pay
    subject: cadre
    cite: HY-PAY-02
    components:
      - {id: bonus, formula: "hy.excellent_allowed ? decimal('1000.00') : decimal('0.00')"}
  - id: hy.good_score
    kind: eligibility
    subject: cadre
    cite: HY-BEN-01
    all:
      - id: score
        when: cadre.score >= 75
        message: {en: "score {cadre.score}", zh: "得分{cadre.score}"}
)y"));
  auto records = town_of(rules, "t1", {90, 80, 70, 60, 60}, 17);
  records.push_back(rules.record("cadre", cadre_in("cx", "t1", true, std::nullopt)));
  records.push_back(rules.record("cadre", cadre_in("cy", "t2", true, 10)));
  auto on = rules.population(records, "2024-12-31", {.explain = true});
  auto off = rules.population(records, "2024-12-31", {.explain = false});
  REQUIRE(on.size() == off.size());

  bool explained = false;
  for (std::size_t i = 0; i < on.size(); ++i) {
    CAPTURE(on[i].record);
    CHECK(on[i].record == off[i].record);
    REQUIRE(on[i].decisions.size() == off[i].decisions.size());
    for (std::size_t d = 0; d < on[i].decisions.size(); ++d) {
      const auto& a = on[i].decisions[d];
      const auto& b = off[i].decisions[d];
      CAPTURE(a.id);
      CHECK(a.id == b.id);
      CHECK(a.outcome == b.outcome);
      CHECK(a.value.debug_string() == b.value.debug_string());
      CHECK(a.missing == b.missing);
      CHECK(a.undetermined == b.undetermined);
      CHECK(a.flags == b.flags);
      REQUIRE(a.cohort.has_value() == b.cohort.has_value());
      if (a.cohort) {
        CHECK(a.cohort->group == b.cohort->group);
        CHECK(a.cohort->size == b.cohort->size);
        CHECK(a.cohort->candidates == b.cohort->candidates);
        CHECK(a.cohort->rank == b.cohort->rank);
        CHECK(a.cohort->quota == b.cohort->quota);
        CHECK(a.cohort->quota_rule == b.cohort->quota_rule);
        CHECK(a.cohort->tier == b.cohort->tier);
        CHECK(a.cohort->tied_with == b.cohort->tied_with);
        CHECK(a.cohort->tie_break == b.cohort->tie_break);
        CHECK(a.cohort->rank_needed == b.cohort->rank_needed);
        CHECK(b.cohort->message_zh.empty());
        CHECK(b.cohort->message_en.empty());
        explained = explained || !a.cohort->message_en.empty();
      }
      for (const auto& reason : b.reasons)
        check_quiet(reason);
      for (const auto& reason : a.reasons)
        explained = explained || has_explanation(reason);
      CHECK(b.components.empty());
    }
  }
  CHECK(explained);  // explanations on do explain
  // The failed score condition has a shortfall hint only when explaining.
  const auto& low = find(on, "c4", "hy.good_score");
  REQUIRE(low.reasons.size() == 1);
  REQUIRE(low.reasons[0].children.size() == 1);
  CHECK(low.reasons[0].children[0].message_en == "score 60");
  REQUIRE(low.reasons[0].children[0].hint.has_value());
  CHECK(low.reasons[0].children[0].hint->amount == "15");
}

TEST_CASE("the results follow the input order, whatever the kinds") {
  Rules rules(quota_rules("{count: 1}"));
  std::vector<cadre::RecordValue> records = {
      rules.record(
          "cadre",
          fields({{"id", "c2"}, {"village_id", "v1"}, {"town_code", "t1"}, {"proposed", false}})),
      rules.record("village", fields({{"id", "v1"}, {"town_id", "t1"}})),
      rules.record("town", fields({{"id", "t1"}})),
      rules.record("cadre", cadre_in("c1", "t1", true, 80)),
      rules.record("village", fields({{"id", "v0"}, {"town_id", "t1"}})),
      rules.record("cadre", cadre_in("c0", "t1", true, 90)),
  };
  auto all = rules.population(records);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"c2", "cadre"}, {"v1", "village"}, {"t1", "town"},
      {"c1", "cadre"}, {"v0", "village"}, {"c0", "cadre"}};
  REQUIRE(all.size() == expected.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].record == expected[i].first);
    CHECK(all[i].kind == expected[i].second);
  }
  CHECK(all[1].decisions.empty());  // no decision about villages or towns here
  CHECK(all[2].decisions.empty());
  CHECK(find(all, "c0", "hy.excellent_allowed").outcome == Outcome::eligible);
  CHECK(find(all, "c1", "hy.excellent_allowed").outcome == Outcome::ineligible);
  CHECK(find(all, "c2", "hy.excellent_allowed").outcome == Outcome::not_applicable);
}

TEST_CASE("a record whose group is unknown is undetermined and may belong to any group") {
  Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}"));
  auto records = town_of(rules, "t1", {90, 80, 70, 60, 50}, 18);
  cadre::MapValue lost = fields({{"id", "cz"}, {"proposed", true}, {"score", 99}});
  records.push_back(rules.record("cadre", lost));
  auto all = rules.population(records);

  const auto& result = find(all, "cz", "hy.excellent_allowed");
  CHECK(result.outcome == Outcome::undetermined);
  CHECK(joined(result.missing) == "cadre.town_code");
  CHECK(joined(result.undetermined) == "missing_fact:cadre.town_code");
  CHECK_FALSE(result.cohort.has_value());

  const auto& place = cohort_of(find(all, "c1", "hy.excellent_allowed"));
  CHECK(place.size == 23);
  CHECK(place.candidates == 5);
  // cz may be in t1: 23 or 24 cadres, a quota of 4 either way, and a score
  // of 99 that would push the fourth out.
  CHECK(place.quota_rule == "floor(0.2 × 23) = 4 to floor(0.2 × 24) = 4");
  CHECK(find(all, "c1", "hy.excellent_allowed").outcome == Outcome::eligible);
  const auto& fourth = find(all, "c4", "hy.excellent_allowed");
  CHECK(fourth.outcome == Outcome::undetermined);
  CHECK(joined(fourth.undetermined) == "missing_fact:cz:cadre.town_code");
  CHECK(find(all, "c5", "hy.excellent_allowed").outcome == Outcome::ineligible);
}

TEST_CASE("one engine shared by threads gives every thread the same decisions") {
  // The compiled rule set is immutable: concurrent populations (explained,
  // so hints probe other dates too) must not disturb each other.
  Rules rules(quota_rules("{ratio: hy.max_ratio, of: members, rounding: floor}"));
  auto records = town_of(rules, "t1", {70, 90, 50, 80, 60}, 18);
  auto expected = rules.population(records);
  auto render = [](const std::vector<cadre::RecordDecisions>& all) {
    std::string text;
    for (const auto& record : all) {
      for (const auto& decision : record.decisions) {
        text += record.record + " " + decision.id + " " + cadre::outcome_name(decision.outcome) +
                " " + decision.value.debug_string() + " " + joined(decision.undetermined) + "\n";
      }
    }
    return text;
  };
  const std::string reference = render(expected);
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      std::string last;
      for (int round = 0; round < 20; ++round)
        last = render(rules.population(records));
      seen[t] = last;
    });
  }
  for (auto& thread : threads)
    thread.join();
  for (const auto& text : seen)
    CHECK(text == reference);
}
