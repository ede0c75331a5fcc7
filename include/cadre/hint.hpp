// Counterfactual hints: for a condition that failed, what would change the
// outcome ("满3年于2025-03-01", "short by 20000", "would pass with: 优秀, 称职").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cadre/date.hpp"

namespace cadre {

/// What would make a failed condition pass. Only the fields of its kind are set.
struct Hint {
  /// "date": it passes from `date` on (a tenure or an age reached).
  /// "shortfall": a number misses its bound by `amount`.
  /// "values": it passes with one of `values` (an enumeration's names).
  /// "rank": a place in a cohort (`rank`); not produced for single conditions.
  std::string kind;
  std::optional<Date> date;
  /// The change needed to pass, as exact text ("19999.50"); for a strict bound
  /// on a non-integer the change must be more than this (see the messages).
  std::string amount;
  std::vector<std::string> values;
  int rank = 0;
  std::string message_zh;
  std::string message_en;
};

}  // namespace cadre
