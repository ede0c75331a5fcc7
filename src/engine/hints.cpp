// Counterfactual hints. The date hint re-evaluates the whole condition on the
// facts as they would stand later, because ages and tenures are derived values
// whose dependence on `as_of` the condition's text does not show. The other
// hints read the root comparison's operands as evaluated now.
#include "engine/hints.hpp"

#include <algorithm>
#include <array>

#include "core/access.hpp"
#include "core/numeric.hpp"
#include "engine/conditions.hpp"
#include "eval/builtins.hpp"
#include "eval/interpreter.hpp"
#include "eval/program.hpp"

namespace cadre::engine {

namespace {

using expr::FunctionId;

constexpr int kHorizonYears = 100;

// ---- date: the first day the condition holds -------------------------------

// The condition on the facts moved to `date`; nullopt when they cannot be
// moved or the condition is undecided there.
// `moved` is where the moved facts are written (facts_on fills it whole): one
// activation for the whole search, not a copy of the facts per step.
std::optional<bool> holds_on(const Program& condition, Activation& moved, Date date,
                             const FactsOn& facts_on) {
  if (!facts_on(date, moved)) return std::nullopt;
  Value value = condition.evaluate(moved);
  if (value.kind() != ValueKind::boolean) return std::nullopt;
  return value.as_bool();
}

// The last day searched: 100 years on, or the calendar's end.
Date search_horizon(Date as_of) {
  if (auto date = Date::add_years(as_of, kHorizonYears)) return *date;
  return *Date::from_ymd(Date::kMaxYear, 12, 31);
}

// The first day in (as_of, as_of + last] the condition holds, given that it
// fails on as_of, holds on as_of + last and, once true, stays true. Doubling
// steps bracket the day, halving finds it: about 2·log2(36525) evaluations.
std::optional<Date> first_day_holding(const Program& condition, Activation& moved, Date as_of,
                                      std::int64_t last, const FactsOn& facts_on) {
  auto holds_after = [&](std::int64_t days) {
    return holds_on(condition, moved, *Date::add_days(as_of, days), facts_on);
  };
  std::int64_t fails = 0;
  std::int64_t holds = 1;
  for (; holds < last; holds = std::min(holds * 2, last)) {
    auto value = holds_after(holds);
    if (!value) return std::nullopt;
    if (*value) break;
    fails = holds;
  }
  while (holds - fails > 1) {
    std::int64_t middle = fails + (holds - fails) / 2;
    auto value = holds_after(middle);
    if (!value) return std::nullopt;
    (*value ? holds : fails) = middle;
  }
  return Date::add_days(as_of, holds);
}

std::optional<Hint> date_hint(const Program& condition, const Activation& facts, Date as_of,
                              const FactsOn& facts_on) {
  if (!facts_on) return std::nullopt;
  Date horizon = search_horizon(as_of);
  std::int64_t last = Date::days_between(as_of, horizon);
  Activation moved = facts;
  // One probe at the horizon spares the search for conditions time never changes.
  if (last <= 0 || !holds_on(condition, moved, horizon, facts_on).value_or(false)) {
    return std::nullopt;
  }
  auto date = first_day_holding(condition, moved, as_of, last, facts_on);
  if (!date) return std::nullopt;
  Hint hint;
  hint.kind = "date";
  hint.date = *date;
  hint.message_zh = "满足于" + date->to_string();
  hint.message_en = "met on " + date->to_string();
  return hint;
}

// ---- the root comparison ----------------------------------------------------

struct Comparison {
  FunctionId function = FunctionId::equals;
  Value left;
  Value right;
  bool left_constant = false;  ///< written as a literal (folded to a constant node)
  bool right_constant = false;
};

bool is_comparison(FunctionId function) {
  static constexpr std::array kComparisons = {
      FunctionId::less,   FunctionId::less_equals, FunctionId::greater, FunctionId::greater_equals,
      FunctionId::equals, FunctionId::not_equals,  FunctionId::in};
  return std::ranges::find(kComparisons, function) != kComparisons.end();
}

// The root as `left OP right` with both operands evaluated, or nullopt when
// the root is not a comparison or an operand is unknown or an error.
std::optional<Comparison> root_comparison(const ProgramImpl& program, const Activation& facts) {
  const Node& root = program.nodes[program.root];
  if (root.op != NodeOp::call || root.count != 2 || !is_comparison(root.function)) {
    return std::nullopt;
  }
  std::uint32_t left = program.children[root.first];
  std::uint32_t right = program.children[root.first + 1];
  Comparison comparison{
      root.function, eval::evaluate(program, left, &facts), eval::evaluate(program, right, &facts),
      program.nodes[left].op == NodeOp::constant, program.nodes[right].op == NodeOp::constant};
  if (comparison.left.is_exceptional() || comparison.right.is_exceptional()) return std::nullopt;
  return comparison;
}

// ---- shortfall: how far a number misses its bound ---------------------------

// `c < x` read as `x > c`, so the fact is on the left.
FunctionId mirrored(FunctionId function) {
  switch (function) {
    case FunctionId::less:
      return FunctionId::greater;
    case FunctionId::less_equals:
      return FunctionId::greater_equals;
    case FunctionId::greater:
      return FunctionId::less;
    case FunctionId::greater_equals:
      return FunctionId::less_equals;
    default:
      return function;
  }
}

bool is_ordering(FunctionId function) {
  return function == FunctionId::less || function == FunctionId::less_equals ||
         function == FunctionId::greater || function == FunctionId::greater_equals;
}

// `high - low`, plus one when `step` (a strict bound between integers), as
// exact text; nullopt on overflow. Ints and decimals stay exact; a double
// (only ever met with an int) is subtracted as doubles.
std::optional<std::string> gap_text(const Value& high, const Value& low, bool step) {
  if (high.kind() == ValueKind::real || low.kind() == ValueKind::real) {
    auto as_double = [](const Value& v) {
      return v.kind() == ValueKind::real ? v.as_double() : static_cast<double>(v.as_int());
    };
    return eval::format_double(as_double(high) - as_double(low));
  }
  auto as_decimal = [](const Value& v) {
    return v.kind() == ValueKind::decimal ? v.as_decimal() : Decimal::from_int(v.as_int());
  };
  DecimalResult gap = Decimal::subtract(as_decimal(high), as_decimal(low));
  if (gap.ok() && step) gap = Decimal::add(gap.value, Decimal::from_int(1));
  if (!gap.ok()) return std::nullopt;
  return gap.value.to_string();
}

std::optional<Hint> shortfall_hint(Comparison comparison) {
  if (!is_ordering(comparison.function)) return std::nullopt;
  if (!eval::is_number(comparison.left.kind()) || !eval::is_number(comparison.right.kind())) {
    return std::nullopt;  // dates are the date hint's; strings have no gap
  }
  if (comparison.left_constant && !comparison.right_constant) {
    comparison.function = mirrored(comparison.function);
    std::swap(comparison.left, comparison.right);
  }
  FunctionId function = comparison.function;
  bool strict = function == FunctionId::less || function == FunctionId::greater;
  bool integers =
      comparison.left.kind() == ValueKind::integer && comparison.right.kind() == ValueKind::integer;
  bool short_of = function == FunctionId::greater || function == FunctionId::greater_equals;
  const Value& high = short_of ? comparison.right : comparison.left;
  const Value& low = short_of ? comparison.left : comparison.right;
  auto amount = gap_text(high, low, strict && integers);
  if (!amount) return std::nullopt;
  // A strict bound on non-integers is passed by any change larger than the gap.
  bool more_than = strict && !integers;
  Hint hint;
  hint.kind = "shortfall";
  hint.amount = *amount;
  if (short_of) {
    hint.message_zh = (more_than ? "差超过" : "差") + *amount;
    hint.message_en = (more_than ? "short by more than " : "short by ") + *amount;
  } else {
    hint.message_zh = (more_than ? "需减少超过" : "超出") + *amount;
    hint.message_en = (more_than ? "over by more than " : "over by ") + *amount;
  }
  return hint;
}

// ---- values: the enumeration values that would pass -------------------------

// Every value of the enumeration on one side that, put in its place, passes:
// the comparison itself decides, so orders and equality are the engine's.
std::vector<std::string> passing_enum_values(const Comparison& comparison, bool enum_on_left) {
  const EnumValue& current = (enum_on_left ? comparison.left : comparison.right).as_enum();
  std::vector<std::string> passing;
  for (int index = 0; index < static_cast<int>(current.type->values().size()); ++index) {
    Value candidate(EnumValue{current.type, index});
    std::array args = enum_on_left ? std::array{candidate, comparison.right}
                                   : std::array{comparison.left, candidate};
    Value result = eval::call_builtin(comparison.function, args);
    if (result.kind() == ValueKind::boolean && result.as_bool()) {
      passing.push_back(current.type->values()[index]);
    }
  }
  return passing;
}

std::vector<std::string> list_texts(const ListValue& list) {
  std::vector<std::string> texts;
  for (const Value& item : list)
    texts.push_back(plain_text(item));
  return texts;
}

std::optional<Hint> values_hint(const Comparison& comparison) {
  bool left_enum = comparison.left.kind() == ValueKind::enumeration;
  bool right_enum = comparison.right.kind() == ValueKind::enumeration;
  std::vector<std::string> values;
  if (comparison.function == FunctionId::in) {
    if (left_enum && comparison.right.kind() == ValueKind::list) {
      values = list_texts(comparison.right.as_list());
    }
  } else if (left_enum || right_enum) {
    // The side that varies: the enumeration fact, not the written constant.
    bool enum_on_left = left_enum && (!right_enum || comparison.right_constant);
    values = passing_enum_values(comparison, enum_on_left);
  }
  if (values.empty()) return std::nullopt;
  Hint hint;
  hint.kind = "values";
  hint.message_zh = "可满足的取值：";
  hint.message_en = "would pass with: ";
  for (std::size_t i = 0; i < values.size(); ++i) {
    hint.message_zh += (i > 0 ? "、" : "") + values[i];
    hint.message_en += (i > 0 ? ", " : "") + values[i];
  }
  hint.values = std::move(values);
  return hint;
}

}  // namespace

std::optional<Hint> hint_for(const Program& condition, const Activation& facts, Date as_of,
                             const FactsOn& facts_on) {
  Value value = condition.evaluate(facts);
  if (value.kind() != ValueKind::boolean || value.as_bool()) return std::nullopt;
  if (auto hint = date_hint(condition, facts, as_of, facts_on)) return hint;
  auto comparison = root_comparison(internal::impl_of(condition), facts);
  if (!comparison) return std::nullopt;
  if (auto hint = shortfall_hint(*comparison)) return hint;
  return values_hint(*comparison);
}

}  // namespace cadre::engine
