// What the parts of one load share: the side table of origins (all files of
// a variant chain go into one table, so that ids stay valid in the merged rule
// set), the diagnostics, the confinement root and the files read so far.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "model/origin.hpp"
#include "model/ruleset.hpp"
#include "yaml/reader.hpp"

namespace cadre::load {

struct LoadState {
  model::Origins origins;
  std::vector<Diagnostic> diagnostics;
  /// Canonical folder every file must resolve inside.
  std::filesystem::path allowed_root;
  /// The same folder as messages name it.
  std::string allowed_root_display;
  /// Canonical paths of the files read so far (each file is read once).
  std::set<std::filesystem::path> read;
  /// Canonical root files of the rule sets being loaded, outermost variant first.
  std::vector<std::filesystem::path> extends_chain;
  std::vector<std::filesystem::path> extends_display;  ///< the same, as displayed
  yaml::ReadOptions read_options;                      ///< limits on each file
  int max_files = 1'000;                               ///< most files in the rule set

  void report(Severity severity, std::string_view code, SourceLocation location,
              std::string message, std::string help = {});
  /// "file:line:col" of an origin, for "first defined at" help lines.
  std::string where(model::OriginId origin) const;
};

/// One rule set's own content (its root file and includes), before its base
/// is applied.
struct OwnRuleSet {
  model::RuleSet rules;
  std::vector<std::filesystem::path> files;  ///< display paths, in reading order
};

/// Reports ids defined twice among the rule set's own files ("load.duplicate_id").
void check_duplicate_ids(LoadState& state, const model::RuleSet& rules);

/// Checks what only the whole rule set (its bases merged) can tell about its
/// record kinds: each declares `fields` (in the kind itself or its base), and
/// each field a `conflicts` entry names is one of them ("load.missing_key",
/// "load.bad_reference").
void check_record_kinds(LoadState& state, const model::RuleSet& rules);

/// Applies the variant `own` to its (already merged) `base`: overrides,
/// settings, replacements and removals, then the variant's new elements.
/// Reports ids the base lacks or already has, and a variant that changes nothing.
model::RuleSet merge_variant(LoadState& state, model::RuleSet base, model::RuleSet own);

}  // namespace cadre::load
