// The summary of an `eval` run (see eval_summary.hpp).
#include "eval_summary.hpp"

#include <string>

#include "render/decision_text.hpp"

namespace cadre::tool {

namespace {

std::string plural(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

std::size_t write_summary(std::ostream& out, const std::vector<RecordOutput>& outputs,
                          std::string_view command) {
  std::vector<const RecordOutput*> not_evaluated;
  for (const RecordOutput& output : outputs) {
    if (!output.errors.empty()) not_evaluated.push_back(&output);
  }
  out << "cadre-policy " << command << ": " << plural(outputs.size(), "record") << " read";
  if (!outputs.empty()) out << ", " << outputs.size() - not_evaluated.size() << " decided";
  if (!not_evaluated.empty()) out << ", " << not_evaluated.size() << " not evaluated";
  out << "\n";
  for (std::size_t i = 0; i < not_evaluated.size() && i < kListedRecords; ++i) {
    const auto& errors = not_evaluated[i]->errors;
    const RecordError& first = errors.front();
    out << render::error_location(first) << ": error: ";
    if (!first.field.empty()) out << first.field << ": ";
    out << first.message;
    if (errors.size() > 1) out << " (and " << plural(errors.size() - 1, "more error") << ")";
    out << "\n";
  }
  if (not_evaluated.size() > kListedRecords) {
    out << "… and " << plural(not_evaluated.size() - kListedRecords, "more record")
        << " not evaluated\n";
  }
  return not_evaluated.size();
}

}  // namespace cadre::tool
