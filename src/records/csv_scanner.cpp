// The CSV scanner (see csv_scanner.hpp). Runs of ordinary bytes are copied
// at once; columns count code points.
#include "records/csv_scanner.hpp"

#include <algorithm>

#include "records/text_encoding.hpp"

namespace cadre::records {

namespace {

int code_points(std::string_view text) {
  int count = 0;
  for (char c : text)
    count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void add_error(CsvRow& row, const yaml::Mark& at, std::string message) {
  row.errors.push_back({"", std::move(message), at.line, at.column});
}

}  // namespace

CsvScanner::CsvScanner(std::string_view text, std::size_t max_row_bytes)
    : text_(text), max_row_bytes_(std::max<std::size_t>(max_row_bytes, 1)) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
}

CsvScanner::CsvScanner(std::string_view text, std::size_t max_row_bytes, const State& state,
                       std::size_t base)
    : text_(text),
      max_row_bytes_(std::max<std::size_t>(max_row_bytes, 1)),
      base_(base),
      pos_(state.pos),
      line_(state.line),
      column_(state.column),
      one_line_before_(state.one_line_before),
      spanned_to_(state.spanned_to) {}

void CsvScanner::skip_newline() {
  pos_ += peek() == '\r' ? 2 : 1;
  ++line_;
  column_ = 1;
}

void CsvScanner::move_to(std::size_t end) {
  column_ += code_points(text_.substr(pos_, end - pos_));
  pos_ = end;
}

bool CsvScanner::next(CsvRow& row) {
  while (at_newline())
    skip_newline();
  if (at_end()) return false;
  row.line = line_;
  row.begin = pos_;
  row.cells.clear();
  row.errors.clear();
  row.too_long = false;
  row.broken = false;
  row.spanned_to.reset();
  limit_ = text_.size() - pos_ > max_row_bytes_ ? pos_ + max_row_bytes_ : text_.size();
  if (base_ + pos_ > 0 && is_byte_order_mark(text_, pos_)) {
    add_error(row, mark(),
              "a byte-order mark (U+FEFF) at the start of line " + std::to_string(line_) +
                  ": were files joined? remove it");
    move_to(pos_ + 3);
  }
  while (true) {
    read_cell(row);
    if (row.too_long) {
      skip_rest_of_line(row);
      break;
    }
    if (peek() == ',') {
      move_to(pos_ + 1);
      continue;
    }
    if (at_newline()) skip_newline();
    break;
  }
  row.end = pos_;
  return true;
}

void CsvScanner::reread_on_one_line(CsvRow& row) {
  spanned_to_ = *row.spanned_to;
  one_line_before_ = std::max(one_line_before_, static_cast<std::size_t>(spanned_to_.offset));
  pos_ = row.begin;
  line_ = row.line;
  column_ = 1;
  next(row);
}

void CsvScanner::read_cell(CsvRow& row) {
  CsvCell& cell = row.cells.emplace_back();
  cell.mark = mark();
  cell.quoted = peek() == '"';
  if (cell.quoted && !read_quoted(row, cell)) return;
  read_unquoted(row, cell);
}

bool CsvScanner::read_quoted(CsvRow& row, CsvCell& cell) {
  const bool one_line = pos_ < one_line_before_;
  move_to(pos_ + 1);
  bool spans = false;
  while (true) {
    if (pos_ >= limit_ && !at_end()) {
      if (spans && !row.spanned_to) row.spanned_to = mark();
      row.too_long = row.broken = true;
      return false;
    }
    if (at_end()) {
      if (spans && !row.spanned_to) row.spanned_to = mark();
      add_error(row, cell.mark, "a quoted cell is not closed");
      row.broken = true;
      return true;
    }
    const char c = peek();
    if (c == '"' && peek(1) == '"') {
      cell.text += '"';
      move_to(pos_ + 2);
    } else if (c == '"') {
      if (spans && !row.spanned_to) row.spanned_to = mark();
      move_to(pos_ + 1);
      return true;
    } else if (one_line && at_newline()) {
      const bool closed = spanned_to_.offset < static_cast<int>(text_.size());
      add_error(row, cell.mark,
                closed ? "a quoted cell is not closed on its line: read as ending there (the `\"` "
                         "on line " +
                             std::to_string(spanned_to_.line) +
                             " would take the lines up to it into this cell)"
                       : "a quoted cell is never closed: read as ending at the end of its line");
      row.broken = true;
      return true;
    } else if (c == '\n') {
      cell.text += '\n';
      ++pos_;
      ++line_;
      column_ = 1;
      spans = spans || !at_end();  // a line break that ends the file takes in no line
    } else {
      const std::size_t stop = std::min(text_.find_first_of("\"\r\n", pos_ + 1), limit_);
      cell.text.append(text_.substr(pos_, stop - pos_));
      move_to(stop);
    }
  }
}

void CsvScanner::read_unquoted(CsvRow& row, CsvCell& cell) {
  // An unquoted cell (or what follows a closing quote) ends at a comma or a
  // line break; it holds no line break.
  std::size_t end = pos_;
  std::size_t quote = std::string_view::npos;
  while (end < text_.size()) {
    const char c = text_[end];
    if (c == ',' || c == '\n' || (c == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n')) {
      break;
    }
    if (c == '"' && quote == std::string_view::npos) quote = end;
    ++end;
  }
  if (end > limit_) {
    row.too_long = true;
    return;
  }
  if (cell.quoted && end > pos_) {
    add_error(row, mark(), "text after the closing `\"` of a quoted cell");
    row.broken = true;
  } else if (quote != std::string_view::npos) {
    add_error(
        row,
        {line_, column_ + code_points(text_.substr(pos_, quote - pos_)), static_cast<int>(quote)},
        "a `\"` inside an unquoted cell (quote the cell and write the quote as `\"\"`)");
    row.broken = true;
  }
  cell.text.append(text_.substr(pos_, end - pos_));
  move_to(end);
}

void CsvScanner::skip_rest_of_line(CsvRow& row) {
  row.cells.pop_back();  // cut off
  const std::size_t newline = text_.find('\n', pos_);
  std::size_t end = newline == std::string_view::npos ? text_.size() : newline;
  const std::size_t length = end - row.begin - (end > row.begin && text_[end - 1] == '\r');
  add_error(row, {row.line, 1, static_cast<int>(row.begin)},
            "the row is " + std::to_string(length) + " bytes, more than the limit of " +
                std::to_string(max_row_bytes_) + ": it is not read");
  pos_ = end;
  if (at_newline()) skip_newline();
}

}  // namespace cadre::records
