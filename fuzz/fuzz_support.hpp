// What the fuzz targets of records and decisions share: the fixed rule sets
// of the repository they read records for, each loaded and compiled once, and
// reading records from text (the readers' internal entry point) as
// cadre::read_records reads a file for a rule set.
#pragma once

#include <string>
#include <string_view>

#include "cadre/engine.hpp"
#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::fuzz {

/// The rule set at `path` (relative to the source tree; `include` and
/// `extends` confined to it), loaded once per process. Aborts when it does not
/// load: a fixed rule set that fails is a broken fuzz target, not a finding.
const CompiledRuleSet& fixed_ruleset(std::string_view path);

/// Reads `text` as a records file of `format` for `rules`: the schema's types,
/// keys and required fields, and the default kind of cadre::read_records.
RecordBatch read_records_text(const CompiledRuleSet& rules, std::string text, RecordFormat format);

/// Renders every value and diagnostic of the batch, so that all of it is read.
void touch(const RecordBatch& batch);

}  // namespace cadre::fuzz
