// Fixed rule sets and records from text for the fuzz targets (fuzz_support.hpp).
#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "cadre/diagnostic.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "records/read_records.hpp"
#include "records/schema_options.hpp"

namespace cadre::fuzz {

const CompiledRuleSet& fixed_ruleset(std::string_view path) {
  static std::map<std::string, CompiledRuleSet, std::less<>> loaded;
  if (auto found = loaded.find(path); found != loaded.end()) return found->second;
  const std::filesystem::path root(CADRE_SOURCE_DIR);
  RuleSetOptions options;
  options.allowed_root = root;
  auto result = load_ruleset(root / path, options);
  if (!result.ok()) {
    for (const auto& diagnostic : result.diagnostics)
      std::fprintf(stderr, "%s\n", format_diagnostic(diagnostic).c_str());
    std::fprintf(stderr, "fuzz: the fixed rule set %s does not load\n", std::string(path).c_str());
    std::abort();
  }
  return loaded.emplace(std::string(path), *result.ruleset).first->second;
}

RecordBatch read_records_text(const CompiledRuleSet& rules, std::string text, RecordFormat format) {
  const CompiledRuleSetImpl& impl = cadre::internal::impl_of(rules);
  records::RecordTypeLookup types = [&](std::string_view kind) {
    const auto* variable = impl.environment.find(kind);
    return variable ? variable->type.record_type_shared() : nullptr;
  };
  records::RecordReadOptions options = records::schema_read_options(impl.rules().schema);
  options.format = format;
  options.default_kind = records::default_record_kind(impl.rules());
  RecordBatch batch = records::read_records_text("fuzz", std::move(text), format, types, options);
  batch.source = "fuzz";
  return batch;
}

void touch(const RecordBatch& batch) {
  for (const auto& record : batch.records) {
    if (record.value) Value(*record.value).debug_string();
    if (record.partial) Value(*record.partial).debug_string();
  }
  for (const auto& diagnostic : batch.diagnostics)
    format_diagnostic(diagnostic);
}

}  // namespace cadre::fuzz
