// Deciding one decision for one record, by its kind: eligibility (conditions
// and disqualifiers), exit and warning triggers (with the warning lifecycle),
// pay (components, rounding, exact total), assessment (formula or decision
// table). A cohort allocation needs its population: here it is read from the
// record's own facts (`from_record`) or undetermined.
#pragma once

#include <string_view>

#include "cadre/decision.hpp"
#include "cadre/expression.hpp"
#include "compile/compiled_ruleset.hpp"
#include "engine/conditions.hpp"

namespace cadre::engine {

/// The decision and the value later rules read under its id (true/false for
/// eligibility and triggers, the status of a warning, the amount of pay, or
/// unknown with the reasons when undetermined).
struct Decided {
  DecisionResult result;
  Value value;
  /// Eligibility: what left it ineligible or undetermined is its requirement
  /// alone (conditions or gates unmet or unknown; no disqualifier applies or
  /// may apply, nothing else open). While its period runs it may still be met.
  bool requirement_only = false;
};

Decided decide(const CompiledDecision& decision, const Activation& facts, const Explain& explain);

/// The code of an undetermined result for which no path recorded a reason:
/// an engine fault, said as such (and failed by `cadre-policy test`).
inline constexpr std::string_view kNoRecordedReason =
    "error:undetermined without a recorded reason";

/// The decision's name, kind, citation and qualifier flags, before deciding.
Decided start_decision(const CompiledDecision& decision);

/// What later rules read of a decision that does not apply to the record
/// (docs/rules.md "Reading a decision that does not apply"): `false` for an
/// eligibility, exit or allocation (not met, not triggered, not allocated;
/// tier 0), the label `not_applicable` for gates, `clear` for a warning, and
/// for a value (pay, an assessment) an unknown with `not_applicable:<id>`.
Value not_applicable_value(const CompiledDecision& decision);

/// An eligibility requirement counted over a period (`period.last_day`):
/// unmet or unknown while the period runs, it is `pending`; unmet when the
/// period's last day is unknown, it is undetermined with what is missing.
void settle_period(const CompiledDecision& decision, const Activation& facts, Date as_of,
                   Decided& out);

/// Completes a decided result: the value later rules read (unknown with the
/// reasons when undetermined) and sorted lists.
void finish_decision(Decided& out);

/// Adds the flags whose condition holds for the facts (those without one too).
void add_flags(const std::vector<CompiledFlag>& flags, const Activation& facts,
               DecisionResult& result);

/// The decision's own message template, rendered against the facts.
void render_message(const CompiledDecision& decision, const Activation& facts,
                    DecisionResult& result);

}  // namespace cadre::engine
