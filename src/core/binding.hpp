// Fitting a bound value to its declared type: maps become records, ints become
// decimals, ISO strings become dates. Done once when facts are bound, so that
// evaluation never converts.
#pragma once

#include <string>

#include "cadre/type.hpp"
#include "cadre/value.hpp"

namespace cadre {

/// The value converted to `type`, or an error value whose message says what
/// did not fit and where (`path`).
Value fit_to_type(const Value& value, const Type& type, const std::string& path);

}  // namespace cadre
