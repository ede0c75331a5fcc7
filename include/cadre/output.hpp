// The output contract of `cadre-policy eval`: one line of JSON per input
// record (docs/decisions.md; JSON Schema docs/decisions.schema.json). Keys
// come in a fixed order and decimals as exact text, so the same input gives
// byte-identical output.
#pragma once

#include <string>

#include "cadre/date.hpp"
#include "cadre/engine.hpp"
#include "cadre/export.hpp"
#include "cadre/ruleset.hpp"

namespace cadre {

/// One line of JSON, without the trailing newline.
CADRE_API std::string to_json_line(const RecordOutput& output, const CompiledRuleSet& rules,
                                   Date as_of);

}  // namespace cadre
