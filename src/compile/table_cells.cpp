// Parsing of decision-table cells.
#include "compile/table_cells.hpp"

#include "compile/decimal_literal.hpp"
#include "core/text.hpp"

namespace cadre {

namespace {

std::optional<Decimal> number(std::string_view text, std::string& error) {
  text = trim_blanks(text);
  auto value = decimal_from_literal(text);
  if (!value) error = "expected a number, found `" + std::string(text) + "`";
  return value;
}

// `>= 2`, `> 2`, `<= 2`, `< 2`, `= 2`, `2`
std::optional<CellTest> comparison(std::string_view text, CellTest cell, std::string& error) {
  static const std::pair<std::string_view, int> kOperators[] = {{">=", 0}, {"<=", 1}, {">", 2},
                                                                {"<", 3},  {"==", 4}, {"=", 4}};
  int op = 4;
  for (const auto& [symbol, code] : kOperators) {
    if (text.starts_with(symbol)) {
      op = code;
      text.remove_prefix(symbol.size());
      break;
    }
  }
  auto value = number(text, error);
  if (!value) return std::nullopt;
  cell.kind = CellTest::Kind::interval;
  if (op == 0 || op == 2 || op == 4) {
    cell.low = value;
    cell.low_inclusive = op != 2;
  }
  if (op == 1 || op == 3 || op == 4) {
    cell.high = value;
    cell.high_inclusive = op != 3;
  }
  return cell;
}

// `[1, 3)`, `(0, 0.9]`
std::optional<CellTest> interval(std::string_view text, CellTest cell, std::string& error) {
  auto comma = text.find(',');
  if (comma == std::string_view::npos || text.size() < 5) {
    error = "expected an interval like `[1, 3)`";
    return std::nullopt;
  }
  auto low = number(text.substr(1, comma - 1), error);
  auto high = low ? number(text.substr(comma + 1, text.size() - comma - 2), error) : std::nullopt;
  if (!low || !high) return std::nullopt;
  if (*high < *low) {
    error = "the interval `" + std::string(text) + "` is empty";
    return std::nullopt;
  }
  cell.kind = CellTest::Kind::interval;
  cell.low = low;
  cell.high = high;
  cell.low_inclusive = text.front() == '[';
  cell.high_inclusive = text.back() == ']';
  return cell;
}

std::optional<CellTest> values(std::string_view text, const Type& type, CellTest cell,
                               std::string& error) {
  if (text.starts_with('[') && text.ends_with(']')) text = text.substr(1, text.size() - 2);
  cell.kind = CellTest::Kind::values;
  while (!text.empty()) {
    auto comma = text.find(',');
    std::string_view item = trim_blanks(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.size() >= 2 && (item.front() == '\'' || item.front() == '"')) {
      item = item.substr(1, item.size() - 2);
    }
    const EnumType* enumeration = type.enum_type();
    bool known = enumeration
                     ? enumeration->find(item) >= 0
                     : type.kind() != TypeKind::boolean || item == "true" || item == "false";
    if (!known) {
      error = "`" + std::string(item) + "` is not a value of `" + type.to_string() + "`";
      return std::nullopt;
    }
    cell.values.emplace_back(item);
  }
  if (cell.values.empty()) error = "expected at least one value";
  return cell.values.empty() ? std::nullopt : std::optional(cell);
}

}  // namespace

bool is_numeric_input(const Type& type) {
  return type.kind() == TypeKind::integer || type.kind() == TypeKind::real ||
         type.kind() == TypeKind::decimal;
}

bool CellTest::contains(const Decimal& number) const {
  if (low && (low_inclusive ? number < *low : number <= *low)) return false;
  if (high && (high_inclusive ? number > *high : number >= *high)) return false;
  return true;
}

std::optional<CellTest> parse_cell(const std::string& text, const Type& type, std::string& error) {
  CellTest cell;
  cell.text = text;
  std::string_view body = trim_blanks(text);
  if (body.empty() || body == "-") return cell;
  if (is_numeric_input(type)) {
    bool bracketed =
        (body.front() == '[' || body.front() == '(') && (body.back() == ']' || body.back() == ')');
    return bracketed ? interval(body, cell, error) : comparison(body, cell, error);
  }
  return values(body, type, cell, error);
}

}  // namespace cadre
