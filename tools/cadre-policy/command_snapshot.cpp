// `cadre-policy snapshot RULESET RECORDS DIR [--as-of DATE] [--root DIR]
// [--encoding ENC] [--partial]`: freezes a population's decisions. DIR gets a
// copy of RECORDS, the decisions as `eval --format json` writes them
// (decisions.jsonl) and a manifest (snapshot.json) naming the rule set, its
// digest, the date, the files with their SHA-256 and the counts; `test
// --snapshot DIR` later decides the same records again and reports what
// changed (docs/snapshots.md). Each file is replaced only by a complete one,
// the manifest last; a folder that holds something else is never written to.
#include <boost/program_options.hpp>
#include <ctime>
#include <iostream>
#include <system_error>

#include "cadre/engine.hpp"
#include "cadre/records.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "engine/snapshot_manifest.hpp"
#include "eval_summary.hpp"
#include "input_file.hpp"
#include "output_file.hpp"
#include "snapshot_files.hpp"

namespace cadre::tool {

namespace {

namespace fs = std::filesystem;

constexpr const char* kCommand = "cadre-policy snapshot";

constexpr const char* kExitStatusHelp =
    "\nDIR is created if missing; an existing snapshot in it is replaced, a folder that\n"
    "holds anything else is refused. `cadre-policy test --snapshot DIR [RULESET]` decides\n"
    "the snapshot's records again and reports every decision that changed.\n"
    "\nexit status:\n"
    "  0  the snapshot is written (with --partial: records not evaluated are in it)\n"
    "  2  bad input or usage: nothing is written\n"
    "  3  the snapshot is written, but some records were not evaluated\n";

struct SnapshotSettings {
  std::string ruleset;
  std::string records;
  std::string dir;
  std::string root;
  std::string as_of;
  std::string encoding = "utf-8";
  bool partial = false;
};

// Why DIR cannot take a snapshot, without touching it: it is a file, or a
// folder holding something that is not a snapshot. Empty when it can.
std::string refusal(const fs::path& dir) {
  std::error_code error;
  if (!fs::exists(dir, error)) return {};
  if (!fs::is_directory(dir, error)) return "`" + dir.string() + "` is not a folder";
  if (fs::is_empty(dir, error) || engine::is_snapshot_folder(dir)) return {};
  return "`" + dir.string() + "` is not empty and holds no snapshot: nothing is written";
}

// Today's date where the tool runs, as `eval` takes it without --as-of.
Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::optional<Date> evaluation_date(const SnapshotSettings& settings,
                                    const CompiledRuleSet& rules) {
  auto as_of = settings.as_of.empty() ? std::optional<Date>(today()) : Date::parse(settings.as_of);
  if (!as_of) {
    std::cerr << kCommand << ": --as-of `" << settings.as_of << "` is not a date YYYY-MM-DD\n";
    return std::nullopt;
  }
  if (settings.as_of.empty()) {
    std::cerr << kCommand << ": no --as-of given: deciding as of today, " << as_of->to_string()
              << "\n";
  }
  if (!rules.in_force(*as_of)) {
    std::cerr << kCommand << ": " << as_of->to_string() << " is outside the validity of "
              << rules.id() << "\n";
    return std::nullopt;
  }
  return as_of;
}

// Writes `text` to DIR/name, replacing it only by a complete file.
bool write_file(const fs::path& file, const std::string& text) {
  Output out;
  std::string problem = out.open_file(file);
  if (problem.empty()) {
    out.write(text);
    problem = out.finish();
  }
  if (problem.empty()) return true;
  std::cerr << kCommand << ": " << problem << "\n";
  return false;
}

// The copy's name: `records` with the original's extension, by which its
// format is known again.
std::string copy_name(const fs::path& records) {
  return "records" + records.extension().string();
}

int write_snapshot(const SnapshotSettings& settings) {
  const fs::path dir = settings.dir;
  if (std::string reason = refusal(dir); !reason.empty()) {
    std::cerr << kCommand << ": " << reason
              << "\n  help: give a new or empty folder, or a snapshot to replace\n";
    return kExitBadInput;
  }
  if (std::string reason = unreadable_reason(settings.records); !reason.empty()) {
    std::cerr << kCommand << ": cannot read `" << settings.records << "`: " << reason << "\n";
    return kExitBadInput;
  }
  const std::optional<CompiledRuleSet> loaded =
      load_reporting_errors(settings.ruleset, settings.root);
  if (!loaded) return kExitBadInput;
  const CompiledRuleSet& rules = *loaded;
  std::optional<Date> as_of = evaluation_date(settings, rules);
  if (!as_of) return kExitBadInput;
  std::string reason;
  std::optional<std::string> bytes = engine::read_file_bytes(settings.records, reason);
  if (!bytes) {
    std::cerr << kCommand << ": cannot read `" << settings.records << "`: " << reason << "\n";
    return kExitBadInput;
  }
  RecordReadOptions read_options;
  read_options.encoding = *parse_record_encoding(settings.encoding);
  RecordBatch batch = read_records(settings.records, rules, read_options);
  for (const auto& d : batch.diagnostics) {
    std::cerr << format_diagnostic(d) << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
  if (has_errors(batch.diagnostics) || batch.records.empty()) {
    std::cerr << kCommand << ": no records to decide in `" << settings.records
              << "`: nothing is written\n";
    return kExitBadInput;
  }
  DecidedLines decided = decide_lines(Engine(rules), batch, *as_of);
  std::string decisions;
  for (const auto& line : decided.lines)
    decisions += line + "\n";

  engine::SnapshotManifest manifest;
  manifest.ruleset_id = rules.id();
  manifest.ruleset_version = rules.version();
  manifest.ruleset_path = settings.ruleset;
  manifest.ruleset_digest = rules.digest();
  manifest.as_of = as_of->to_string();
  manifest.records_file = copy_name(settings.records);
  manifest.records_source = settings.records;
  manifest.records_encoding = settings.encoding;
  manifest.records_sha256 = engine::sha256_hex(*bytes);
  manifest.decisions_sha256 = engine::sha256_hex(decisions);
  manifest.records = decided.outputs.size();
  for (const auto& output : decided.outputs)
    manifest.not_evaluated += output.errors.empty() ? 0 : 1;
  manifest.decided = manifest.records - manifest.not_evaluated;
  manifest.decisions = decided.decisions;

  // What a snapshot being replaced named, to remove a records copy of
  // another name once the new snapshot is complete.
  engine::SnapshotContents previous = engine::read_snapshot(dir);
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    std::cerr << kCommand << ": cannot create `" << dir.string() << "`: " << error.message()
              << "\n";
    return kExitBadInput;
  }
  // The manifest last: until it is written, the folder holds no new snapshot.
  if (!write_file(dir / manifest.records_file, *bytes) ||
      !write_file(dir / manifest.decisions_file, decisions) ||
      !write_file(dir / engine::kManifestFile, engine::manifest_json(manifest))) {
    return kExitBadInput;
  }
  if (previous.manifest && previous.manifest->records_file != manifest.records_file)
    fs::remove(dir / previous.manifest->records_file, error);

  std::cout << "snapshot " << dir.string() << ": " << rules.id() << " " << rules.version()
            << " as of " << manifest.as_of << ", " << manifest.records << " records, "
            << manifest.decisions << " decisions\n";
  if (write_summary(std::cerr, decided.outputs, "snapshot") == 0 || settings.partial)
    return kExitSuccess;
  std::cerr << "  help: the snapshot holds every record, those not evaluated with their errors; "
               "--partial accepts that (exit status 0)\n";
  return kExitNotEvaluated;
}

}  // namespace

int run_snapshot(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  SnapshotSettings settings;
  po::options_description options(
      "cadre-policy snapshot RULESET RECORDS DIR [--as-of DATE] [--root DIR] [--encoding ENC]");
  options.add_options()("help,h", "print this help")(
      "as-of", po::value(&settings.as_of),
      "evaluation date YYYY-MM-DD (default: today, said on stderr)")(
      "root", po::value(&settings.root), "folder that includes and extends may not leave")(
      "encoding", po::value(&settings.encoding)->default_value("utf-8"),
      "text encoding of RECORDS: utf-8, gb18030 (also gbk, gb2312) or utf-16")(
      "partial", po::bool_switch(&settings.partial),
      "accept records that cannot be evaluated: exit status 0 instead of 3")(
      "ruleset", po::value(&settings.ruleset), "rule set")(
      "records", po::value(&settings.records), "records file")("dir", po::value(&settings.dir),
                                                               "the snapshot's folder");
  po::positional_options_description positional;
  positional.add("ruleset", 1).add("records", 1).add("dir", 1);
  int exit_code = 0;
  auto parsed = parse_arguments("snapshot", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  if (settings.ruleset.empty()) return usage_error("snapshot", "no rule set given", options);
  if (settings.records.empty()) return usage_error("snapshot", "no records file given", options);
  if (settings.dir.empty()) return usage_error("snapshot", "no snapshot folder given", options);
  if (!parse_record_encoding(settings.encoding)) {
    return usage_error(
        "snapshot",
        "--encoding `" + settings.encoding + "` is not one of utf-8, gb18030, gbk, gb2312, utf-16",
        options);
  }
  return write_snapshot(settings);
}

}  // namespace cadre::tool
