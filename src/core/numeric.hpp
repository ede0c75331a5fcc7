// Cross-type numeric comparison: CEL compares an int with a double after
// converting the int to double, and the domain compares decimals with ints
// exactly. Decimals never meet doubles.
#pragma once

#include <compare>
#include <optional>
#include <string>

#include "cadre/value.hpp"

namespace cadre::eval {

/// Order of an int64 and a double, as doubles; unordered when the double is NaN.
std::partial_ordering compare_int_double(std::int64_t a, double b);

/// Order of two numeric values (int, double, decimal) by value; nullopt when
/// either is not a number or the pair is decimal/double.
std::optional<std::partial_ordering> compare_numbers(const Value& a, const Value& b);

bool is_number(ValueKind kind);

/// Shortest text that reads back to the same double: "123.456", "-0.0045", "1e+21".
std::string format_double(double value);

/// A CEL string literal in double quotes with escapes for quotes, backslashes
/// and control characters.
std::string quote_string(std::string_view text);

}  // namespace cadre::eval
