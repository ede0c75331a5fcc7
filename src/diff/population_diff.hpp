// The impact of a variant on a population: the records' results under the
// base and under the variant, compared result by result (record × decision ×
// key), tallied per decision, with the money of pay decisions by component
// and by group. Undetermined results are counted apart: a result that is
// undetermined on either side is never a change of value.
#pragma once

#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"
#include "diff/variant_impact.hpp"

namespace cadre::diff {

/// The group of each record (its town): id and name, empty when none.
struct RecordGroup {
  std::string id;
  std::string name;
};

/// The groups of the records of `batch`: the record itself when it is of
/// `group_kind`, else the ancestor of that kind (through `belongs_to`).
std::vector<RecordGroup> record_groups(const CompiledRuleSet& rules, const RecordBatch& batch,
                                       const std::string& group_kind);

/// The kind results are grouped by when none is asked for: `town` when the
/// schema has it, else the kind most records belong to at the top; empty when
/// the schema has no `belongs_to`.
std::string default_group_kind(const CompiledRuleSet& rules);

/// `before` and `after` hold one output per input record, in the same input
/// order (the decisions about no record first, as `_context`, when any);
/// `groups` one entry per output. Decisions are tallied in the variant's order.
PopulationImpact compare_population(const CompiledRuleSet& base,
                                    const std::vector<RecordOutput>& before,
                                    const CompiledRuleSet& variant,
                                    const std::vector<RecordOutput>& after,
                                    const std::vector<RecordGroup>& groups);

}  // namespace cadre::diff
