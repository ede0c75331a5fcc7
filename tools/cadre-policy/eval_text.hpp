// `eval --format text`: one record's decisions as readable text, with their
// reasons (indented trees), values, flags, hints and the errors of a record
// that could not be read (file:line:column).
#pragma once

#include <ostream>

#include "cadre/engine.hpp"

namespace cadre::tool {

/// Writes `record` as text; messages in Chinese when `chinese`, else English.
void write_text(std::ostream& out, const RecordOutput& record, bool chinese);

}  // namespace cadre::tool
