// What limits a cohort allocation in one group: a quota of places (of the
// group's size, with the rounding the rule states) or tier bounds (shares of
// the candidates), computed exactly with fractions. When the text gives no
// rounding, or records of unknown group may belong, the bounds are known only
// between a low and a high value, and a place is settled only where both agree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cadre/decimal.hpp"
#include "cadre/decision.hpp"
#include "cadre/expression.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/decimal_parts.hpp"

namespace cadre::engine {

// An exact share of the candidates: numerator / denominator.
struct Fraction {
  Int128 num = 0;
  Int128 den = 1;
};

// What limits the allocation in one group, as cumulative places per tier (a
// quota is a single tier): place p is in tier k when p <= bounds[k-1], and in
// none past the last. When the text gives no rounding and a product is not
// whole, `low` rounds it down and `high` up: a place is settled only where
// both agree.
struct Limit {
  bool known = false;
  std::vector<std::int64_t> low, high;
  std::string rule;          ///< "floor(0.2 × 23) = 4", "tiers 3/3/3 of 9"
  Value unknown;             ///< why it is not known
  std::string undetermined;  ///< the code for a rounding the text does not give

  bool open() const { return low != high; }

  // 1-based tier of a place under the low or high bounds; 0 past the last.
  int tier(std::int64_t place, bool upper) const {
    const auto& bounds = upper ? high : low;
    for (std::size_t k = 0; k < bounds.size(); ++k) {
      if (place <= bounds[k]) return static_cast<int>(k + 1);
    }
    return 0;
  }

  // The tier of every place in [first, last] under both roundings, or -1.
  int settled_tier(std::int64_t first, std::int64_t last) const {
    int t = tier(first, false);
    bool same = t == tier(last, false) && t == tier(first, true) && t == tier(last, true);
    return same ? t : -1;
  }

  // share × count, where the count is known to lie in [fewest, most] (records
  // whose group is unknown may add to it). False (and `unknown` an error)
  // when the product does not fit.
  bool add_bound(const Fraction& share, std::int64_t fewest, std::int64_t most,
                 const std::string& rounding);

  // Why an unknown limit is unknown, as the decision's reasons.
  void explain_unknown(DecisionResult& result) const;
};

/// The quota of a group of `size` records (up to `largest` when records of
/// unknown group may belong), from the decision's count or ratio.
Limit quota_limit(const CompiledDecision& decision, const Activation& facts, std::int64_t size,
                  std::int64_t largest);

/// Tier bounds over `candidates` (up to `most`), from the decision's shares.
Limit tier_limit(const CompiledDecision& decision, const Activation& facts, std::int64_t candidates,
                 std::int64_t most);

}  // namespace cadre::engine
