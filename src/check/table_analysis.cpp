// Partitions of input domains and the enumeration of their combinations for
// the decision-table check (see table_analysis.hpp).
#include "check/table_analysis.hpp"

#include <algorithm>
#include <bit>
#include <limits>
#include <map>
#include <set>

namespace cadre::check {

namespace {

Region named(std::string value) {
  Region region;
  region.kind = Region::Kind::value;
  region.value = std::move(value);
  return region;
}

Region between(std::optional<Decimal> low, std::optional<Decimal> high) {
  Region region;
  region.kind = Region::Kind::interval;
  region.low = low;
  region.high = high;
  return region;
}

Region point(const Decimal& number) {
  Region region;
  region.kind = Region::Kind::point;
  region.low = number;
  region.high = number;
  return region;
}

// Whether an integer input can fall into the region.
bool holds_an_integer(const Region& region) {
  if (region.kind == Region::Kind::point) return region.low->is_integral();
  if (!region.low || !region.high) return true;
  DecimalResult floor = region.low->round_floor(0);
  DecimalResult next = Decimal::add(floor.value, Decimal::from_int(1));
  return !floor.ok() || !next.ok() || next.value < *region.high;
}

// Every number a cell of the input uses, ascending, each once.
std::vector<Decimal> cuts_of(const std::vector<const CellTest*>& cells) {
  std::vector<Decimal> cuts;
  for (const CellTest* cell : cells) {
    if (cell->kind != CellTest::Kind::interval) continue;
    if (cell->low) cuts.push_back(*cell->low);
    if (cell->high) cuts.push_back(*cell->high);
  }
  std::stable_sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

std::vector<Region> numeric_partition(const std::vector<const CellTest*>& cells, bool integer) {
  std::vector<Decimal> cuts = cuts_of(cells);
  if (cuts.empty()) return {Region{}};
  std::vector<Region> regions{between(std::nullopt, cuts.front())};
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    regions.push_back(point(cuts[k]));
    std::optional<Decimal> next;
    if (k + 1 < cuts.size()) next = cuts[k + 1];
    regions.push_back(between(cuts[k], next));
  }
  if (integer) std::erase_if(regions, [](const Region& r) { return !holds_an_integer(r); });
  return regions;
}

// The values the cells list, in the order first written, then everything else.
std::vector<Region> listed_partition(const std::vector<const CellTest*>& cells) {
  std::vector<std::string> listed;
  for (const CellTest* cell : cells) {
    for (const auto& value : cell->values) {
      if (std::find(listed.begin(), listed.end(), value) == listed.end()) listed.push_back(value);
    }
  }
  if (listed.empty()) return {Region{}};
  std::vector<Region> regions;
  for (const auto& value : listed)
    regions.push_back(named(value));
  Region rest;
  rest.kind = Region::Kind::other;
  rest.others = std::move(listed);
  regions.push_back(std::move(rest));
  return regions;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// ---- enumeration of combinations ----------------------------------------------

using Bits = std::vector<std::uint64_t>;

std::uint64_t saturating_product(const std::vector<std::vector<Region>>& partitions) {
  std::uint64_t product = 1;
  for (const auto& regions : partitions) {
    if (regions.empty()) return 0;
    if (product > std::numeric_limits<std::uint64_t>::max() / regions.size()) {
      return std::numeric_limits<std::uint64_t>::max();
    }
    product *= regions.size();
  }
  return product;
}

const CellTest& cell_of(const std::vector<CellTest>& rule, std::size_t input) {
  static const CellTest kAny;
  return input < rule.size() ? rule[input] : kAny;
}

// masks[input][region]: the rules whose cell for the input matches the region.
std::vector<std::vector<Bits>> match_masks(const std::vector<std::vector<CellTest>>& rules,
                                           const std::vector<std::vector<Region>>& partitions) {
  std::size_t words = (rules.size() + 63) / 64;
  std::vector<std::vector<Bits>> masks(partitions.size());
  for (std::size_t input = 0; input < partitions.size(); ++input) {
    for (const Region& region : partitions[input]) {
      Bits bits(words, 0);
      for (std::size_t r = 0; r < rules.size(); ++r) {
        if (matches(cell_of(rules[r], input), region)) bits[r / 64] |= std::uint64_t{1} << (r % 64);
      }
      masks[input].push_back(std::move(bits));
    }
  }
  return masks;
}

std::vector<std::size_t> rules_in(const Bits& bits) {
  std::vector<std::size_t> out;
  for (std::size_t word = 0; word < bits.size(); ++word) {
    for (std::uint64_t rest = bits[word]; rest != 0; rest &= rest - 1) {
      out.push_back(word * 64 + static_cast<std::size_t>(std::countr_zero(rest)));
    }
  }
  return out;
}

// Accumulates what the combinations show, one combination at a time.
class Tally {
 public:
  Tally(TableAnalysis& out, const AnalysisOptions& options)
      : out_(out), options_(options), winners_(out.rules.size()) {}

  void add(const Combination& combination, const std::vector<std::size_t>& matching) {
    if (matching.empty()) {
      ++out_.gap_count;
      if (out_.gaps.size() < options_.max_examples) out_.gaps.push_back(combination);
      return;
    }
    out_.rules[matching.front()].first = true;
    for (std::size_t r : matching) {
      out_.rules[r].matches = true;
      if (r != matching.front()) winners_[r].insert(matching.front());
    }
    if (matching.size() >= 2) add_overlap(combination, matching);
  }

  void finish() {
    for (std::size_t r = 0; r < out_.rules.size(); ++r) {
      RuleCoverage& rule = out_.rules[r];
      if (rule.matches && !rule.first)
        rule.shadowed_by.assign(winners_[r].begin(), winners_[r].end());
    }
  }

 private:
  void add_overlap(const Combination& combination, const std::vector<std::size_t>& matching) {
    auto [found, added] = overlap_index_.emplace(matching, out_.overlaps.size());
    if (added) out_.overlaps.push_back({matching, combination, 0});
    ++out_.overlaps[found->second].count;
  }

  TableAnalysis& out_;
  const AnalysisOptions& options_;
  std::vector<std::set<std::size_t>> winners_;
  std::map<std::vector<std::size_t>, std::size_t> overlap_index_;
};

// Moves to the next combination, the last input fastest; false after the last.
bool advance(Combination& combination, const std::vector<std::vector<Region>>& partitions) {
  for (std::size_t input = combination.size(); input-- > 0;) {
    if (++combination[input] < partitions[input].size()) return true;
    combination[input] = 0;
  }
  return false;
}

void enumerate(TableAnalysis& out, const std::vector<std::vector<Bits>>& masks,
               const AnalysisOptions& options) {
  Tally tally(out, options);
  std::size_t words = (out.rules.size() + 63) / 64;
  Combination combination(out.partitions.size(), 0);
  do {
    Bits bits(words, ~std::uint64_t{0});
    if (!out.rules.empty() && out.rules.size() % 64 != 0) {
      bits.back() = (std::uint64_t{1} << (out.rules.size() % 64)) - 1;
    }
    for (std::size_t input = 0; input < combination.size(); ++input) {
      const Bits& mask = masks[input][combination[input]];
      for (std::size_t word = 0; word < words; ++word)
        bits[word] &= mask[word];
    }
    tally.add(combination, rules_in(bits));
  } while (advance(combination, out.partitions));
  tally.finish();
}

}  // namespace

std::vector<Region> partition(const Type& type, const std::vector<const CellTest*>& cells) {
  bool untested = std::all_of(cells.begin(), cells.end(), [](const CellTest* cell) {
    return cell->kind == CellTest::Kind::any;
  });
  if (untested) return {Region{}};
  if (is_numeric_input(type)) return numeric_partition(cells, type.kind() == TypeKind::integer);
  if (const EnumType* enumeration = type.enum_type()) {
    std::vector<Region> regions;
    for (const auto& value : enumeration->values())
      regions.push_back(named(value));
    return regions;
  }
  if (type.kind() == TypeKind::boolean) return {named("true"), named("false")};
  return listed_partition(cells);
}

bool matches(const CellTest& cell, const Region& region) {
  if (cell.kind == CellTest::Kind::any) return true;
  bool interval = cell.kind == CellTest::Kind::interval;
  switch (region.kind) {
    case Region::Kind::value:
      return !interval &&
             std::find(cell.values.begin(), cell.values.end(), region.value) != cell.values.end();
    case Region::Kind::point:
      return interval && cell.contains(*region.low);
    case Region::Kind::interval:
      return interval && (!cell.low || (region.low && *cell.low <= *region.low)) &&
             (!cell.high || (region.high && *cell.high >= *region.high));
    default:  // any, other: no cell but `-` holds for all of them
      return false;
  }
}

std::string describe(std::string_view input, const Region& region) {
  std::string name(input);
  switch (region.kind) {
    case Region::Kind::value:
      return name + " = " + region.value;
    case Region::Kind::other:
      return name + " not in [" + join(region.others, ", ") + "]";
    case Region::Kind::point:
      return name + " = " + region.low->to_string();
    case Region::Kind::interval:
      if (region.low && region.high) {
        return region.low->to_string() + " < " + name + " < " + region.high->to_string();
      }
      if (region.low) return name + " > " + region.low->to_string();
      if (region.high) return name + " < " + region.high->to_string();
      return {};
    default:
      return {};
  }
}

std::string describe(const std::vector<std::string>& inputs,
                     const std::vector<std::vector<Region>>& partitions,
                     const Combination& combination) {
  std::vector<std::string> parts;
  for (std::size_t input = 0; input < combination.size(); ++input) {
    std::string part = describe(inputs.at(input), partitions[input][combination[input]]);
    if (!part.empty()) parts.push_back(std::move(part));
  }
  return parts.empty() ? "any input" : join(parts, ", ");
}

TableAnalysis analyze_table(const std::vector<Type>& input_types,
                            const std::vector<std::vector<CellTest>>& rules,
                            const AnalysisOptions& options) {
  TableAnalysis out;
  out.rules.resize(rules.size());
  for (std::size_t input = 0; input < input_types.size(); ++input) {
    std::vector<const CellTest*> cells;
    for (const auto& rule : rules)
      cells.push_back(&cell_of(rule, input));
    out.partitions.push_back(partition(input_types[input], cells));
  }
  out.combinations = saturating_product(out.partitions);
  if (out.combinations > options.max_combinations) {
    out.too_large = true;
    return out;
  }
  if (out.combinations == 0) return out;
  enumerate(out, match_masks(rules, out.partitions), options);
  return out;
}

}  // namespace cadre::check
