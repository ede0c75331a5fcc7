// Compiling the parts of derived values and decisions: conditions, warning
// lifecycle, pay components, decision tables, formulas and allocations.
#include "compile/decision_compiler.hpp"
#include "diagnostics/codes.hpp"

#include <charconv>
#include <optional>

#include <algorithm>

#include "compile/fact_probes.hpp"
#include "core/access.hpp"
#include "model/queries.hpp"

namespace cadre {

namespace {

using K = TypeKind;

std::vector<CompiledFlag> flags(CompileContext& context,
                                const std::vector<model::ConditionalFlag>& model,
                                const std::string& subject);

CompiledCondition condition(CompileContext& context, const model::Condition& model,
                            const std::string& subject) {
  CompiledCondition compiled;
  compiled.model = &model;
  if (model.group == model::Condition::Group::leaf) {
    compiled.when = context.expression(model.when, subject, "`when`", {K::boolean});
    if (compiled.when.program) {
      compiled.facts = fact_probes(context, model.when);
      compiled.reads_date = reads_evaluation_date(context, model.when);
    }
  }
  for (const auto& child : model.children) {
    compiled.children.push_back(condition(context, child, subject));
  }
  compiled.message = context.message(model.message, model.origin, subject);
  return compiled;
}

// Where a rule's cell for `input` is written (the rule when not known).
model::OriginId cell_origin(const model::TableRule& rule, const std::string& input) {
  for (const auto& cell : rule.tests) {
    if (cell.input == input && cell.origin != model::kNoOrigin) return cell.origin;
  }
  return rule.origin;
}

CompiledTable table(CompileContext& context, const model::DecisionTable& model,
                    const std::string& subject) {
  CompiledTable compiled;
  compiled.model = &model;
  for (const auto& input : model.inputs) {
    compiled.inputs.push_back(context.expression(input.expr, subject, "a table input", {}));
    const auto& program = compiled.inputs.back().program;
    compiled.input_types.push_back(program ? program->result_type() : Type::dyn());
  }
  for (const auto& rule : model.rules) {
    CompiledTableRule compiled_rule;
    compiled_rule.model = &rule;
    compiled_rule.cells.resize(model.inputs.size());
    for (const auto& [input, text] : rule.cells) {
      std::size_t index = 0;
      while (index < model.inputs.size() && model.inputs[index].id != input)
        ++index;
      if (index == model.inputs.size()) {
        context.error(rule.origin, code::compile_table,
                      "the rule tests `" + input + "`, which is not an input of the table");
        continue;
      }
      std::string problem;
      auto cell = parse_cell(text, compiled.input_types[index], problem);
      if (!cell) {
        context.error_in_value(cell_origin(rule, input), code::compile_table,
                               "cell `" + text + "` of input `" + input + "`: " + problem);
        continue;
      }
      compiled_rule.cells[index] = std::move(*cell);
    }
    model::Expression output{rule.output.text, rule.output.origin};
    compiled_rule.output = context.expression(output, subject, "a rule's value", {});
    compiled_rule.flags = flags(context, rule.flags, subject);
    compiled.rules.push_back(std::move(compiled_rule));
  }
  return compiled;
}

// "1/3" → {1, 3}: a share written as an exact fraction of two integers.
std::optional<std::pair<std::int64_t, std::int64_t>> exact_fraction(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto integer = [](std::string_view part) -> std::optional<std::int64_t> {
    while (!part.empty() && part.front() == ' ')
      part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ')
      part.remove_suffix(1);
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (error != std::errc() || end != part.data() + part.size() || value < 0) return std::nullopt;
    return value;
  };
  auto numerator = integer(text.substr(0, slash));
  auto denominator = integer(text.substr(slash + 1));
  if (!numerator || !denominator || *denominator == 0) return std::nullopt;
  return std::pair{*numerator, *denominator};
}

void allocation(CompileContext& context, const model::Allocation& model, const std::string& subject,
                CompiledDecision& out) {
  out.group_by = context.expression(model.group_by, subject, "`group_by`", {});
  out.candidates = context.expression(model.candidates, subject, "`candidates`", {K::boolean});
  out.from_record = context.expression(model.from_record, subject, "`from_record`",
                                       {model.tier_shares.empty() ? K::boolean : K::integer});
  for (const auto& key : model.rank_by) {
    out.rank_by.push_back(context.expression(key.expr, subject, "`rank_by`", {}));
  }
  for (const auto& key : model.tie_break) {
    out.tie_break.push_back(context.expression(key.expr, subject, "`tie_break`", {}));
  }
  std::initializer_list<K> number{K::integer, K::decimal, K::real};
  out.quota_ratio = context.expression(model.quota_ratio, subject, "`quota.ratio`", number);
  out.quota_base = context.expression(model.quota_base, subject, "`quota.of`", number);
  out.quota_count = context.expression(model.quota_count, subject, "`quota.count`", {K::integer});
  for (const auto& share : model.tier_shares) {
    if (auto fraction = exact_fraction(share.text)) {
      out.tier_fractions.push_back(*fraction);
      continue;
    }
    // `1/3` would be integer division in an expression: shares are fractions
    // or decimals, never ints.
    CompiledExpression compiled =
        context.expression(share, subject, "a tier share", {K::decimal, K::real});
    if (compiled.program) out.tier_fractions.push_back({0, 0});
    out.tier_shares.push_back(std::move(compiled));
  }
}

// A group value: `over` must be a kind that belongs to the subject (cadres of
// a town, directly or through their villages); `where` and `value` are about
// the member, `from_record` about the group.
void aggregate(CompileContext& context, const model::Derived& model, CompiledDerived& out) {
  const model::Aggregate& aggregate = *model.aggregate;
  const auto& rules = context.out().rules();
  if (model.subject.empty()) {
    context.error(
        model.origin, code::compile_aggregate,
        "group value `" + model.id + "` needs a `subject`: the group whose members it reads",
        "e.g. `subject: town` with `over: cadre`");
    return;
  }
  if (model::find_record_kind(rules, aggregate.over) == nullptr) {
    context.error(aggregate.over_origin, code::compile_subject,
                  "`over` of `" + model.id + "` names `" + aggregate.over +
                      "`, which is not a record kind of the schema");
    return;
  }
  auto readable = model::readable_kinds(rules, aggregate.over);
  if (aggregate.over == model.subject ||
      std::find(readable.begin(), readable.end(), model.subject) == readable.end()) {
    context.error(aggregate.over_origin, code::compile_aggregate,
                  "`" + aggregate.over + "` records do not belong to a `" + model.subject + "`: `" +
                      model.id + "` cannot read them as members",
                  "members are records whose `belongs_to` chain reaches the subject");
    return;
  }
  out.where = context.expression(aggregate.where, aggregate.over, "`where`", {K::boolean});
  std::initializer_list<K> number{K::integer, K::decimal, K::real};
  switch (aggregate.kind) {
    case model::AggregateKind::count:
      break;
    case model::AggregateKind::sum:
      out.value = context.expression(aggregate.value, aggregate.over, "`value`", number);
      break;
    case model::AggregateKind::min:
    case model::AggregateKind::max:
      out.value = context.expression(aggregate.value, aggregate.over, "`value`",
                                     {K::integer, K::decimal, K::real, K::date});
      break;
    case model::AggregateKind::any:
    case model::AggregateKind::all:
      out.value = context.expression(aggregate.value, aggregate.over, "`value`", {K::boolean});
      break;
    case model::AggregateKind::list:
      out.value = context.expression(aggregate.value, aggregate.over, "`value`", {});
      break;
  }
  out.from_record = context.expression(aggregate.from_record, model.subject, "`from_record`", {});
}

}  // namespace

CompiledDerived compile_derived(CompileContext& context, const model::Derived& model) {
  CompiledDerived compiled;
  compiled.model = &model;
  if (model.aggregate) {
    aggregate(context, model, compiled);
  } else {
    compiled.expr = context.expression(model.expr, model.subject, "`expr`", {});
  }
  return compiled;
}

namespace {

std::vector<CompiledFlag> flags(CompileContext& context,
                                const std::vector<model::ConditionalFlag>& model,
                                const std::string& subject) {
  std::vector<CompiledFlag> out;
  for (const auto& flag : model) {
    out.push_back(
        {&flag, context.expression(flag.when, subject, "`when` of a flag", {K::boolean})});
  }
  return out;
}

// for_each: the keys are a list; `key` takes their element type while the
// decision's other expressions are compiled.
void keys(CompileContext& context, const model::Decision& model, CompiledDecision& out) {
  const model::ForEach& each = *model.for_each;
  out.keys = context.expression(each.keys, model.subject, "`in` of `for_each`", {K::list});
  Type key = out.keys.program ? out.keys.program->result_type().element() : Type::dyn();
  if (key.kind() == TypeKind::list || key.kind() == TypeKind::map ||
      key.kind() == TypeKind::record) {
    context.error(each.keys.origin, code::compile_type,
                  "the keys of `for_each` must be simple values (years, names, dates), found `" +
                      key.to_string() + "`");
    key = Type::dyn();
  }
  context.out().environment.declare("key", key);
  out.key_slot = internal::slot_of(context.out().environment, "key");
}

}  // namespace

CompiledDecision compile_decision(CompileContext& context, const model::Decision& model) {
  CompiledDecision out;
  out.model = &model;
  const std::string& subject = model.subject;
  if (model.for_each) keys(context, model, out);
  KeyScope scope(context, model.for_each.has_value());
  out.applies = context.expression(model.applies, subject, "`applies`", {K::boolean});
  out.all = condition(context, model.all, subject);
  out.none = condition(context, model.none, subject);
  out.trigger = condition(context, model.trigger, subject);
  for (const auto& gate : model.gates)
    out.gates.push_back(condition(context, gate.condition, subject));
  out.flags = flags(context, model.flags, subject);
  if (!model.period_last_day.empty() && model.kind != model::DecisionKind::eligibility) {
    context.error(model.period_last_day.origin, code::compile_period,
                  "`period` is for requirements (decisions of kind `eligibility`), not `" +
                      std::string(model.kind == model::DecisionKind::exit         ? "exit"
                                  : model.kind == model::DecisionKind::warning    ? "warning"
                                  : model.kind == model::DecisionKind::pay        ? "pay"
                                  : model.kind == model::DecisionKind::assessment ? "assessment"
                                                                                  : "allocation") +
                      "`",
                  "an unmet requirement counted over a period that has not ended is `pending`");
  }
  out.period_last_day =
      context.expression(model.period_last_day, subject, "`last_day` of `period`", {K::date});
  if (model.for_each && model.kind == model::DecisionKind::allocation) {
    context.error(model.for_each->origin, code::compile_for_each,
                  "an allocation cannot be made per key: it is decided over a population",
                  "make the allocation about a record per key (one record per year)");
  }
  if (!model.unless_switch.empty()) {
    auto slot = context.out().switch_slots.find(model.unless_switch);
    if (slot == context.out().switch_slots.end()) {
      context.error(model.origin, code::compile_switch,
                    "`unless_switch` of `" + model.id + "` names `" + model.unless_switch +
                        "`, which is not a switch of the rule set");
    } else {
      out.unless_slot = slot->second;
    }
  }
  out.warning_held =
      context.expression(model.warning.held, subject, "`warning.held`", {K::boolean});
  out.warning_start =
      context.expression(model.warning.start, subject, "`warning.start`", {K::date});
  out.warning_months = context.expression(model.warning.period_months, subject,
                                          "`warning.period_months`", {K::integer});
  // A review result is `pass`, `fail` or anything else (no result yet): a
  // name, never a date or a number.
  out.warning_review = context.expression(model.warning.review_result, subject,
                                          "`warning.review_result`", {K::string, K::enumeration});
  for (const auto& component : model.components) {
    out.components.push_back(
        context.expression(component.formula, subject, "a pay formula", {K::integer, K::decimal}));
    // A table read at one key shows that entry (`hy.perf_multiplier[…]`).
    std::vector<FactProbe> parameters, others;
    for (auto& probe : formula_probes(context, component.formula)) {
      const IdInfo* info = context.find_id(probe.first.substr(0, probe.first.find('[')));
      bool parameter = info != nullptr && info->kind == IdInfo::Kind::parameter;
      (parameter ? parameters : others).push_back(std::move(probe));
    }
    out.component_facts.push_back(std::move(parameters));
    out.component_reads.push_back(std::move(others));
  }
  if (model.table) out.table = table(context, *model.table, subject);
  // A formula's value may be of any type (a date, a name, a list); rounding
  // applies to numbers.
  out.formula = context.expression(model.formula, subject, "`formula`", {});
  out.round_by =
      context.expression(model.round.by, subject, "`by` of `round`", {K::string, K::enumeration});
  if (model.allocation) allocation(context, *model.allocation, subject, out);
  out.message = context.message(model.message, model.origin, subject);
  return out;
}

}  // namespace cadre
