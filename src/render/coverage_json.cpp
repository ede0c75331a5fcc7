// Test coverage as JSON (Boost.JSON): the shape of docs/rules.md, "Test
// coverage", keys in a fixed order.
#include <boost/json.hpp>

#include "render/coverage.hpp"

namespace cadre::render {

namespace {

namespace json = boost::json;

using engine::CoverageGap;
using engine::DecisionCoverage;
using engine::RuleSetCoverage;

json::object totals_json(std::size_t rules, std::size_t covered, std::size_t gaps) {
  json::object out;
  out["rules"] = rules;
  out["fully_covered"] = covered;
  out["gaps"] = gaps;
  return out;
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items)
    out.emplace_back(json::string(item));
  return out;
}

json::object gap_json(const DecisionCoverage& decision, const CoverageGap& gap) {
  json::object out;
  if (gap.kind == CoverageGap::Kind::outcome) {
    out["kind"] = "outcome";
    out["outcome"] = outcome_name(gap.outcome);
    return out;
  }
  if (gap.kind == CoverageGap::Kind::seen_though_impossible) {
    out["kind"] = "seen_though_impossible";
    out["item"] = gap.item;
    return out;
  }
  const auto& part = decision.parts[gap.part];
  out["kind"] = "part";
  out["section"] = part.section;
  out["id"] = part.id;
  out["never"] = gap.kind == CoverageGap::Kind::part_passed ? "passed" : "failed";
  return out;
}

json::object decision_json(const DecisionCoverage& decision) {
  json::object out;
  out["id"] = decision.id;
  out["kind"] = decision.kind;
  json::object outcomes;
  for (std::size_t i = 0; i < decision.outcomes.size(); ++i) {
    if (decision.outcomes[i] > 0) {
      outcomes[outcome_name(static_cast<Outcome>(i))] = decision.outcomes[i];
    }
  }
  out["outcomes"] = std::move(outcomes);
  out["positive"] = outcome_name(decision.positive);
  out["negative"] = decision.negative ? json::value(outcome_name(*decision.negative)) : nullptr;
  out["undetermined_sources"] = strings(decision.undetermined_sources);
  json::array parts;
  for (const auto& part : decision.parts) {
    json::object item;
    item["section"] = part.section;
    item["id"] = part.id;
    item["passed"] = part.passed;
    item["failed"] = part.failed;
    item["unknown"] = part.unknown;
    parts.emplace_back(std::move(item));
  }
  out["parts"] = std::move(parts);
  json::array gaps;
  for (const auto& gap : decision.gaps)
    gaps.emplace_back(gap_json(decision, gap));
  out["gaps"] = std::move(gaps);
  // Only where the decision declares some: most declare none.
  if (!decision.cannot.empty()) {
    out["cannot"] = json::object{{"items", strings(decision.cannot)},
                                 {"because", json::object{{"zh", decision.cannot_because_zh},
                                                          {"en", decision.cannot_because_en}}}};
  }
  return out;
}

}  // namespace

std::string coverage_json(const std::vector<RuleSetCoverage>& coverages) {
  json::array rulesets;
  std::size_t rules = 0, covered = 0, gaps = 0;
  for (const auto& coverage : coverages) {
    json::object item;
    item["path"] = coverage.path;
    item["ruleset"] = {{"name", coverage.id}, {"version", coverage.version}};
    item["tests"] = {{"passed", coverage.tests_passed}, {"failed", coverage.tests_failed}};
    boost::json::array counted_from;
    for (const auto& path : coverage.counted_from)
      counted_from.emplace_back(path);
    item["counted_from"] = std::move(counted_from);
    json::array decisions;
    for (const auto& decision : coverage.decisions)
      decisions.emplace_back(decision_json(decision));
    item["decisions"] = std::move(decisions);
    item["totals"] =
        totals_json(coverage.decisions.size(), coverage.fully_covered(), coverage.gaps());
    rules += coverage.decisions.size();
    covered += coverage.fully_covered();
    gaps += coverage.gaps();
    rulesets.emplace_back(std::move(item));
  }
  json::object out;
  out["rulesets"] = std::move(rulesets);
  out["totals"] = totals_json(rules, covered, gaps);
  return json::serialize(out);
}

}  // namespace cadre::render
