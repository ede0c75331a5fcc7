// Finding the records a subject belongs to (its village, the village's town)
// among the records given with it, by the `belongs_to` key fields of the schema.
#pragma once

#include <string>
#include <vector>

#include "cadre/value.hpp"
#include "model/ruleset.hpp"

namespace cadre::engine {

/// The record's `id` as text, or empty.
std::string key_of(const RecordValue& record);

/// For every record of `all`, the indices of the records it belongs to,
/// nearest first (found through one index of the records by kind and id).
std::vector<std::vector<std::size_t>> ancestor_indices(const model::RuleSet& rules,
                                                       const std::vector<RecordValue>& all);

/// The chain of records `subject` belongs to, nearest first; a link that is
/// missing ends the chain (the engine then treats those facts as unknown).
std::vector<RecordValue> ancestors(const model::RuleSet& rules, const RecordValue& subject,
                                   const std::vector<RecordValue>& all);

}  // namespace cadre::engine
