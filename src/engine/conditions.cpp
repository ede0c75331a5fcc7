// Condition trees and message templates.
#include "engine/conditions.hpp"

#include <iterator>

#include "engine/outcome_builder.hpp"

namespace cadre::engine {

namespace {

Reason leaf(const CompiledCondition& condition, const Activation& facts, const Explain& explain) {
  Reason reason;
  if (!condition.when.program) {
    reason.error = "the condition did not compile";
    return reason;
  }
  Value value = condition.when.program->evaluate(facts);
  if (value.kind() == ValueKind::boolean) {
    reason.status = value.as_bool() ? ReasonStatus::passed : ReasonStatus::failed;
    if (explain.on && !value.as_bool()) {
      // Only a condition on the date (an age, a tenure) can flip by waiting.
      static const FactsOn kNoDates;
      reason.hint = hint_for(*condition.when.program, facts, explain.as_of,
                             condition.reads_date ? explain.facts_on : kNoDates);
    }
  } else if (value.is_unknown()) {
    add_unknowns(value, reason.missing);
  } else if (value.is_error()) {
    reason.error = value.as_error().message;
  } else {
    reason.error = "the condition gave a " + std::string(value_kind_name(value.kind()));
  }
  return reason;
}

// `all` (decisive = failed) and `any` (decisive = passed).
ReasonStatus combine(const std::vector<Reason>& children, ReasonStatus decisive) {
  bool unknown = false;
  for (const Reason& child : children) {
    if (child.status == decisive) return decisive;
    unknown |= child.status == ReasonStatus::unknown;
  }
  if (unknown) return ReasonStatus::unknown;
  return decisive == ReasonStatus::failed ? ReasonStatus::passed : ReasonStatus::failed;
}

// The leaf's status, noting what keeps it unknown.
ReasonStatus judge_leaf(const CompiledCondition& condition, const Activation& facts,
                        VerdictNotes& notes) {
  if (!condition.when.program) {
    notes.errors.emplace_back("the condition did not compile");
    return ReasonStatus::unknown;
  }
  Value value = condition.when.program->evaluate(facts);
  if (value.kind() == ValueKind::boolean) {
    return value.as_bool() ? ReasonStatus::passed : ReasonStatus::failed;
  }
  if (value.is_unknown()) {
    notes.unknowns.push_back(std::move(value));
  } else if (value.is_error()) {
    notes.errors.push_back(value.as_error().message);
  } else {
    notes.errors.push_back("the condition gave a " + std::string(value_kind_name(value.kind())));
  }
  return ReasonStatus::unknown;
}

}  // namespace

Verdict judge_condition(const CompiledCondition& condition, const Activation& facts,
                        ReasonStatus if_empty, VerdictNotes& notes) {
  const model::Condition& model = *condition.model;
  Verdict verdict;
  if (model.group == model::Condition::Group::leaf) {
    verdict.status = model.when.empty() ? if_empty : judge_leaf(condition, facts, notes);
    verdict.soft_failure = verdict.status != ReasonStatus::failed || model.soft;
    return verdict;
  }
  // As evaluate_condition: `all` is decided by a failure, `any` by a pass.
  bool all = model.group == model::Condition::Group::all;
  ReasonStatus decisive = all ? ReasonStatus::failed : ReasonStatus::passed;
  bool unknown = false;
  bool decided = false;
  bool soft = true;
  // Only the parts still unknown say what the group misses: a part that
  // passed or failed is settled whatever its own parts miss.
  VerdictNotes open;
  for (const auto& child : condition.children) {
    VerdictNotes part_notes;
    Verdict part = judge_condition(child, facts, ReasonStatus::unknown, part_notes);
    decided = decided || part.status == decisive;
    unknown = unknown || part.status == ReasonStatus::unknown;
    soft = soft && part.soft_failure;
    if (part.status != ReasonStatus::unknown) continue;
    std::move(part_notes.unknowns.begin(), part_notes.unknowns.end(),
              std::back_inserter(open.unknowns));
    std::move(part_notes.errors.begin(), part_notes.errors.end(), std::back_inserter(open.errors));
  }
  verdict.status = decided   ? decisive
                   : unknown ? ReasonStatus::unknown
                   : all     ? ReasonStatus::passed
                             : ReasonStatus::failed;
  if (verdict.status == ReasonStatus::unknown) {
    std::move(open.unknowns.begin(), open.unknowns.end(), std::back_inserter(notes.unknowns));
    std::move(open.errors.begin(), open.errors.end(), std::back_inserter(notes.errors));
  }
  verdict.soft_failure = verdict.status != ReasonStatus::failed || soft || model.soft;
  return verdict;
}

std::string plain_text(const Value& value) {
  switch (value.kind()) {
    case ValueKind::string:
      return value.as_string();
    case ValueKind::enumeration:
      return value.as_enum().name();
    case ValueKind::decimal:
      return value.as_decimal().to_string();
    case ValueKind::date:
      return value.as_date().to_string();
    case ValueKind::unknown:
    case ValueKind::error:
      return "?";
    default:
      return value.debug_string();
  }
}

std::vector<std::pair<std::string, Value>> read_facts(const std::vector<FactProbe>& probes,
                                                      const Activation& facts) {
  std::vector<std::pair<std::string, Value>> out;
  out.reserve(probes.size());
  for (const auto& [name, probe] : probes) {
    out.emplace_back(name, probe.program ? probe.program->evaluate(facts) : Value());
  }
  return out;
}

namespace {

/// The placeholders' texts of one message, each expression evaluated once
/// however often the two languages write it (`{cadre.town_rank}` in both).
class PlaceholderTexts {
 public:
  explicit PlaceholderTexts(const Activation& facts) : facts_(facts) {}

  void append(std::string& out, const CompiledExpression& expression) {
    for (const auto& [text, value] : done_) {
      if (text == expression.text) {
        out += value;
        return;
      }
    }
    std::string value = expression.program ? plain_text(expression.program->evaluate(facts_)) : "?";
    out += value;
    done_.emplace_back(expression.text, std::move(value));
  }

 private:
  const Activation& facts_;
  std::vector<std::pair<std::string_view, std::string>> done_;
};

void render_into(std::string& out,
                 const std::vector<std::variant<std::string, CompiledExpression>>& parts,
                 PlaceholderTexts& placeholders) {
  for (const auto& part : parts) {
    if (const auto* text = std::get_if<std::string>(&part)) {
      out += *text;
    } else {
      placeholders.append(out, std::get<CompiledExpression>(part));
    }
  }
}

}  // namespace

void render_both(const CompiledMessage& message, const Activation& facts, std::string& zh,
                 std::string& en) {
  PlaceholderTexts placeholders(facts);
  render_into(zh, message.zh, placeholders);
  render_into(en, message.en, placeholders);
}

Reason evaluate_condition(const CompiledCondition& condition, const Activation& facts,
                          ReasonStatus if_empty, const Explain& explain) {
  const model::Condition& model = *condition.model;
  Reason reason;
  bool empty = model.group == model::Condition::Group::leaf && model.when.empty();
  if (empty) {
    reason.status = if_empty;  // no conditions of this kind were written
  } else if (model.group == model::Condition::Group::leaf) {
    reason = leaf(condition, facts, explain);
  } else {
    for (const auto& child : condition.children) {
      reason.children.push_back(evaluate_condition(child, facts, ReasonStatus::unknown, explain));
    }
    bool all = model.group == model::Condition::Group::all;
    reason.status = combine(reason.children, all ? ReasonStatus::failed : ReasonStatus::passed);
  }
  reason.id = model.id;
  reason.soft = model.soft;
  if (!explain.on) return reason;
  reason.cite = model.cite.provision;
  reason.expression = model.when.text;
  reason.facts = read_facts(condition.facts, facts);
  render_both(condition.message, facts, reason.message_zh, reason.message_en);
  return reason;
}

}  // namespace cadre::engine
