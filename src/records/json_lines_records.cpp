// JSON Lines records files: one JSON object per line, each read on its own by
// the YAML reader so that a malformed line becomes a record with an error at
// that line while every other line is still read.
#include "records/format_readers.hpp"
#include "records/typed_conversion.hpp"
#include "yaml/reader.hpp"

namespace cadre::records {

namespace {

/// Moves the marks of a tree read from one line to where the line is in the file.
void shift_marks(yaml::Node& node, int line, int offset) {
  node.mark.line += line - 1;
  node.mark.offset += offset;
  for (yaml::Node& item : node.items)
    shift_marks(item, line, offset);
  for (auto& [key, value] : node.entries) {
    shift_marks(key, line, offset);
    shift_marks(value, line, offset);
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

InputRecord read_line(const std::string& name, std::string_view text, int line, int offset,
                      const RecordTypeLookup& types, const RecordReadOptions& options) {
  std::size_t start = text.find_first_not_of(" \t");
  if (text[start] != '{') {
    return failed_line(line, static_cast<int>(start) + 1,
                       "a JSON Lines line holds one JSON object `{...}`", options);
  }
  yaml::ReadResult read = yaml::read_yaml(name, std::string(text));
  if (!read.document) {
    const SourceLocation& at = read.diagnostics.front().location;
    return failed_line(line, at.column, "not valid JSON: " + read.diagnostics.front().message,
                       options);
  }
  yaml::Node& root = read.document->root;
  std::vector<RecordIssue> issues;
  check_json(root, text, issues);
  for (auto& issue : issues)
    issue.line = line;
  shift_marks(root, line, offset);
  for (const Diagnostic& diagnostic : read.diagnostics) {
    if (diagnostic.code == yaml::kDuplicateKeyCode) continue;  // reported by the conversion
    issues.push_back({"", diagnostic.message, line, diagnostic.location.column});
  }
  InputRecord record = build_record(root, "", types, options);
  add_issues(record, std::move(issues));
  return record;
}

}  // namespace

RecordBatch read_json_lines_records(std::string name, std::string_view text,
                                    const RecordTypeLookup& types,
                                    const RecordReadOptions& options) {
  RecordBatch batch;
  std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (int line = 1; start < text.size(); ++line) {
    std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view content = text.substr(start, end - start);
    if (content.ends_with('\r')) content.remove_suffix(1);
    if (content.find_first_not_of(" \t") != std::string_view::npos) {
      batch.records.push_back(
          read_line(name, content, line, static_cast<int>(start), types, options));
    }
    start = end + 1;
  }
  return batch;
}

}  // namespace cadre::records
