// `cadre-policy test --snapshot DIR [RULESET]`: the snapshot's own records,
// decided again on its date with RULESET (else the rule set its manifest
// names), compared with the decisions it recorded (snapshot_files.hpp).
#include <iostream>

#include "cadre/records.hpp"
#include "commands.hpp"
#include "diagnostics/codes.hpp"
#include "engine/snapshot_compare.hpp"
#include "engine/snapshot_manifest.hpp"
#include "output_file.hpp"
#include "render/junit.hpp"
#include "render/snapshot_report_text.hpp"
#include "snapshot_files.hpp"

namespace cadre::tool {

namespace {

constexpr const char* kCommand = "cadre-policy test";

void print(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    std::cerr << format_diagnostic(d) << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
}

// Writes the JUnit report, if one was asked for; false after saying why not.
bool write_junit(const std::string& target, const std::vector<render::JUnitSuite>& suites) {
  if (target.empty()) return true;
  Output out;
  std::string problem = out.open_file(target);
  if (problem.empty()) {
    out.write(render::junit_xml(suites));
    problem = out.finish();
  }
  if (problem.empty()) return true;
  std::cerr << kCommand << ": " << problem << "\n";
  return false;
}

std::optional<CompiledRuleSet> load(const std::string& path, const std::string& root) {
  RuleSetOptions options;
  options.allowed_root = root;
  auto loaded = load_ruleset(path, options);
  if (loaded.ok()) return std::move(loaded.ruleset);
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << "\n";
  }
  std::cerr << kCommand << ": the rule set `" << path << "` did not load: nothing compared\n";
  return std::nullopt;
}

}  // namespace

int test_snapshot(const SnapshotTestSettings& settings) {
  if (!settings.junit.empty()) {
    if (std::string problem = Output::check_target(settings.junit); !problem.empty()) {
      std::cerr << kCommand << ": " << problem << "\n";
      return kExitBadInput;
    }
  }
  engine::SnapshotContents snapshot = engine::read_snapshot(settings.dir);
  print(snapshot.diagnostics);
  if (!snapshot.manifest) return kExitBadInput;
  const engine::SnapshotManifest& manifest = *snapshot.manifest;
  const auto encoding = parse_record_encoding(manifest.records_encoding);
  if (!encoding) {
    print({{Severity::error,
            code::snapshot_manifest,
            {(std::filesystem::path(settings.dir) / engine::kManifestFile).string(), 0, 0, 0},
            "`records.encoding` `" + manifest.records_encoding +
                "` is not one of utf-8, gb18030, gbk, gb2312, utf-16",
            {}}});
    return kExitBadInput;
  }
  const std::string path = settings.ruleset.empty() ? manifest.ruleset_path : settings.ruleset;
  std::optional<CompiledRuleSet> rules = load(path, settings.root);
  if (!rules) return kExitBadInput;
  // The manifest's date was checked when it was read.
  const Date as_of = *Date::parse(manifest.as_of);
  RecordReadOptions read_options;
  read_options.encoding = *encoding;
  RecordBatch batch = read_records(snapshot.records, *rules, read_options);
  print(batch.diagnostics);
  if (has_errors(batch.diagnostics)) return kExitBadInput;

  DecidedLines now = decide_lines(Engine(*rules), batch, as_of);
  const std::string decisions_file =
      (std::filesystem::path(settings.dir) / manifest.decisions_file).string();
  engine::SnapshotReport report =
      engine::compare_snapshot(decisions_file, snapshot.decisions, now.lines);
  print(report.problems);
  if (!report.problems.empty()) return kExitBadInput;
  std::cout << render::snapshot_heading(manifest, settings.dir, path, *rules)
            << render::snapshot_changes_text(report) << render::snapshot_closing_line(report);
  render::JUnitSuite suite =
      render::junit_snapshot_suite(report, "snapshot " + settings.dir, rules->id());
  suite.properties = {{"snapshot", settings.dir}, {"ruleset", path}, {"as_of", manifest.as_of}};
  if (!write_junit(settings.junit, {suite})) return kExitBadInput;
  return report.changed > 0 ? kExitFailures : kExitSuccess;
}

}  // namespace cadre::tool
