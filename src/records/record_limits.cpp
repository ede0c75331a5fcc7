// The batch as a whole (see record_limits.hpp): empty files and the caps on
// what is reported.
#include "records/record_limits.hpp"

#include <algorithm>

#include "yaml/raw_text.hpp"

namespace cadre::records {

Diagnostic file_diagnostic(const std::string& file, std::string_view code, Severity severity,
                           std::string message, std::string help) {
  return {severity, std::string(code), SourceLocation{file, 0, 0, 0}, std::move(message),
          std::move(help)};
}

void note_empty(RecordBatch& batch, const std::string& file) {
  if (!batch.records.empty() || has_errors(batch.diagnostics)) return;
  batch.diagnostics.push_back(file_diagnostic(
      file, kEmptyCode, Severity::warning, "no records in " + yaml::backticked(file),
      "a records file holds records: YAML or JSON items, JSON Lines lines, CSV rows below the "
      "header"));
}

void cap_reports(RecordBatch& batch, const std::string& file, std::size_t max) {
  max = std::max<std::size_t>(max, 1);
  std::vector<Diagnostic>& diagnostics = batch.diagnostics;
  if (diagnostics.size() > max) {
    const std::size_t more = diagnostics.size() - max;
    const bool errors =
        std::any_of(diagnostics.begin() + static_cast<std::ptrdiff_t>(max), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    diagnostics.resize(max);
    diagnostics.push_back(
        file_diagnostic(file, kLimitCode, errors ? Severity::error : Severity::warning,
                        "… and " + std::to_string(more) + " more diagnostics not shown (at most " +
                            std::to_string(max) + " are reported)",
                        "correct the ones shown and read the file again"));
  }
  for (InputRecord& record : batch.records)
    cap_record_errors(record, max);
}

void cap_record_errors(InputRecord& record, std::size_t max) {
  max = std::max<std::size_t>(max, 1);
  if (record.errors.size() <= max) return;
  const std::size_t more = record.errors.size() - max;
  record.errors.resize(max);
  const RecordIssue& last = record.errors.back();
  record.errors.push_back({"", "… and " + std::to_string(more) + " more errors in this record",
                           last.line, last.column});
}

}  // namespace cadre::records
