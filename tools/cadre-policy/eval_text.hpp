// `eval --format text`: one record's decisions as readable text, with their
// reasons (indented trees), values, flags, hints and the errors of a record
// that could not be read (file:line:column).
#pragma once

#include <ostream>
#include <string>

#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::tool {

/// "file:line:column" of a record error; without the column when it is not
/// known (0, as for a CSV row), and without the line when that is not known.
std::string error_location(const RecordError& error);

/// Writes `record` as text; messages in Chinese when `chinese`, else English.
/// A reason code naming a value `rules` leave open is followed by the reason
/// they give for it.
void write_text(std::ostream& out, const RecordOutput& record, const CompiledRuleSet& rules,
                bool chinese);

}  // namespace cadre::tool
