// The one place where raw record data becomes typed values. Every format
// first produces a located YAML tree (YAML and JSON by the YAML reader, JSON
// Lines line by line, CSV by arranging its cells by the header's field
// paths); these functions turn such a tree into an InputRecord of a declared
// record kind, so that all formats accept and reject exactly the same values.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/type.hpp"
#include "cadre/value.hpp"
#include "records/record_batch.hpp"
#include "yaml/node.hpp"

namespace cadre::records {

/// The value of `node` as `type`, or nullopt with the reasons added to
/// `issues`. `path` names the field in messages (`assessments[0].grade`).
/// A scalar's text decides its value whatever its quoting (so that 3000.10 is
/// an exact decimal and "42" an int where one is declared); a null node must
/// be handled by the caller (it is an absent fact). A value that is not one of
/// an open enumeration's is unknown (`unspecified_parameter:<enum>`), not an
/// error. Records inside must give their options.required fields.
std::optional<Value> convert_node(const yaml::Node& node, const Type& type, const std::string& path,
                                  std::vector<RecordIssue>& issues,
                                  const RecordReadOptions& options = {});

/// The record in `node` (a mapping of field names to values). `kind` is the
/// kind the file's shape gives it; when empty, a `kind` entry naming a
/// declared kind selects it, else options.default_kind applies. A record with
/// errors keeps the fields that converted in `partial`.
InputRecord build_record(const yaml::Node& node, std::string_view kind,
                         const RecordTypeLookup& types, const RecordReadOptions& options);

/// Adds `issues` to the record's errors (kept in file order) and drops its
/// value: a record with an error is never evaluated (a value read whole
/// becomes its partial value).
void add_issues(InputRecord& record, std::vector<RecordIssue> issues);

}  // namespace cadre::records
