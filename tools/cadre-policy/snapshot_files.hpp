// Snapshots in the tool (`cadre-policy snapshot`, `cadre-policy test
// --snapshot`): the decisions of a records file as the lines `eval --format
// json` writes, and the check of a snapshot against its records decided
// again (src/engine/snapshot_manifest.hpp, snapshot_compare.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cadre/engine.hpp"

namespace cadre::tool {

/// A records file decided as `eval` decides it.
struct DecidedLines {
  /// The decisions about no record first (when the rule set has any), then
  /// one line per input record, each as `eval --format json` writes it.
  std::vector<std::string> lines;
  std::vector<RecordOutput> outputs;  ///< one per input record
  std::size_t decisions = 0;          ///< decision results, those about no record included
};

/// Decides the records of `batch` as one population on `as_of`.
DecidedLines decide_lines(const Engine& engine, const RecordBatch& batch, Date as_of);

struct SnapshotTestSettings {
  std::string dir;
  std::string ruleset;  ///< empty: the rule set the manifest names
  std::string root;
  std::string junit;  ///< empty: no JUnit report
};

/// `cadre-policy test --snapshot DIR [RULESET]`: decides the snapshot's
/// records again and reports every decision that changed; exit 1 when any
/// did, 2 for a snapshot or rule set that cannot be read.
int test_snapshot(const SnapshotTestSettings& settings);

}  // namespace cadre::tool
