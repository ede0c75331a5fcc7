// Diagnostic helpers: naming a severity and printing a diagnostic on one line.
#include "cadre/diagnostic.hpp"

#include <algorithm>

namespace cadre {

const char* severity_name(Severity severity) {
  switch (severity) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  const SourceLocation& location = diagnostic.location;
  std::string text;
  if (!location.file.empty()) text += location.file + ":";
  // Line 0: about the file as a whole (it cannot be read), no position.
  if (location.line > 0) {
    text += std::to_string(location.line) + ":" + std::to_string(location.column) + ":";
  }
  if (!text.empty()) text += " ";
  text += severity_name(diagnostic.severity);
  text += ": ";
  text += diagnostic.message;
  return text;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& diagnostic) {
    return diagnostic.severity == Severity::error;
  });
}

}  // namespace cadre
