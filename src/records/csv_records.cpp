// CSV records files, split into rows by the scanner (csv_scanner.hpp). The
// header row names each column's field path (`birth_date`,
// `village.star_rating`, `assessments[0].grade`); each row's non-empty cells
// are arranged by those paths into a located tree for the shared conversion,
// so an empty (or blank) cell is an absent fact. A broken row (bad quoting,
// the wrong number of cells, too long, a byte that is not text) is an error
// of that row only.
#include <map>
#include <optional>

#include "records/csv_scanner.hpp"
#include "records/format_readers.hpp"
#include "records/typed_conversion.hpp"
#include "yaml/raw_text.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::records {

namespace {

/// The columns arranged by field path: a leaf takes one column's cells; an
/// inner node has named fields (a record or map) or indexed entries (a list).
struct PathNode {
  struct Field;
  int column = -1;
  std::vector<Field> fields;
  std::map<int, PathNode> items;
  bool empty() const { return column < 0 && fields.empty() && items.empty(); }
};

// A named field of a PathNode (a struct, not a pair: a pair of an incomplete
// type does not compile with clang 14 and libstdc++ 12).
struct PathNode::Field {
  std::string name;
  PathNode node;
};

struct Segment {
  std::string name;  ///< empty for an index
  int index = -1;
};

/// `a.b[0].c` → a, b, [0], c; nullopt when the text is not such a path.
std::optional<std::vector<Segment>> parse_path(std::string_view text) {
  std::vector<Segment> segments;
  std::size_t i = 0;
  while (true) {
    std::size_t end = text.find_first_of(".[]", i);
    if (end == i) return std::nullopt;
    segments.push_back({std::string(text.substr(i, end - i))});
    i = std::min(end, text.size());
    while (i < text.size() && text[i] == '[') {
      std::size_t close = text.find(']', i);
      if (close == std::string_view::npos || close == i + 1 || close > i + 5) return std::nullopt;
      int index = 0;
      for (char c : text.substr(i + 1, close - i - 1)) {
        if (c < '0' || c > '9') return std::nullopt;
        index = index * 10 + (c - '0');
      }
      segments.push_back({"", index});
      i = close + 1;
    }
    if (i == text.size()) return segments;
    if (text[i] != '.') return std::nullopt;
    ++i;
  }
}

PathNode& child(PathNode& node, const Segment& segment) {
  if (!segment.name.empty()) {
    for (auto& [name, field] : node.fields) {
      if (name == segment.name) return field;
    }
    node.fields.push_back({segment.name, PathNode{}});
    return node.fields.back().node;
  }
  return node.items[segment.index];
}

/// Adds a column at `path`; false when it clashes with an earlier column (the
/// same path, or a path inside it, or a field and an index at one place).
bool insert(PathNode& root, const std::vector<Segment>& path, int column) {
  PathNode* node = &root;
  for (const Segment& segment : path) {
    bool clash = segment.name.empty() ? !node->fields.empty() : !node->items.empty();
    if (node->column >= 0 || clash) return false;
    node = &child(*node, segment);
  }
  if (!node->empty()) return false;
  node->column = column;
  return true;
}

std::string trimmed(std::string_view text) {
  std::size_t start = text.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  return std::string(text.substr(start, text.find_last_not_of(" \t") - start + 1));
}

Diagnostic header_error(const std::string& file, const yaml::Mark& at, std::string message,
                        std::string_view code = kHeaderCode) {
  return {Severity::error, std::string(code), SourceLocation{file, at.line, at.column, at.offset},
          std::move(message),
          code == kHeaderCode ? "a column is a field path such as `birth_date`, "
                                "`village.star_rating` or `assessments[0].grade`"
                              : ""};
}

/// The header's field paths; problems are added to `diagnostics`.
PathNode read_header(const std::string& file, const CsvRow& header, int max_depth,
                     std::vector<Diagnostic>& diagnostics) {
  PathNode root;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const CsvCell& cell = header.cells[i];
    std::string name = trimmed(cell.text);
    std::string column = "column " + std::to_string(i + 1);
    auto path = parse_path(name);
    if (name.empty()) {
      diagnostics.push_back(header_error(file, cell.mark, column + " has no name"));
    } else if (!path) {
      diagnostics.push_back(
          header_error(file, cell.mark, yaml::backticked(name) + " is not a field path"));
    } else if (path->size() > static_cast<std::size_t>(max_depth)) {
      diagnostics.push_back(header_error(
          file, cell.mark,
          yaml::backticked(name) + " nests deeper than " + std::to_string(max_depth) + " levels",
          kLimitCode));
    } else if (!insert(root, *path, static_cast<int>(i))) {
      diagnostics.push_back(header_error(
          file, cell.mark, yaml::backticked(name) + " clashes with an earlier column"));
    }
  }
  return root;
}

yaml::Node scalar_node(std::string text, const yaml::Mark& mark, bool quoted) {
  yaml::Node node;
  node.kind = yaml::NodeKind::scalar;
  node.scalar = std::move(text);
  node.style = quoted ? yaml::ScalarStyle::double_quoted : yaml::ScalarStyle::plain;
  node.mark = mark;
  return node;
}

/// An empty or all-blank cell: an absent fact.
bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

/// The part of `row` under `path`, or nullopt when all its cells are empty.
std::optional<yaml::Node> arrange(const PathNode& path, const CsvRow& row) {
  if (path.column >= 0) {
    const auto column = static_cast<std::size_t>(path.column);
    if (column >= row.cells.size() || is_blank(row.cells[column].text)) return std::nullopt;
    const CsvCell& cell = row.cells[column];
    return scalar_node(cell.text, cell.mark, cell.quoted);
  }
  yaml::Node node;
  for (const auto& [name, field] : path.fields) {
    if (auto value = arrange(field, row)) {
      node.entries.emplace_back(scalar_node(name, value->mark, false), std::move(*value));
    }
  }
  for (const auto& [index, item] : path.items) {
    if (auto value = arrange(item, row)) node.items.push_back(std::move(*value));
  }
  if (node.entries.empty() && node.items.empty()) return std::nullopt;
  node.kind = path.items.empty() ? yaml::NodeKind::mapping : yaml::NodeKind::sequence;
  node.mark = node.items.empty() ? node.entries.front().first.mark : node.items.front().mark;
  return node;
}

std::string cells_text(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " cell" : " cells");
}

InputRecord read_row(const PathNode& paths, std::size_t columns, const CsvRow& row,
                     const RecordTypeLookup& types, const RecordReadOptions& options) {
  yaml::Node node = arrange(paths, row).value_or(yaml::Node{});
  node.kind = yaml::NodeKind::mapping;
  node.mark = {row.line, 1, static_cast<int>(row.begin)};
  InputRecord record = build_record(node, "", types, options);
  record.line = row.line;
  if (row.too_long || row.cells.size() != columns) {
    // The cells cannot be matched to their columns: none of the row's fields is kept.
    const auto& read = record.value ? record.value : record.partial;
    std::optional<RecordValue> nothing;
    if (read) nothing.emplace(read->type_shared());
    record.value.reset();
    record.partial = std::move(nothing);
    record.errors.clear();
    if (!row.too_long) {
      add_issues(record, {{"",
                           "the row has " + cells_text(row.cells.size()) + " but the header has " +
                               std::to_string(columns) + " columns",
                           row.line, 1}});
    }
  }
  add_issues(record, row.errors);
  return record;
}

InputRecord unread_row(const CsvRow& row, const RecordReadOptions& options) {
  InputRecord record;
  record.kind = options.default_kind;
  record.line = row.line;
  add_issues(record, {{"", "not read: the header row has errors", row.line, 1}});
  add_issues(record, row.errors);
  return record;
}

/// The first byte of `row` that is not text, as an error at its place (on
/// the field of its column when `header` names it), or nullopt. `text` is
/// what the row's offsets index, `bad` its bytes that are not text.
std::optional<RecordIssue> bad_byte_issue(std::string_view text, std::span<const BadByte> bad_bytes,
                                          const CsvRow& row, const CsvRow* header,
                                          RecordEncoding encoding) {
  auto bad = bad_bytes_in(bad_bytes, row.begin, row.end);
  if (bad.empty()) return std::nullopt;
  const auto offset = static_cast<int>(bad.front().offset);
  std::size_t column = 0;
  while (column + 1 < row.cells.size() && row.cells[column + 1].mark.offset <= offset)
    ++column;
  const yaml::Mark from = row.cells.empty() ? yaml::Mark{row.line, 1, static_cast<int>(row.begin)}
                                            : row.cells[column].mark;
  const yaml::Mark at = yaml::advance_mark(text, from, offset);
  std::string field;
  if (header && column < header->cells.size() && !row.cells.empty()) {
    field = trimmed(header->cells[column].text);
  }
  return RecordIssue{field, bad_byte_message(bad.front(), encoding, bad.size() - 1), at.line,
                     at.column};
}

}  // namespace

struct CsvRecords::Columns {
  PathNode paths;
};

CsvRecords::CsvRecords(const std::string& file, CsvRow header, std::string_view text,
                       std::span<const BadByte> bad, const RecordReadOptions& options)
    : header_(std::move(header)), columns_(std::make_shared<Columns>()) {
  for (const RecordIssue& issue : header_.errors) {
    const bool limit = header_.too_long && &issue == &header_.errors.back();
    diagnostics_.push_back(header_error(file, {issue.line, issue.column, 0}, issue.message,
                                        limit ? kLimitCode : kHeaderCode));
  }
  if (auto issue = bad_byte_issue(text, bad, header_, nullptr, options.encoding)) {
    diagnostics_.push_back(
        header_error(file, {issue->line, issue->column, 0}, issue->message, kEncodingCode));
  }
  columns_->paths = read_header(file, header_, options.max_depth, diagnostics_);
  header_ok_ = diagnostics_.empty();
}

bool CsvRecords::read_again(const CsvRow& row) const {
  // A quoted cell that ran over line breaks into a broken row: a stray quote.
  return row.spanned_to && (row.broken || (header_ok_ && row.cells.size() != header_.cells.size()));
}

InputRecord CsvRecords::read(const CsvRow& row, std::string_view text, std::span<const BadByte> bad,
                             const RecordTypeLookup& types,
                             const RecordReadOptions& options) const {
  InputRecord record = header_ok_
                           ? read_row(columns_->paths, header_.cells.size(), row, types, options)
                           : unread_row(row, options);
  if (auto issue = bad_byte_issue(text, bad, row, &header_, options.encoding)) {
    add_issues(record, {std::move(*issue)});
  }
  return record;
}

bool csv_is_blank(std::string_view text) {
  return text.substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0).find_first_not_of(" \t\r\n") ==
         std::string_view::npos;
}

RecordBatch read_csv_records(const SourceText& source, const RecordTypeLookup& types,
                             const RecordReadOptions& options) {
  RecordBatch batch;
  if (csv_is_blank(source.text)) return batch;  // nothing, not even a header
  CsvScanner scanner(source.text, options.max_record_bytes);
  CsvRow header;
  if (!scanner.next(header)) return batch;
  if (header.broken && header.spanned_to) scanner.reread_on_one_line(header);
  const CsvRecords rows(source.name, std::move(header), source.text, source.bad_bytes, options);
  batch.diagnostics = rows.diagnostics();
  for (CsvRow row; scanner.next(row);) {
    if (rows.read_again(row)) scanner.reread_on_one_line(row);
    batch.records.push_back(rows.read(row, source.text, source.bad_bytes, types, options));
  }
  return batch;
}

}  // namespace cadre::records
