// Arithmetic: int64 with overflow errors, IEEE doubles, exact decimals (an int
// operand is widened exactly), string and list concatenation, and time.
#include <cmath>
#include <limits>

#include "eval/builtin_groups.hpp"
#include "eval/builtins.hpp"

namespace cadre::eval {

namespace {

using expr::FunctionId;

Value integer_op(FunctionId function, std::int64_t a, std::int64_t b) {
  std::int64_t result = 0;
  switch (function) {
    case FunctionId::add:
      if (__builtin_add_overflow(a, b, &result)) return overflow_error();
      return result;
    case FunctionId::subtract:
      if (__builtin_sub_overflow(a, b, &result)) return overflow_error();
      return result;
    case FunctionId::multiply:
      if (__builtin_mul_overflow(a, b, &result)) return overflow_error();
      return result;
    case FunctionId::divide:
    case FunctionId::modulo:
      if (b == 0)
        return Value::error(function == FunctionId::divide ? "division by zero"
                                                           : "modulus by zero");
      if (a == std::numeric_limits<std::int64_t>::min() && b == -1) return overflow_error();
      return function == FunctionId::divide ? a / b : a % b;
    default:
      return Value::error("internal error: not an integer operator");
  }
}

Value double_op(FunctionId function, double a, double b) {
  switch (function) {
    case FunctionId::add:
      return a + b;
    case FunctionId::subtract:
      return a - b;
    case FunctionId::multiply:
      return a * b;
    case FunctionId::divide:
      return a / b;
    default:
      return Value::error("no matching overload for `%` applied to (double, double)");
  }
}

Value decimal_result(const DecimalResult& result) {
  switch (result.status) {
    case DecimalStatus::ok:
      return result.value;
    case DecimalStatus::division_by_zero:
      return Value::error("division by zero");
    case DecimalStatus::overflow:
      return Value::error("decimal overflow");
    case DecimalStatus::invalid_scale:
      return Value::error("invalid decimal scale");
  }
  return Value::error("decimal error");
}

Value decimal_op(FunctionId function, const Decimal& a, const Decimal& b) {
  switch (function) {
    case FunctionId::add:
      return decimal_result(Decimal::add(a, b));
    case FunctionId::subtract:
      return decimal_result(Decimal::subtract(a, b));
    case FunctionId::multiply:
      return decimal_result(Decimal::multiply(a, b));
    case FunctionId::divide:
      return decimal_result(Decimal::divide(a, b));
    default:
      return decimal_result(Decimal::remainder(a, b));
  }
}

std::optional<Decimal> as_exact_decimal(const Value& value) {
  if (value.kind() == ValueKind::decimal) return value.as_decimal();
  if (value.kind() == ValueKind::integer) return Decimal::from_int(value.as_int());
  return std::nullopt;
}

Value time_op(FunctionId function, const Value& a, const Value& b) {
  auto range_error = [] { return Value::error("timestamp or duration out of range"); };
  auto wrap = [&](auto optional) { return optional ? Value(*optional) : range_error(); };
  ValueKind ka = a.kind();
  ValueKind kb = b.kind();
  bool add = function == FunctionId::add;
  if (ka == ValueKind::duration && kb == ValueKind::duration) {
    return wrap(add ? Duration::add(a.as_duration(), b.as_duration())
                    : Duration::subtract(a.as_duration(), b.as_duration()));
  }
  if (ka == ValueKind::timestamp && kb == ValueKind::duration) {
    return wrap(add ? Timestamp::add(a.as_timestamp(), b.as_duration())
                    : Timestamp::subtract(a.as_timestamp(), b.as_duration()));
  }
  if (add && ka == ValueKind::duration && kb == ValueKind::timestamp) {
    return wrap(Timestamp::add(b.as_timestamp(), a.as_duration()));
  }
  if (!add && ka == ValueKind::timestamp && kb == ValueKind::timestamp) {
    auto difference = Timestamp::difference(a.as_timestamp(), b.as_timestamp());
    // CEL bounds the difference of two timestamps by int64 nanoseconds
    // (about ±292 years), tighter than the duration type's own range.
    std::int64_t nanos = 0;
    if (!difference || __builtin_mul_overflow(difference->seconds(), 1'000'000'000, &nanos) ||
        __builtin_add_overflow(nanos, difference->nanos(), &nanos)) {
      return range_error();
    }
    return *difference;
  }
  return Value();  // null: not a time operation
}

Value negate(std::span<const Value> args) {
  const Value& a = args[0];
  switch (a.kind()) {
    case ValueKind::integer:
      if (a.as_int() == std::numeric_limits<std::int64_t>::min()) return overflow_error();
      return -a.as_int();
    case ValueKind::real:
      return -a.as_double();
    case ValueKind::decimal:
      return a.as_decimal().negated();
    case ValueKind::duration: {
      auto negated = a.as_duration().negated();
      return negated ? Value(*negated) : Value::error("duration out of range");
    }
    default:
      return no_overload(FunctionId::negate, args);
  }
}

Value concatenate(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::string) return a.as_string() + b.as_string();
  ListValue joined = a.as_list();
  joined.insert(joined.end(), b.as_list().begin(), b.as_list().end());
  return Value(std::move(joined));
}

}  // namespace

Value arithmetic(FunctionId function, std::span<const Value> args) {
  if (function == FunctionId::negate) return negate(args);
  const Value& a = args[0];
  const Value& b = args[1];
  ValueKind ka = a.kind();
  ValueKind kb = b.kind();
  if (ka == ValueKind::integer && kb == ValueKind::integer) {
    return integer_op(function, a.as_int(), b.as_int());
  }
  if (ka == ValueKind::real && kb == ValueKind::real && function != FunctionId::modulo) {
    return double_op(function, a.as_double(), b.as_double());
  }
  if (ka == ValueKind::decimal || kb == ValueKind::decimal) {
    auto da = as_exact_decimal(a);
    auto db = as_exact_decimal(b);
    if (da && db) return decimal_op(function, *da, *db);
  }
  if (function == FunctionId::add && ka == kb &&
      (ka == ValueKind::string || ka == ValueKind::list)) {
    return concatenate(a, b);
  }
  if (function == FunctionId::add || function == FunctionId::subtract) {
    Value result = time_op(function, a, b);
    if (result.kind() != ValueKind::null) return result;
  }
  return no_overload(function, args);
}

}  // namespace cadre::eval
