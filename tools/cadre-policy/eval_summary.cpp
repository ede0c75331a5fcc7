// The summary of an `eval` run (see eval_summary.hpp).
#include "eval_summary.hpp"

#include <string>

#include "render/decision_text.hpp"

namespace cadre::tool {

namespace {

std::string plural(std::uint64_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

}  // namespace

std::size_t write_summary(std::ostream& out, const std::vector<RecordOutput>& outputs,
                          std::string_view command) {
  std::vector<RecordOutput> not_evaluated;
  std::size_t count = 0;
  for (const RecordOutput& output : outputs) {
    if (output.errors.empty()) continue;
    if (++count <= kListedRecords) not_evaluated.push_back(output);
  }
  write_summary(out, outputs.size(), count, not_evaluated, command);
  return count;
}

void write_summary(std::ostream& out, std::uint64_t records, std::uint64_t not_evaluated,
                   const std::vector<RecordOutput>& first_not_evaluated, std::string_view command) {
  out << "cadre-policy " << command << ": " << plural(records, "record") << " read";
  if (records > 0) out << ", " << records - not_evaluated << " decided";
  if (not_evaluated > 0) out << ", " << not_evaluated << " not evaluated";
  out << "\n";
  for (std::size_t i = 0; i < first_not_evaluated.size() && i < kListedRecords; ++i) {
    const auto& errors = first_not_evaluated[i].errors;
    const RecordError& first = errors.front();
    out << render::error_location(first) << ": error: ";
    if (!first.field.empty()) out << first.field << ": ";
    out << first.message;
    if (errors.size() > 1) out << " (and " << plural(errors.size() - 1, "more error") << ")";
    out << "\n";
  }
  if (not_evaluated > kListedRecords) {
    out << "… and " << plural(not_evaluated - kListedRecords, "more record") << " not evaluated\n";
  }
}

}  // namespace cadre::tool
