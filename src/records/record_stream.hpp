// Reading a JSON Lines or CSV file record by record, for files of any size:
// the file is decoded a piece at a time into a window that holds the records
// not yet cut from it, and each record's text is cut off with what a worker
// thread needs to read it. Reading a record is the same code as the readers
// of a whole text (format_readers.hpp), so that every record, error and
// position is the same either way; what those readers decide from the whole
// file (a file in another encoding, no records) is known here once the file
// has been read to its end.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "records/csv_scanner.hpp"
#include "records/format_readers.hpp"
#include "records/record_batch.hpp"
#include "records/text_encoding.hpp"

namespace cadre::records {

/// One record's text as cut from the file, not yet read: a JSON Lines line
/// (without its `\n`) or a CSV row (its cells, offsets into `text`).
struct RecordText {
  std::string text;
  int line = 0;
  std::vector<BadByte> bad;  ///< the bytes in `text` that are not text
  /// CSV only (a pointer: the records of a JSON Lines file kept for a whole
  /// run, its villages, do not carry an empty row each).
  std::unique_ptr<CsvRow> row;
};

class RecordStream {
 public:
  /// Opens `file` (JSON Lines or CSV, by options.format or its extension).
  /// `watch`: keep what the end of the file tells about the whole
  /// (refusal(), for the first pass over a file).
  /// The file is read `piece_bytes` at a time (small pieces test the window).
  RecordStream(const std::filesystem::path& file, const RecordReadOptions& options, bool watch,
               std::size_t piece_bytes = std::size_t{1} << 20);
  RecordStream(const RecordStream&) = delete;
  RecordStream& operator=(const RecordStream&) = delete;

  /// Reads what comes before the records (a CSV header), so that its
  /// problems are in diagnostics(); false when the file cannot be read.
  bool prepare();

  /// The next record's text; false at the end of the file, or when it cannot
  /// be read on (diagnostics() says why).
  bool next(RecordText& record);

  /// The record of `text` (cut by this or another stream of the same file
  /// and options), as the reader of the whole file reads it (before the
  /// checks of the file as a whole: duplicate keys, the caps on errors).
  /// Needs prepare(); reads only what that fixed, so it may be called from
  /// several threads at once, while next() goes on.
  InputRecord read(const RecordText& text, const RecordTypeLookup& types) const;

  /// What keeps the file from being read: it cannot be opened or read, its
  /// format is not JSON Lines or CSV, a bad CSV header (its rows are then
  /// records with the error `not read`); with `watch`, at the end, a file in
  /// another encoding than the one it is read with.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  /// True once every byte was read (next() gave false without a failure).
  bool at_end() const { return ended_; }

  /// True when the file was refused for its encoding (diagnostics() says
  /// why): the records given before that are not to be used.
  bool refused() const { return refused_; }

  /// Bytes read from the file so far, and its size (0 when unknown).
  std::uint64_t bytes_read() const { return bytes_read_; }
  std::uint64_t file_size() const { return file_size_; }

 private:
  bool fill();
  void compact(std::size_t keep_from);
  bool next_json_line(RecordText& record);
  bool next_csv_row(RecordText& record);
  bool start_csv();
  /// Scans the next CSV row from `state_`, with a window long enough for it.
  bool scan_row(CsvRow& row);
  void cut(std::size_t begin, std::size_t end, RecordText& record) const;
  void fail(Diagnostic diagnostic);
  void refuse(Diagnostic diagnostic);

  std::string name_;
  RecordReadOptions options_;
  RecordFormat format_ = RecordFormat::automatic;
  std::ifstream in_;
  TextDecoder decoder_;
  bool watch_;
  std::size_t piece_bytes_;
  std::string piece_;  ///< the bytes of the last piece read
  std::uint64_t bytes_read_ = 0;
  std::uint64_t file_size_ = 0;
  bool eof_ = false;    ///< every byte of the file is in the window
  bool ended_ = false;  ///< every record was given
  bool failed_ = false;
  bool refused_ = false;
  std::vector<Diagnostic> diagnostics_;
  // The window: decoded text from byte `base_` of the decoded file on, and
  // its bad bytes (offsets into the window).
  std::string window_;
  std::vector<BadByte> bad_;
  std::size_t base_ = 0;
  std::size_t pos_ = 0;  ///< where the next record starts (JSON Lines)
  int line_ = 1;         ///< its line
  // CSV: the scanner's place between rows, and the header's reading.
  bool csv_started_ = false;
  CsvScanner::State state_;
  std::shared_ptr<const CsvRecords> csv_;
};

}  // namespace cadre::records
