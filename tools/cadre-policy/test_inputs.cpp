// Loading what `cadre-policy test` is given (test_inputs.hpp).
#include "test_inputs.hpp"

#include <iostream>

#include "engine/test_runner.hpp"

namespace cadre::tool {

namespace {

void print(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::cerr << format_diagnostic(d) << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
}

// A base is shown as its folder when its root file is the folder's ruleset.yaml.
std::string shown(const std::filesystem::path& root_file) {
  return root_file.filename() == "ruleset.yaml" && root_file.has_parent_path()
             ? root_file.parent_path().string()
             : root_file.string();
}

}  // namespace

TestInputs load_test_inputs(const std::vector<std::string>& paths, const std::string& root) {
  TestInputs inputs;
  RuleSetOptions options;
  options.allowed_root = root;
  load::LoadOptions file_options;
  file_options.allowed_root = root;
  for (const auto& path : paths) {
    load::TestInput input = load::read_test_input(path, file_options);
    if (input.kind == load::InputKind::rule_set) {
      ++inputs.rule_sets_given;
      auto loaded = load_ruleset(path, options);
      if (loaded.ok()) {
        inputs.rule_sets.push_back({path, std::move(*loaded.ruleset)});
        continue;
      }
      // As before test files: every diagnostic, on one line each.
      for (const auto& d : loaded.diagnostics)
        std::cerr << format_diagnostic(d) << "\n";
      ++inputs.rule_sets_failed;
      inputs.failed.push_back({path, true, std::move(loaded.diagnostics)});
      continue;
    }
    print(input.diagnostics);
    if (input.test_file) {
      inputs.test_files.push_back({path, std::move(input.test_file)});
      continue;
    }
    ++inputs.test_files_failed;
    inputs.failed.push_back({path, false, std::move(input.diagnostics)});
  }
  return inputs;
}

bool load_bases(TestInputs& inputs, const std::string& root) {
  bool all_extend = true;
  for (const auto& input : inputs.rule_sets) {
    if (engine::extended_ruleset(input.rules)) continue;
    std::cerr << "cadre-policy test: --base-tests: `" << input.path << "` (" << input.rules.id()
              << ") extends no rule set: it has no base tests\n";
    all_extend = false;
  }
  if (!all_extend) return false;
  RuleSetOptions options;
  options.allowed_root = root;
  for (auto& input : inputs.rule_sets) {
    const std::filesystem::path base = *engine::extended_ruleset(input.rules);
    input.base_path = shown(base);
    auto loaded = load_ruleset(base, options);
    if (loaded.ok()) {
      input.base = std::move(*loaded.ruleset);
      continue;
    }
    for (const auto& d : loaded.diagnostics)
      std::cerr << format_diagnostic(d) << "\n";
    std::cerr << "cadre-policy test: the base of `" << input.path << "`, `" << input.base_path
              << "`, did not load: its tests are not run\n";
    ++inputs.rule_sets_failed;
    inputs.failed.push_back({input.base_path, true, std::move(loaded.diagnostics)});
  }
  return true;
}

}  // namespace cadre::tool
