// The readers of the individual formats, called by read_records() once the
// format is known. Internal to src/records.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "records/csv_scanner.hpp"
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

// The parts of the JSON Lines and CSV readers that read one record, shared by
// the readers of a whole text (above) and the streamed reader
// (record_stream.hpp), so that a record reads the same either way. `text` is
// the text a record's offsets index (the whole file, or a piece of it) and
// `bad` the bytes in it that are not text (offsets into `text`).

/// True when the line `text[begin, end)` (without its `\n`) holds a record:
/// blank lines are skipped.
bool holds_json_line(std::string_view text, std::size_t begin, std::size_t end);

/// The record on the JSON Lines line `text[begin, end)` (without its `\n`;
/// a `\r` before it is cut off), line number `line`; `bad` holds the bad
/// bytes within the line.
InputRecord read_json_line(const std::string& name, std::string_view text, std::size_t begin,
                           std::size_t end, int line, std::span<const BadByte> bad,
                           const RecordTypeLookup& types, const RecordReadOptions& options);

/// True when a CSV text holds nothing, not even a header: only blanks and
/// line breaks (after a byte-order mark).
bool csv_is_blank(std::string_view text);

/// The rows of a CSV file once its header row is read: the header's
/// diagnostics (`records.header`), and each data row as a record. Immutable
/// once built: read() may be called from several threads.
class CsvRecords {
 public:
  /// `header` is the first row; `text` and `bad` what its offsets index.
  CsvRecords(const std::string& file, CsvRow header, std::string_view text,
             std::span<const BadByte> bad, const RecordReadOptions& options);

  /// The problems of the header (a bad one makes every row unread).
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  /// True when the scanner must read `row` again on one line: a quoted cell
  /// ran over line breaks and broke the row (a stray quote).
  bool read_again(const CsvRow& row) const;

  /// The record of the data row `row` (its cells arranged by the header's
  /// field paths and converted), with an error for its first bad byte.
  InputRecord read(const CsvRow& row, std::string_view text, std::span<const BadByte> bad,
                   const RecordTypeLookup& types, const RecordReadOptions& options) const;

 private:
  struct Columns;  // the header's field paths (csv_records.cpp)
  CsvRow header_;
  std::shared_ptr<Columns> columns_;
  std::vector<Diagnostic> diagnostics_;
  bool header_ok_ = false;
};

/// Where `node` (read by the YAML reader from `text`) uses YAML syntax that
/// JSON does not have: unquoted or single-quoted strings and keys, numbers not
/// in JSON's form, a missing value.
void check_json(const yaml::Node& node, std::string_view text, std::vector<RecordIssue>& issues);

}  // namespace cadre::records
