// The public rule-set API: load → compile → check, diagnostics sorted.
#include "cadre/ruleset.hpp"

#include "diagnostics/codes.hpp"

#include <algorithm>
#include <tuple>

#include "check/checks.hpp"
#include "compile/ruleset_compiler.hpp"
#include "core/access.hpp"
#include "load/loader.hpp"

namespace cadre {

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

const std::string& CompiledRuleSet::title_zh() const {
  return impl_->rules().metadata.title.zh;
}

const std::string& CompiledRuleSet::title_en() const {
  return impl_->rules().metadata.title.en;
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

const std::vector<OpenValue>& CompiledRuleSet::open_values() const {
  return impl_->open_values;
}

const OpenValue* CompiledRuleSet::open_value(std::string_view code) const {
  for (const OpenValue& open : impl_->open_values) {
    if (open.code == code) return &open;
  }
  return nullptr;
}

const std::vector<DecisionInfo>& CompiledRuleSet::decisions() const {
  return impl_->decision_info;
}

const DecisionInfo* CompiledRuleSet::decision(std::string_view result_id) const {
  const std::string_view id = result_id.substr(0, result_id.find('['));
  for (const DecisionInfo& info : impl_->decision_info) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

namespace {

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const auto& a, const auto& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
}

// A broken file can give thousands of diagnostics; past the limit they are
// counted in one more, which keeps the first error of each kind in view.
void cap_diagnostics(std::vector<Diagnostic>& diagnostics, std::size_t limit) {
  if (diagnostics.size() <= limit) return;
  const std::size_t left_out = diagnostics.size() - limit;
  const bool errors = has_errors(diagnostics);
  diagnostics.resize(limit);
  Diagnostic more;
  more.severity = errors ? Severity::error : Severity::warning;
  more.code = code::load_limit;
  more.location = diagnostics.empty() ? SourceLocation{} : diagnostics.back().location;
  more.message = "… and " + std::to_string(left_out) + " more diagnostic" +
                 (left_out == 1 ? "" : "s") + " not shown";
  more.help = "fix the ones above first; RuleSetLimits::max_diagnostics sets how many are shown";
  diagnostics.push_back(std::move(more));
}

}  // namespace

namespace {

load::LoadOptions load_options(const RuleSetOptions& options) {
  const RuleSetLimits& limits = options.limits;
  load::LoadOptions load_options;
  load_options.allowed_root = options.allowed_root;
  load_options.read.max_bytes = limits.max_file_bytes;
  load_options.read.max_depth = limits.max_yaml_depth;
  load_options.read.max_nodes = limits.max_yaml_nodes;
  load_options.max_files = limits.max_files;
  return load_options;
}

/// Compiles and checks what the loader read, when it read it without errors.
RuleSetLoadResult compiled(load::LoadResult loaded, const RuleSetLimits& limits) {
  RuleSetLoadResult result;
  result.diagnostics = std::move(loaded.diagnostics);
  if (loaded.ruleset && !has_errors(result.diagnostics)) {
    RuleSetCompileResult compiled =
        compile_ruleset(std::move(loaded.ruleset), {limits.expressions});
    result.diagnostics.insert(result.diagnostics.end(), compiled.diagnostics.begin(),
                              compiled.diagnostics.end());
    if (compiled.ruleset) {
      check::run_checks(*compiled.ruleset, result.diagnostics);
      if (!has_errors(result.diagnostics))
        result.ruleset = internal::Access::ruleset(compiled.ruleset);
    }
  }
  sort_diagnostics(result.diagnostics);
  cap_diagnostics(result.diagnostics, limits.max_diagnostics);
  return result;
}

}  // namespace

RuleSetLoadResult load_ruleset(const std::filesystem::path& path, const RuleSetOptions& options) {
  return compiled(load::load_ruleset(path, load_options(options)), options.limits);
}

RuleSetLoadResult load_ruleset_text(RuleSetText text, const RuleSetOptions& options) {
  load::RootText root{std::move(text.name), std::move(text.yaml), std::nullopt};
  if (!text.base_folder.empty()) root.folder = std::move(text.base_folder);
  return compiled(load::load_ruleset_text(std::move(root), load_options(options)), options.limits);
}

}  // namespace cadre
