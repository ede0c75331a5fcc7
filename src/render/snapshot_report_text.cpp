// A snapshot comparison as text (snapshot_report_text.hpp).
#include "render/snapshot_report_text.hpp"

#include "render/comparison_text.hpp"

namespace cadre::render {

namespace {

constexpr const char* kIndent = "    ";
/// Digests are shown by their first characters, as version control shows commits.
constexpr std::size_t kDigestShown = 12;

std::string decisions(std::size_t count) {
  return std::to_string(count) + (count == 1 ? " decision" : " decisions");
}

// What differs, in one line: `outcome undetermined → eligible; value — → true`.
std::string summary(const engine::ResultComparison& comparison) {
  std::string out;
  for (const auto& row : comparison.rows) {
    if (!row.differs) continue;
    out += (out.empty() ? "" : "; ") + row.label + " " + row.left + " → " + row.right;
  }
  return out;
}

std::string record_name(const engine::RecordComparison& record) {
  return "record " + record.record + (record.kind.empty() ? "" : " (" + record.kind + ")");
}

}  // namespace

std::string snapshot_heading(const engine::SnapshotManifest& manifest, const std::string& dir,
                             const std::string& ruleset_path, const CompiledRuleSet& rules) {
  std::string out = "snapshot " + dir + ": " + manifest.ruleset_id + " " +
                    manifest.ruleset_version + " as of " + manifest.as_of + ", " +
                    std::to_string(manifest.records) + " records (" + manifest.records_source +
                    "); decided again with " + ruleset_path + " (" + rules.id() + " " +
                    rules.version() + ")\n";
  if (rules.digest() != manifest.ruleset_digest) {
    out += "note: the rule set is not the one the snapshot was made with: its digest is " +
           rules.digest().substr(0, kDigestShown) + "…, the snapshot's " +
           manifest.ruleset_digest.substr(0, kDigestShown) + "…\n";
  }
  return out;
}

std::string snapshot_changes_text(const engine::SnapshotReport& report) {
  std::string out;
  for (const auto& record : report.records) {
    using Presence = engine::RecordComparison::Presence;
    if (record.presence == Presence::missing) {
      out += "MISSING " + record_name(record) + ": " + decisions(record.decisions) +
             " in the snapshot, not decided now\n";
      continue;
    }
    if (record.presence == Presence::added) {
      out += "ADDED " + record_name(record) + ": " + decisions(record.decisions) +
             " now, not in the snapshot\n";
      continue;
    }
    if (!record.errors_before.empty() || !record.errors_after.empty()) {
      out += "CHANGED " + record_name(record) + ": " +
             (record.errors_after.empty()
                  ? "decided now, not evaluated in the snapshot (" + record.errors_before + ")"
                  : "not evaluated now (" + record.errors_after + ")") +
             "\n";
    }
    for (const auto& change : record.changed) {
      out += "CHANGED " + change.record + " " + change.decision + ": " + summary(change) + "\n";
      out += comparison_text(change, kIndent);
    }
  }
  return out;
}

std::string snapshot_closing_line(const engine::SnapshotReport& report) {
  return "snapshot: " + decisions(report.decisions) + ", " + std::to_string(report.unchanged) +
         " unchanged, " + std::to_string(report.changed) + " changed\n";
}

}  // namespace cadre::render
