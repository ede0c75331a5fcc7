// What a rule set's tests exercised (`cadre-policy test --coverage`): for
// each decision, the outcomes its checked results took (summed over the keys
// of a decision made per key), and for each of its parts — `applies`, the
// conditions of `all`, the disqualifiers of `none`, the triggers, the gates —
// whether it was seen passing, failing and unknown. A gap is something the
// tests never showed (docs/rules.md, "Test coverage"):
//
// - a decision never seen firing (eligible, triggered, computed) or, where
//   its kind has a negative outcome, never seen not firing (ineligible,
//   clear);
// - never seen undetermined while undetermined_sources() says it could be;
// - a part never seen passing, or never seen failing;
// - unless the decision declares it impossible (`coverage: {cannot, because}`:
//   an exemption with its reason, shown as such), and then seeing it is a gap.
//
// Only results that an expectation named, and that matched it, count: a
// decision evaluated for a test's records but not checked is not tested.
// A rule is its text at its place: the checked results of every rule set
// run together count towards the rules they share (a city's rule is
// exercised by the tests of a county variant that inherits it, and a
// reading's tests exercise the branch its switch selects); a rule a variant
// replaces is another rule.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cadre/decision.hpp"
#include "cadre/ruleset.hpp"
#include "engine/test_runner.hpp"

namespace cadre::engine {

/// Outcomes in the order of cadre::Outcome.
inline constexpr std::size_t kOutcomeCount = 8;

/// One part of a decision: where it is written and its id.
struct PartCoverage {
  std::string section;  ///< applies, all, none, trigger or gates
  std::string id;       ///< the condition's id; empty for `applies`
  int passed = 0;
  int failed = 0;
  int unknown = 0;
};

struct CoverageGap {
  enum class Kind : std::uint8_t {
    outcome,      ///< `outcome` never seen
    part_passed,  ///< `part` never seen passing
    part_failed,  ///< `part` never seen failing
    /// `item`, which the decision declares impossible (`coverage.cannot`),
    /// was seen: the declaration is wrong.
    seen_though_impossible,
  };
  Kind kind = Kind::outcome;
  Outcome outcome = Outcome::undetermined;
  std::size_t part = 0;  ///< index into DecisionCoverage::parts
  std::string item;      ///< seen_though_impossible: the item as declared
};

struct DecisionCoverage {
  std::string id;
  std::string kind;  ///< eligibility, warning, …
  /// How many checked results took each outcome, indexed by cadre::Outcome.
  std::array<int, kOutcomeCount> outcomes{};
  /// Its firing outcome and, where its kind has one, its negative outcome.
  Outcome positive = Outcome::eligible;
  std::optional<Outcome> negative;
  /// Why it could be undetermined (undetermined_sources); empty: it cannot.
  std::vector<std::string> undetermined_sources;
  std::vector<PartCoverage> parts;
  std::vector<CoverageGap> gaps;
  /// What the decision declares no test can show (`coverage.cannot`), and
  /// why; gaps it names are not gaps but listed here as declared.
  std::vector<std::string> cannot;
  std::string cannot_because_zh;
  std::string cannot_because_en;
  int seen(Outcome outcome) const { return outcomes[static_cast<std::size_t>(outcome)]; }
};

struct RuleSetCoverage {
  std::string path;  ///< as the user named the rule set
  std::string id;
  std::string version;
  int tests_passed = 0;
  int tests_failed = 0;
  /// Other rule sets whose tests exercised rules of this one, in order.
  std::vector<std::string> counted_from;
  std::vector<DecisionCoverage> decisions;  ///< in the rule set's order
  /// Decisions without a gap.
  std::size_t fully_covered() const {
    std::size_t count = 0;
    for (const auto& decision : decisions)
      count += decision.gaps.empty() ? 1 : 0;
    return count;
  }
  std::size_t gaps() const {
    std::size_t count = 0;
    for (const auto& decision : decisions)
      count += decision.gaps.size();
    return count;
  }
};

/// The coverage of `rules` by checked results (TestReport::checked, with
/// `tested_in` set) of its own tests and of any others run with it: a result
/// counts for the decision written at its place.
/// `own_path` names `rules` as the caller did (results tested in it are its own).
RuleSetCoverage compute_coverage(const CompiledRuleSet& rules,
                                 const std::vector<CheckedResult>& checked,
                                 const std::string& own_path = {});

}  // namespace cadre::engine
