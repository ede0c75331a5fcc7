// CSV records files (RFC 4180: commas, double-quoted cells with "" escapes and
// embedded newlines, CRLF or LF, an optional UTF-8 byte-order mark). The
// header row names each column's field path (`birth_date`,
// `village.star_rating`, `assessments[0].grade`); each row's non-empty cells
// are arranged by those paths into a located tree for the shared conversion,
// so an empty (or blank) cell is an absent fact.
#include <map>
#include <optional>

#include "expr/string_literal.hpp"
#include "records/format_readers.hpp"
#include "records/typed_conversion.hpp"

namespace cadre::records {

namespace {

struct Cell {
  std::string text;
  yaml::Mark mark;
  bool quoted = false;
};

struct Row {
  int line = 0;
  std::vector<Cell> cells;
  std::vector<RecordIssue> errors;  ///< quoting problems
};

/// Splits the text into rows of cells, tracking each cell's line and column.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  }

  /// The next row, skipping empty lines; false at the end of the text.
  bool next(Row& row) {
    while (at_newline())
      skip_newline();
    if (pos_ >= text_.size()) return false;
    row = Row{line_, {}, {}};
    while (true) {
      row.cells.push_back(cell(row));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        advance();
        continue;
      }
      if (at_newline()) skip_newline();
      return true;
    }
  }

 private:
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool at_end() const { return pos_ >= text_.size(); }
  bool at_newline() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
  bool at_cell_end() const { return at_end() || peek() == ',' || at_newline(); }
  void skip_newline() {
    if (peek() == '\r') advance();
    advance();
  }
  void advance() {
    unsigned char byte = static_cast<unsigned char>(text_[pos_++]);
    if (byte == '\n') {
      ++line_;
      column_ = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column_;
    }
  }
  yaml::Mark mark() const { return {line_, column_, static_cast<int>(pos_)}; }

  void error(Row& row, const yaml::Mark& at, std::string message) {
    row.errors.push_back({"", std::move(message), at.line, at.column});
  }

  Cell cell(Row& row) {
    Cell cell{{}, mark(), peek() == '"'};
    if (cell.quoted) quoted_body(row, cell);
    bool reported = false;
    while (!at_cell_end()) {
      if (!reported && (cell.quoted || peek() == '"')) {
        error(row, mark(),
              cell.quoted ? "text after the closing `\"` of a quoted cell"
                          : "a `\"` inside an unquoted cell (quote the cell and "
                            "write the quote as `\"\"`)");
        reported = true;
      }
      cell.text += peek();
      advance();
    }
    return cell;
  }

  void quoted_body(Row& row, Cell& cell) {
    advance();
    while (true) {
      if (at_end()) {
        error(row, cell.mark, "a quoted cell is not closed");
        return;
      }
      if (peek() == '"' && peek(1) != '"') {
        advance();
        return;
      }
      if (peek() == '"') advance();
      cell.text += peek();
      advance();
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

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

Diagnostic header_error(const std::string& file, const Cell& cell, std::string message) {
  return {Severity::error, std::string(kHeaderCode),
          SourceLocation{file, cell.mark.line, cell.mark.column, cell.mark.offset},
          std::move(message),
          "a column is a field path such as `birth_date`, `village.star_rating` or "
          "`assessments[0].grade`"};
}

/// The header's field paths; problems are added to `diagnostics`.
PathNode read_header(const std::string& file, const Row& header,
                     std::vector<Diagnostic>& diagnostics) {
  PathNode root;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const Cell& cell = header.cells[i];
    std::string name = trimmed(cell.text);
    std::string column = "column " + std::to_string(i + 1);
    auto path = parse_path(name);
    if (name.empty()) {
      diagnostics.push_back(header_error(file, cell, column + " has no name"));
    } else if (!path) {
      diagnostics.push_back(header_error(file, cell, "`" + name + "` is not a field path"));
    } else if (!insert(root, *path, static_cast<int>(i))) {
      diagnostics.push_back(
          header_error(file, cell, "`" + name + "` clashes with an earlier column"));
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
std::optional<yaml::Node> arrange(const PathNode& path, const Row& row) {
  if (path.column >= 0) {
    const auto column = static_cast<std::size_t>(path.column);
    if (column >= row.cells.size() || is_blank(row.cells[column].text)) return std::nullopt;
    const Cell& cell = row.cells[column];
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

InputRecord read_row(const PathNode& paths, std::size_t columns, const Row& row,
                     const RecordTypeLookup& types, const RecordReadOptions& options) {
  yaml::Node node = arrange(paths, row).value_or(yaml::Node{});
  node.kind = yaml::NodeKind::mapping;
  node.mark = {row.line, 1, 0};
  InputRecord record = build_record(node, "", types, options);
  record.line = row.line;
  if (row.cells.size() != columns) {
    // The cells cannot be matched to their columns: none of the row's fields is kept.
    const auto& read = record.value ? record.value : record.partial;
    std::optional<RecordValue> nothing;
    if (read) nothing.emplace(read->type_shared());
    record.value.reset();
    record.partial = std::move(nothing);
    record.errors.clear();
    add_issues(record, {{"",
                         "the row has " + std::to_string(row.cells.size()) +
                             " cells but the header has " + std::to_string(columns) + " columns",
                         row.line, 1}});
  }
  add_issues(record, row.errors);
  return record;
}

InputRecord unread_row(const Row& row, const RecordReadOptions& options) {
  InputRecord record;
  record.kind = options.default_kind;
  record.line = row.line;
  add_issues(record, {{"", "not read: the header row has errors", row.line, 1}});
  return record;
}

/// A diagnostic at the first byte that is not UTF-8, if any.
std::optional<Diagnostic> encoding_error(const std::string& file, std::string_view text) {
  int line = 1;
  for (std::size_t pos = 0; pos < text.size();) {
    int length = expr::utf8_sequence_length(text, pos);
    if (length == 0) {
      return Diagnostic{
          Severity::error, std::string(kEncodingCode),
          SourceLocation{file, line, 1, static_cast<int>(pos)},
          "the file is not UTF-8 text (bad byte at offset " + std::to_string(pos) + ")",
          "save the file as UTF-8"};
    }
    line += text[pos] == '\n';
    pos += static_cast<std::size_t>(length);
  }
  return std::nullopt;
}

}  // namespace

RecordBatch read_csv_records(std::string name, std::string_view text, const RecordTypeLookup& types,
                             const RecordReadOptions& options) {
  RecordBatch batch;
  if (auto error = encoding_error(name, text)) {
    batch.diagnostics.push_back(std::move(*error));
    return batch;
  }
  Scanner scanner(text);
  Row header;
  if (!scanner.next(header)) return batch;
  for (const RecordIssue& issue : header.errors) {
    batch.diagnostics.push_back({Severity::error, std::string(kHeaderCode),
                                 SourceLocation{name, issue.line, issue.column, 0}, issue.message,
                                 ""});
  }
  PathNode paths = read_header(name, header, batch.diagnostics);
  bool header_ok = batch.diagnostics.empty();
  for (Row row; scanner.next(row);) {
    batch.records.push_back(header_ok ? read_row(paths, header.cells.size(), row, types, options)
                                      : unread_row(row, options));
  }
  return batch;
}

}  // namespace cadre::records
