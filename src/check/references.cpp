// The reference pass ("check.reference"): the parts a decision of each kind
// needs (a warning's start, period and escalation to an exit decision, an
// exit's actions, an allocation's grouping and quota), and tests that expect
// decisions the rule set defines with outcomes their kind can give.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "load/names.hpp"
#include "model/queries.hpp"

namespace cadre::check {

namespace {

using model::DecisionKind;

constexpr unsigned bit(DecisionKind kind) {
  return 1U << static_cast<unsigned>(kind);
}
constexpr unsigned kAllKinds = bit(DecisionKind::eligibility) | bit(DecisionKind::warning) |
                               bit(DecisionKind::exit) | bit(DecisionKind::pay) |
                               bit(DecisionKind::assessment) | bit(DecisionKind::allocation);

// The outcomes a test may expect, and the kinds of decision that give each.
struct OutcomeInfo {
  std::string_view name;
  unsigned kinds;
};

constexpr OutcomeInfo kOutcomes[] = {
    {"eligible", bit(DecisionKind::eligibility) | bit(DecisionKind::allocation)},
    {"ineligible", bit(DecisionKind::eligibility) | bit(DecisionKind::allocation)},
    {"triggered", bit(DecisionKind::warning) | bit(DecisionKind::exit)},
    {"clear", bit(DecisionKind::warning) | bit(DecisionKind::exit)},
    {"computed", bit(DecisionKind::pay) | bit(DecisionKind::assessment) |
                     bit(DecisionKind::allocation)},  // tiers give a tier number
    {"not_applicable", kAllKinds},
    {"undetermined", kAllKinds},
    {"pending", bit(DecisionKind::eligibility)},  // with a `period`
};

std::string_view kind_name(DecisionKind kind) {
  return model::decision_kind_name(kind);
}

// "an eligibility", "a warning"
std::string with_article(DecisionKind kind) {
  std::string_view name = kind_name(kind);
  bool vowel = std::string_view("aeiou").find(name.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(name);
}

const model::Decision* find_decision(const model::RuleSet& rules, std::string_view id) {
  auto found = std::find_if(rules.decisions.begin(), rules.decisions.end(),
                            [&](const model::Decision& d) { return d.id == id; });
  return found == rules.decisions.end() ? nullptr : &*found;
}

std::vector<std::string_view> decision_ids(const model::RuleSet& rules) {
  std::vector<std::string_view> ids;
  for (const auto& decision : rules.decisions)
    ids.push_back(decision.id);
  return ids;
}

void check_escalation(PassContext& context, const model::Decision& decision) {
  const std::string& target = decision.warning.escalate_to;
  if (target.empty()) return;
  model::OriginId at = first_origin(decision.warning.escalate_origin, decision.origin);
  std::string head = backticked(decision.id) + " escalates to " + backticked(target);
  const model::Decision* exit = find_decision(context.rules(), target);
  if (exit == nullptr) {
    context.error(at, Code::reference, head + ", which is not a decision of the rule set",
                  load::did_you_mean(target, decision_ids(context.rules())));
  } else if (exit->kind != DecisionKind::exit) {
    context.error(at, Code::reference,
                  head + ", which is " + with_article(exit->kind) + " decision, not an exit",
                  "`escalate_to` names the exit decision that follows a failed review");
  }
}

void check_warning(PassContext& context, const model::Decision& decision) {
  for (const auto& [part, key] :
       {std::pair{&decision.warning.start, "warning.start"},
        std::pair{&decision.warning.period_months, "warning.period_months"}}) {
    if (!part->empty()) continue;
    context.error(decision.origin, Code::reference,
                  "warning decision " + backticked(decision.id) + " has no `" + key + "`",
                  "a warning period needs the date it starts and its length in months");
  }
  check_escalation(context, decision);
}

void check_allocation(PassContext& context, const model::Decision& decision) {
  std::string name = "allocation " + backticked(decision.id);
  if (!decision.allocation) {
    context.error(decision.origin, Code::reference, name + " has no `allocation`",
                  "give `allocation:` with `group_by` and a `quota` or `tiers`");
    return;
  }
  const model::Allocation& allocation = *decision.allocation;
  model::OriginId at = first_origin(allocation.origin, decision.origin);
  if (allocation.group_by.empty()) {
    context.error(at, Code::reference, name + " has no `group_by`",
                  "name the expression that groups the cohort, e.g. `village.town_id`");
  }
  bool quota = !allocation.quota_ratio.empty() || !allocation.quota_count.empty();
  if (!quota && allocation.tier_shares.empty()) {
    context.error(at, Code::reference, name + " has neither a `quota` nor `tiers`",
                  "give `quota: {ratio, rounding}`, `quota: {count}` or `tiers: [...]`");
  }
}

void check_decision(PassContext& context, const model::Decision& decision) {
  switch (decision.kind) {
    case DecisionKind::warning:
      check_warning(context, decision);
      break;
    case DecisionKind::exit:
      if (decision.actions.empty() && !decision.actions_unspecified) {
        context.error(decision.origin, Code::reference,
                      "exit decision " + backticked(decision.id) + " names no `actions`",
                      "list at least one of dismissal, ordered_resignation, recall, "
                      "programme_exit, referral, stand_down, or write `actions: unspecified` "
                      "when the text names none");
      }
      break;
    case DecisionKind::allocation:
      check_allocation(context, decision);
      break;
    default:
      break;
  }
}

// "eligible, ineligible, not_applicable or undetermined"
std::string outcomes_for(unsigned kinds, bool with_period = true) {
  std::vector<std::string_view> names;
  for (const auto& outcome : kOutcomes) {
    if (outcome.name == "pending" && !with_period) continue;
    if ((outcome.kinds & kinds) == kinds) names.push_back(outcome.name);
  }
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == names.size() ? " or " : ", ") + std::string(names[k]);
  }
  return out;
}

void check_expectation(PassContext& context, const model::TestCase& test,
                       const model::ExpectedDecision& expected) {
  model::OriginId at = first_origin(expected.origin, test.origin);
  std::string head = "test " + backticked(test.name) + " expects ";
  const model::Decision* decision = find_decision(context.rules(), expected.decision);
  if (decision == nullptr) {
    context.error(
        at, Code::reference,
        head + "decision " + backticked(expected.decision) + ", which the rule set does not define",
        load::did_you_mean(expected.decision, decision_ids(context.rules())));
    return;
  }
  if (decision->for_each && expected.key.empty()) {
    context.error(at, Code::reference,
                  head + backticked(expected.decision) + ", which is decided per key",
                  "name the key: `" + expected.decision + "[KEY]`, or `" + expected.decision +
                      "[?]` for the one result given when its keys cannot be read");
  } else if (!decision->for_each && !expected.key.empty()) {
    context.error(at, Code::reference,
                  head + backticked(expected.result_id()) + ", but " +
                      backticked(expected.decision) + " is not decided per key",
                  "write `" + expected.decision + "`, or give the decision a `for_each`");
  }
  if (expected.outcome == "pending" && decision->period_last_day.empty()) {
    context.error(
        first_origin(expected.outcome_origin, at), Code::reference,
        head + "outcome `pending` of " + backticked(expected.decision) + ", which has no `period`",
        "only a requirement counted over a period can be pending");
  }
  auto outcome = std::find_if(std::begin(kOutcomes), std::end(kOutcomes),
                              [&](const OutcomeInfo& o) { return o.name == expected.outcome; });
  at = first_origin(expected.outcome_origin, at);
  if (outcome == std::end(kOutcomes)) {
    context.error(at, Code::reference,
                  head + "outcome " + backticked(expected.outcome) + " of " +
                      backticked(expected.decision) + ", which is not an outcome",
                  "expected " + outcomes_for(0));
  } else if ((outcome->kinds & bit(decision->kind)) == 0) {
    context.error(
        at, Code::reference,
        head + "outcome " + backticked(expected.outcome) + " of " + backticked(expected.decision) +
            ", " + with_article(decision->kind) + " decision",
        "expected " + outcomes_for(bit(decision->kind), !decision->period_last_day.empty()));
  }
}

}  // namespace

void check_references(PassContext& context) {
  // A rule set with nothing to decide is almost always a mistake (an include
  // left out); a base of shared vocabulary says so with `abstract: true`.
  if (context.rules().decisions.empty() && !context.rules().metadata.abstract) {
    context.warning(context.rules().metadata.origin, Code::no_decisions,
                    "rule set " + backticked(context.rules().metadata.id) +
                        " has no decisions: it decides nothing",
                    "include the files that hold its decisions, or add some; a rule set of "
                    "shared vocabulary for others to extend says `abstract: true`");
  }
  for (const auto& decision : context.rules().decisions)
    check_decision(context, decision);
  for (const auto& test : context.rules().tests) {
    for (const auto& [record, expectations] : test.expect) {
      for (const auto& expected : expectations)
        check_expectation(context, test, expected);
    }
  }
}

}  // namespace cadre::check
