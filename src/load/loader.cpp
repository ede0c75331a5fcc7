// The loader's entry point (loader.hpp): resolves the root file and the
// allowed root, loads the chain of rule sets a variant extends (base first,
// detecting cycles), merges each variant onto its base, and orders the
// diagnostics by file and position.
#include "load/loader.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <system_error>

#include "load/load_state.hpp"
#include "load/mapping_reader.hpp"
#include "load/rule_set_files.hpp"

namespace cadre::load {
namespace fs = std::filesystem;
namespace {

/// A rule set with its bases applied, and its files (bases' first).
struct Level {
  model::RuleSet rules;
  std::vector<fs::path> files;
  /// False when the rule set or a base could not be read at all: `rules` is
  /// then partial, and no variant is merged onto it (which would only add
  /// consequential diagnostics).
  bool complete = true;
};

/// The root file of one rule set of an `extends` chain: a file, or the text
/// a caller gave (only ever the outermost rule set).
struct RootFile {
  fs::path display;
  const RootText* text = nullptr;

  /// The folder its includes and `extends` resolve in; nullopt for a text
  /// given without one.
  std::optional<fs::path> folder() const {
    return text != nullptr ? text->folder : std::optional(display.parent_path());
  }
};

/// Where a rule set is named from: nowhere (the root), or an `extends`.
struct Reference {
  model::OriginId origin = model::kNoOrigin;
  std::string written;  ///< the path as written in `extends`
};

/// Reports an `extends` chain that comes back to `canonical`; true when it does.
bool report_cycle(LoadState& state, const fs::path& display, const fs::path& canonical,
                  const SourceLocation& at) {
  const auto start = std::find(state.extends_chain.begin(), state.extends_chain.end(), canonical);
  if (start == state.extends_chain.end()) return false;
  std::string chain;
  for (auto i = static_cast<std::size_t>(start - state.extends_chain.begin());
       i < state.extends_display.size(); ++i) {
    chain += "`" + state.extends_display[i].string() + "` → ";
  }
  state.report(Severity::error, code::load_extends_cycle, at,
               "`extends` cycle: " + chain + "`" + display.string() + "`",
               "a rule set cannot be its own base, directly or through other rule sets");
  return true;
}

/// Reports why the rule set at `display` cannot be loaded, or returns true.
bool check_root_file(LoadState& state, const fs::path& display, const fs::path& canonical,
                     const Reference& from) {
  const bool is_root = from.origin == model::kNoOrigin;
  const SourceLocation at =
      is_root ? SourceLocation{display.string(), 1, 1, 0} : state.origins.locate(from.origin);
  const std::string named =
      is_root ? "rule set `" + display.string() + "`" : "extended rule set `" + from.written + "`";
  if (report_cycle(state, display, canonical, at)) return false;
  if (!is_inside(state.allowed_root, canonical)) {
    state.report(Severity::error, code::load_outside_root, at,
                 named + " is outside the rule-set root `" + state.allowed_root_display + "`",
                 is_root ? "the allowed root must hold the root file"
                         : "a variant may extend a rule set in another folder only when the "
                           "caller sets the allowed root to a folder holding both");
    return false;
  }
  std::error_code error;
  if (!fs::is_regular_file(display, error)) {
    state.report(
        Severity::error, code::load_missing_file, at,
        named + " does not exist" + (is_root ? "" : " (looked for `" + display.string() + "`)"));
    return false;
  }
  return true;
}

Level load_level(LoadState& state, const RootFile& root, const Reference& from);

/// Loads the base that `own` extends.
Level load_base(LoadState& state, const RootFile& root, const OwnRuleSet& own) {
  const model::Metadata& metadata = own.rules.metadata;
  const std::optional<fs::path> folder = root.folder();
  if (!folder) {
    state.report(Severity::error, code::load_no_base_folder,
                 state.origins.locate(metadata.extends_origin),
                 "extended rule set `" + metadata.extends +
                     "` cannot be found: the rule set is given as text, with no folder to look in",
                 "give the folder the text would be in as the base folder");
    return Level{{}, {}, false};
  }
  const fs::path base = (*folder / metadata.extends).lexically_normal();
  return load_level(state, RootFile{base}, Reference{metadata.extends_origin, metadata.extends});
}

Level load_level(LoadState& state, const RootFile& root, const Reference& from) {
  const fs::path& display = root.display;
  // A text is no file: nothing to check on disk, and no `extends` can name it.
  const fs::path canonical = root.text != nullptr ? fs::path() : canonical_path(display);
  if (root.text == nullptr && !check_root_file(state, display, canonical, from)) {
    return Level{{}, {}, false};
  }
  state.extends_chain.push_back(canonical);
  state.extends_display.push_back(display);
  OwnRuleSet own;
  RuleSetFiles files(state, own);
  Level level;
  level.complete = files.read_root(display, root.text);
  std::optional<Level> base;
  if (level.complete && !own.rules.metadata.extends.empty()) {
    base = load_base(state, root, own);
    level.complete = base->complete;
    level.files = std::move(base->files);
  }
  files.read_includes();
  state.extends_chain.pop_back();
  state.extends_display.pop_back();
  check_duplicate_ids(state, own.rules);
  if (base && base->complete) {
    level.rules = merge_variant(state, std::move(base->rules), std::move(own.rules));
  } else {
    level.rules = std::move(own.rules);
  }
  level.files.insert(level.files.end(), own.files.begin(), own.files.end());
  return level;
}

/// Diagnostics by file (in the order the files are listed), then position;
/// diagnostics without a known file first.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics, const std::vector<fs::path>& files) {
  std::map<std::string, std::size_t> rank;
  for (std::size_t i = 0; i < files.size(); ++i)
    rank.emplace(files[i].string(), i + 1);
  const auto rank_of = [&](const Diagnostic& d) {
    const auto found = rank.find(d.location.file);
    return found == rank.end() ? std::size_t{0} : found->second;
  };
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) {
                     return std::tuple(rank_of(a), a.location.line, a.location.column) <
                            std::tuple(rank_of(b), b.location.line, b.location.column);
                   });
}

}  // namespace

void LoadState::report(Severity severity, std::string_view code, SourceLocation location,
                       std::string message, std::string help) {
  diagnostics.push_back(Diagnostic{severity, std::string(code), std::move(location),
                                   std::move(message), std::move(help)});
}

std::string LoadState::where(model::OriginId origin) const {
  const SourceLocation location = origins.locate(origin);
  return location.file + ":" + std::to_string(location.line) + ":" +
         std::to_string(location.column);
}

/// The folder of the root file, or the nearest folder above it holding a
/// `.cadre-root` marker: a rules tree whose rule sets extend and include one
/// another (a county's variant beside its city's rules) marks its top once,
/// and nothing above the marker can be reached.
fs::path marked_root(const fs::path& folder) {
  std::error_code error;
  fs::path climbing = fs::weakly_canonical(folder.empty() ? fs::path(".") : folder, error);
  if (error) return folder;
  fs::path display = folder.empty() ? fs::path(".") : folder;
  for (;;) {
    if (fs::exists(climbing / kRootMarker, error)) return display;
    if (climbing == climbing.root_path() || !climbing.has_parent_path()) return folder;
    climbing = climbing.parent_path();
    display = (display / "..").lexically_normal();
    if (display.empty()) display = ".";
    if (!display.has_filename()) display = display.parent_path();
  }
}

namespace {

/// A fresh state: the allowed root (options.allowed_root, else the marked
/// root of the folder the root file is in) and the limits.
LoadState start_state(const fs::path& root_file_folder, const LoadOptions& options) {
  LoadState state;
  const fs::path root_folder =
      options.allowed_root.empty() ? marked_root(root_file_folder) : options.allowed_root;
  state.allowed_root = canonical_path(root_folder.empty() ? fs::path(".") : root_folder);
  state.allowed_root_display = root_folder.empty() ? "." : root_folder.lexically_normal().string();
  state.read_options = options.read;
  state.max_files = options.max_files;
  return state;
}

/// The whole rule set loaded from `root`, or the diagnostics of why not.
LoadResult load_root(LoadState& state, const RootFile& root) {
  Level level = load_level(state, root, Reference{});
  if (level.complete) check_record_kinds(state, level.rules);
  LoadResult result;
  sort_diagnostics(state.diagnostics, level.files);
  result.diagnostics = std::move(state.diagnostics);
  if (!level.complete || has_errors(result.diagnostics)) return result;
  result.ruleset = std::make_unique<LoadedRuleSet>();
  result.ruleset->rules = std::move(level.rules);
  result.ruleset->origins = std::move(state.origins);
  result.ruleset->files = std::move(level.files);
  return result;
}

}  // namespace

LoadResult load_ruleset(const fs::path& root_file_or_folder, const LoadOptions& options) {
  std::error_code error;
  fs::path root = root_file_or_folder;
  if (fs::is_directory(root, error)) root /= "ruleset.yaml";
  root = root.lexically_normal();
  LoadState state = start_state(root.parent_path(), options);
  return load_root(state, RootFile{root});
}

LoadResult load_ruleset_text(RootText root, const LoadOptions& options) {
  LoadState state = start_state(root.folder.value_or(fs::path()), options);
  LoadResult result = load_root(state, RootFile{root.name, &root});
  if (result.ruleset) result.ruleset->root_text = std::move(root);
  return result;
}

}  // namespace cadre::load
