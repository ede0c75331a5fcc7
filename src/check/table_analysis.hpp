// Gap, overlap and never-fires analysis of decision tables, as pure functions
// over parsed cells and input types. Each input's domain is cut into finitely
// many regions that every cell of that input treats alike (enumeration values,
// true/false, the points and open intervals between the numbers the cells
// use); the rules are then matched against every combination of regions.
// Kept apart from the check pass so that it can be tested without a rule set.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/decimal.hpp"
#include "cadre/type.hpp"
#include "compile/table_cells.hpp"

namespace cadre::check {

/// A part of one input's domain that every cell of the input treats alike.
struct Region {
  enum class Kind : std::uint8_t {
    any,       ///< the whole domain: the input has only `-` cells
    value,     ///< one named value: an enumeration value, `true`, a listed string
    other,     ///< every value that no cell lists (string and untyped inputs)
    point,     ///< one number, `low` (== `high`)
    interval,  ///< the numbers strictly between `low` and `high`; absent = unbounded
  };
  Kind kind = Kind::any;
  std::string value;                 ///< value
  std::vector<std::string> others;   ///< other: the listed values it excludes
  std::optional<Decimal> low, high;  ///< point and interval
};

/// The regions of an input of `type` given the cells that test it: one `any`
/// region when every cell is `-`. Integer inputs drop regions that hold no
/// integer (`(1, 2)`, the point 2.5).
std::vector<Region> partition(const Type& type, const std::vector<const CellTest*>& cells);

/// True when `cell` holds for every input in `region` (regions are never
/// split by a cell of the same input, so otherwise it holds for none).
bool matches(const CellTest& cell, const Region& region);

/// `grade = 基本称职`, `years < 2`, `2 < years < 5`, `kind not in [a, b]`;
/// empty for an `any` region.
std::string describe(std::string_view input, const Region& region);

/// A region index per input.
using Combination = std::vector<std::size_t>;

/// The inputs of a combination, e.g. `grade = 基本称职, years < 2` (inputs
/// whose region is `any` are left out; "any input" when all are).
std::string describe(const std::vector<std::string>& inputs,
                     const std::vector<std::vector<Region>>& partitions,
                     const Combination& combination);

struct AnalysisOptions {
  /// Tables with more combinations of regions are not analysed.
  std::uint64_t max_combinations = 100'000;
  /// Most example combinations kept for gaps.
  std::size_t max_examples = 3;
};

/// Combinations matched by the same two or more rules.
struct Overlap {
  std::vector<std::size_t> rules;  ///< 0-based, ascending
  Combination example;             ///< the first combination they all match
  std::uint64_t count = 0;         ///< how many combinations they all match
};

struct RuleCoverage {
  bool matches = false;  ///< matches at least one combination
  bool first = false;    ///< is the first matching rule of at least one combination
  /// When it matches but is never first: the earlier rules that come first
  /// where it matches, ascending.
  std::vector<std::size_t> shadowed_by;
};

struct TableAnalysis {
  bool too_large = false;                       ///< over max_combinations: nothing below is filled
  std::uint64_t combinations = 0;               ///< product of the partition sizes (saturating)
  std::vector<std::vector<Region>> partitions;  ///< per input
  std::uint64_t gap_count = 0;                  ///< combinations matched by no rule
  std::vector<Combination> gaps;                ///< the first max_examples of them
  std::vector<Overlap> overlaps;    ///< per distinct set of rules, in order of first example
  std::vector<RuleCoverage> rules;  ///< per rule
};

/// Analyses a table whose rule `r` tests input `i` with `rules[r][i]` (a
/// missing cell is `-`). Combinations are enumerated with the last input
/// varying fastest, so examples come in a stable order.
TableAnalysis analyze_table(const std::vector<Type>& input_types,
                            const std::vector<std::vector<CellTest>>& rules,
                            const AnalysisOptions& options = {});

}  // namespace cadre::check
