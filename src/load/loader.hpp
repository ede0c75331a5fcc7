// The rule-set loader: YAML files → the rule-set model (model/ruleset.hpp),
// strictly validated, with `include`s read and `extends` resolved (a
// variant's differences applied to its base). Every problem found is a
// diagnostic with file:line:col; all are reported, not only the first.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
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

/// A rule set's root file given as text instead of read from disk (kept in a
/// database, sent by another system).
struct RootText {
  /// What diagnostics call it, as they would name a file (`county.yaml`).
  std::string name;
  std::string text;
  /// The folder its `include`s and `extends` resolve in, as if the text were
  /// a file there; nullopt: each is refused (`load.no_base_folder`), since
  /// there is nowhere to look for them.
  std::optional<std::filesystem::path> folder;
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
  /// Set when the root was given as text: `files` names it by its name, and
  /// its content is this text, not a file's.
  std::optional<RootText> root_text;
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

/// Loads the rule set whose root file is `root`'s text. With no
/// options.allowed_root, files must resolve inside the root a file in
/// root.folder would have.
LoadResult load_ruleset_text(RootText root, const LoadOptions& options = {});

}  // namespace cadre::load
