// The check stage: passes that read a compiled rule set and report problems a
// compiler cannot see (citations, unspecified values, gaps and overlaps in
// decision tables, conditions that can never hold, dangling references). The
// passes are an ordered, named table, one file per pass; every pass reports
// all it finds and none stops the others.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::check {

class PassContext;

/// One pass: a stable name and the function that runs it.
struct Pass {
  std::string_view name;
  void (*run)(PassContext& context);
};

/// The passes in the order run_checks runs them.
std::span<const Pass> passes();

/// Runs every pass over `ruleset`, appending their diagnostics in pass order.
void run_checks(const CompiledRuleSetImpl& ruleset, std::vector<Diagnostic>& diagnostics);

// The passes, one file each.
void check_enums(PassContext& context);            ///< enums.cpp
void check_citations(PassContext& context);        ///< citations.cpp
void check_parameters(PassContext& context);       ///< parameters.cpp
void check_references(PassContext& context);       ///< references.cpp
void check_conditions(PassContext& context);       ///< conditions.cpp
void check_decision_tables(PassContext& context);  ///< decision_tables.cpp
void check_test_records(PassContext& context);     ///< test_records.cpp
void check_messages(PassContext& context);         ///< messages.cpp

}  // namespace cadre::check
