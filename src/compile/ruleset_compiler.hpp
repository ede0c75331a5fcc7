// Rule-set compiler: the loaded model → CompiledRuleSetImpl. Declares one
// expression environment for the whole rule set (record kinds, parameters,
// switches, derived values and decisions as dotted variables), orders derived
// values and decisions by their references (a cycle is an error naming it),
// compiles every expression with its errors mapped to the YAML file, parses
// parameter values and computes the digest.
#pragma once

#include <memory>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre {

struct RuleSetCompileResult {
  std::shared_ptr<const CompiledRuleSetImpl> ruleset;  ///< null when there are errors
  std::vector<Diagnostic> diagnostics;
};

/// `options.limits` bound every expression of the rule set (length, nesting,
/// macro iterations at evaluation).
RuleSetCompileResult compile_ruleset(std::unique_ptr<load::LoadedRuleSet> loaded,
                                     const CompileOptions& options = {});

}  // namespace cadre
