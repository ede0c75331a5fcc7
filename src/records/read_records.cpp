// The entry points of the record readers: decide the format (given, or by the
// file's extension), read the file within its size limit, decode it to UTF-8
// (text_encoding), and hand the text to that format's reader; then the checks
// of the batch as a whole (duplicate keys, no records, the caps on reports).
#include "records/read_records.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>
#include <variant>

#include "records/duplicate_keys.hpp"
#include "records/format_readers.hpp"
#include "records/record_limits.hpp"
#include "records/text_encoding.hpp"
#include "yaml/raw_text.hpp"

namespace cadre::records {

namespace {

std::string lowercase_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

RecordBatch failed(Diagnostic diagnostic) {
  RecordBatch batch;
  batch.diagnostics.push_back(std::move(diagnostic));
  return batch;
}

Diagnostic io_error(const std::string& file, const std::string& reason) {
  return file_diagnostic(file, kIoCode, Severity::error,
                         "cannot read " + yaml::backticked(file) + ": " + reason);
}

Diagnostic size_error(const std::string& file, std::uintmax_t size, std::size_t limit) {
  return file_diagnostic(
      file, kLimitCode, Severity::error,
      "the file is " + std::to_string(size) + " bytes, more than the limit of " +
          std::to_string(limit),
      "split it into several files, or raise the limit (RecordReadOptions::max_file_bytes)");
}

/// The whole file, or why it could not be read.
std::variant<std::string, Diagnostic> read_file(const std::filesystem::path& file,
                                                std::size_t limit) {
  const std::string name = file.string();
  std::error_code error;
  const auto status = std::filesystem::status(file, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    return io_error(
        name,
        lowercase_first(std::make_error_code(std::errc::no_such_file_or_directory).message()));
  }
  if (error) return io_error(name, lowercase_first(error.message()));
  if (std::filesystem::is_directory(status)) return io_error(name, "it is a directory");
  if (std::filesystem::is_regular_file(status)) {
    const std::uintmax_t size = std::filesystem::file_size(file, error);
    if (!error && size > limit) return size_error(name, size, limit);
  }
  errno = 0;
  std::ifstream stream(file, std::ios::binary);
  if (!stream) {
    return io_error(name,
                    lowercase_first(errno != 0 ? std::strerror(errno) : "it cannot be opened"));
  }
  // Read in pieces up to the limit: a pipe or device has no size to check first.
  std::string text;
  char buffer[1 << 16];
  while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (text.size() > limit) return size_error(name, text.size(), limit);
  }
  if (stream.bad()) return io_error(name, "the read failed");
  return text;
}

}  // namespace

RecordFormat format_from_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (extension == ".yaml" || extension == ".yml") return RecordFormat::yaml;
  if (extension == ".json") return RecordFormat::json;
  if (extension == ".jsonl" || extension == ".ndjson") return RecordFormat::json_lines;
  if (extension == ".csv") return RecordFormat::csv;
  return RecordFormat::automatic;
}

RecordBatch read_records(const std::filesystem::path& file, const RecordTypeLookup& types,
                         const RecordReadOptions& options) {
  auto text = read_file(file, options.max_file_bytes);
  if (auto* problem = std::get_if<Diagnostic>(&text)) return failed(std::move(*problem));
  return read_records_text(file.string(), std::get<std::string>(std::move(text)), options.format,
                           types, options);
}

RecordBatch read_records_text(std::string name, std::string text, RecordFormat format,
                              const RecordTypeLookup& types, const RecordReadOptions& given) {
  std::set<std::string> ignored;
  RecordReadOptions options = given;
  options.ignored_fields = &ignored;
  if (format == RecordFormat::automatic) format = format_from_extension(name);
  if (format == RecordFormat::automatic) {
    return failed(
        file_diagnostic(name, kFormatCode, Severity::error,
                        "cannot tell the format of the records file " + yaml::backticked(name),
                        "name it .yaml, .yml, .json, .jsonl, .ndjson or .csv, or give the format"));
  }
  if (text.size() > options.max_file_bytes) {
    return failed(size_error(name, text.size(), options.max_file_bytes));
  }
  DecodedText decoded = decode_text(name, std::move(text), options.encoding);
  if (decoded.refusal) return failed(std::move(*decoded.refusal));
  const std::string file = name;
  SourceText source{std::move(name), std::move(decoded.text), std::move(decoded.bad_bytes)};
  RecordBatch batch;
  switch (format) {
    case RecordFormat::yaml:
    case RecordFormat::json:
      batch = read_yaml_records(std::move(source), format == RecordFormat::json, types, options);
      break;
    case RecordFormat::json_lines:
      batch = read_json_lines_records(source, types, options);
      break;
    case RecordFormat::csv:
      batch = read_csv_records(source, types, options);
      break;
    case RecordFormat::automatic:
      break;
  }
  // Checks of the batch as a whole, the same for every format.
  check_duplicate_keys(batch.records, options);
  note_empty(batch, file);
  cap_reports(batch, file, options.max_diagnostics);
  batch.ignored_fields.assign(ignored.begin(), ignored.end());
  return batch;
}

}  // namespace cadre::records
