// The rule-set loader: YAML files → the rule-set model (model/ruleset.hpp),
// strictly validated, with `include`s read and `extends` resolved (a
// variant's differences applied to its base). Every problem found is a
// diagnostic with file:line:col; all are reported, not only the first.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "model/origin.hpp"
#include "model/ruleset.hpp"
#include "yaml/reader.hpp"

namespace cadre::load {

/// The file that marks the top of a rules tree.
inline constexpr const char* kRootMarker = ".cadre-root";

struct LoadOptions {
  /// The folder that every file of the rule set must resolve inside (after
  /// symbolic links and `..` are resolved). Empty: the nearest folder at or
  /// above the root file's holding a `.cadre-root` marker (so a variant in
  /// rules/leiyang may extend ../hy when rules/.cadre-root exists), else the
  /// folder of the root file.
  std::filesystem::path allowed_root;
  /// Limits on each file read (size, nesting, nodes).
  yaml::ReadOptions read = {};
  /// Most files in one rule set (includes and extended rule sets).
  int max_files = 1'000;
};

struct LoadedRuleSet {
  /// The rule set with its base applied (for a variant: base + variant).
  model::RuleSet rules;
  /// Positions of every element of `rules`, and the parsed files owning them.
  model::Origins origins;
  /// Every file read, as the user would name them (relative to the current
  /// directory when the root was given so): the base's files before the
  /// variant's, each rule set's root file before its includes (in include
  /// order, depth first).
  std::vector<std::filesystem::path> files;
};

struct LoadResult {
  /// Null when there are errors (warnings alone leave a rule set).
  std::unique_ptr<LoadedRuleSet> ruleset;
  /// Sorted by file (in the order of `files`), then line and column.
  std::vector<Diagnostic> diagnostics;
};

/// Loads the rule set whose root file is `root_file_or_folder` (a folder means
/// <folder>/ruleset.yaml).
LoadResult load_ruleset(const std::filesystem::path& root_file_or_folder,
                        const LoadOptions& options = {});

}  // namespace cadre::load
