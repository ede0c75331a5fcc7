// Tests of snapshots (src/engine/snapshot_manifest.hpp, snapshot_compare.hpp):
// the manifest written and read back, the files it names checked against
// their SHA-256, a broken manifest reported at its position, and a
// snapshot's decisions compared with new ones, record by record.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "engine/snapshot_compare.hpp"
#include "engine/snapshot_manifest.hpp"

namespace {

namespace fs = std::filesystem;
using cadre::engine::RecordComparison;

class TempFolder {
 public:
  TempFolder() {
    static int counter = 0;
    dir_ = fs::temp_directory_path() /
           ("cadre-snapshot-test-" + std::to_string(std::random_device{}()) + "-" +
            std::to_string(++counter));
    fs::create_directories(dir_);
  }
  ~TempFolder() {
    std::error_code error;
    fs::remove_all(dir_, error);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& dir() const { return dir_; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

 private:
  fs::path dir_;
};

const std::string kRecords = "cadre:\n  - {id: a}\n";
const std::string kDecisions = "{\"record\":\"a\",\"decisions\":{}}\n";

cadre::engine::SnapshotManifest sample_manifest() {
  cadre::engine::SnapshotManifest manifest;
  manifest.ruleset_id = "hengyang";
  manifest.ruleset_version = "1.0.0";
  manifest.ruleset_path = "rules/\"hengyang\"";
  manifest.ruleset_digest = "abc";
  manifest.as_of = "2019-03-15";
  manifest.records_file = "records.yaml";
  manifest.records_source = "examples/population.yaml";
  manifest.records_sha256 = cadre::engine::sha256_hex(kRecords);
  manifest.decisions_sha256 = cadre::engine::sha256_hex(kDecisions);
  manifest.records = 1;
  manifest.decided = 1;
  manifest.decisions = 0;
  return manifest;
}

// One line as `eval` writes it, with one decision.
std::string line(const std::string& record, const std::string& id, const std::string& outcome,
                 const std::string& value, const std::string& flags = "") {
  return "{\"record\":\"" + record + "\",\"kind\":\"cadre\",\"decisions\":{\"" + id +
         "\":{\"kind\":\"eligibility\",\"outcome\":\"" + outcome + "\",\"value\":" + value +
         ",\"reasons\":[{\"id\":\"\",\"status\":\"failed\",\"children\":[{\"id\":\"age\","
         "\"status\":\"failed\",\"message\":{\"zh\":\"年龄\",\"en\":\"young enough\"},"
         "\"facts\":{\"cadre.age\":38}}]}],\"missing\":[],\"undetermined\":[],\"flags\":[" +
         flags + "]}},\"errors\":[]}";
}

}  // namespace

TEST_CASE("a manifest is written and read back, its files checked") {
  TempFolder folder;
  const auto manifest = sample_manifest();
  const std::string text = cadre::engine::manifest_json(manifest);
  CHECK(
      text.starts_with("{\n  \"format\": \"cadre-policy snapshot\",\n  \"format_version\": 1,\n"));
  CHECK(text.find("\"path\": \"rules/\\\"hengyang\\\"\",\n") != std::string::npos);
  CHECK(text.ends_with("    \"decisions\": 0\n  }\n}\n"));
  CHECK_FALSE(cadre::engine::is_snapshot_folder(folder.dir()));
  folder.write("snapshot.json", text);
  folder.write("records.yaml", kRecords);
  folder.write("decisions.jsonl", kDecisions);
  CHECK(cadre::engine::is_snapshot_folder(folder.dir()));
  auto read = cadre::engine::read_snapshot(folder.dir());
  const std::string problem = read.diagnostics.empty() ? "" : read.diagnostics[0].message;
  INFO(problem);
  REQUIRE(read.manifest.has_value());
  CHECK(read.manifest->ruleset_path == "rules/\"hengyang\"");
  CHECK(read.manifest->as_of == "2019-03-15");
  CHECK(read.manifest->records == 1);
  CHECK(read.decisions == std::vector<std::string>{"{\"record\":\"a\",\"decisions\":{}}"});
  CHECK(read.records == folder.dir() / "records.yaml");

  // A records copy that is not the one the snapshot was made with.
  folder.write("records.yaml", kRecords + "  - {id: b}\n");
  read = cadre::engine::read_snapshot(folder.dir());
  CHECK_FALSE(read.manifest.has_value());
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].code == "snapshot.digest");
}

TEST_CASE("a broken manifest is reported where JSON parsing stops, or by key") {
  TempFolder folder;
  folder.write("snapshot.json", "{\n  \"format\": \"cadre-policy snapshot\",\n  \"as_of\": ]\n}\n");
  auto read = cadre::engine::read_snapshot(folder.dir());
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].code == "snapshot.manifest");
  CHECK(read.diagnostics[0].location.line == 3);
  CHECK(read.diagnostics[0].location.column == 12);

  auto manifest = sample_manifest();
  manifest.records_file = "../../etc/passwd";
  std::string text = cadre::engine::manifest_json(manifest);
  text.replace(text.find("\"as_of\": \"2019-03-15\""), 21, "\"as_of\": \"2019-02-30\"");
  folder.write("snapshot.json", text);
  read = cadre::engine::read_snapshot(folder.dir());
  std::vector<std::string> messages;
  for (const auto& d : read.diagnostics)
    messages.push_back(d.message);
  CHECK(messages ==
        std::vector<std::string>{"`as_of` \"2019-02-30\" is not a date YYYY-MM-DD",
                                 "`records.file` \"../../etc/passwd\" is not the name of a file in "
                                 "the snapshot folder"});

  folder.write("snapshot.json", "{\"format\": \"cadre-policy snapshot\", \"format_version\": 2}");
  read = cadre::engine::read_snapshot(folder.dir());
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].message ==
        "snapshot format version 2 is not one this cadre-policy "
        "reads (1)");
  read = cadre::engine::read_snapshot(folder.dir() / "no-such-folder");
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].code == "snapshot.io");
}

TEST_CASE("the same decisions compare unchanged") {
  const std::vector<std::string> lines = {line("a", "hy.young", "eligible", "true"),
                                          line("b", "hy.young", "ineligible", "false")};
  auto report = cadre::engine::compare_snapshot("decisions.jsonl", lines, lines);
  CHECK(report.decisions == 2);
  CHECK(report.unchanged == 2);
  CHECK(report.changed == 0);
  REQUIRE(report.records.size() == 2);
  CHECK(report.records[1].presence == RecordComparison::Presence::both);
  CHECK(report.records[1].changed.empty());
}

TEST_CASE("a changed decision comes with its result and reasons before and after") {
  const std::vector<std::string> before = {line("a", "hy.young[2019]", "ineligible", "false")};
  const std::vector<std::string> after = {
      line("a", "hy.young[2019]", "eligible", "true", "\"soft\"")};
  auto report = cadre::engine::compare_snapshot("decisions.jsonl", before, after);
  CHECK(report.decisions == 1);
  CHECK(report.changed == 1);
  REQUIRE(report.records.size() == 1);
  REQUIRE(report.records[0].changed.size() == 1);
  const auto& change = report.records[0].changed[0];
  CHECK(change.decision == "hy.young[2019]");
  CHECK(change.left_title == "before");
  CHECK(change.left_has_reasons);
  REQUIRE(change.rows.size() == 3);
  CHECK((change.rows[0].label == "outcome" && change.rows[0].left == "ineligible" &&
         change.rows[0].right == "eligible" && change.rows[0].differs));
  CHECK((change.rows[1].label == "value" && change.rows[1].left == "false" &&
         change.rows[1].right == "true"));
  CHECK((change.rows[2].label == "flags" && change.rows[2].left == "—" &&
         change.rows[2].right == "soft" && change.rows[2].differs));
  REQUIRE(change.left_reasons.size() == 1);
  CHECK(change.left_reasons[0].id == "age");
  CHECK(change.left_reasons[0].status == "failed");
  CHECK(change.left_reasons[0].message == "young enough");
  CHECK(change.left_reasons[0].facts == "cadre.age = 38");
}

TEST_CASE("records and decisions on one side only are changes") {
  const std::vector<std::string> before = {line("a", "hy.young", "eligible", "true"),
                                           line("gone", "hy.young", "eligible", "true")};
  const std::vector<std::string> after = {line("a", "hy.old", "eligible", "true"),
                                          line("new", "hy.young", "eligible", "true")};
  auto report = cadre::engine::compare_snapshot("decisions.jsonl", before, after);
  CHECK(report.decisions == 4);  // a: hy.young and hy.old; gone; new
  CHECK(report.changed == 4);
  CHECK(report.unchanged == 0);
  REQUIRE(report.records.size() == 3);
  CHECK(report.records[0].changed.size() == 2);
  CHECK(report.records[0].changed[0].rows[0].right == "not decided");
  CHECK(report.records[0].changed[1].rows[0].left == "not decided");
  CHECK(report.records[1].record == "gone");
  CHECK(report.records[1].presence == RecordComparison::Presence::missing);
  CHECK(report.records[2].record == "new");
  CHECK(report.records[2].presence == RecordComparison::Presence::added);
}

TEST_CASE("a line of the snapshot that is not a record's decisions is a problem at its line") {
  const std::vector<std::string> before = {line("a", "hy.young", "eligible", "true"), "{\"x\": 1",
                                           "[1, 2]"};
  auto report = cadre::engine::compare_snapshot("decisions.jsonl", before, {before[0]});
  REQUIRE(report.problems.size() == 2);
  CHECK(report.problems[0].code == "snapshot.decisions");
  CHECK(report.problems[0].location.file == "decisions.jsonl");
  CHECK(report.problems[0].location.line == 2);
  CHECK(report.problems[0].location.column == 8);  // where the line ends, unfinished
  CHECK(report.problems[1].location.line == 3);
}
