// Decision evaluation by kind.
#include "engine/decisions.hpp"

#include "engine/outcome_builder.hpp"
#include "engine/tables.hpp"

namespace cadre::engine {

const char* kind_name(model::DecisionKind kind) {
  switch (kind) {
    case model::DecisionKind::eligibility:
      return "eligibility";
    case model::DecisionKind::warning:
      return "warning";
    case model::DecisionKind::exit:
      return "exit";
    case model::DecisionKind::pay:
      return "pay";
    case model::DecisionKind::assessment:
      return "assessment";
    default:
      return "allocation";
  }
}

namespace {

void collect_missing(const Reason& reason, DecisionResult& result) {
  for (const auto& attribute : reason.missing) {
    add_unknowns(Value::unknown(attribute), result);
  }
  if (!reason.error.empty()) result.undetermined.push_back("error:" + reason.error);
  for (const auto& child : reason.children)
    collect_missing(child, result);
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
    if (conditions.soft_failure) result.flags.push_back("soft");
  } else if (conditions.status == ReasonStatus::unknown ||
             disqualifiers.status == ReasonStatus::unknown) {
    note_missing(notes, result);
  } else if (decision.model->truncated_text) {
    result.undetermined.push_back("truncated_text");
  } else {
    result.outcome = Outcome::eligible;
  }
  if (result.outcome != Outcome::undetermined) out.value = result.outcome == Outcome::eligible;
}

void eligibility(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
                 Decided& out) {
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
    if (failure_is_soft(conditions)) result.flags.push_back("soft");
  } else if (conditions.status == ReasonStatus::unknown ||
             disqualifiers.status == ReasonStatus::unknown) {
    collect_missing(conditions, result);
    collect_missing(disqualifiers, result);
  } else if (decision.model->truncated_text) {
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

// The warning lifecycle: in_period until start + months, then lifted,
// failed or awaiting_review by the review result.
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
  Value start = decision.warning_start.program ? decision.warning_start.program->evaluate(facts)
                                               : Value::unknown("warning.start");
  Value months = decision.warning_months.program ? decision.warning_months.program->evaluate(facts)
                                                 : Value::unknown("warning.period_months");
  if (start.kind() != ValueKind::date || months.kind() != ValueKind::integer) {
    result.outcome = Outcome::undetermined;
    add_unknowns(start, result);
    add_unknowns(months, result);
    return;
  }
  auto end = Date::add_months(start.as_date(), months.as_int());
  if (end && as_of < *end) {
    out.value = status_value("in_period");
    result.value = out.value;
    result.flags.push_back("until:" + end->to_string());
    return;
  }
  Value review =
      decision.warning_review.program ? decision.warning_review.program->evaluate(facts) : Value();
  std::string verdict = review.kind() == ValueKind::string        ? review.as_string()
                        : review.kind() == ValueKind::enumeration ? review.as_enum().name()
                                                                  : "";
  out.value = status_value(verdict == "pass"   ? "lifted"
                           : verdict == "fail" ? "failed"
                                               : "awaiting_review");
}

void assessment(const CompiledDecision& decision, const Activation& facts, Decided& out);

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
    add_unknowns(value, out.result);
    if (value.is_error()) out.result.undetermined.push_back("error:" + value.as_error().message);
  }
}

Value rounded(const Value& amount, const model::Rounding& rounding) {
  if (amount.kind() != ValueKind::decimal || !rounding.given) return amount;
  const Decimal& value = amount.as_decimal();
  DecimalResult result = rounding.mode == "floor"     ? value.round_floor(rounding.places)
                         : rounding.mode == "ceiling" ? value.round_ceiling(rounding.places)
                                                      : value.round_half_up(rounding.places);
  return result.ok() ? Value(result.value) : Value::error("decimal overflow");
}

// One line of the pay breakdown: the formula, the parameters in force that it
// read, the rounding it states and the amount.
PayLine pay_line(const CompiledDecision& decision, std::size_t i, const Activation& facts,
                 const Value& amount) {
  const model::PayComponent& component = decision.model->components[i];
  PayLine line;
  line.id = component.id;
  line.formula = component.formula.text;
  line.cite = component.cite.provision;
  line.amount = amount;
  if (component.round.given) {
    line.places = component.round.places;
    line.rounding = component.round.mode;
  }
  line.parameters = read_facts(decision.component_facts[i], facts);
  return line;
}

void pay(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
         Decided& out) {
  if (decision.table) {
    assessment(decision, facts, out);
    return;
  }
  Decimal total;
  bool known = true;
  for (std::size_t i = 0; i < decision.components.size(); ++i) {
    const auto& program = decision.components[i].program;
    Value amount = program ? program->evaluate(facts) : Value::unknown("pay.component");
    if (amount.kind() == ValueKind::integer) amount = Decimal::from_int(amount.as_int());
    amount = rounded(amount, decision.model->components[i].round);
    if (explain.on) out.result.components.push_back(pay_line(decision, i, facts, amount));
    if (amount.kind() != ValueKind::decimal) {
      known = false;
      add_unknowns(amount, out.result);
      if (amount.is_error())
        out.result.undetermined.push_back("error:" + amount.as_error().message);
      continue;
    }
    total = Decimal::add(total, amount.as_decimal()).value;
  }
  if (!known) return;
  out.result.outcome = Outcome::computed;
  out.value = total;
}

void assessment(const CompiledDecision& decision, const Activation& facts, Decided& out) {
  Value value;
  if (decision.table) {
    value = evaluate_table(*decision.table, facts);
  } else if (decision.formula.program) {
    value = decision.formula.program->evaluate(facts);
  } else {
    return;
  }
  value = rounded(value, decision.model->round);
  if (value.is_exceptional()) {
    add_unknowns(value, out.result);
    if (value.is_error()) out.result.undetermined.push_back("error:" + value.as_error().message);
    return;
  }
  out.result.outcome = Outcome::computed;
  out.value = value;
}

}  // namespace

Decided start_decision(const CompiledDecision& decision) {
  Decided out;
  const model::Decision& model = *decision.model;
  out.result.id = model.id;
  out.result.kind = kind_name(model.kind);
  out.result.cite = model.cite.provision;
  if (model.soft) out.result.flags.push_back("soft");
  if (model.discretionary) out.result.flags.push_back("discretionary");
  for (const auto& flag : model.flags)
    out.result.flags.push_back(flag);
  return out;
}

void finish_decision(Decided& out) {
  if (out.result.outcome == Outcome::undetermined) {
    out.value = unknown_of(out.result);
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
    return out;
  }
  if (applies.kind() != ValueKind::boolean) {
    add_unknowns(applies, out.result);
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
  }
  if (explain.on) render_message(decision, facts, out.result);
  finish_decision(out);
  return out;
}

void render_message(const CompiledDecision& decision, const Activation& facts,
                    DecisionResult& result) {
  if (decision.message.zh.empty() && decision.message.en.empty()) return;
  result.message_zh = render(decision.message.zh, facts);
  result.message_en = render(decision.message.en, facts);
}

}  // namespace cadre::engine
