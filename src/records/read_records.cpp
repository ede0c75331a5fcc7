// The entry points of the record readers: decide the format (given, or by the
// file's extension), read the file, and hand the text to that format's reader.
#include "records/read_records.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "records/duplicate_keys.hpp"
#include "records/format_readers.hpp"

namespace cadre::records {

namespace {

Diagnostic file_error(std::string file, std::string_view code, std::string message,
                      std::string help = {}) {
  return {Severity::error, std::string(code), SourceLocation{std::move(file), 1, 1, 0},
          std::move(message), std::move(help)};
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
  std::ifstream stream(file, std::ios::binary);
  std::ostringstream text;
  if (stream) text << stream.rdbuf();
  if (!stream || stream.bad() || std::filesystem::is_directory(file)) {
    RecordBatch batch;
    batch.diagnostics.push_back(
        file_error(file.string(), kIoCode, "cannot read the records file `" + file.string() + "`"));
    return batch;
  }
  return read_records_text(file.string(), std::move(text).str(), options.format, types, options);
}

RecordBatch read_records_text(std::string name, std::string text, RecordFormat format,
                              const RecordTypeLookup& types, const RecordReadOptions& options) {
  if (format == RecordFormat::automatic) format = format_from_extension(name);
  RecordBatch batch;
  switch (format) {
    case RecordFormat::yaml:
    case RecordFormat::json:
      batch = read_yaml_records(std::move(name), std::move(text), format == RecordFormat::json,
                                types, options);
      break;
    case RecordFormat::json_lines:
      batch = read_json_lines_records(std::move(name), text, types, options);
      break;
    case RecordFormat::csv:
      batch = read_csv_records(std::move(name), text, types, options);
      break;
    case RecordFormat::automatic:
      batch.diagnostics.push_back(
          file_error(name, kFormatCode, "cannot tell the format of the records file `" + name + "`",
                     "name it .yaml, .yml, .json, .jsonl, .ndjson or .csv, or give the format"));
      return batch;
  }
  // Checks of the batch as a whole, the same for every format.
  check_duplicate_keys(batch.records, options);
  return batch;
}

}  // namespace cadre::records
