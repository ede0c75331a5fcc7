// Loading a rule set: YAML files → checked, compiled, immutable rule set.
//
//   auto loaded = cadre::load_ruleset("rules/hy");
//   for (const auto& d : loaded.diagnostics) std::cerr << cadre::format_diagnostic(d) << '\n';
//   if (!loaded.ok()) return 2;
//   const cadre::CompiledRuleSet& rules = *loaded.ruleset;   // share it between threads
//
// A rule set kept elsewhere than in files loads from its text
// (load_ruleset_text), its includes and `extends` resolved in a folder given.
//
// Loading reports every problem it finds (file:line:col), not only the first.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/diagnostic.hpp"
#include "cadre/export.hpp"
#include "cadre/expression.hpp"

namespace cadre {

struct CompiledRuleSetImpl;
namespace internal {
struct Access;
}

/// Bounds on what loading a rule set may take, for rule sets from elsewhere
/// (another county's files): each exceeded limit is a diagnostic, never a
/// crash or a hang. The defaults are generous for real rule sets.
struct RuleSetLimits {
  /// Largest file (the root, an include or an extended rule set), in bytes.
  std::size_t max_file_bytes = 16 << 20;
  /// Deepest nesting of YAML sequences and mappings.
  int max_yaml_depth = 64;
  /// Most YAML nodes in one file.
  std::size_t max_yaml_nodes = 1'000'000;
  /// Most files in one rule set, includes and extended rule sets counted.
  int max_files = 1'000;
  /// Length, nesting and iteration bounds of every expression; `max_iterations`
  /// bounds the macro iterations of one evaluation (the cost of a rule).
  ExpressionLimits expressions = {};
  /// Most diagnostics reported for one rule set; one more says how many were left out.
  std::size_t max_diagnostics = 200;
};

struct RuleSetOptions {
  /// Folder that `include` and `extends` may not leave; empty: the nearest
  /// folder at or above the named rule set's holding a `.cadre-root` marker
  /// (the top of a rules tree, so a county's variant may extend its city's
  /// rules beside it), else the folder of the rule set named in the call.
  std::filesystem::path allowed_root = {};
  RuleSetLimits limits = {};
};

/// A value the rules leave open: a parameter, an entry of a table or
/// series, or the keys a table does not list. A decision that needs it is
/// undetermined with `code`.
struct OpenValue {
  /// The reason code: `unspecified_parameter:ps.min_collective_income`,
  /// `unspecified_parameter:hy.perf_multiplier.称职`.
  std::string code;
  /// Why the text gives no value, as the rule set states it (`unspecified:
  /// {because: …}`); both empty when it does not say: an oversight, warned.
  std::string reason_zh;
  std::string reason_en;
  SourceLocation location;  ///< where the value is left open
};

/// What a person reads about a decision whatever the record: its title, the
/// provision it cites with the source sentence quoted as the document gives
/// it, and the document.
struct DecisionInfo {
  std::string id;
  std::string kind;  ///< eligibility, warning, exit, pay, assessment, allocation
  std::string title_zh;
  std::string title_en;
  std::string cite;       ///< provision id (`HY-PAY-02`)
  std::string quote;      ///< the source sentence, verbatim
  std::string source_zh;  ///< the title of the document the provision belongs to
  std::string source_en;
  SourceLocation location;  ///< where the decision is written
};

/// A checked, compiled rule set. Immutable; cheap to copy; safe to share
/// between threads.
class CADRE_API CompiledRuleSet {
 public:
  const std::string& id() const;
  const std::string& version() const;
  /// The rule set's title (`ruleset.title`), each possibly empty.
  const std::string& title_zh() const;
  const std::string& title_en() const;
  /// The dates the rules are in force (`valid` of the rule set), each optional;
  /// `to` is inclusive.
  std::optional<Date> valid_from() const;
  std::optional<Date> valid_to() const;
  /// True when the rules are in force on `date`.
  bool in_force(Date date) const;
  /// SHA-256 (hex) over the canonical text of every file, extended ones included.
  const std::string& digest() const;
  /// Decision ids in dependency order.
  std::vector<std::string> decision_ids() const;
  std::size_t parameter_count() const;
  std::size_t derived_count() const;
  /// Every value the rules leave open, in the order of the parameters (a
  /// variant's as merged: what it sets is no longer open).
  const std::vector<OpenValue>& open_values() const;
  /// The open value a reason code names, or null.
  const OpenValue* open_value(std::string_view code) const;
  /// Every decision's title, citation and quote, in the rule set's order.
  const std::vector<DecisionInfo>& decisions() const;
  /// The decision a result id names (`hy.pay`, or `hy.excellent[2018]` of a
  /// decision made per key), or null.
  const DecisionInfo* decision(std::string_view result_id) const;

 private:
  friend struct internal::Access;  // the library's own stages reach the compiled form
  CompiledRuleSet() = default;
  std::shared_ptr<const CompiledRuleSetImpl> impl_;
};

struct RuleSetLoadResult {
  std::optional<CompiledRuleSet> ruleset;  ///< set when there are no errors
  std::vector<Diagnostic> diagnostics;     ///< sorted by file, line, column
  bool ok() const { return ruleset.has_value(); }
};

/// Loads, validates and compiles the rule set at `path` (its ruleset.yaml, or
/// the folder holding it). Never throws for a mistake in the files.
CADRE_API RuleSetLoadResult load_ruleset(const std::filesystem::path& path,
                                         const RuleSetOptions& options = {});

/// A rule set given as YAML text rather than as a file: kept in a database,
/// sent by another system, written by a test.
struct RuleSetText {
  /// What diagnostics call it, as they would name its file (`county.yaml`).
  std::string name;
  /// The text of its root file.
  std::string yaml;
  /// The folder its `include`s and `extends` resolve in, as if the text were
  /// a file there (RuleSetOptions::allowed_root then defaults as for such a
  /// file). Empty: each is refused with a `load.no_base_folder` diagnostic;
  /// give "." for the current folder.
  std::filesystem::path base_folder = {};
};

/// Loads, validates and compiles the rule set whose root file is `text`,
/// like load_ruleset. Never throws for a mistake in the text or the files.
CADRE_API RuleSetLoadResult load_ruleset_text(RuleSetText text, const RuleSetOptions& options = {});

}  // namespace cadre
