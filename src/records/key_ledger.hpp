// The kinds and keys of every record of a file read as a stream, for what
// needs the whole file: records given twice (each an error naming the lines
// of the others, as check_duplicate_keys() reports them on a whole batch) and
// which keys the readable records have. It grows with the file: a few dozen
// bytes a record (the key's text and its place), the one part of reading a
// stream that is not bounded.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "records/record_batch.hpp"

namespace cadre::records {

class KeyLedger {
 public:
  /// Notes the record at `index` (0-based, in file order). `readable_kind`
  /// and `readable_key`, for a readable record, are the kind and key its
  /// value is found by (its type and `id` field).
  void add(std::uint64_t index, const InputRecord& record, const std::string& readable_kind,
           const std::string& readable_key);

  /// Once every record is noted: finds the keys given more than once.
  void finish();

  /// Adds to the record at `index` the error check_duplicate_keys() gives it
  /// when another record shares its kind and key.
  void check(std::uint64_t index, InputRecord& record, const RecordReadOptions& options) const;

  /// True when a readable record has this kind and key (after finish()).
  bool readable(const std::string& kind, const std::string& key) const;

  /// Forgets the keys (after the last readable() call); the duplicates stay.
  void release();

  /// The indices of the records given more than once, in file order.
  std::vector<std::uint64_t> duplicate_indices() const;

 private:
  struct Entry {
    std::uint64_t at = 0;  ///< the key's text in `text_`
    std::uint32_t size = 0;
    std::uint32_t line = 0;
    std::uint64_t index = 0;
    std::uint16_t kind = 0;
    bool compared = false;       ///< a kind and a key: compared for duplicates
    bool readable_same = false;  ///< readable, found by this same kind and key
  };

  std::uint16_t kind_number(const std::string& kind);
  std::string_view key(const Entry& entry) const { return {text_.data() + entry.at, entry.size}; }
  bool less(const Entry& a, const Entry& b) const;

  std::vector<std::string> kinds_;
  std::map<std::string, std::uint16_t, std::less<>> kind_numbers_;
  std::string text_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> sorted_;  ///< entries by kind, key and index (after finish)
  /// Readable records found by another kind and key than they are compared
  /// by, with their index (until finish()), then those that stay readable.
  std::vector<std::pair<std::uint64_t, std::pair<std::string, std::string>>> other_noted_;
  std::set<std::pair<std::string, std::string>> other_readable_;
  struct Duplicate {
    std::uint32_t run = 0;
    std::uint32_t self = 0;  ///< its place among the run's records
  };
  std::map<std::uint64_t, Duplicate> duplicates_;  ///< by record index
  std::vector<std::vector<int>> runs_;             ///< the lines of each run
};

}  // namespace cadre::records
