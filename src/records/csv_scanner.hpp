// Splitting CSV text into rows of cells (RFC 4180: commas, double-quoted cells
// with "" escapes and line breaks, CRLF or LF), each cell with its line and
// column, so that a broken row costs that row only:
//
// - a row is at most a given number of bytes: a longer one is cut off (its
//   error says so) and reading goes on at the next line;
// - a quote that is never closed, or closed only lines later by a stray
//   quote, would take every line up to that quote into one cell. The reader
//   sees that row broken (a quoting error, the wrong number of cells) and
//   asks the scanner to read it again on one line: a quoted cell opening
//   before where the long cell ended then ends at the end of its line. No
//   legitimate quoted cell can open in between (every quote there pairs up),
//   so the rows after it read as they would have without the stray quote,
//   and each byte is scanned at most twice.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/record_batch.hpp"
#include "yaml/node.hpp"

namespace cadre::records {

struct CsvCell {
  std::string text;
  yaml::Mark mark;
  bool quoted = false;
};

struct CsvRow {
  int line = 0;
  std::size_t begin = 0;  ///< byte offsets of the row, its line break included
  std::size_t end = 0;
  std::vector<CsvCell> cells;
  std::vector<RecordIssue> errors;  ///< quoting problems, a byte-order mark, a row too long
  /// Over the byte limit: the row's cells are not all read.
  bool too_long = false;
  /// A quoting problem or the limit, which a stray quote may cause.
  bool broken = false;
  /// When a quoted cell of the row runs over a line break: where it ended
  /// (its closing quote, or where reading stopped).
  std::optional<yaml::Mark> spanned_to;
};

class CsvScanner {
 public:
  /// Where the scanner stands between two rows: enough to go on over another
  /// piece of the same text (the streamed reader keeps only a window of the
  /// file). Offsets are into the text given to the scanner.
  struct State {
    std::size_t pos = 0;
    int line = 1;
    int column = 1;
    std::size_t one_line_before = 0;
    yaml::Mark spanned_to;
  };

  /// `text` is the whole file; a UTF-8 byte-order mark at its start is skipped.
  CsvScanner(std::string_view text, std::size_t max_row_bytes);

  /// Goes on from `state` over `text`, a window of the file that starts at
  /// byte `base` of it (the whole file from base 0 reads as above). A row
  /// read reaches at most max_row_bytes past its start, then to the end of
  /// that line: a window holding that much reads it as the whole file would.
  CsvScanner(std::string_view text, std::size_t max_row_bytes, const State& state,
             std::size_t base);

  State state() const { return {pos_, line_, column_, one_line_before_, spanned_to_}; }

  /// The next row, skipping empty lines; false at the end of the text.
  bool next(CsvRow& row);

  /// Reads `row` (which has spanned_to) again from its start, every quoted
  /// cell opening before row.spanned_to ending at the end of its line.
  void reread_on_one_line(CsvRow& row);

 private:
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at_end() const { return pos_ >= text_.size(); }
  bool at_newline() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
  void skip_newline();
  yaml::Mark mark() const { return {line_, column_, static_cast<int>(pos_)}; }
  /// Moves over [pos_, end), which holds no line break.
  void move_to(std::size_t end);

  void read_cell(CsvRow& row);
  /// The quoted part of a cell; false when the row went over the limit.
  bool read_quoted(CsvRow& row, CsvCell& cell);
  void read_unquoted(CsvRow& row, CsvCell& cell);
  void skip_rest_of_line(CsvRow& row);

  std::string_view text_;
  std::size_t max_row_bytes_;
  std::size_t base_ = 0;  ///< where text_ starts in the file
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::size_t limit_ = 0;  ///< the end of the current row's byte budget
  /// Quoted cells opening before this offset end at the end of their line.
  std::size_t one_line_before_ = 0;
  /// Where the quoted cell that set one_line_before_ had ended.
  yaml::Mark spanned_to_;
};

}  // namespace cadre::records
