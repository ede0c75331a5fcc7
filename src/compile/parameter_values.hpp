// Parameter values as written in YAML → typed values. Unspecified values
// become unknown values naming the parameter, so that a decision needing one
// is undetermined with `unspecified_parameter:<id>`.
#pragma once

#include <string>
#include <string_view>

#include "cadre/type.hpp"
#include "cadre/value.hpp"
#include "model/ruleset.hpp"

namespace cadre {

/// The value of `written` as `type`; an error value (message only) when the
/// text is not such a value.
/// An unspecified value is unknown with `<code>:<id>`.
Value parameter_value(const model::ParamValue& written, const Type& type, const std::string& id,
                      std::string_view code = "unspecified_parameter");

/// The unknown value standing for an unspecified parameter (or table entry):
/// `unspecified_parameter:<id>`, or another code the rule set names
/// (`ambiguous_reading`, MODEL.md §1).
Value unspecified_value(const std::string& id, std::string_view code = "unspecified_parameter");

}  // namespace cadre
