// Entry points of the record readers: a records file (YAML, JSON, JSON Lines
// or CSV) → typed records of the rule set's schema, one per input record.
#pragma once

#include <filesystem>
#include <string>

#include "records/record_batch.hpp"

namespace cadre::records {

/// The format a file name's extension implies (.yaml/.yml, .json,
/// .jsonl/.ndjson, .csv; case-insensitive), or automatic when unknown.
RecordFormat format_from_extension(const std::filesystem::path& file);

/// Reads the records of `file`. The format is options.format, or the one its
/// extension implies; an unknown extension or an unreadable file is a
/// diagnostic and no records.
RecordBatch read_records(const std::filesystem::path& file, const RecordTypeLookup& types,
                         const RecordReadOptions& options = {});

/// Reads the records of `text`; `name` goes into diagnostics and, when
/// `format` is automatic, decides the format by its extension.
RecordBatch read_records_text(std::string name, std::string text, RecordFormat format,
                              const RecordTypeLookup& types, const RecordReadOptions& options = {});

}  // namespace cadre::records
