// Reading expression values and types from YAML, in the conventions of the
// CEL conformance files: a quoted scalar is a string; a plain scalar is null,
// bool, int or (with '.', exponent, .inf or .nan) double; {type: timestamp |
// duration, value: "..."} is a time value. From yaml-cpp's nodes (the
// conformance files) or from the project's located tree (src/yaml, the
// sample files of `expr`).
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "cadre/type.hpp"
#include "cadre/value.hpp"
#include "yaml/node.hpp"

namespace cadre::tool {

/// How plain (unquoted) scalars are read.
enum class PlainScalars {
  /// The conformance files: plain scalars must be null, bool, int or double.
  typed,
  /// Hand-written facts: a plain number with a fraction is an exact decimal
  /// ("3000.50"), and any other plain text is a string (`grade: 优秀`).
  lenient,
};

/// The value of a node; an error value (with the node's line) if it has none.
Value value_from_yaml(const YAML::Node& node, PlainScalars plain = PlainScalars::typed);
Value value_from_yaml(const yaml::Node& node, PlainScalars plain = PlainScalars::typed);

/// The most specific type describing a value: list and map element types are
/// joined, and mixed elements give dyn.
Type type_of_value(const Value& value);

/// CEL equality for expectations: ints and doubles are distinct, doubles are
/// equal by value with NaN equal to NaN and the sign of zero significant.
bool same_value(const Value& expected, const Value& actual);

}  // namespace cadre::tool
