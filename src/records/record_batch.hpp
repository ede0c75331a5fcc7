// The result of reading a records file: one InputRecord per record in the
// input, in input order, each either typed or carrying the errors that kept
// it from being read; plus the problems of the file as a whole. Shared by the
// readers of every format and by the tools that evaluate the records.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/records.hpp"
#include "cadre/type.hpp"
#include "cadre/value.hpp"
#include "diagnostics/codes.hpp"

namespace cadre::records {

// The record types are public (cadre/records.hpp); the readers use them here.
using cadre::InputRecord;
using cadre::RecordBatch;
using cadre::RecordEncoding;
using cadre::RecordFormat;
using cadre::RecordIssue;

/// The public options (format, encoding, limits) and what the readers are
/// told besides: the schema's kinds, keys and required fields.
struct RecordReadOptions : cadre::RecordReadOptions {
  /// The kind of records that do not say theirs (no `kind` key or column).
  std::string default_kind;
  /// The field whose text becomes InputRecord::id, for a kind not in `keys`.
  std::string key_field = "id";
  /// Record kinds keyed by another field (a schema's `key:`): kind → field.
  std::map<std::string, std::string, std::less<>> keys;
  /// The fields a record must give (not absent, null or empty text), by the
  /// name of the record type: a kind (`cadre`), or the entries of one of its
  /// history lists (`cadre.assessments`).
  std::map<std::string, std::vector<std::string>, std::less<>> required;
  /// With ignore_unknown_fields: where the fields skipped are collected.
  std::set<std::string>* ignored_fields = nullptr;

  /// The key field of records of `kind`.
  const std::string& key_of(std::string_view kind) const {
    auto found = keys.find(kind);
    return found == keys.end() ? key_field : found->second;
  }
};

/// Looks up the declared type of a record kind, or null.
using RecordTypeLookup = std::function<std::shared_ptr<const RecordType>(std::string_view kind)>;

/// The diagnostic codes of the readers (besides the YAML reader's `yaml.*`).
inline constexpr std::string_view kIoCode = code::records_io;          ///< the file cannot be read
inline constexpr std::string_view kFormatCode = code::records_format;  ///< unknown format
inline constexpr std::string_view kShapeCode = code::records_shape;    ///< not a list of records
inline constexpr std::string_view kHeaderCode = code::records_header;  ///< a bad CSV header
inline constexpr std::string_view kEncodingCode = code::records_encoding;  ///< not UTF-8 text
inline constexpr std::string_view kLimitCode =
    code::records_limit;  ///< over a RecordReadOptions limit
inline constexpr std::string_view kEmptyCode = code::records_empty;  ///< no records (a warning)

}  // namespace cadre::records
