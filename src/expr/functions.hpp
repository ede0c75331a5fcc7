// The closed set of built-in functions: their ids, names and typed overloads.
// The checker resolves calls against the overloads; the compiler stores the id
// so that evaluation never looks a function up by name.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "cadre/type.hpp"

namespace cadre::expr {

enum class FunctionId : std::uint8_t {
#define CADRE_FUNCTION(id, name) id,
#include "expr/functions.def"
#undef CADRE_FUNCTION
};

enum class CallStyle : std::uint8_t {
  global,    ///< f(a, b)
  receiver,  ///< a.f(b): the receiver is the first parameter
};

struct Overload {
  FunctionId function;
  CallStyle style;
  std::vector<Type> parameters;
  Type result;
};

std::optional<FunctionId> find_function(std::string_view name);
const char* function_name(FunctionId id);
/// Every overload of the function, both call styles.
const std::vector<Overload>& overloads_of(FunctionId id);

}  // namespace cadre::expr
