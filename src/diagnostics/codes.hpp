// The catalogue of diagnostic codes (codes.def), as named constants every
// stage reports with and as a table (for documentation and lookups).
#pragma once

#include <cstddef>
#include <string_view>

#include "cadre/diagnostic.hpp"

namespace cadre {

namespace code {
// `const char*`: usable wherever a stage takes a code (string, string_view).
#define CADRE_DIAGNOSTIC(name, text, severity, summary) inline constexpr const char* name = text;
#include "diagnostics/codes.def"
#undef CADRE_DIAGNOSTIC
}  // namespace code

/// One code of the catalogue.
struct DiagnosticCode {
  std::string_view code;     ///< "load.unknown_key"
  Severity severity;         ///< the severity it is reported with
  std::string_view summary;  ///< what it reports
};

inline constexpr DiagnosticCode kDiagnosticCodes[] = {
#define CADRE_DIAGNOSTIC(name, text, severity, summary) {text, Severity::severity, summary},
#include "diagnostics/codes.def"
#undef CADRE_DIAGNOSTIC
};

/// The catalogue's entry for `code`, or null.
constexpr const DiagnosticCode* find_diagnostic_code(std::string_view code) {
  for (const auto& entry : kDiagnosticCodes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace cadre
