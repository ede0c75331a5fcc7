// The readers of the individual formats, called by read_records() once the
// format is known. Internal to src/records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "records/record_batch.hpp"
#include "yaml/node.hpp"

namespace cadre::records {

/// YAML or JSON (JSON is read by the YAML reader, then checked to be JSON).
RecordBatch read_yaml_records(std::string name, std::string text, bool json,
                              const RecordTypeLookup& types, const RecordReadOptions& options);
RecordBatch read_json_lines_records(std::string name, std::string_view text,
                                    const RecordTypeLookup& types,
                                    const RecordReadOptions& options);
RecordBatch read_csv_records(std::string name, std::string_view text, const RecordTypeLookup& types,
                             const RecordReadOptions& options);

/// Where `node` (read by the YAML reader from `text`) uses YAML syntax that
/// JSON does not have: unquoted or single-quoted strings and keys, numbers not
/// in JSON's form, a missing value.
void check_json(const yaml::Node& node, std::string_view text, std::vector<RecordIssue>& issues);

}  // namespace cadre::records
