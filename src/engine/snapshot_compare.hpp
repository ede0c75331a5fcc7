// A snapshot's decisions compared with the same records decided again: both
// are the JSON Lines `eval` writes (one object per record, the decisions
// keyed by result id), so the comparison reads what was recorded exactly as
// it was written. A decision is changed when its outcome, value, possible
// values, flags or undetermined codes differ, or when only one side has it;
// its reasons before and after go with it. Records are matched by id (and by
// occurrence, for an id given twice); one on a side only is added or missing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "engine/result_comparison.hpp"

namespace cadre::engine {

/// One record of the snapshot or of the new run.
struct RecordComparison {
  enum class Presence : std::uint8_t {
    both,     ///< in the snapshot and decided now
    missing,  ///< in the snapshot, not in the new run
    added,    ///< in the new run, not in the snapshot
  };
  std::string record;  ///< its id
  std::string kind;
  Presence presence = Presence::both;
  std::size_t decisions = 0;  ///< decisions compared: both sides' ids, each once
  /// Why it was not evaluated, where that changed: `before` / `after` its
  /// first error (or empty: decided).
  std::string errors_before, errors_after;
  std::vector<ResultComparison> changed;  ///< its decisions that differ (both)
};

struct SnapshotReport {
  std::size_t decisions = 0;  ///< compared: every record's decisions, either side's
  std::size_t unchanged = 0;
  std::size_t changed = 0;  ///< those of added and missing records included
  /// Every record: the snapshot's in its order, then those added.
  std::vector<RecordComparison> records;
  /// Lines of the snapshot that are not a record's decisions (`snapshot.decisions`).
  std::vector<Diagnostic> problems;
};

/// Compares the snapshot's lines (`before`, read from `file`) with the new
/// run's (`after`), both in the JSON of `eval --format json`.
SnapshotReport compare_snapshot(const std::string& file, const std::vector<std::string>& before,
                                const std::vector<std::string>& after);

}  // namespace cadre::engine
