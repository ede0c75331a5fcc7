// Small lookups over the rule-set model that several stages need: a decision
// kind's name, a record kind by id, and the kinds a rule about a subject may read (the subject and
// the kinds it belongs to, cadre → village → town).
#pragma once

#include <string>
#include <vector>

#include "model/ruleset.hpp"

namespace cadre::model {

/// The format's word for a decision kind: "eligibility", "warning", "exit",
/// "pay", "assessment", "allocation".
const char* decision_kind_name(DecisionKind kind);

/// The format's word for a group value's aggregate: "count", "sum", "min",
/// "max", "any", "all", "list".
const char* aggregate_kind_name(AggregateKind kind);

/// The format's word for an exit action: "dismissal", "ordered_resignation",
/// "recall", "programme_exit", "referral", "stand_down".
const char* exit_action_name(ExitAction action);

/// Every expression written in a decision or derived value (conditions,
/// formulas, tables, allocation, flags, warning, period), in model order:
/// what it reads. Message templates are not among them.
std::vector<const Expression*> expressions_of(const Decision& decision);
std::vector<const Expression*> expressions_of(const Derived& derived);

/// The record kind called `id`, or null.
const RecordKind* find_record_kind(const RuleSet& rules, const std::string& id);

/// `subject` followed by the kinds it belongs to, nearest first (empty for an
/// empty subject; a belongs_to loop stops at the first repeat).
std::vector<std::string> readable_kinds(const RuleSet& rules, const std::string& subject);

}  // namespace cadre::model
