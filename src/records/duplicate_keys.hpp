// Records given more than once: within one records file, two records of the
// same kind with the same key are each an error, so that neither is evaluated
// (and counted in its group) as if it were the only one. Run once on a whole
// batch, after every record is read, whatever the format.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "records/record_batch.hpp"

namespace cadre::records {

/// Adds to every record whose kind and key (InputRecord::id, the text of the
/// kind's options.key_of field) another record shares an error on the key
/// field naming the other records' lines: "duplicate id `c1`: also given at
/// line 12". Records without a kind or a key are not compared; records of
/// different kinds may share a key.
void check_duplicate_keys(std::vector<InputRecord>& records, const RecordReadOptions& options);

/// The error of one of the records sharing a key, on its key field:
/// "duplicate id `c1`: also given at lines 2 and 12" (at most five other
/// lines named). `lines` are the lines of all of them in file order, `self`
/// the position of this one.
RecordIssue duplicate_issue(const std::string& key_field, const std::string& id,
                            std::span<const int> lines, std::size_t self);

}  // namespace cadre::records
