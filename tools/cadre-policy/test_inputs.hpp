// What `cadre-policy test` is given: rule sets (folders, ruleset.yaml files)
// and test files (a top-level `tests:` only), told apart by reading them
// (src/load/test_file.hpp), each loaded once; with --base-tests, the rule
// set each one extends, loaded on its own.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cadre/ruleset.hpp"
#include "load/test_file.hpp"

namespace cadre::tool {

struct RuleSetInput {
  std::string path;  ///< as given
  CompiledRuleSet rules;
  /// With --base-tests: the rule set `rules` extends, and its path as shown.
  std::optional<CompiledRuleSet> base = {};
  std::string base_path = {};
};

struct TestFileInput {
  std::string path;  ///< as given
  std::unique_ptr<load::LoadedTestFile> file;
};

/// A rule set or test file that did not load, with why.
struct FailedInput {
  std::string path;
  bool rule_set = true;
  std::vector<Diagnostic> diagnostics;
};

struct TestInputs {
  std::vector<RuleSetInput> rule_sets;
  std::vector<TestFileInput> test_files;
  std::vector<FailedInput> failed;  ///< in the order given
  std::size_t rule_sets_given = 0;  ///< loaded or not
  std::size_t rule_sets_failed = 0;
  std::size_t test_files_failed = 0;
};

/// Loads every path (`root`: the folder none may leave; empty: as the
/// loader decides), printing the diagnostics of those that do not load on
/// stderr.
TestInputs load_test_inputs(const std::vector<std::string>& paths, const std::string& root);

/// Loads the base of every rule set loaded. False, after saying so on
/// stderr, when one extends no rule set (--base-tests cannot apply); a base
/// that does not load counts as a rule set that did not load.
bool load_bases(TestInputs& inputs, const std::string& root);

}  // namespace cadre::tool
