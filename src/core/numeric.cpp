// Exact comparisons across numeric kinds and the canonical text of numbers.
#include "core/numeric.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace cadre::eval {

namespace {

std::partial_ordering reverse(std::partial_ordering order) {
  if (order == std::partial_ordering::less) return std::partial_ordering::greater;
  if (order == std::partial_ordering::greater) return std::partial_ordering::less;
  return order;
}

}  // namespace

bool is_number(ValueKind kind) {
  return kind == ValueKind::integer || kind == ValueKind::real || kind == ValueKind::decimal;
}

std::partial_ordering compare_int_double(std::int64_t a, double b) {
  // CEL compares an int with a double as doubles: 9223372036854775807 becomes
  // 2^63 and equals 9223372036854775808.0 (the conformance cases rely on it).
  return static_cast<double>(a) <=> b;
}

std::optional<std::partial_ordering> compare_numbers(const Value& a, const Value& b) {
  ValueKind ka = a.kind();
  ValueKind kb = b.kind();
  if (ka == ValueKind::integer && kb == ValueKind::integer) return a.as_int() <=> b.as_int();
  if (ka == ValueKind::real && kb == ValueKind::real) return a.as_double() <=> b.as_double();
  if (ka == ValueKind::integer && kb == ValueKind::real) {
    return compare_int_double(a.as_int(), b.as_double());
  }
  if (ka == ValueKind::real && kb == ValueKind::integer) {
    return reverse(compare_int_double(b.as_int(), a.as_double()));
  }
  if (ka == ValueKind::decimal && kb == ValueKind::decimal)
    return a.as_decimal() <=> b.as_decimal();
  if (ka == ValueKind::decimal && kb == ValueKind::integer) {
    return a.as_decimal() <=> Decimal::from_int(b.as_int());
  }
  if (ka == ValueKind::integer && kb == ValueKind::decimal) {
    return Decimal::from_int(a.as_int()) <=> b.as_decimal();
  }
  return std::nullopt;
}

std::string format_double(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string quote_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\x%02X", static_cast<unsigned char>(c));
          out += escape;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace cadre::eval
