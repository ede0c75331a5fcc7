// Diagnostics as the C API hands them out: a JSON array of
// {severity, code, file, line, column, message, help}, and the text the
// command-line tool prints (`file:line:col: error: message`, then
// `  help: …`).
#pragma once

#include <vector>

#include "cadre/diagnostic.hpp"
#include "capi/handles.hpp"

namespace cadre::capi {

DiagnosticTexts describe(const std::vector<Diagnostic>& diagnostics);

/// The first error's `file:line:col: error: message`, or "" when none.
std::string first_error(const std::vector<Diagnostic>& diagnostics);

}  // namespace cadre::capi
