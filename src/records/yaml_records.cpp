// YAML and JSON records files. Both are read by the project's YAML reader
// (JSON is YAML 1.2 flow syntax), which gives every value its line and
// column; a JSON file is then checked for YAML-only syntax. Accepted shapes:
// a sequence of records, a mapping kind → sequence of records (like the
// `records:` of rule-set tests), or a single record.
#include <algorithm>

#include "records/format_readers.hpp"
#include "records/typed_conversion.hpp"
#include "yaml/reader.hpp"

namespace cadre::records {

namespace {

/// Records files may hold a whole county: larger limits than a rule set's.
yaml::ReadOptions record_limits() {
  yaml::ReadOptions limits;
  limits.max_bytes = std::size_t{256} << 20;
  limits.max_nodes = 32'000'000;
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

}  // namespace

void check_json(const yaml::Node& node, std::string_view text, std::vector<RecordIssue>& issues) {
  switch (node.kind) {
    case yaml::NodeKind::null:
      if (text.substr(static_cast<std::size_t>(node.mark.offset), 4) != "null") {
        json_issue(node, "a missing value", issues);
      }
      break;
    case yaml::NodeKind::scalar:
      if (!is_json_scalar(node)) json_issue(node, "`" + node.scalar + "`", issues);
      break;
    case yaml::NodeKind::sequence:
      for (const yaml::Node& item : node.items)
        check_json(item, text, issues);
      break;
    case yaml::NodeKind::mapping:
      for (const auto& [key, value] : node.entries) {
        if (key.style != yaml::ScalarStyle::double_quoted) {
          json_issue(key, "the unquoted key `" + key.scalar + "`", issues);
        }
        check_json(value, text, issues);
      }
      break;
  }
}

RecordBatch read_yaml_records(std::string name, std::string text, bool json,
                              const RecordTypeLookup& types, const RecordReadOptions& options) {
  RecordBatch batch;
  yaml::ReadResult read = yaml::read_yaml(std::move(name), std::move(text), record_limits());
  if (!read.document) {
    batch.diagnostics = std::move(read.diagnostics);
    return batch;
  }
  const yaml::Node& root = read.document->root;
  std::vector<const yaml::Node*> nodes;
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
  return batch;
}

}  // namespace cadre::records
