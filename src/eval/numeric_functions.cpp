// round/floor/ceil on decimals (explicit rounding: half-up unless named
// otherwise), and min, max, abs on numbers and dates.
#include <array>
#include <cmath>
#include <limits>

#include "core/numeric.hpp"
#include "eval/builtin_groups.hpp"
#include "eval/builtins.hpp"

namespace cadre::eval {

namespace {

using expr::FunctionId;

Value rounded(FunctionId function, std::span<const Value> args) {
  if (args.empty() || args.size() > 2 || args[0].kind() != ValueKind::decimal ||
      (args.size() == 2 && args[1].kind() != ValueKind::integer)) {
    return no_overload(function, args);
  }
  std::int64_t places = args.size() == 2 ? args[1].as_int() : 0;
  if (places < 0 || places > Decimal::kMaxScale) {
    return Value::error("decimal places must be between 0 and " +
                        std::to_string(Decimal::kMaxScale) + ", got " + std::to_string(places));
  }
  const Decimal& value = args[0].as_decimal();
  int digits = static_cast<int>(places);
  DecimalResult result = function == FunctionId::round   ? value.round_half_up(digits)
                         : function == FunctionId::floor ? value.round_floor(digits)
                                                         : value.round_ceiling(digits);
  if (!result.ok()) return Value::error("decimal overflow");
  return result.value;
}

// min/max/sum over a list, folding the two-argument forms.
Value aggregate(FunctionId function, const ListValue& items);

// The smaller (min) or larger (max) of two comparable values.
Value extreme(FunctionId function, std::span<const Value> args) {
  if (args.size() == 1 && args[0].kind() == ValueKind::list) {
    return aggregate(function, args[0].as_list());
  }
  if (args.size() != 2) return no_overload(function, args);
  const Value& a = args[0];
  const Value& b = args[1];
  std::optional<std::partial_ordering> order;
  if (is_number(a.kind()) && is_number(b.kind())) {
    order = compare_numbers(a, b);
  } else if (a.kind() == ValueKind::date && b.kind() == ValueKind::date) {
    order = a.as_date() <=> b.as_date();
  }
  if (!order || *order == std::partial_ordering::unordered) return no_overload(function, args);
  bool pick_a = function == FunctionId::min ? *order <= 0 : *order >= 0;
  const Value& chosen = pick_a ? a : b;
  // Mixed int/decimal gives a decimal, as the signature says.
  if (chosen.kind() == ValueKind::integer &&
      (a.kind() == ValueKind::decimal || b.kind() == ValueKind::decimal)) {
    return Decimal::from_int(chosen.as_int());
  }
  return chosen;
}

Value absolute(std::span<const Value> args) {
  if (args.size() != 1) return no_overload(FunctionId::abs, args);
  const Value& a = args[0];
  switch (a.kind()) {
    case ValueKind::integer:
      if (a.as_int() == std::numeric_limits<std::int64_t>::min()) return overflow_error();
      return a.as_int() < 0 ? -a.as_int() : a.as_int();
    case ValueKind::real:
      return std::fabs(a.as_double());
    case ValueKind::decimal:
      return a.as_decimal().is_negative() ? a.as_decimal().negated() : a.as_decimal();
    default:
      return no_overload(FunctionId::abs, args);
  }
}

Value aggregate(FunctionId function, const ListValue& items) {
  if (function == FunctionId::sum) {
    Value total = std::int64_t{0};
    for (const Value& item : items) {
      std::array<Value, 2> pair{total, item};
      total = arithmetic(FunctionId::add, pair);
      if (total.is_error()) return total;
    }
    return total;
  }
  if (items.empty())
    return Value::error(std::string(expr::function_name(function)) + " of an empty list");
  Value best = items.front();
  for (std::size_t i = 1; i < items.size(); ++i) {
    std::array<Value, 2> pair{best, items[i]};
    best = extreme(function, pair);
    if (best.is_error()) return best;
  }
  return best;
}

}  // namespace

Value numeric_functions(FunctionId function, std::span<const Value> args) {
  switch (function) {
    case FunctionId::min:
    case FunctionId::max:
      return extreme(function, args);
    case FunctionId::abs:
      return absolute(args);
    case FunctionId::sum:
      if (args.size() != 1 || args[0].kind() != ValueKind::list) return no_overload(function, args);
      return aggregate(function, args[0].as_list());
    default:
      return rounded(function, args);
  }
}

}  // namespace cadre::eval
