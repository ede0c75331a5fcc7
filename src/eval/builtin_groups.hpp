// The groups of builtin implementations that eval/builtins.cpp dispatches to.
// Each takes arguments that are neither errors nor unknowns and returns a value
// or an error value (no offset; the interpreter adds it).
#pragma once

#include <span>

#include "cadre/value.hpp"
#include "expr/functions.hpp"

namespace cadre::eval {

/// + - * / % and unary minus over int, double, decimal, string, list and time.
Value arithmetic(expr::FunctionId function, std::span<const Value> args);
/// round, floor, ceil, min, max, abs.
Value numeric_functions(expr::FunctionId function, std::span<const Value> args);
/// int(), double(), string(), decimal(), date(), timestamp(), duration(), dyn().
Value conversion(expr::FunctionId function, std::span<const Value> args);
/// Date arithmetic, ages, date(year, month, day) and timestamp/duration accessors.
Value calendar(expr::FunctionId function, std::span<const Value> args);

Value overflow_error();

}  // namespace cadre::eval
