// JSON Lines records files: one JSON object per line, each read on its own by
// the YAML reader so that a malformed line becomes a record with an error at
// that line while every other line is still read. A line over the record
// size limit is not parsed at all; a byte that is not text, or a byte-order
// mark where files were joined, is an error of its line that keeps the rest.
#include "records/format_readers.hpp"
#include "records/json_escapes.hpp"
#include "records/json_line_tree.hpp"
#include "records/typed_conversion.hpp"
#include "yaml/reader.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::records {

namespace {

/// Moves the marks of a tree read from one line to where the line is in the
/// file (`columns` more to the right when a byte-order mark was cut off).
void shift_marks(yaml::Node& node, int line, int offset, int columns) {
  node.mark.line += line - 1;
  node.mark.column += columns;
  node.mark.offset += offset;
  for (yaml::Node& item : node.items)
    shift_marks(item, line, offset, columns);
  for (auto& [key, value] : node.entries) {
    shift_marks(key, line, offset, columns);
    shift_marks(value, line, offset, columns);
  }
}

InputRecord failed_line(int line, int column, std::string message,
                        const RecordReadOptions& options) {
  InputRecord record;
  record.kind = options.default_kind;
  record.line = line;
  add_issues(record, {{"", std::move(message), line, column}});
  return record;
}

/// The text of `"key": "text"` in a line that is not valid JSON, so that a
/// record that cannot be read still names itself (docs/records.md); empty
/// when the line does not hold it plainly (no escapes, on the top level or not).
std::string salvage_key(std::string_view text, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  for (std::size_t at = text.find(quoted); at != std::string_view::npos;
       at = text.find(quoted, at + 1)) {
    std::size_t i = text.find_first_not_of(" \t", at + quoted.size());
    if (i == std::string_view::npos || text[i] != ':') continue;
    i = text.find_first_not_of(" \t", i + 1);
    if (i == std::string_view::npos || text[i] != '"') continue;
    const std::size_t end = text.find_first_of("\"\\", i + 1);
    if (end == std::string_view::npos || text[end] != '"') continue;
    return std::string(text.substr(i + 1, end - i - 1));
  }
  return {};
}

yaml::ReadOptions line_limits(const RecordReadOptions& options) {
  yaml::ReadOptions limits;
  limits.max_bytes = options.max_record_bytes;
  limits.max_depth = options.max_depth;
  limits.max_nodes = options.max_values;
  limits.max_scalar_bytes = options.max_record_bytes;
  limits.content = yaml::Content::records;
  return limits;
}

/// The record on one line, `text` starting at byte `offset` of the file.
InputRecord read_line(const std::string& name, std::string_view text, int line, int offset,
                      const RecordTypeLookup& types, const RecordReadOptions& options) {
  std::vector<RecordIssue> issues;
  int columns = 0;
  if (is_byte_order_mark(text, 0)) {
    issues.push_back({"",
                      "a byte-order mark (U+FEFF) at the start of line " + std::to_string(line) +
                          ": were files joined? remove it",
                      line, 1});
    text.remove_prefix(3);
    offset += 3;
    columns = 1;
  }
  auto fail = [&](int column, std::string message) {
    InputRecord record = failed_line(line, column + columns, std::move(message), options);
    add_issues(record, std::move(issues));
    return record;
  };
  if (text.size() > options.max_record_bytes) {
    return fail(1, "the line is " + std::to_string(text.size()) +
                       " bytes, more than the limit of " +
                       std::to_string(options.max_record_bytes) + ": it is not read");
  }
  const std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos || text[start] != '{') {
    return fail(start == std::string_view::npos ? 1 : static_cast<int>(start) + 1,
                "a JSON Lines line holds one JSON object `{...}`");
  }
  // Plain JSON takes the fast way; anything else, the YAML reader's, which
  // says what is wrong with it (json_line_tree.hpp).
  if (std::optional<yaml::Node> tree =
          read_plain_json_line(text, {options.max_depth, options.max_values})) {
    shift_marks(*tree, line, offset, columns);
    InputRecord record = build_record(*tree, "", types, options);
    add_issues(record, std::move(issues));
    return record;
  }
  yaml::ReadResult read =
      yaml::read_yaml(name, combine_surrogate_escapes(std::string(text)), line_limits(options));
  if (!read.document) {
    const Diagnostic& problem = read.diagnostics.front();
    const bool limit = problem.code == yaml::kLimitCode;
    InputRecord record = fail(problem.location.column,
                              limit ? problem.message : "not valid JSON: " + problem.message);
    if (std::string kind = salvage_key(text, "kind"); !kind.empty() && types(kind) != nullptr) {
      record.kind = std::move(kind);
    }
    record.id = salvage_key(text, options.key_of(record.kind));
    return record;
  }
  yaml::Node& root = read.document->root;
  std::vector<RecordIssue> json_issues;
  check_json(root, text, json_issues);
  for (auto& issue : json_issues) {
    issue.line = line;
    issue.column += columns;
    issues.push_back(std::move(issue));
  }
  shift_marks(root, line, offset, columns);
  for (const Diagnostic& diagnostic : read.diagnostics) {
    if (diagnostic.code == yaml::kDuplicateKeyCode) continue;  // reported by the conversion
    issues.push_back({"", diagnostic.message, line, diagnostic.location.column + columns});
  }
  InputRecord record = build_record(root, "", types, options);
  add_issues(record, std::move(issues));
  return record;
}

}  // namespace

bool holds_json_line(std::string_view text, std::size_t begin, std::size_t end) {
  std::string_view content = text.substr(begin, end - begin);
  if (content.ends_with('\r')) content.remove_suffix(1);
  return content.find_first_not_of(" \t") != std::string_view::npos;
}

InputRecord read_json_line(const std::string& name, std::string_view text, std::size_t begin,
                           std::size_t end, int line, std::span<const BadByte> bad,
                           const RecordTypeLookup& types, const RecordReadOptions& options) {
  std::string_view content = text.substr(begin, end - begin);
  if (content.ends_with('\r')) content.remove_suffix(1);
  InputRecord record = read_line(name, content, line, static_cast<int>(begin), types, options);
  if (!bad.empty()) {
    const yaml::Mark at = yaml::advance_mark(text, {line, 1, static_cast<int>(begin)},
                                             static_cast<int>(bad.front().offset));
    add_issues(record, {{"", bad_byte_message(bad.front(), options.encoding, bad.size() - 1),
                         at.line, at.column}});
  }
  return record;
}

RecordBatch read_json_lines_records(const SourceText& source, const RecordTypeLookup& types,
                                    const RecordReadOptions& options) {
  RecordBatch batch;
  std::string_view text = source.text;
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (int line = 1; start < text.size(); ++line) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    if (holds_json_line(text, start, end)) {
      batch.records.push_back(read_json_line(source.name, text, start, end, line,
                                             bad_bytes_in(source.bad_bytes, start, end), types,
                                             options));
    }
    start = end + 1;
  }
  return batch;
}

}  // namespace cadre::records
