// Diagnostics → the JSON and the text of the C API (diagnostics_json.hpp).
#include "capi/diagnostics_json.hpp"

#include <boost/json.hpp>

namespace cadre::capi {

namespace {

boost::json::object diagnostic_object(const Diagnostic& diagnostic) {
  // Keys in the order the header documents them.
  boost::json::object object;
  object["severity"] = severity_name(diagnostic.severity);
  object["code"] = diagnostic.code;
  object["file"] = diagnostic.location.file;
  object["line"] = diagnostic.location.line;
  object["column"] = diagnostic.location.column;
  object["message"] = diagnostic.message;
  object["help"] = diagnostic.help;
  return object;
}

}  // namespace

DiagnosticTexts describe(const std::vector<Diagnostic>& diagnostics) {
  DiagnosticTexts texts;
  texts.count = diagnostics.size();
  boost::json::array array;
  for (const Diagnostic& diagnostic : diagnostics) {
    array.push_back(diagnostic_object(diagnostic));
    texts.text += format_diagnostic(diagnostic) + "\n";
    if (!diagnostic.help.empty()) texts.text += "  help: " + diagnostic.help + "\n";
  }
  texts.json = boost::json::serialize(array);
  return texts;
}

std::string first_error(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::error) return format_diagnostic(diagnostic);
  }
  return {};
}

}  // namespace cadre::capi
