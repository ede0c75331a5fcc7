// YAML and JSON records files. Both are read by the project's YAML reader
// (JSON is YAML 1.2 flow syntax), which gives every value its line and
// column; a JSON file is then checked for YAML-only syntax. Accepted shapes:
// a sequence of records, a mapping kind → sequence of records (like the
// `records:` of rule-set tests), or a single record.
#include <algorithm>
#include <limits>

#include "records/format_readers.hpp"
#include "records/json_escapes.hpp"
#include "records/typed_conversion.hpp"
#include "yaml/raw_text.hpp"
#include "yaml/reader.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::records {

namespace {

/// Records files may hold a whole county: the limits are the caller's (the
/// file's size was checked before it was decoded).
yaml::ReadOptions record_limits(const RecordReadOptions& options) {
  yaml::ReadOptions limits;
  limits.max_bytes = std::numeric_limits<std::size_t>::max();
  limits.max_depth = options.max_depth;
  limits.max_nodes = options.max_values;
  limits.max_scalar_bytes = options.max_record_bytes;
  limits.content = yaml::Content::records;
  return limits;
}

bool is_json_number(std::string_view text) {
  std::size_t i = text.starts_with('-') ? 1 : 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9')
      ++i;
    return i - start;
  };
  std::size_t whole = digits();
  if (whole == 0 || (whole > 1 && text[i - whole] == '0')) return false;
  if (i < text.size() && text[i] == '.' && (++i, digits() == 0)) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == text.size();
}

bool is_json_scalar(const yaml::Node& node) {
  if (node.style == yaml::ScalarStyle::double_quoted) return true;
  if (!node.is_plain_scalar()) return false;
  return node.scalar == "true" || node.scalar == "false" || is_json_number(node.scalar);
}

void json_issue(const yaml::Node& node, std::string what, std::vector<RecordIssue>& issues) {
  issues.push_back({"", what + " is not JSON", node.mark.line, node.mark.column});
}

/// Groups the records of a kind → records mapping, each item with its kind.
void read_kind_groups(const yaml::Node& root, const RecordTypeLookup& types,
                      const RecordReadOptions& options, std::vector<InputRecord>& records,
                      std::vector<const yaml::Node*>& nodes) {
  for (const auto& [key, group] : root.entries) {
    if (group.kind == yaml::NodeKind::null) continue;  // a kind with no records
    if (group.kind != yaml::NodeKind::sequence) {
      records.push_back(build_record(group, key.scalar, types, options));
      nodes.push_back(&group);
      continue;
    }
    for (const yaml::Node& item : group.items) {
      records.push_back(build_record(item, key.scalar, types, options));
      nodes.push_back(&item);
    }
  }
}

/// A mapping is grouped by kind when one of its keys names a declared kind
/// and holds a sequence; otherwise it is a single record.
bool is_kind_groups(const yaml::Node& root, const RecordTypeLookup& types) {
  return std::any_of(root.entries.begin(), root.entries.end(), [&](const auto& entry) {
    return entry.second.kind == yaml::NodeKind::sequence && types(entry.first.scalar);
  });
}

/// Reader diagnostics that do not stop reading (an alias, a tag, a bad key)
/// become errors of the record they fall in; duplicate keys are reported by
/// the conversion already. Others stay file-level.
void attribute(std::vector<Diagnostic> diagnostics, const std::vector<const yaml::Node*>& nodes,
               RecordBatch& batch) {
  for (Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.code == yaml::kDuplicateKeyCode) continue;
    bool per_record = diagnostic.code == yaml::kAliasCode || diagnostic.code == yaml::kTagCode ||
                      diagnostic.code == yaml::kKeyCode;
    auto after = std::upper_bound(
        nodes.begin(), nodes.end(), diagnostic.location.offset,
        [](int offset, const yaml::Node* node) { return offset < node->mark.offset; });
    if (!per_record || after == nodes.begin()) {
      batch.diagnostics.push_back(std::move(diagnostic));
      continue;
    }
    const SourceLocation& at = diagnostic.location;
    add_issues(batch.records[static_cast<std::size_t>(after - nodes.begin() - 1)],
               {{"", diagnostic.message, at.line, at.column}});
  }
}

/// The top-level field of `record` whose entry holds byte `offset`, or empty.
std::string field_at(const yaml::Node& record, int offset) {
  std::string field;
  for (const auto& [key, value] : record.entries) {
    if (key.mark.offset > offset) break;
    field = key.scalar;
  }
  return field;
}

/// Each record holding bytes that were not text gets an error at the first
/// one; bytes outside every record (or in a file that could not be parsed)
/// are file-level diagnostics. `marks` are the bad bytes' positions.
void attribute_bad_bytes(const SourceText& source, const std::vector<yaml::Mark>& marks,
                         const std::vector<const yaml::Node*>& nodes,
                         const RecordReadOptions& options, RecordBatch& batch) {
  const auto& bad = source.bad_bytes;
  for (std::size_t i = 0; i < bad.size();) {
    const auto offset = static_cast<int>(bad[i].offset);
    auto after =
        std::upper_bound(nodes.begin(), nodes.end(), offset,
                         [](int at, const yaml::Node* node) { return at < node->mark.offset; });
    if (after == nodes.begin()) {
      batch.diagnostics.push_back(
          {Severity::error, std::string(kEncodingCode),
           SourceLocation{source.name, marks[i].line, marks[i].column, marks[i].offset},
           bad_byte_message(bad[i], options.encoding), "save the file as UTF-8"});
      ++i;
      continue;
    }
    const std::size_t record = static_cast<std::size_t>(after - nodes.begin() - 1);
    const int end = after == nodes.end() ? std::numeric_limits<int>::max() : (*after)->mark.offset;
    std::size_t last = i + 1;
    while (last < bad.size() && static_cast<int>(bad[last].offset) < end)
      ++last;
    add_issues(batch.records[record], {{field_at(*nodes[record], offset),
                                        bad_byte_message(bad[i], options.encoding, last - i - 1),
                                        marks[i].line, marks[i].column}});
    i = last;
  }
}

/// The positions of the bytes of `source` that were not text.
std::vector<yaml::Mark> bad_byte_marks(const SourceText& source) {
  std::vector<yaml::Mark> marks;
  const std::string_view text = source.text;
  yaml::Mark mark{1, 1, text.starts_with("\xEF\xBB\xBF") ? 3 : 0};
  for (const BadByte& bad : source.bad_bytes) {
    mark = yaml::advance_mark(text, mark, static_cast<int>(bad.offset));
    marks.push_back(mark);
  }
  return marks;
}

}  // namespace

void check_json(const yaml::Node& node, std::string_view text, std::vector<RecordIssue>& issues) {
  switch (node.kind) {
    case yaml::NodeKind::null:
      if (text.substr(static_cast<std::size_t>(node.mark.offset), 4) != "null") {
        json_issue(node, "a missing value", issues);
      }
      break;
    case yaml::NodeKind::scalar:
      if (!is_json_scalar(node)) json_issue(node, yaml::backticked(node.scalar), issues);
      break;
    case yaml::NodeKind::sequence:
      for (const yaml::Node& item : node.items)
        check_json(item, text, issues);
      break;
    case yaml::NodeKind::mapping:
      for (const auto& [key, value] : node.entries) {
        if (key.style != yaml::ScalarStyle::double_quoted) {
          json_issue(key, "the unquoted key " + yaml::backticked(key.scalar), issues);
        }
        check_json(value, text, issues);
      }
      break;
  }
}

RecordBatch read_yaml_records(SourceText source, bool json, const RecordTypeLookup& types,
                              const RecordReadOptions& options) {
  RecordBatch batch;
  if (json) source.text = combine_surrogate_escapes(std::move(source.text));
  const std::vector<yaml::Mark> marks = bad_byte_marks(source);
  yaml::ReadResult read =
      yaml::read_yaml(source.name, std::move(source.text), record_limits(options));
  std::vector<const yaml::Node*> nodes;
  if (!read.document) {
    batch.diagnostics = std::move(read.diagnostics);
    attribute_bad_bytes(source, marks, nodes, options, batch);
    return batch;
  }
  const yaml::Node& root = read.document->root;
  if (root.kind == yaml::NodeKind::sequence) {
    for (const yaml::Node& item : root.items) {
      batch.records.push_back(build_record(item, "", types, options));
      nodes.push_back(&item);
    }
  } else if (root.kind == yaml::NodeKind::mapping && is_kind_groups(root, types)) {
    read_kind_groups(root, types, options, batch.records, nodes);
  } else if (root.kind == yaml::NodeKind::mapping) {
    batch.records.push_back(build_record(root, "", types, options));
    nodes.push_back(&root);
  } else if (root.kind == yaml::NodeKind::scalar) {
    batch.diagnostics.push_back(
        {Severity::error,
         std::string(kShapeCode),
         {read.document->file, root.mark.line, root.mark.column, root.mark.offset},
         "a records file holds a list of records, not a single value",
         "write `- {id: c1, ...}` items, or `KIND: [records]`"});
  }
  if (json) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      std::vector<RecordIssue> issues;
      check_json(*nodes[i], read.document->text, issues);
      add_issues(batch.records[i], std::move(issues));
    }
  }
  attribute(std::move(read.diagnostics), nodes, batch);
  attribute_bad_bytes(source, marks, nodes, options, batch);
  return batch;
}

}  // namespace cadre::records
