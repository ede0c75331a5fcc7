// Comparing a variant with its base (`cadre-policy diff`): the rule-set
// difference and the static impact always; with a records file, the impact
// on that population. The file is read for each side with the same options;
// the base skips the fields only the variant declares (and the report names
// them), so that a county's records with its own fields are accepted by both.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/diagnostic.hpp"
#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"
#include "diff/variant_impact.hpp"

namespace cadre::diff {

struct CompareOptions {
  std::string records;  ///< empty: no population
  Date as_of;
  std::string group_kind;  ///< the kind to group money by; empty: default_group_kind
  RecordReadOptions read;
};

struct Comparison {
  VariantImpact impact;
  /// The records file's diagnostics (each side's, the base's marked so);
  /// the impact has no population when the file could not be read.
  std::vector<Diagnostic> diagnostics;
};

/// Exported for the command-line tool (not a public header).
Comparison compare_rule_sets(const CompiledRuleSet& base, const std::string& base_path,
                             const CompiledRuleSet& variant, const std::string& variant_path,
                             const CompareOptions& options);

}  // namespace cadre::diff
