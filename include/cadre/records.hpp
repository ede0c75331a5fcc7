// Reading records for a rule set: a file of YAML, JSON, JSON Lines or CSV
// (docs/records.md) → one InputRecord per input record, in input order, each
// either typed by the rule set's schema or carrying the errors that kept it
// from being read. Nothing is dropped.
//
//   auto batch = cadre::read_records("county.csv", *loaded.ruleset);
//   auto outputs = engine.evaluate_batch(batch, as_of);   // one per input record
//
// read_records_text reads the same formats from text in memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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
/// format or encoding, a bad CSV header, a file that is not a list of
/// records, a limit passed, a file with no records (a warning).
struct RecordBatch {
  std::string source;  ///< the file name, for error reports
  std::vector<InputRecord> records;
  std::vector<Diagnostic> diagnostics;
  /// With RecordReadOptions::ignore_unknown_fields: the fields skipped, as
  /// `<record type>.<field>` (`cadre.leave_days`, `cadre.assessments.note`),
  /// sorted, each once.
  std::vector<std::string> ignored_fields;
};

enum class RecordFormat { automatic, yaml, json, json_lines, csv };

/// The text encoding of a records file. Files are UTF-8 unless told
/// otherwise; a file in another encoding is refused with how to convert it
/// (or which encoding to give), never read as garbage.
enum class RecordEncoding {
  utf8,     ///< UTF-8, the default; a byte-order mark at the start is skipped
  gb18030,  ///< GB18030, which includes GBK and GB2312 (Chinese-locale Excel, Notepad)
  utf16,    ///< UTF-16, little- or big-endian by its byte-order mark (else by its NUL bytes)
};

/// The encoding a name given by a user stands for: `utf-8`/`utf8`,
/// `gb18030`/`gbk`/`gb2312`, `utf-16`/`utf16` (any case); nullopt for any
/// other name.
CADRE_API std::optional<RecordEncoding> parse_record_encoding(std::string_view name);

/// How a records file is read, and the limits that keep a broken or hostile
/// file from exhausting time or memory. A record over a limit is an error of
/// that record; a file over one is a `records.limit` diagnostic.
struct RecordReadOptions {
  /// The format; automatic: by the file's extension.
  RecordFormat format = RecordFormat::automatic;
  /// The file's text encoding (converted to UTF-8 with the system's iconv).
  RecordEncoding encoding = RecordEncoding::utf8;
  /// Largest file read, in bytes (256 MiB); a larger one is not read at all.
  std::size_t max_file_bytes = std::size_t{256} << 20;
  /// Largest record, in bytes (1 MiB): a CSV row or a JSON Lines line; in
  /// YAML and JSON, which are parsed whole, any one value (a longer one stops
  /// the file at its position).
  std::size_t max_record_bytes = std::size_t{1} << 20;
  /// Deepest nesting of lists and mappings (YAML, JSON, JSON Lines), or of a
  /// CSV column's field path.
  int max_depth = 64;
  /// Most values (nodes) in a YAML or JSON file, the memory its tree takes.
  std::size_t max_values = 4'000'000;
  /// Most diagnostics reported for a file, and most errors for one record;
  /// the rest are counted in one last `… and N more`.
  std::size_t max_diagnostics = 20;
  /// Fields the schema does not declare are skipped instead of being errors
  /// of their records, and named once each in RecordBatch::ignored_fields.
  /// For reading one population for a rule set and a variant that declares
  /// more fields (`cadre-policy diff`); off, an unknown field is an error.
  bool ignore_unknown_fields = false;
};

/// Reads the records of `file` as records of the rule set's schema. The
/// format is options.format, or the one the extension implies (.yaml/.yml,
/// .json, .jsonl/.ndjson, .csv). Records that do not say their kind take the
/// kind most of the rule set's decisions are about. A file with no records is
/// a `records.empty` warning.
CADRE_API RecordBatch read_records(const std::filesystem::path& file, const CompiledRuleSet& rules,
                                   const RecordReadOptions& options = {});

/// As above, with the format given and the other options at their defaults.
CADRE_API RecordBatch read_records(const std::filesystem::path& file, const CompiledRuleSet& rules,
                                   RecordFormat format);

/// Reads records given as text instead of a file (a message from another
/// system, a partition of a population), as read_records reads a file:
/// `name` stands for the file name in diagnostics and record errors, and
/// decides the format by its extension when options.format is automatic.
/// The text is in options.encoding and at most options.max_file_bytes long.
CADRE_API RecordBatch read_records_text(std::string name, std::string text,
                                        const CompiledRuleSet& rules,
                                        const RecordReadOptions& options = {});

}  // namespace cadre
