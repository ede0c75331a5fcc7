// Decision evaluation by kind.
#include "engine/decisions.hpp"

#include <algorithm>

#include "core/access.hpp"
#include "engine/amounts.hpp"
#include "engine/outcome_builder.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

// What keeps `reason` unknown: only parts still unknown count, since a part
// that passed or failed is settled whatever its own parts miss.
void collect_missing(const Reason& reason, DecisionResult& result) {
  if (reason.status != ReasonStatus::unknown) return;
  for (const auto& attribute : reason.missing) {
    add_unknowns(Value::unknown(attribute), result);
  }
  if (!reason.error.empty()) result.undetermined.push_back("error:" + reason.error);
  for (const auto& child : reason.children)
    collect_missing(child, result);
}

bool has_error(const DecisionResult& result) {
  return std::any_of(result.undetermined.begin(), result.undetermined.end(),
                     [](const std::string& code) { return code.starts_with("error:"); });
}

// True when every failed leaf under `reason` is soft. Unknown leaves do not
// count: SCENARIOS.md S-34 reads a failed soft condition as a soft negative
// even while a hard condition is still open.
bool failure_is_soft(const Reason& reason) {
  if (reason.status != ReasonStatus::failed) return true;
  if (reason.children.empty()) return reason.soft;
  bool soft = true;
  for (const auto& child : reason.children)
    soft = soft && failure_is_soft(child);
  return soft || reason.soft;
}

Value unknown_of(const DecisionResult& result) {
  UnknownSet set;
  set.attributes = result.missing;
  for (const auto& code : result.undetermined) {
    if (!code.starts_with("missing_fact:")) set.attributes.push_back(code);
  }
  if (set.attributes.empty()) set.attributes.push_back("undetermined:" + result.id);
  return Value::unknown(std::move(set));
}

// False for a part of a decision that was left out (no disqualifiers).
bool written(const CompiledCondition& condition) {
  const model::Condition& model = *condition.model;
  return model.group != model::Condition::Group::leaf || !model.when.empty();
}

void note_missing(const VerdictNotes& notes, DecisionResult& result) {
  for (const auto& unknown : notes.unknowns)
    add_unknowns(unknown, result);
  for (const auto& error : notes.errors)
    result.undetermined.push_back("error:" + error);
}

// The provision's text is cut: a positive result could still change,
// unless the switch named by `unless_switch` declares the conditions complete.
bool truncated(const CompiledDecision& decision, const Activation& facts) {
  if (!decision.model->truncated_text) return false;
  const Value* complete =
      decision.unless_slot >= 0 ? internal::bound_slot(facts, decision.unless_slot) : nullptr;
  if (complete == nullptr) return true;
  std::string name = complete->kind() == ValueKind::enumeration ? complete->as_enum().name()
                     : complete->kind() == ValueKind::boolean
                         ? (complete->as_bool() ? "true" : "false")
                         : "";
  return name != "true";
}

// Eligibility without an explanation: the same outcome from statuses alone.
void quick_eligibility(const CompiledDecision& decision, const Activation& facts, Decided& out) {
  DecisionResult& result = out.result;
  VerdictNotes notes;
  Verdict disqualifiers = judge_condition(decision.none, facts, ReasonStatus::failed, notes);
  if (disqualifiers.status == ReasonStatus::passed) {
    result.outcome = Outcome::ineligible;  // settled whatever else is unknown
    out.value = false;
    return;
  }
  Verdict conditions = judge_condition(decision.all, facts, ReasonStatus::passed, notes);
  if (conditions.status == ReasonStatus::failed) {
    result.outcome = Outcome::ineligible;
    out.requirement_only = true;
    if (conditions.soft_failure) result.flags.push_back("soft");
  } else if (conditions.status == ReasonStatus::unknown ||
             disqualifiers.status == ReasonStatus::unknown) {
    note_missing(notes, result);
    bool open = truncated(decision, facts);
    if (open) result.undetermined.push_back("truncated_text");
    out.requirement_only =
        !open && disqualifiers.status == ReasonStatus::failed && !has_error(result);
  } else if (truncated(decision, facts)) {
    result.undetermined.push_back("truncated_text");
  } else {
    result.outcome = Outcome::eligible;
  }
  if (result.outcome != Outcome::undetermined) out.value = result.outcome == Outcome::eligible;
}

// Gates passed in order (HP-ELIG-02): the first gate known to fail decides,
// even when an earlier gate is unknown (a failed later gate excludes the
// applicant whatever the earlier one would say); otherwise an unknown gate
// leaves the result undetermined.
void gated(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
           Decided& out) {
  DecisionResult& result = out.result;
  const model::Decision& model = *decision.model;
  std::vector<Reason> reasons;
  int failed = -1;
  bool unknown = false;
  for (std::size_t i = 0; i < decision.gates.size(); ++i) {
    Reason gate = evaluate_condition(decision.gates[i], facts, ReasonStatus::passed, explain);
    if (gate.status == ReasonStatus::failed && failed < 0) failed = static_cast<int>(i);
    if (gate.status == ReasonStatus::unknown && failed < 0) {
      unknown = true;
      collect_missing(gate, result);
    }
    if (explain.on) reasons.push_back(std::move(gate));
    if (failed >= 0 && !explain.on) break;
  }
  if (failed >= 0) {
    // Settled: what the earlier unknown gates miss does not change it.
    result.missing.clear();
    result.undetermined.clear();
    result.outcome = Outcome::ineligible;
    out.value = Value(model.gates[static_cast<std::size_t>(failed)].failed);
    out.requirement_only = true;
  } else if (!unknown) {
    result.outcome = Outcome::eligible;
    out.value = Value(model.passed);
  } else {
    out.requirement_only = !has_error(result);
  }
  if (explain.on) {
    Reason group;
    group.status = failed >= 0 ? ReasonStatus::failed
                   : unknown   ? ReasonStatus::unknown
                               : ReasonStatus::passed;
    group.children = std::move(reasons);
    result.reasons.push_back(std::move(group));
  }
}

void eligibility(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
                 Decided& out) {
  if (!decision.gates.empty()) {
    gated(decision, facts, explain, out);
    return;
  }
  if (!explain.on) {
    quick_eligibility(decision, facts, out);
    return;
  }
  DecisionResult& result = out.result;
  Reason disqualifiers = evaluate_condition(decision.none, facts, ReasonStatus::failed, explain);
  Reason conditions = evaluate_condition(decision.all, facts, ReasonStatus::passed, explain);
  if (disqualifiers.status == ReasonStatus::passed) {
    result.outcome = Outcome::ineligible;  // settled whatever else is unknown
  } else if (conditions.status == ReasonStatus::failed) {
    result.outcome = Outcome::ineligible;
    out.requirement_only = true;
    if (failure_is_soft(conditions)) result.flags.push_back("soft");
  } else if (conditions.status == ReasonStatus::unknown ||
             disqualifiers.status == ReasonStatus::unknown) {
    collect_missing(conditions, result);
    collect_missing(disqualifiers, result);
    // Even once the unknowns are known, the lost text could still change it.
    bool open = truncated(decision, facts);
    if (open) result.undetermined.push_back("truncated_text");
    out.requirement_only =
        !open && disqualifiers.status == ReasonStatus::failed && !has_error(result);
  } else if (truncated(decision, facts)) {
    result.undetermined.push_back("truncated_text");
  } else {
    result.outcome = Outcome::eligible;
  }
  if (result.outcome == Outcome::eligible || result.outcome == Outcome::ineligible) {
    out.value = result.outcome == Outcome::eligible;
  }
  if (!explain.on) return;  // statuses and missing facts are all a bulk run keeps
  if (written(decision.all)) result.reasons.push_back(std::move(conditions));
  if (written(decision.none)) result.reasons.push_back(std::move(disqualifiers));
}

void trigger(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
             Decided& out) {
  if (!explain.on) {
    VerdictNotes notes;
    Verdict triggers = judge_condition(decision.trigger, facts, ReasonStatus::failed, notes);
    if (triggers.status == ReasonStatus::unknown) {
      note_missing(notes, out.result);
    } else {
      bool fired = triggers.status == ReasonStatus::passed;
      out.result.outcome = fired ? Outcome::triggered : Outcome::clear;
      out.value = fired;
    }
    return;
  }
  Reason triggers = evaluate_condition(decision.trigger, facts, ReasonStatus::failed, explain);
  if (triggers.status == ReasonStatus::unknown) {
    collect_missing(triggers, out.result);
  } else {
    bool fired = triggers.status == ReasonStatus::passed;
    out.result.outcome = fired ? Outcome::triggered : Outcome::clear;
    out.value = fired;
  }
  if (explain.on) out.result.reasons.push_back(std::move(triggers));
}

// The warning lifecycle: a triggered warning whose talk is not held
// yet is `talk_due`; then in_period until start + months (exclusive), then
// lifted, failed or awaiting_review by the review result.
void warning(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
             Decided& out) {
  const Date as_of = explain.as_of;
  trigger(decision, facts, explain, out);
  DecisionResult& result = out.result;
  const auto status = decision.value_type.enum_type_shared();
  auto status_value = [&](const char* name) {
    return Value(EnumValue{status, status->find(name)});
  };
  if (result.outcome == Outcome::clear) {
    out.value = status_value("clear");
    return;
  }
  if (result.outcome != Outcome::triggered) return;
  auto undetermined_by = [&](const Value& value, const char* what) {
    result.outcome = Outcome::undetermined;
    add_unknowns(value, result);
    if (value.is_error()) {
      result.undetermined.push_back("error:" + std::string(what) + ": " + value.as_error().message);
    } else if (!value.is_unknown()) {
      result.undetermined.push_back(
          "error:" + std::string(what) + " is not a " +
          (std::string_view(what) == "warning.start" ? "date" : "number"));
    }
  };
  if (decision.warning_held.program) {
    Value held = decision.warning_held.program->evaluate(facts);
    if (held.kind() != ValueKind::boolean) {
      undetermined_by(held, "warning.held");
      return;
    }
    if (!held.as_bool()) {
      out.value = status_value("talk_due");
      return;
    }
  }
  Value start = decision.warning_start.program ? decision.warning_start.program->evaluate(facts)
                                               : Value::unknown("warning.start");
  Value months = decision.warning_months.program ? decision.warning_months.program->evaluate(facts)
                                                 : Value::unknown("warning.period_months");
  if (start.kind() != ValueKind::date) {
    undetermined_by(start, "warning.start");
    return;
  }
  if (months.kind() != ValueKind::integer) {
    undetermined_by(months, "warning.period_months");
    return;
  }
  auto end = Date::add_months(start.as_date(), months.as_int());
  if (end && as_of < *end) {
    out.value = status_value("in_period");
    result.value = out.value;
    // The period excludes its end date: its last day is the day before.
    if (auto last = Date::add_days(*end, -1))
      result.flags.push_back("through:" + last->to_string());
    return;
  }
  // The period is over: the review decides. A result that cannot be read
  // (its date or the result itself unknown) may be a failed review, which
  // triggers an exit: undetermined, not `awaiting_review`.
  if (!decision.warning_review.program) {
    out.value = status_value("awaiting_review");
    return;
  }
  Value review = decision.warning_review.program->evaluate(facts);
  if (review.kind() != ValueKind::string && review.kind() != ValueKind::enumeration) {
    result.outcome = Outcome::undetermined;
    add_reasons(review, result, "warning.review_result", "a review result");
    return;
  }
  std::string verdict =
      review.kind() == ValueKind::string ? review.as_string() : review.as_enum().name();
  out.value = status_value(verdict == "pass"   ? "lifted"
                           : verdict == "fail" ? "failed"
                                               : "awaiting_review");
}

// Without its population, an allocation is read from the record's own facts
// when the rule set says how (`from_record`), else undetermined.
void allocation_from_record(const CompiledDecision& decision, const Activation& facts,
                            Decided& out) {
  if (!decision.from_record.program) {
    add_unknowns(Value::unknown("population"), out.result);  // missing_fact:population
    return;
  }
  Value value = decision.from_record.program->evaluate(facts);
  if (value.kind() == ValueKind::boolean) {
    out.result.outcome = value.as_bool() ? Outcome::eligible : Outcome::ineligible;
    out.value = value;
  } else if (value.kind() == ValueKind::integer) {
    out.result.outcome = Outcome::computed;
    out.value = value;
  } else {
    add_reasons(value, out.result, "from_record", "a bool or a tier number");
  }
}

}  // namespace

void add_flags(const std::vector<CompiledFlag>& flags, const Activation& facts,
               DecisionResult& result) {
  for (const auto& flag : flags) {
    if (flag.when.program) {
      Value holds = flag.when.program->evaluate(facts);
      if (holds.kind() != ValueKind::boolean || !holds.as_bool()) continue;
    }
    result.flags.push_back(flag.model->name);
  }
}

// An unmet requirement counted over a period that has not ended (as_of on
// or before its last day) may still be met: `pending`, not failed; nor can a
// requirement whose facts are unknown have failed yet. A period whose last
// day is unknown may still be running: an unmet requirement is undetermined.
void settle_period(const CompiledDecision& decision, const Activation& facts, Date as_of,
                   Decided& out) {
  if (!decision.period_last_day.program || !out.requirement_only) return;
  DecisionResult& result = out.result;
  const bool unmet = result.outcome == Outcome::ineligible;
  if (!unmet && result.outcome != Outcome::undetermined) return;
  Value last = decision.period_last_day.program->evaluate(facts);
  if (last.kind() != ValueKind::date) {
    // Whether the period is over is itself unknown.
    add_reasons(last, result, "period.last_day", "a date");
    if (unmet) {
      result.outcome = Outcome::undetermined;
      std::erase(result.flags, std::string("soft"));
    }
    finish_decision(out);
    return;
  }
  if (last.as_date() < as_of) return;  // over: unmet is failed, unknown stays so
  result.outcome = Outcome::pending;
  result.flags.push_back("through:" + last.as_date().to_string());
  std::erase(result.flags, std::string("soft"));
  finish_decision(out);
}

Decided start_decision(const CompiledDecision& decision) {
  Decided out;
  const model::Decision& model = *decision.model;
  out.result.id = model.id;
  out.result.kind = model::decision_kind_name(model.kind);
  out.result.cite = model.cite.provision;
  if (model.soft) out.result.flags.push_back("soft");
  if (model.discretionary) out.result.flags.push_back("discretionary");
  for (const auto& flag : model.flags) {
    if (flag.when.empty()) out.result.flags.push_back(flag.name);
  }
  for (auto action : model.actions)
    out.result.actions.emplace_back(model::exit_action_name(action));
  return out;
}

Value not_applicable_value(const CompiledDecision& decision) {
  const model::Decision& model = *decision.model;
  switch (model.kind) {
    case model::DecisionKind::eligibility:
      // Gates give a label: none of them (no gate failed, none passed).
      return decision.gates.empty() ? Value(false) : Value(std::string("not_applicable"));
    case model::DecisionKind::exit:
      return Value(false);
    case model::DecisionKind::allocation:
      return decision.tier_fractions.empty() && decision.tier_shares.empty()
                 ? Value(false)
                 : Value(std::int64_t{0});
    case model::DecisionKind::warning: {
      const auto status = decision.value_type.enum_type_shared();
      if (status && status->find("clear") >= 0)
        return Value(EnumValue{status, status->find("clear")});
      break;
    }
    default:
      break;
  }
  return Value::unknown("not_applicable:" + model.id);
}

void finish_decision(Decided& out) {
  // Every undetermined result says why (the output's contract); a path that
  // found no reason is an engine fault, said as such rather than hidden.
  if (out.result.outcome == Outcome::undetermined && out.result.undetermined.empty()) {
    out.result.undetermined.emplace_back(kNoRecordedReason);
  }
  if (out.result.outcome == Outcome::undetermined) {
    out.value = unknown_of(out.result);
    out.result.value = Value();
  } else if (out.result.outcome == Outcome::pending) {
    // Rules reading a requirement still open cannot decide from it yet; what
    // it misses is what they miss too.
    UnknownSet open;
    open.attributes = out.result.missing;
    open.attributes.push_back("pending:" + out.result.id);
    out.value = Value::unknown(std::move(open));
    out.result.value = Value();
  } else if (out.result.outcome == Outcome::not_applicable) {
    out.result.value = Value();  // later rules read not_applicable_value
  } else {
    out.result.value = out.value;
  }
  tidy(out.result);
}

Decided decide(const CompiledDecision& decision, const Activation& facts, const Explain& explain) {
  Decided out = start_decision(decision);
  const model::Decision& model = *decision.model;
  Value applies =
      decision.applies.program ? decision.applies.program->evaluate(facts) : Value(true);
  if (applies.kind() == ValueKind::boolean && !applies.as_bool()) {
    out.result.outcome = Outcome::not_applicable;
    out.value = not_applicable_value(decision);
    finish_decision(out);
    return out;
  }
  if (applies.kind() != ValueKind::boolean) {
    add_applies_unknown(applies, model.applies.text, out.result);
  } else {
    switch (model.kind) {
      case model::DecisionKind::eligibility:
        eligibility(decision, facts, explain, out);
        break;
      case model::DecisionKind::exit:
        trigger(decision, facts, explain, out);
        break;
      case model::DecisionKind::warning:
        warning(decision, facts, explain, out);
        break;
      case model::DecisionKind::pay:
        pay(decision, facts, explain, out);
        break;
      case model::DecisionKind::assessment:
        assessment(decision, facts, out);
        break;
      case model::DecisionKind::allocation:
        allocation_from_record(decision, facts, out);
        break;
    }
    add_flags(decision.flags, facts, out.result);  // unconditional ones are given already
  }
  if (explain.on) render_message(decision, facts, out.result);
  finish_decision(out);
  return out;
}

void render_message(const CompiledDecision& decision, const Activation& facts,
                    DecisionResult& result) {
  if (decision.message.zh.empty() && decision.message.en.empty()) return;
  render_both(decision.message, facts, result.message_zh, result.message_en);
}

}  // namespace cadre::engine
