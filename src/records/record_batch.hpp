// The result of reading a records file: one InputRecord per record in the
// input, in input order, each either typed or carrying the errors that kept
// it from being read; plus the problems of the file as a whole. Shared by the
// readers of every format and by the tools that evaluate the records.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/type.hpp"
#include "cadre/value.hpp"

namespace cadre::records {

/// A problem with one record: the field path it concerns (`birth_date`,
/// `assessments[1].grade`; empty for the record as a whole), a message, and
/// where it is in the file (1-based; column 0 when the format has none).
struct RecordIssue {
  std::string field;
  std::string message;
  int line = 0;
  int column = 0;
};

/// One record of the input. `value` is set only when the record was read and
/// converted without any error; otherwise `errors` says why, and `kind` and
/// `id` are filled in as far as they could be read.
struct InputRecord {
  std::string kind;  ///< the record kind (`cadre`, `village`), as given or defaulted
  std::string id;    ///< the text of the record's key field, when it has one
  int line = 0;      ///< where the record starts
  std::optional<RecordValue> value;
  std::vector<RecordIssue> errors;  ///< in file order
};

/// Every record of a file, in input order (one per input record, never
/// dropped), and the file-level problems: an unreadable file, an unknown
/// format, a bad CSV header, a file that is not a list of records.
struct RecordBatch {
  std::vector<InputRecord> records;
  std::vector<Diagnostic> diagnostics;
};

enum class RecordFormat { automatic, yaml, json, json_lines, csv };

struct RecordReadOptions {
  RecordFormat format = RecordFormat::automatic;
  /// The kind of records that do not say theirs (no `kind` key or column).
  std::string default_kind;
  /// The field whose text becomes InputRecord::id.
  std::string key_field = "id";
};

/// Looks up the declared type of a record kind, or null.
using RecordTypeLookup = std::function<std::shared_ptr<const RecordType>(std::string_view kind)>;

/// The diagnostic codes of the readers (besides the YAML reader's `yaml.*`).
inline constexpr std::string_view kIoCode = "records.io";              ///< the file cannot be read
inline constexpr std::string_view kFormatCode = "records.format";      ///< unknown format
inline constexpr std::string_view kShapeCode = "records.shape";        ///< not a list of records
inline constexpr std::string_view kHeaderCode = "records.header";      ///< a bad CSV header
inline constexpr std::string_view kEncodingCode = "records.encoding";  ///< not UTF-8 text

}  // namespace cadre::records
