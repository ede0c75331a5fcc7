// Test coverage: the checked results of a rule set's tests, counted per
// decision and per part, and the gaps they leave.
#include "engine/test_coverage.hpp"

#include <algorithm>
#include <map>

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/decisions.hpp"
#include "engine/undetermined_sources.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

void add_parts(const model::Condition& condition, const char* section,
               std::vector<PartCoverage>& parts) {
  if (!condition.id.empty()) parts.push_back({section, condition.id});
  for (const auto& child : condition.children)
    add_parts(child, section, parts);
}

std::vector<PartCoverage> parts_of(const model::Decision& decision) {
  std::vector<PartCoverage> parts;
  if (!decision.applies.empty()) parts.push_back({"applies", ""});
  add_parts(decision.all, "all", parts);
  add_parts(decision.none, "none", parts);
  add_parts(decision.trigger, "trigger", parts);
  for (const auto& gate : decision.gates)
    add_parts(gate.condition, "gates", parts);
  return parts;
}

// The outcome a decision gives when it fires, and the one it gives when it
// does not, where its kind has one (pay, assessments and tiers have not).
void firing_outcomes(const model::Decision& decision, DecisionCoverage& out) {
  using Kind = model::DecisionKind;
  switch (decision.kind) {
    case Kind::eligibility:
      out.positive = Outcome::eligible;
      out.negative = Outcome::ineligible;
      break;
    case Kind::warning:
    case Kind::exit:
      out.positive = Outcome::triggered;
      out.negative = Outcome::clear;
      break;
    case Kind::pay:
    case Kind::assessment:
      out.positive = Outcome::computed;
      break;
    case Kind::allocation:
      if (decision.allocation && !decision.allocation->tier_shares.empty()) {
        out.positive = Outcome::computed;
      } else {
        out.positive = Outcome::eligible;
        out.negative = Outcome::ineligible;
      }
      break;
  }
}

void count(PartCoverage& part, ReasonStatus status) {
  switch (status) {
    case ReasonStatus::passed:
      ++part.passed;
      break;
    case ReasonStatus::failed:
      ++part.failed;
      break;
    case ReasonStatus::unknown:
      ++part.unknown;
      break;
  }
}

void count_reasons(const std::vector<Reason>& reasons, DecisionCoverage& out) {
  for (const auto& reason : reasons) {
    if (!reason.id.empty()) {
      for (auto& part : out.parts) {
        if (part.section != "applies" && part.id == reason.id) count(part, reason.status);
      }
    }
    count_reasons(reason.children, out);
  }
}

// A result not applicable failed `applies`; one whose `applies` could not be
// read carries the reason `applies`, unknown (engine/outcome_builder.hpp);
// any other result passed it.
void count_applies(const DecisionResult& result, PartCoverage& part) {
  if (result.outcome == Outcome::not_applicable) {
    ++part.failed;
    return;
  }
  for (const auto& reason : result.reasons) {
    if (reason.id == "applies" && reason.status == ReasonStatus::unknown) {
      ++part.unknown;
      return;
    }
  }
  ++part.passed;
}

// The name a `coverage.cannot` item gives a gap: `eligible`, `applies failed`,
// `dispatched_district_cadre passed`.
std::string gap_name(const DecisionCoverage& out, const CoverageGap& gap) {
  if (gap.kind == CoverageGap::Kind::outcome) return outcome_name(gap.outcome);
  const PartCoverage& part = out.parts[gap.part];
  const std::string name = part.section == "applies" ? "applies" : part.id;
  return name + (gap.kind == CoverageGap::Kind::part_passed ? " passed" : " failed");
}

// Whether the tests showed a `coverage.cannot` item.
bool seen_item(const DecisionCoverage& out, const std::string& item) {
  for (std::size_t i = 0; i < kOutcomeCount; ++i) {
    if (item == outcome_name(static_cast<Outcome>(i))) return out.outcomes[i] > 0;
  }
  for (const auto& part : out.parts) {
    const std::string name = part.section == "applies" ? "applies" : part.id;
    if (item == name + " passed") return part.passed > 0;
    if (item == name + " failed") return part.failed > 0;
  }
  return false;
}

void find_gaps(DecisionCoverage& out) {
  std::vector<CoverageGap> found;
  auto never = [&](Outcome outcome) {
    if (out.seen(outcome) == 0) found.push_back({CoverageGap::Kind::outcome, outcome, 0, {}});
  };
  never(out.positive);
  if (out.negative) never(*out.negative);
  if (!out.undetermined_sources.empty()) never(Outcome::undetermined);
  for (std::size_t i = 0; i < out.parts.size(); ++i) {
    if (out.parts[i].passed == 0) {
      found.push_back({CoverageGap::Kind::part_passed, Outcome::undetermined, i, {}});
    }
    if (out.parts[i].failed == 0) {
      found.push_back({CoverageGap::Kind::part_failed, Outcome::undetermined, i, {}});
    }
  }
  for (auto& gap : found) {
    const std::string name = gap_name(out, gap);
    if (std::find(out.cannot.begin(), out.cannot.end(), name) == out.cannot.end())
      out.gaps.push_back(std::move(gap));
  }
  // Declared impossible, yet a test showed it: the declaration is wrong.
  for (const auto& item : out.cannot) {
    if (!seen_item(out, item)) continue;
    out.gaps.push_back({CoverageGap::Kind::seen_though_impossible, Outcome::undetermined, 0, item});
  }
}

}  // namespace

RuleSetCoverage compute_coverage(const CompiledRuleSet& rules,
                                 const std::vector<CheckedResult>& checked,
                                 const std::string& own_path) {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules);
  RuleSetCoverage coverage;
  coverage.path = own_path;
  coverage.id = rules.id();
  coverage.version = rules.version();
  std::map<std::string, std::size_t> by_place;
  for (const auto& compiled : impl.decisions) {
    const model::Decision& decision = *compiled.model;
    DecisionCoverage out;
    out.id = decision.id;
    out.kind = model::decision_kind_name(decision.kind);
    firing_outcomes(decision, out);
    out.undetermined_sources = undetermined_sources(impl, decision);
    out.parts = parts_of(decision);
    out.cannot = decision.coverage_cannot;
    out.cannot_because_zh = decision.coverage_because.zh;
    out.cannot_because_en = decision.coverage_because.en;
    by_place.emplace(decision_place(rules, decision.id), coverage.decisions.size());
    coverage.decisions.push_back(std::move(out));
  }
  for (const auto& one : checked) {
    auto found = by_place.find(one.place);
    if (found == by_place.end() || coverage.decisions[found->second].id != one.decision) continue;
    const DecisionResult& result = one.result;
    if (!one.tested_in.empty() && one.tested_in != own_path &&
        std::find(coverage.counted_from.begin(), coverage.counted_from.end(), one.tested_in) ==
            coverage.counted_from.end()) {
      coverage.counted_from.push_back(one.tested_in);
    }
    DecisionCoverage& out = coverage.decisions[found->second];
    ++out.outcomes[static_cast<std::size_t>(result.outcome)];
    count_reasons(result.reasons, out);
    if (!out.parts.empty() && out.parts.front().section == "applies") {
      count_applies(result, out.parts.front());
    }
  }
  for (auto& decision : coverage.decisions)
    find_gaps(decision);
  return coverage;
}

}  // namespace cadre::engine
