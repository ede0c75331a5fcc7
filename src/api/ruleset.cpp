// The public rule-set API: load → compile → check, diagnostics sorted.
#include "cadre/ruleset.hpp"

#include <algorithm>
#include <tuple>

#include "check/checks.hpp"
#include "compile/ruleset_compiler.hpp"
#include "load/loader.hpp"

namespace cadre {

CompiledRuleSet::CompiledRuleSet(std::shared_ptr<const CompiledRuleSetImpl> impl)
    : impl_(std::move(impl)) {}

const std::string& CompiledRuleSet::id() const {
  return impl_->rules().metadata.id;
}

const std::string& CompiledRuleSet::version() const {
  return impl_->rules().metadata.version;
}

std::optional<Date> CompiledRuleSet::valid_from() const {
  return impl_->rules().metadata.valid_from;
}

std::optional<Date> CompiledRuleSet::valid_to() const {
  return impl_->rules().metadata.valid_to;
}

bool CompiledRuleSet::in_force(Date date) const {
  auto from = valid_from();
  auto to = valid_to();
  return !(from && date < *from) && !(to && *to < date);
}

const std::string& CompiledRuleSet::digest() const {
  return impl_->digest;
}

std::vector<std::string> CompiledRuleSet::decision_ids() const {
  std::vector<std::string> ids;
  for (const Step& step : impl_->order) {
    if (step.kind == Step::Kind::decision) ids.push_back(impl_->rules().decisions[step.index].id);
  }
  return ids;
}

std::size_t CompiledRuleSet::parameter_count() const {
  return impl_->parameters.size();
}

std::size_t CompiledRuleSet::derived_count() const {
  return impl_->derived.size();
}

namespace {

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
}

}  // namespace

RuleSetLoadResult load_ruleset(const std::filesystem::path& path, const RuleSetOptions& options) {
  RuleSetLoadResult result;
  load::LoadOptions load_options;
  load_options.allowed_root = options.allowed_root;
  load::LoadResult loaded = load::load_ruleset(path, load_options);
  result.diagnostics = std::move(loaded.diagnostics);
  if (loaded.ruleset && !has_errors(result.diagnostics)) {
    RuleSetCompileResult compiled = compile_ruleset(std::move(loaded.ruleset));
    result.diagnostics.insert(result.diagnostics.end(), compiled.diagnostics.begin(),
                              compiled.diagnostics.end());
    if (compiled.ruleset) {
      check::run_checks(*compiled.ruleset, result.diagnostics);
      if (!has_errors(result.diagnostics)) result.ruleset = CompiledRuleSet(compiled.ruleset);
    }
  }
  sort_diagnostics(result.diagnostics);
  return result;
}

}  // namespace cadre
