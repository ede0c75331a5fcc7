// The readers of the individual formats, called by read_records() once the
// format is known. Internal to src/records.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "records/record_batch.hpp"
#include "records/text_encoding.hpp"
#include "yaml/node.hpp"

namespace cadre::records {

/// A records file's text, decoded to UTF-8, and the bytes of the file that
/// were not text (each U+FFFD in `text`): each is an error of the record that
/// holds it.
struct SourceText {
  std::string name;  ///< the file name, for diagnostics
  std::string text;
  std::vector<BadByte> bad_bytes;
};

/// YAML or JSON (JSON is read by the YAML reader, then checked to be JSON).
RecordBatch read_yaml_records(SourceText source, bool json, const RecordTypeLookup& types,
                              const RecordReadOptions& options);
RecordBatch read_json_lines_records(const SourceText& source, const RecordTypeLookup& types,
                                    const RecordReadOptions& options);
RecordBatch read_csv_records(const SourceText& source, const RecordTypeLookup& types,
                             const RecordReadOptions& options);

/// Where `node` (read by the YAML reader from `text`) uses YAML syntax that
/// JSON does not have: unquoted or single-quoted strings and keys, numbers not
/// in JSON's form, a missing value.
void check_json(const yaml::Node& node, std::string_view text, std::vector<RecordIssue>& issues);

}  // namespace cadre::records
