// A snapshot compared with its records decided again, as text for people
// (`cadre-policy test --snapshot DIR`): what the snapshot is and what it is
// decided with, every changed decision with its result before and after side
// by side and the reasons of each, the records added or missing, and the
// closing line `snapshot: N decisions, N unchanged, N changed`.
#pragma once

#include <string>

#include "cadre/ruleset.hpp"
#include "engine/snapshot_compare.hpp"
#include "engine/snapshot_manifest.hpp"

namespace cadre::render {

/// `snapshot DIR: ID VERSION as of DATE, N records (SOURCE); decided again
/// with PATH (ID VERSION)`, and a `note:` line when the rule set's digest is
/// not the one the snapshot records.
std::string snapshot_heading(const engine::SnapshotManifest& manifest, const std::string& dir,
                             const std::string& ruleset_path, const CompiledRuleSet& rules);

/// Every change, in record order: `CHANGED RECORD DECISION: …` with the
/// block under it, `MISSING record …`, `ADDED record …`, and a record whose
/// errors changed.
std::string snapshot_changes_text(const engine::SnapshotReport& report);

/// `snapshot: N decisions, N unchanged, N changed`.
std::string snapshot_closing_line(const engine::SnapshotReport& report);

}  // namespace cadre::render
