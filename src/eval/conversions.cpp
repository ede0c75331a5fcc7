// Type conversions: int(), double(), string(), decimal(), date(), timestamp(),
// duration() and the identity dyn(). Failed conversions are errors, never
// silent defaults.
#include <charconv>
#include <cmath>

#include "core/numeric.hpp"
#include "eval/builtin_groups.hpp"
#include "eval/builtins.hpp"

namespace cadre::eval {

namespace {

using expr::FunctionId;

Value conversion_error(const Value& from, const char* to) {
  return Value::error("cannot convert " + from.debug_string() + " to " + to);
}

Value to_int(const Value& a) {
  switch (a.kind()) {
    case ValueKind::integer:
      return a;
    case ValueKind::real: {
      double d = a.as_double();
      // Strictly inside (-2^63, 2^63), as CEL requires.
      if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) {
        return Value::error("double " + format_double(d) + " is out of int range");
      }
      return static_cast<std::int64_t>(d);
    }
    case ValueKind::string: {
      const std::string& text = a.as_string();
      std::int64_t value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size())
        return conversion_error(a, "int");
      return value;
    }
    case ValueKind::decimal: {
      auto value = a.as_decimal().to_int64();
      return value ? Value(*value) : Value::error("decimal is out of int range");
    }
    case ValueKind::timestamp:
      return a.as_timestamp().seconds();
    default:
      return conversion_error(a, "int");
  }
}

Value to_double(const Value& a) {
  switch (a.kind()) {
    case ValueKind::real:
      return a;
    case ValueKind::integer:
      return static_cast<double>(a.as_int());
    case ValueKind::decimal:
      return a.as_decimal().to_double();
    case ValueKind::string: {
      const std::string& text = a.as_string();
      double value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size()) {
        return conversion_error(a, "double");
      }
      return value;
    }
    default:
      return conversion_error(a, "double");
  }
}

Value to_string(const Value& a) {
  switch (a.kind()) {
    case ValueKind::string:
      return a;
    case ValueKind::enumeration:
      return a.as_enum().name();
    case ValueKind::integer:
      return std::to_string(a.as_int());
    case ValueKind::real:
      return format_double(a.as_double());
    case ValueKind::boolean:
      return a.as_bool() ? "true" : "false";
    case ValueKind::decimal:
      return a.as_decimal().to_string();
    case ValueKind::date:
      return a.as_date().to_string();
    case ValueKind::timestamp:
      return a.as_timestamp().to_string();
    case ValueKind::duration:
      return a.as_duration().to_string();
    default:
      return conversion_error(a, "string");
  }
}

Value to_decimal(const Value& a) {
  switch (a.kind()) {
    case ValueKind::decimal:
      return a;
    case ValueKind::integer:
      return Decimal::from_int(a.as_int());
    case ValueKind::string: {
      auto value = Decimal::parse(a.as_string());
      if (value) return *value;
      return Value::error("invalid decimal " + a.debug_string() +
                          ": expected digits with an optional sign and fraction, like \"3000.00\"");
    }
    default:
      return conversion_error(a, "decimal");
  }
}

Value to_date(const Value& a) {
  if (a.kind() == ValueKind::date) return a;
  if (a.kind() != ValueKind::string) return conversion_error(a, "date");
  auto value = Date::parse(a.as_string());
  if (value) return *value;
  return Value::error("invalid date " + a.debug_string() +
                      ": expected an existing day written YYYY-MM-DD");
}

Value to_timestamp(const Value& a) {
  switch (a.kind()) {
    case ValueKind::timestamp:
      return a;
    case ValueKind::integer: {
      auto value = Timestamp::from_parts(a.as_int(), 0);
      return value ? Value(*value) : Value::error("timestamp out of range");
    }
    case ValueKind::string: {
      auto value = Timestamp::parse(a.as_string());
      return value ? Value(*value) : Value::error("invalid timestamp " + a.debug_string());
    }
    default:
      return conversion_error(a, "timestamp");
  }
}

Value to_duration(const Value& a) {
  if (a.kind() == ValueKind::duration) return a;
  if (a.kind() != ValueKind::string) return conversion_error(a, "duration");
  auto value = Duration::parse(a.as_string());
  return value ? Value(*value) : Value::error("invalid duration " + a.debug_string());
}

}  // namespace

Value conversion(FunctionId function, std::span<const Value> args) {
  if (args.size() != 1) return no_overload(function, args);
  const Value& a = args[0];
  switch (function) {
    case FunctionId::to_int:
      return to_int(a);
    case FunctionId::to_double:
      return to_double(a);
    case FunctionId::to_string:
      return to_string(a);
    case FunctionId::to_decimal:
      return to_decimal(a);
    case FunctionId::to_date:
      return to_date(a);
    case FunctionId::to_timestamp:
      return to_timestamp(a);
    case FunctionId::to_duration:
      return to_duration(a);
    default:
      return a;  // dyn()
  }
}

}  // namespace cadre::eval
