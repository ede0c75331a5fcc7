// The streamed reader of JSON Lines and CSV files (see record_stream.hpp).
// The window always reaches far enough for the record being cut: to the end
// of its line for JSON Lines; for CSV, a row's scan may reach max_record_bytes
// past its start and then to the end of that line, so the window is filled
// until it holds that much (or the file's end) and the row scanned again.
#include "records/record_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "records/read_records.hpp"
#include "records/record_limits.hpp"
#include "yaml/raw_text.hpp"

namespace cadre::records {

namespace {

/// The bad bytes of `bad` in [begin, end), moved to offsets from `begin`.
std::vector<BadByte> bad_between(const std::vector<BadByte>& bad, std::size_t begin,
                                 std::size_t end) {
  std::vector<BadByte> out;
  for (const BadByte& b : bad_bytes_in(bad, begin, end))
    out.push_back({b.offset - begin, b.bytes});
  return out;
}

void shift_row(CsvRow& row, std::size_t by) {
  row.begin -= by;
  row.end -= by;
  for (CsvCell& cell : row.cells)
    cell.mark.offset -= static_cast<int>(by);
  if (row.spanned_to) row.spanned_to->offset -= static_cast<int>(by);
}

}  // namespace

RecordStream::RecordStream(const std::filesystem::path& file, const RecordReadOptions& options,
                           bool watch, std::size_t piece_bytes)
    : name_(file.string()),
      options_(options),
      format_(options.format == RecordFormat::automatic ? format_from_extension(file)
                                                        : options.format),
      decoder_(options.encoding, watch),
      watch_(watch),
      piece_bytes_(std::max<std::size_t>(piece_bytes, 1)) {
  if (format_ != RecordFormat::json_lines && format_ != RecordFormat::csv) {
    fail(file_diagnostic(name_, kFormatCode, Severity::error,
                         "only JSON Lines and CSV files are read record by record: " +
                             yaml::backticked(name_) + " is not one",
                         "name it .jsonl, .ndjson or .csv, or read it whole"));
    return;
  }
  std::error_code error;
  file_size_ = std::filesystem::file_size(file, error);
  if (error) file_size_ = 0;
  errno = 0;
  in_.open(file, std::ios::binary);
  if (!in_) {
    fail(file_diagnostic(name_, kIoCode, Severity::error,
                         "cannot read " + yaml::backticked(name_) + ": " +
                             (errno != 0 ? std::strerror(errno) : "it cannot be opened")));
  }
}

void RecordStream::fail(Diagnostic diagnostic) {
  diagnostics_.push_back(std::move(diagnostic));
  failed_ = true;
}

// A file in another encoding is refused as a whole, before anything else is
// said of it (a CSV header read as garbage).
void RecordStream::refuse(Diagnostic diagnostic) {
  refused_ = true;
  diagnostics_.clear();
  fail(std::move(diagnostic));
}

// Reads and decodes the next piece of the file into the window; false when
// there is none (or the file cannot be read on).
bool RecordStream::fill() {
  if (eof_ || failed_) return false;
  // One buffer for every piece: a fresh one would be allocated and zeroed
  // each time (a megabyte at a time).
  std::string& piece = piece_;
  piece.resize(piece_bytes_);
  in_.read(piece.data(), static_cast<std::streamsize>(piece.size()));
  piece.resize(static_cast<std::size_t>(in_.gcount()));
  if (in_.bad()) {
    fail(file_diagnostic(name_, kIoCode, Severity::error,
                         "cannot read " + yaml::backticked(name_) + ": the read failed"));
    return false;
  }
  bytes_read_ += piece.size();
  eof_ = in_.eof();
  decoder_.decode(piece, eof_, window_, bad_);
  if (watch_) {
    if (auto refused = decoder_.refusal(name_, false)) {
      refuse(std::move(*refused));
      return false;
    }
  }
  return true;
}

// Drops the window's text before `keep_from` (records already cut).
void RecordStream::compact(std::size_t keep_from) {
  if (keep_from < piece_bytes_ || keep_from < window_.size() / 2) return;
  window_.erase(0, keep_from);
  auto first = std::lower_bound(bad_.begin(), bad_.end(), keep_from,
                                [](const BadByte& b, std::size_t at) { return b.offset < at; });
  bad_.erase(bad_.begin(), first);
  for (BadByte& b : bad_)
    b.offset -= keep_from;
  base_ += keep_from;
  pos_ -= std::min(pos_, keep_from);
  state_.pos -= std::min(state_.pos, keep_from);
  state_.one_line_before -= std::min(state_.one_line_before, keep_from);
  state_.spanned_to.offset -= static_cast<int>(std::min<std::size_t>(
      keep_from, static_cast<std::size_t>(std::max(state_.spanned_to.offset, 0))));
}

bool RecordStream::prepare() {
  if (failed_) return false;
  if (format_ == RecordFormat::csv && !csv_started_ && !start_csv()) {
    if (!failed_) ended_ = true;  // nothing, not even a header
    return !failed_;
  }
  return true;
}

bool RecordStream::next(RecordText& record) {
  if (failed_ || ended_) return false;
  const bool more =
      format_ == RecordFormat::json_lines ? next_json_line(record) : next_csv_row(record);
  if (!more && !failed_) {
    ended_ = true;
    if (watch_) {
      if (auto refused = decoder_.refusal(name_, true)) refuse(std::move(*refused));
    }
  }
  return more && !failed_;
}

void RecordStream::cut(std::size_t begin, std::size_t end, RecordText& record) const {
  record.text.assign(window_, begin, end - begin);
  record.bad = bad_between(bad_, begin, end);
}

bool RecordStream::next_json_line(RecordText& record) {
  while (true) {
    compact(pos_);
    if (base_ + pos_ == 0) {
      while (window_.size() < 3 && fill()) {
      }
      if (failed_) return false;
      if (window_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    }
    std::size_t end = window_.find('\n', pos_);
    while (end == std::string::npos && fill())
      end = window_.find('\n', pos_);
    if (failed_) return false;
    if (end == std::string::npos) end = window_.size();
    if (pos_ >= window_.size()) return false;
    const int line = line_++;
    const std::size_t begin = pos_;
    pos_ = end + 1;
    if (!holds_json_line(window_, begin, end)) continue;
    cut(begin, end, record);
    record.line = line;
    return true;
  }
}

bool RecordStream::scan_row(CsvRow& row) {
  while (true) {
    CsvScanner scanner(window_, options_.max_record_bytes, state_, base_);
    bool found = scanner.next(row);
    // Complete when the window reaches the end of the line at the row's
    // byte limit: no part of the scan could have read past it.
    const std::size_t reach = found ? row.begin + options_.max_record_bytes : window_.size();
    const bool complete =
        eof_ || (reach < window_.size() && window_.find('\n', reach) != std::string::npos);
    if (complete) {
      if (found && csv_ && csv_->read_again(row)) scanner.reread_on_one_line(row);
      state_ = scanner.state();
      return found;
    }
    if (!fill()) {
      if (failed_) return false;
    }
  }
}

bool RecordStream::start_csv() {
  csv_started_ = true;
  // A file of blanks has no header, and no records.
  std::size_t checked = 0;
  while (true) {
    const std::size_t from = base_ == 0 && window_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    const std::size_t found = window_.find_first_not_of(" \t\r\n", std::max(from, checked));
    if (found != std::string::npos) break;
    checked = window_.size();
    if (!fill()) return false;
  }
  if (window_.starts_with("\xEF\xBB\xBF")) state_.pos = 3;
  CsvRow header;
  if (!scan_row(header)) return false;
  if (header.broken && header.spanned_to) {
    CsvScanner scanner(window_, options_.max_record_bytes, state_, base_);
    scanner.reread_on_one_line(header);
    state_ = scanner.state();
  }
  auto rows = std::make_shared<CsvRecords>(name_, std::move(header), window_, bad_, options_);
  for (const Diagnostic& d : rows->diagnostics())
    diagnostics_.push_back(d);
  csv_ = std::move(rows);
  return true;
}

bool RecordStream::next_csv_row(RecordText& record) {
  if (!csv_started_ && !start_csv()) return false;
  if (!csv_) return false;
  compact(state_.pos);
  CsvRow row;
  if (!scan_row(row)) return false;
  cut(row.begin, row.end, record);
  shift_row(row, row.begin);
  record.line = row.line;
  record.row = std::make_unique<CsvRow>(std::move(row));
  return true;
}

InputRecord RecordStream::read(const RecordText& text, const RecordTypeLookup& types) const {
  if (format_ == RecordFormat::json_lines) {
    return read_json_line(name_, text.text, 0, text.text.size(), text.line, text.bad, types,
                          options_);
  }
  if (!csv_ || !text.row) {
    throw std::logic_error("RecordStream::read() of a CSV row before prepare()");
  }
  return csv_->read(*text.row, text.text, text.bad, types, options_);
}

}  // namespace cadre::records
