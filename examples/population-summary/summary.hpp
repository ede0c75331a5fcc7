// The summary of a population's decisions: per decision, how many records
// took each outcome, why the undetermined ones are undetermined (their most
// common reason codes), and, for pay, the total of the computed amounts as an
// exact decimal.
#pragma once

#include <cadre/decimal.hpp>
#include <cadre/engine.hpp>

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace summary {

struct DecisionSummary {
  std::string id;    ///< the decision's id (a decision made per key: all keys together)
  std::string kind;  ///< eligibility, warning, exit, pay, assessment, allocation
  std::map<cadre::Outcome, int> outcomes;
  std::map<std::string, int> reasons;  ///< reason code → undetermined results giving it
  cadre::Decimal paid;                 ///< pay: the sum of the computed amounts
  int paid_count = 0;
  bool overflow = false;  ///< the sum did not fit a decimal
};

struct PopulationSummary {
  int records = 0;                         ///< records read
  int not_evaluated = 0;                   ///< records with errors (no decisions)
  std::vector<DecisionSummary> decisions;  ///< in the order given by the rule set
};

/// Counts the outputs of a population, decision by decision, in the order
/// of `decision_ids` (CompiledRuleSet::decision_ids()).
PopulationSummary summarize(const std::vector<cadre::RecordOutput>& outputs,
                            const std::vector<std::string>& decision_ids);

/// The summary as text, at most `reasons_shown` reason codes per decision.
void print(std::ostream& out, const PopulationSummary& summary, int reasons_shown = 3);

}  // namespace summary
