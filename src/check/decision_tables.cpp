// The decision-table pass ("check.table_gap", "check.table_overlap",
// "check.never_fires", "check.table_too_large"): inputs no rule decides,
// inputs two rules of a `unique` table both decide, and rules that can never
// be the one that fires. The analysis itself is in table_analysis.cpp.
#include <string>
#include <vector>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "check/table_analysis.hpp"

namespace cadre::check {

namespace {

using model::HitPolicy;

// One table, with what the messages need to name it.
struct TableView {
  const CompiledTable& table;
  std::string decision;
  std::vector<std::string> inputs;
  HitPolicy hit;
};

// "rule 3 (line 42)"
std::string rule_name(const PassContext& context, const TableView& view, std::size_t index) {
  std::string name = "rule " + std::to_string(index + 1);
  int line = context.line_of(view.table.rules[index].model->origin);
  return line > 0 ? name + " (line " + std::to_string(line) + ")" : name;
}

// "a", "a and b", "a, b and c"
std::string enumerate_items(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    out += (k == 0 ? "" : k + 1 == items.size() ? " and " : ", ") + items[k];
  }
  return out;
}

std::string rule_names(const PassContext& context, const TableView& view,
                       const std::vector<std::size_t>& rules) {
  std::vector<std::string> names;
  for (std::size_t rule : rules)
    names.push_back(rule_name(context, view, rule));
  return enumerate_items(names);
}

std::string example(const TableView& view, const TableAnalysis& analysis,
                    const Combination& combination) {
  return backticked(describe(view.inputs, analysis.partitions, combination));
}

void report_gaps(PassContext& context, const TableView& view, const TableAnalysis& analysis) {
  if (analysis.gap_count == 0 || view.hit == HitPolicy::collect_sum) return;
  std::vector<std::string> examples;
  for (const auto& gap : analysis.gaps)
    examples.push_back(example(view, analysis, gap));
  bool all_shown = analysis.gap_count == examples.size();
  context.error(view.table.model->origin, Code::table_gap,
                "no rule of the table of " + backticked(view.decision) + " matches " +
                    std::to_string(analysis.gap_count) + " of its " +
                    std::to_string(analysis.combinations) + " input combinations" +
                    (all_shown ? ": " : ", e.g. ") + enumerate_items(examples),
                "add rules for these inputs, or end the table with a rule whose cells are all `-`");
}

void report_overlaps(PassContext& context, const TableView& view, const TableAnalysis& analysis) {
  if (view.hit != HitPolicy::unique) return;
  for (const Overlap& overlap : analysis.overlaps) {
    std::uint64_t others = overlap.count - 1;
    std::string more = others == 0 ? ""
                                   : " (and " + std::to_string(others) + " more input combination" +
                                         (others == 1 ? ")" : "s)");
    context.error(view.table.rules[overlap.rules.back()].model->origin, Code::table_overlap,
                  rule_names(context, view, overlap.rules) + " of the table of " +
                      backticked(view.decision) + (overlap.rules.size() == 2 ? " both" : " all") +
                      " match " + example(view, analysis, overlap.example) + more,
                  "with `hit: unique` one rule at most may match an input; narrow the rules, "
                  "or use `hit: first` to let the earlier rule win");
  }
}

void report_never_fires(PassContext& context, const TableView& view,
                        const TableAnalysis& analysis) {
  for (std::size_t r = 0; r < analysis.rules.size(); ++r) {
    const RuleCoverage& rule = analysis.rules[r];
    model::OriginId at = view.table.rules[r].model->origin;
    std::string name =
        rule_name(context, view, r) + " of the table of " + backticked(view.decision);
    if (!rule.matches) {
      context.warning(at, Code::never_fires,
                      name + " never fires: no input matches all of its cells",
                      "an interval such as `(2, 2)` holds no number, and `(1, 2)` no integer");
    } else if (view.hit == HitPolicy::first && !rule.first) {
      context.warning(at, Code::never_fires,
                      name + " never fires: every input it matches is matched first by " +
                          rule_names(context, view, rule.shadowed_by),
                      "with `hit: first` the earliest matching rule wins; move the rule up or "
                      "remove it");
    }
  }
}

void check_table(PassContext& context, const CompiledDecision& decision) {
  const CompiledTable& table = *decision.table;
  TableView view{table, decision.model->id, {}, table.model->hit};
  for (const auto& input : table.model->inputs)
    view.inputs.push_back(input.id);
  std::vector<std::vector<CellTest>> rules;
  for (const auto& rule : table.rules)
    rules.push_back(rule.cells);
  AnalysisOptions options;
  TableAnalysis analysis = analyze_table(table.input_types, rules, options);
  if (analysis.too_large) {
    context.warning(table.model->origin, Code::table_too_large,
                    "the table of " + backticked(view.decision) + " has " +
                        std::to_string(analysis.combinations) + " input combinations, more than " +
                        std::to_string(options.max_combinations) +
                        ": its gaps and overlaps are not checked",
                    "split it into smaller tables, or use fewer distinct bounds");
    return;
  }
  if (analysis.combinations == 0) return;
  report_gaps(context, view, analysis);
  report_overlaps(context, view, analysis);
  report_never_fires(context, view, analysis);
}

}  // namespace

void check_decision_tables(PassContext& context) {
  for (const CompiledDecision& decision : context.ruleset().decisions) {
    if (decision.table && decision.table->model != nullptr) check_table(context, decision);
  }
}

}  // namespace cadre::check
