// The tests in decision-table cells: `-` (any), a value or list of values of an
// enumeration, bool or string input, or a numeric interval (`>= 2`, `< 0.9`,
// `= 3`, `[1, 3)`). Parsed once against the input's type, so that evaluation
// and the gap/overlap analysis work on structured tests.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cadre/decimal.hpp"
#include "cadre/type.hpp"

namespace cadre {

struct CellTest {
  enum class Kind : std::uint8_t { any, values, interval };
  Kind kind = Kind::any;
  std::vector<std::string> values;  ///< Kind::values: names as written
  std::optional<Decimal> low;       ///< Kind::interval: absent = unbounded
  std::optional<Decimal> high;
  bool low_inclusive = false;
  bool high_inclusive = false;
  std::string text;  ///< as written, for messages

  /// True when `number` lies in the interval (Kind::interval only).
  bool contains(const Decimal& number) const;
};

/// Parses a cell for an input of `type`; on failure returns nullopt and sets
/// `error` to a message ("expected a number after `>=`").
std::optional<CellTest> parse_cell(const std::string& text, const Type& type, std::string& error);

/// True for int, double and decimal inputs (interval cells).
bool is_numeric_input(const Type& type);

}  // namespace cadre
