// Diagnostics: problems found in what the user wrote (an expression, later a
// rule set), reported as plain data with a stable code and a source location.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/export.hpp"

namespace cadre {

enum class Severity : std::uint8_t { error, warning, note };

/// A position in a source text. `line` and `column` are 1-based and count
/// Unicode code points within the line; `offset` is the 0-based byte offset.
struct SourceLocation {
  std::string file;  ///< empty for a bare expression
  int line = 0;      ///< 0: the file as a whole (it cannot be read, it is empty)
  int column = 0;
  int offset = 0;
};

/// One problem in user input. The message is lowercase, quotes user input in
/// backticks and says what was expected; `help` optionally says how to fix it.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  ///< stable identifier, e.g. "expr.syntax"
  SourceLocation location;
  std::string message;
  std::string help;
};

/// "error", "warning" or "note".
CADRE_API const char* severity_name(Severity severity);

/// `file:line:col: severity: message` (file omitted when empty; line:col
/// omitted when the line is 0, for a problem with a file as a whole).
CADRE_API std::string format_diagnostic(const Diagnostic& diagnostic);

/// The diagnostic followed by the offending line of `source` with a caret
/// under the column, and the help line if any:
///   1:9: error: undeclared reference to `pya`
///     round(pya * 1.2, 2)
///           ^
///     help: did you mean `pay`?
CADRE_API std::string render_diagnostic(const Diagnostic& diagnostic, std::string_view source);

/// True when any diagnostic is an error.
CADRE_API bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace cadre
