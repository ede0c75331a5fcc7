// What is said of a batch as a whole once every record is read: a file
// without records, and the caps on how much is reported (a broken or hostile
// file can give thousands of problems; the first ones say what is wrong).
#pragma once

#include <cstddef>
#include <string>

#include "records/record_batch.hpp"

namespace cadre::records {

/// A `records.empty` warning when the batch has no records and no error
/// says why: "no records in `FILE`".
void note_empty(RecordBatch& batch, const std::string& file);

/// Keeps the first `max` diagnostics of the batch and the first `max` errors
/// of each record; the rest are counted in one last "… and N more"
/// (a `records.limit` diagnostic, an error of the record).
void cap_reports(RecordBatch& batch, const std::string& file, std::size_t max);

/// Keeps the first `max` errors of `record`, the rest counted in one last
/// "… and N more errors in this record" (what cap_reports does to each).
void cap_record_errors(InputRecord& record, std::size_t max);

/// A file-level diagnostic with no position (line 0): about the file as a
/// whole.
Diagnostic file_diagnostic(const std::string& file, std::string_view code, Severity severity,
                           std::string message, std::string help = {});

}  // namespace cadre::records
