// Compiling the parts of derived values and decisions: conditions, warning
// lifecycle, pay components, decision tables, formulas and allocations.
#include "compile/decision_compiler.hpp"

#include <charconv>
#include <optional>

#include "compile/fact_probes.hpp"

namespace cadre {

namespace {

using K = TypeKind;

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
        context.error(rule.origin, "compile.table",
                      "the rule tests `" + input + "`, which is not an input of the table");
        continue;
      }
      std::string problem;
      auto cell = parse_cell(text, compiled.input_types[index], problem);
      if (!cell) {
        context.error_in_value(cell_origin(rule, input), "compile.table",
                               "cell `" + text + "` of input `" + input + "`: " + problem);
        continue;
      }
      compiled_rule.cells[index] = std::move(*cell);
    }
    model::Expression output{rule.output.text, rule.output.origin};
    compiled_rule.output = context.expression(output, subject, "a rule's value", {});
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

}  // namespace

CompiledDerived compile_derived(CompileContext& context, const model::Derived& model) {
  CompiledDerived compiled;
  compiled.model = &model;
  compiled.expr = context.expression(model.expr, model.subject, "`expr`", {});
  return compiled;
}

CompiledDecision compile_decision(CompileContext& context, const model::Decision& model) {
  CompiledDecision out;
  out.model = &model;
  const std::string& subject = model.subject;
  std::initializer_list<K> number{K::integer, K::decimal, K::real};
  out.applies = context.expression(model.applies, subject, "`applies`", {K::boolean});
  out.all = condition(context, model.all, subject);
  out.none = condition(context, model.none, subject);
  out.trigger = condition(context, model.trigger, subject);
  out.warning_start =
      context.expression(model.warning.start, subject, "`warning.start`", {K::date});
  out.warning_months = context.expression(model.warning.period_months, subject,
                                          "`warning.period_months`", {K::integer});
  out.warning_review =
      context.expression(model.warning.review_result, subject, "`warning.review_result`", {});
  for (const auto& component : model.components) {
    out.components.push_back(
        context.expression(component.formula, subject, "a pay formula", {K::integer, K::decimal}));
    std::vector<FactProbe> read;
    for (auto& probe : fact_probes(context, component.formula)) {
      const IdInfo* info = context.find_id(probe.first);
      if (info != nullptr && info->kind == IdInfo::Kind::parameter)
        read.push_back(std::move(probe));
    }
    out.component_facts.push_back(std::move(read));
  }
  if (model.table) out.table = table(context, *model.table, subject);
  out.formula = context.expression(model.formula, subject, "`formula`", number);
  if (model.allocation) allocation(context, *model.allocation, subject, out);
  out.message = context.message(model.message, model.origin, subject);
  return out;
}

}  // namespace cadre
