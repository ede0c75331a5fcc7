// Quotas and tier bounds of cohort allocations, in exact fractions.
#include "engine/cohort_limit.hpp"

#include <optional>

#include "core/decimal_parts.hpp"
#include "engine/conditions.hpp"
#include "engine/outcome_builder.hpp"

namespace cadre::engine {

namespace {

Int128 gcd(Int128 a, Int128 b) {
  if (a < 0) a = -a;
  while (b != 0) {
    Int128 rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

// a + b, reduced; nullopt when it would overflow (shares finer than 128 bits hold).
std::optional<Fraction> add_fractions(const Fraction& a, const Fraction& b) {
  Int128 left = 0;
  Int128 right = 0;
  Int128 den = 0;
  Int128 num = 0;
  if (__builtin_mul_overflow(a.num, b.den, &left) || __builtin_mul_overflow(b.num, a.den, &right) ||
      __builtin_mul_overflow(a.den, b.den, &den) || __builtin_add_overflow(left, right, &num)) {
    return std::nullopt;
  }
  Int128 common = gcd(num, den);
  if (common > 1) {
    num /= common;
    den /= common;
  }
  return Fraction{num, den};
}

std::optional<Fraction> fraction_of(const Value& value) {
  switch (value.kind()) {
    case ValueKind::integer:
      return Fraction{value.as_int(), 1};
    case ValueKind::decimal: {
      Int128 den = 1;
      for (int i = 0; i < value.as_decimal().scale(); ++i)
        den *= 10;
      return Fraction{internal::coefficient_of(value.as_decimal()), den};
    }
    case ValueKind::real: {
      auto parsed = Decimal::parse(plain_text(value));
      return parsed ? fraction_of(Value(*parsed)) : std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

std::string text_of(Int128 value) {
  if (value == 0) return "0";
  bool negative = value < 0;
  std::string digits;
  for (Int128 rest = negative ? -value : value; rest > 0; rest /= 10) {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(rest % 10)));
  }
  return negative ? "-" + digits : digits;
}

// share × count rounded as the rule states; nullopt when `exact` and the
// product is not whole (the text gives no rounding: R-10).
std::optional<std::int64_t> rounded_product(const Fraction& share, std::int64_t count,
                                            const std::string& rounding) {
  Int128 product = 0;
  if (__builtin_mul_overflow(share.num, static_cast<Int128>(count), &product)) return std::nullopt;
  Int128 floor = product / share.den;  // shares are never negative
  Int128 rest = product % share.den;
  if (rest == 0) return static_cast<std::int64_t>(floor);
  if (rounding == "floor") return static_cast<std::int64_t>(floor);
  if (rounding == "ceil") return static_cast<std::int64_t>(floor + 1);
  if (rounding == "half_up")
    return static_cast<std::int64_t>(rest * 2 >= share.den ? floor + 1 : floor);
  return std::nullopt;
}

// The exact quotient as text: 4.5, or 9/2 when it has no finite decimal form.
std::string exact_text(const Fraction& share, std::int64_t count) {
  Int128 num = 0;
  if (__builtin_mul_overflow(share.num, static_cast<Int128>(count), &num)) return "?";
  Int128 den = share.den;
  Int128 common = gcd(num, den);
  if (common > 1) {
    num /= common;
    den /= common;
  }
  auto decimal = internal::decimal_from_parts(num, 0);
  auto divisor = internal::decimal_from_parts(den, 0);
  if (decimal && divisor) {
    auto quotient = Decimal::divide(*decimal, *divisor);
    if (quotient.ok()) {
      auto back = Decimal::multiply(quotient.value, *divisor);
      if (back.ok() && back.value == *decimal) return quotient.value.to_string();
    }
  }
  return text_of(num) + "/" + text_of(den);
}

std::string rounding_code(const CompiledDecision& decision) {
  return "unspecified_parameter:" + decision.model->id + ".rounding";
}

}  // namespace

// share × count, where the count is known to lie in [fewest, most] (records
// whose group is unknown may add to it).
// False (and `unknown` an error) when the product does not fit.
bool Limit::add_bound(const Fraction& share, std::int64_t fewest, std::int64_t most,
                      const std::string& rounding) {
  bool exact = rounding.empty() || rounding == "exact";
  auto lower = rounded_product(share, fewest, exact ? "floor" : rounding);
  auto upper = rounded_product(share, most, exact ? "ceil" : rounding);
  if (!lower || !upper) {
    known = false;
    unknown = Value::error("the quota does not fit in 64 bits");
    return false;
  }
  low.push_back(*lower);
  high.push_back(*upper);
  return true;
}

// Why an unknown limit is unknown, as the decision's reasons.
void Limit::explain_unknown(DecisionResult& result) const {
  add_unknowns(unknown, result);
  if (unknown.is_error()) result.undetermined.push_back("error:" + unknown.as_error().message);
}

Limit quota_limit(const CompiledDecision& decision, const Activation& facts, std::int64_t size,
                  std::int64_t largest) {
  Limit limit;
  const model::Allocation& model = *decision.model->allocation;
  if (decision.quota_count.program) {
    Value count = decision.quota_count.program->evaluate(facts);
    if (count.kind() != ValueKind::integer) {
      limit.unknown = count;
      return limit;
    }
    limit.known = true;
    limit.low = limit.high = {count.as_int()};
    limit.rule = std::to_string(count.as_int());
    return limit;
  }
  if (!decision.quota_ratio.program) return limit;
  // The base the text counts (the town's village cadres), when the rule
  // gives one, instead of the records of the group in the population.
  if (decision.quota_base.program) {
    Value base = decision.quota_base.program->evaluate(facts);
    if (base.kind() != ValueKind::integer || base.as_int() < 0) {
      limit.unknown = base.kind() == ValueKind::integer
                          ? Value::error("the base of the quota is negative")
                          : base;
      return limit;
    }
    size = largest = base.as_int();
  }
  Value ratio = decision.quota_ratio.program->evaluate(facts);
  auto share = fraction_of(ratio);
  if (!share) {
    limit.unknown = ratio;
    return limit;
  }
  limit.known = true;
  if (!limit.add_bound(*share, size, largest, model.rounding)) return limit;
  bool stated = !model.rounding.empty() && model.rounding != "exact";
  auto rule_for = [&](std::int64_t count, std::int64_t quota) {
    std::string product = plain_text(ratio) + " × " + std::to_string(count);
    return (stated ? model.rounding + "(" + product + ")" : product) + " = " +
           std::to_string(quota);
  };
  if (largest > size) {
    // Open because of who belongs: their missing facts say why.
    limit.rule = rule_for(size, limit.low[0]) + " to " + rule_for(largest, limit.high[0]);
  } else if (limit.open()) {
    limit.rule =
        plain_text(ratio) + " × " + std::to_string(size) + " = " + exact_text(*share, size);
    limit.undetermined = rounding_code(decision);
  } else {
    limit.rule = rule_for(size, limit.low[0]);
  }
  return limit;
}

Limit tier_limit(const CompiledDecision& decision, const Activation& facts, std::int64_t candidates,
                 std::int64_t most) {
  Limit limit;
  const model::Allocation& model = *decision.model->allocation;
  Fraction cumulative{0, 1};
  std::string exact_bounds;  ///< "10/3, 20/3, 10"
  std::size_t written = 0;
  for (const auto& [num, den] : decision.tier_fractions) {
    Fraction share{num, den};
    if (den == 0) {
      const auto& program = decision.tier_shares[written++].program;
      Value value = program ? program->evaluate(facts) : Value::unknown("tiers");
      auto parsed = fraction_of(value);
      if (!parsed) {
        limit.unknown = value;
        return limit;
      }
      share = *parsed;
    }
    auto sum = add_fractions(cumulative, share);
    if (!sum) {
      limit.unknown = Value::error("tier shares too fine to add exactly");
      return limit;
    }
    cumulative = *sum;
    if (!limit.add_bound(cumulative, candidates, most, model.rounding)) return limit;
    exact_bounds += (exact_bounds.empty() ? "" : ", ") + exact_text(cumulative, candidates);
  }
  limit.known = !limit.low.empty() || decision.tier_fractions.empty();
  if (most > candidates) {
    limit.rule = "tiers of " + std::to_string(candidates) + " to " + std::to_string(most);
    return limit;
  }
  if (limit.open()) {
    limit.undetermined = rounding_code(decision);
    limit.rule = "tiers of " + std::to_string(candidates) + ": " + exact_bounds;
    return limit;
  }
  auto sizes = [](const std::vector<std::int64_t>& bounds) {
    std::string text;
    std::int64_t previous = 0;
    for (auto bound : bounds) {
      text += (text.empty() ? "" : "/") + std::to_string(bound - previous);
      previous = bound;
    }
    return text;
  };
  limit.rule = "tiers " + sizes(limit.low) + " of " + std::to_string(candidates);
  return limit;
}

}  // namespace cadre::engine
