// Implementations of the built-in functions, dispatched on run-time kinds.
#pragma once

#include <compare>
#include <optional>
#include <span>

#include "cadre/value.hpp"
#include "expr/functions.hpp"

namespace cadre::eval {

/// Calls a strict builtin on arguments that are neither errors nor unknowns
/// (the receiver of a method call is the first argument). Errors come back as
/// error values without an offset; the interpreter adds the call's offset.
Value call_builtin(expr::FunctionId function, std::span<const Value> args);

/// CEL ordering of two values (numbers across kinds, ordered enumerations by
/// rank, strings, dates, …); nullopt when they are not comparable.
std::optional<std::partial_ordering> order_values(const Value& a, const Value& b);

/// The "no matching overload" error for a call with these argument kinds.
Value no_overload(expr::FunctionId function, std::span<const Value> args);

}  // namespace cadre::eval
