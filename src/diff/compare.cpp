// The comparison, stage by stage.
#include "diff/compare.hpp"

#include <filesystem>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "diff/population_diff.hpp"
#include "diff/ruleset_diff.hpp"
#include "diff/static_reach.hpp"
#include "model/queries.hpp"

namespace cadre::diff {

namespace {

RuleSetName name_of(const CompiledRuleSet& rules, const std::string& path) {
  return {path, rules.id(), rules.version(), rules.digest(), rules.title_zh(), rules.title_en()};
}

// The variant names the base in `extends` (resolved against its own folder).
bool extends(const CompiledRuleSet& variant, const std::string& base_path) {
  const auto& metadata = internal::impl_of(variant).rules().metadata;
  if (metadata.extends.empty()) return false;
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path base = fs::path(base_path);
  if (fs::is_directory(base, error)) base /= "ruleset.yaml";
  // The variant's root file: the origin of its metadata.
  const SourceLocation at = internal::impl_of(variant).origins().locate(metadata.extends_origin);
  const fs::path from = fs::path(at.file).parent_path() / metadata.extends;
  return fs::weakly_canonical(from, error) == fs::weakly_canonical(base, error);
}

// `<kind>.<field>` or `<kind>.<list>.<entry field>` is declared by `rules`.
bool declares(const model::RuleSet& rules, const std::string& path) {
  const std::size_t dot = path.find('.');
  if (dot == std::string::npos) return false;
  const model::RecordKind* kind = model::find_record_kind(rules, path.substr(0, dot));
  if (kind == nullptr) return false;
  std::string rest = path.substr(dot + 1);
  const std::vector<model::FieldDecl>* fields = &kind->fields;
  while (true) {
    const std::size_t next = rest.find('.');
    const std::string name = rest.substr(0, next);
    const model::FieldDecl* found = nullptr;
    for (const auto& field : *fields) {
      if (field.name == name) found = &field;
    }
    if (found == nullptr) return false;
    if (next == std::string::npos) return true;
    fields = &found->entry;
    rest = rest.substr(next + 1);
  }
}

std::vector<RecordOutput> decide(const CompiledRuleSet& rules, const RecordBatch& batch,
                                 Date as_of) {
  Engine engine(rules);
  std::vector<RecordOutput> out;
  RecordOutput context;
  context.record = "_context";
  context.decisions = engine.evaluate_context(as_of);
  // Both sides give the context output, so that positions stay aligned.
  out.push_back(std::move(context));
  for (auto& output : engine.evaluate_batch(batch, as_of))
    out.push_back(std::move(output));
  return out;
}

}  // namespace

Comparison compare_rule_sets(const CompiledRuleSet& base, const std::string& base_path,
                             const CompiledRuleSet& variant, const std::string& variant_path,
                             const CompareOptions& options) {
  Comparison out;
  VariantImpact& impact = out.impact;
  impact.base = name_of(base, base_path);
  impact.variant = name_of(variant, variant_path);
  impact.variant_extends_base = extends(variant, base_path);
  const model::RuleSet& base_model = internal::impl_of(base).rules();
  const model::RuleSet& variant_model = internal::impl_of(variant).rules();
  impact.items = diff_items(base_model, variant_model);
  impact.reach = static_reach(base_model, variant_model, impact.items);
  if (options.records.empty()) return out;

  RecordReadOptions base_read = options.read;
  base_read.ignore_unknown_fields = true;
  RecordBatch old_batch = read_records(options.records, base, base_read);
  RecordBatch new_batch = read_records(options.records, variant, options.read);
  bool readable = true;
  for (const auto& d : new_batch.diagnostics) {
    out.diagnostics.push_back(d);
    readable = readable && d.severity != Severity::error;
  }
  for (const auto& d : old_batch.diagnostics) {
    if (d.severity != Severity::error) continue;  // the variant's read said it already
    Diagnostic marked = d;
    marked.message = "(read for " + base_path + ") " + marked.message;
    out.diagnostics.push_back(std::move(marked));
    readable = false;
  }
  if (!readable || old_batch.records.size() != new_batch.records.size()) return out;

  PopulationImpact population;
  const std::vector<RecordOutput> before = decide(base, old_batch, options.as_of);
  const std::vector<RecordOutput> after = decide(variant, new_batch, options.as_of);
  const std::string group_kind =
      options.group_kind.empty() ? default_group_kind(variant) : options.group_kind;
  std::vector<RecordGroup> groups{RecordGroup{}};  // the context output
  for (auto& group : record_groups(variant, new_batch, group_kind))
    groups.push_back(std::move(group));
  population = compare_population(base, before, variant, after, groups);
  population.records = options.records;
  population.as_of = options.as_of.to_string();
  population.group_kind = group_kind;
  for (const auto& field : old_batch.ignored_fields) {
    if (declares(variant_model, field)) population.ignored_by_base.push_back(field);
  }
  impact.population = std::move(population);
  return out;
}

}  // namespace cadre::diff
