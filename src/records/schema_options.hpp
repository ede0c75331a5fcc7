// What a rule set's schema says of records beyond their types: the field
// that keys each record kind, and the fields a record must give. The record
// types themselves come from the compiled environment (RecordTypeLookup).
#pragma once

#include <string>

#include "model/ruleset.hpp"
#include "records/record_batch.hpp"

namespace cadre::records {

/// Read options with the schema's key fields (`key:` of a record kind) and
/// `required: true` fields, by record type name as the compiler names them:
/// `cadre`, and `cadre.assessments` for the entries of a history list. The
/// format and the default kind are left for the caller.
RecordReadOptions schema_read_options(const model::Schema& schema);

/// The kind of records that do not say theirs: the subject of most decisions
/// (the first record kind when there are none).
std::string default_record_kind(const model::RuleSet& rules);

}  // namespace cadre::records
