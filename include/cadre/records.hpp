// Reading records for a rule set: a file of YAML, JSON, JSON Lines or CSV
// (docs/records.md) → one InputRecord per input record, in input order, each
// either typed by the rule set's schema or carrying the errors that kept it
// from being read. Nothing is dropped.
//
//   auto batch = cadre::read_records("county.csv", *loaded.ruleset);
//   auto outputs = engine.evaluate_batch(batch, as_of);   // one per input record
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/export.hpp"
#include "cadre/ruleset.hpp"
#include "cadre/value.hpp"

namespace cadre {

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
/// converted without any error; otherwise `errors` says why, `kind` and `id`
/// are filled in as far as they could be read, and `partial` holds what could
/// be read so that the record still counts, with unknown facts, as a member of
/// its group.
struct InputRecord {
  std::string kind;  ///< the record kind (`cadre`, `village`), as given or defaulted
  std::string id;    ///< the text of the record's key field, when it has one
  int line = 0;      ///< where the record starts
  std::optional<RecordValue> value;
  /// when the record has errors: the fields that could be read (bad fields
  /// absent); not set when its kind is not known or nothing of it could be
  /// parsed as a record.
  std::optional<RecordValue> partial;
  std::vector<RecordIssue> errors;  ///< in file order
};

/// Every record of a file, in input order (one per input record, never
/// dropped), and the file-level problems: an unreadable file, an unknown
/// format, a bad CSV header, a file that is not a list of records.
struct RecordBatch {
  std::string source;  ///< the file name, for error reports
  std::vector<InputRecord> records;
  std::vector<Diagnostic> diagnostics;
};

enum class RecordFormat { automatic, yaml, json, json_lines, csv };

/// Reads the records of `file` as records of the rule set's schema. The
/// format is `format`, or the one the extension implies (.yaml/.yml, .json,
/// .jsonl/.ndjson, .csv). Records that do not say their kind take the kind
/// most of the rule set's decisions are about.
CADRE_API RecordBatch read_records(const std::filesystem::path& file, const CompiledRuleSet& rules,
                                   RecordFormat format = RecordFormat::automatic);

}  // namespace cadre
