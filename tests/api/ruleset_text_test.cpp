// Rule sets and records given as text (load_ruleset_text, read_records_text):
// the same rule set as from its files, its includes and `extends` resolved in
// the base folder given (and refused without one), diagnostics under the name
// given, records and their errors named so too.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kExample = fs::path(CADRE_TEST_DATA_DIR) / "hengyang-example";
const fs::path kRules = fs::path(CADRE_TEST_DATA_DIR) / ".." / ".." / "rules";

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

cadre::RuleSetLoadResult load_text(std::string yaml, fs::path base_folder = {}) {
  return cadre::load_ruleset_text({"given.yaml", std::move(yaml), std::move(base_folder)});
}

std::string codes_and_places(const cadre::RuleSetLoadResult& loaded) {
  std::string text;
  for (const auto& d : loaded.diagnostics) {
    text += d.code + " " + d.location.file + ":" + std::to_string(d.location.line) + ":" +
            std::to_string(d.location.column) + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("a rule set given as text, with its base folder, is the rule set of its files") {
  const auto files = cadre::load_ruleset(kExample);
  const auto text = load_text(read(kExample / "ruleset.yaml"), kExample);
  REQUIRE(files.ok());
  REQUIRE(text.ok());
  CHECK(text.ruleset->id() == files.ruleset->id());
  CHECK(text.ruleset->decision_ids() == files.ruleset->decision_ids());
  CHECK(text.ruleset->parameter_count() == files.ruleset->parameter_count());
  // The digest covers the text: the same text gives the same digest, another another.
  CHECK(text.ruleset->digest().size() == 64);
  CHECK(load_text(read(kExample / "ruleset.yaml"), kExample).ruleset->digest() ==
        text.ruleset->digest());
  const auto changed = load_text(read(kExample / "ruleset.yaml") + "\n# a comment\n", kExample);
  REQUIRE(changed.ok());
  CHECK(changed.ruleset->digest() != text.ruleset->digest());
}

TEST_CASE("a variant given as text extends its base in the base folder") {
  const auto variant =
      load_text(read(kRules / "hengyang-leiyang" / "ruleset.yaml"), kRules / "hengyang-leiyang");
  INFO(codes_and_places(variant));
  REQUIRE(variant.ok());
  CHECK(variant.ruleset->id() == cadre::load_ruleset(kRules / "hengyang-leiyang").ruleset->id());
}

TEST_CASE("without a base folder, includes and `extends` are refused where they are written") {
  const auto included = load_text(read(kExample / "ruleset.yaml"));
  CHECK_FALSE(included.ok());
  CHECK(codes_and_places(included) ==
        "load.no_base_folder given.yaml:12:13\n"
        "load.no_base_folder given.yaml:12:26\n"
        "load.no_base_folder given.yaml:12:43\n"
        "load.no_base_folder given.yaml:12:59\n");
  CHECK(included.diagnostics.front().message ==
        "included file `schema.yaml` cannot be found: the rule set is given as text, with no "
        "folder to look in");

  const auto extended = load_text(read(kRules / "hengyang-leiyang" / "ruleset.yaml"));
  CHECK_FALSE(extended.ok());
  REQUIRE(extended.diagnostics.size() >= 1);
  CHECK(extended.diagnostics.front().code == "load.no_base_folder");
  CHECK(extended.diagnostics.front().location.file == "given.yaml");
}

TEST_CASE("the files of a text stay inside the root a file in its base folder would have") {
  const auto outside = load_text(
      "ruleset:\n  id: t\n  version: 1.0.0\n  include: [../schema.yaml]\n", kExample / "tests");
  CHECK_FALSE(outside.ok());
  CHECK(codes_and_places(outside).find("load.outside_root given.yaml:4:13\n") != std::string::npos);
}

TEST_CASE("a text that is not YAML is a diagnostic under its name, not a crash") {
  const auto broken = load_text("ruleset: [unclosed\n");
  CHECK_FALSE(broken.ok());
  REQUIRE(!broken.diagnostics.empty());
  CHECK(broken.diagnostics.front().location.file == "given.yaml");
}

TEST_CASE("records given as text are read as from a file of that name") {
  const auto loaded = cadre::load_ruleset(kExample);
  REQUIRE(loaded.ok());
  const auto batch = cadre::read_records_text(
      "town.jsonl",
      "{\"id\": \"c1\", \"village_id\": \"v1\"}\n"
      "{\"id\": \"c2\", \"village_id\": \"v1\", \"birth_date\": \"1970-02-30\"}\n",
      *loaded.ruleset);
  CHECK(batch.source == "town.jsonl");
  REQUIRE(batch.records.size() == 2);
  CHECK(batch.records[0].errors.empty());
  REQUIRE(batch.records[1].errors.size() == 1);
  CHECK(batch.records[1].errors[0].field == "birth_date");
  CHECK(batch.records[1].line == 2);

  const std::string csv_text = "id,village_id\nc1,v1\n";
  const auto unknown = cadre::read_records_text("town.txt", csv_text, *loaded.ruleset);
  REQUIRE(unknown.diagnostics.size() == 1);
  CHECK(unknown.diagnostics[0].code == "records.format");
  CHECK(unknown.diagnostics[0].location.file == "town.txt");
  cadre::RecordReadOptions csv;
  csv.format = cadre::RecordFormat::csv;
  const auto read = cadre::read_records_text("town.txt", csv_text, *loaded.ruleset, csv);
  REQUIRE(read.records.size() == 1);
  CHECK(read.records[0].errors.empty());
}
