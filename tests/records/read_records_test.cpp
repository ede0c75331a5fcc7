// Tests of the entry points: the format chosen by extension or option, files
// read from disk, unreadable files and unknown formats as diagnostics.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::diagnostics;
using testing::lookup;

TEST_CASE("the format follows the extension, case-insensitively") {
  CHECK(format_from_extension("a.yaml") == RecordFormat::yaml);
  CHECK(format_from_extension("a.YML") == RecordFormat::yaml);
  CHECK(format_from_extension("a.json") == RecordFormat::json);
  CHECK(format_from_extension("a.jsonl") == RecordFormat::json_lines);
  CHECK(format_from_extension("a.ndjson") == RecordFormat::json_lines);
  CHECK(format_from_extension("dir/a.Csv") == RecordFormat::csv);
  CHECK(format_from_extension("a.txt") == RecordFormat::automatic);
  CHECK(format_from_extension("csv") == RecordFormat::automatic);
}

TEST_CASE("an unknown extension is a diagnostic unless the format is given") {
  RecordBatch batch = testing::read("records.txt", "id,years\nc1,2\n");
  CHECK(batch.records.empty());
  CHECK(diagnostics(batch) ==
        "records.format 0:0 cannot tell the format of the records file `records.txt`");
  RecordReadOptions options = testing::cadre_default();
  batch =
      read_records_text("records.txt", "id,years\nc1,2\n", RecordFormat::csv, lookup(), options);
  REQUIRE(batch.records.size() == 1);
  CHECK(testing::field(batch.records[0], "years") == "2");
}

TEST_CASE("files are read from disk; the option overrides the extension") {
  auto directory = std::filesystem::temp_directory_path() / "cadre_records_test";
  std::filesystem::create_directories(directory);
  std::ofstream(directory / "town.csv") << "kind,id,village_cadre_count\ntown,t1,15\n";
  std::ofstream(directory / "cadres.data") << "{\"kind\": \"town\", \"id\": \"t2\"}\n";
  RecordBatch batch = read_records(directory / "town.csv", lookup());
  REQUIRE(batch.records.size() == 1);
  CHECK(testing::field(batch.records[0], "village_cadre_count") == "15");
  RecordReadOptions options;
  options.format = RecordFormat::json_lines;
  batch = read_records(directory / "cadres.data", lookup(), options);
  REQUIRE(batch.records.size() == 1);
  CHECK(batch.records[0].id == "t2");
  std::filesystem::remove_all(directory);
}

TEST_CASE("a missing file or a directory is a diagnostic") {
  RecordBatch batch = read_records("/nonexistent/records.csv", lookup());
  CHECK(batch.records.empty());
  CHECK(diagnostics(batch) ==
        "records.io 0:0 cannot read `/nonexistent/records.csv`: no such file or directory");
  CHECK(format_diagnostic(batch.diagnostics[0]) ==
        "/nonexistent/records.csv: error: cannot read `/nonexistent/records.csv`: no such file or "
        "directory");
  const auto directory = std::filesystem::temp_directory_path();
  batch = read_records(directory, lookup());
  CHECK(diagnostics(batch) ==
        "records.io 0:0 cannot read `" + directory.string() + "`: it is a directory");
}

TEST_CASE("every format yields the same typed record") {
  RecordReadOptions options = testing::cadre_default();
  const char* texts[][2] = {
      {"r.yaml",
       "- {id: c1, salary: 3000.10, birth_date: 1990-01-31, assessments: [{year: 2024}]}\n"},
      {"r.json",
       "[{\"id\": \"c1\", \"salary\": 3000.10, \"birth_date\": \"1990-01-31\", "
       "\"assessments\": [{\"year\": 2024}]}]"},
      {"r.jsonl",
       "{\"id\": \"c1\", \"salary\": \"3000.10\", \"birth_date\": \"1990-01-31\", "
       "\"assessments\": [{\"year\": 2024}]}\n"},
      {"r.csv", "id,salary,birth_date,assessments[0].year\nc1,3000.10,1990-01-31,2024\n"},
  };
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    RecordBatch batch = testing::read(name, text, options);
    REQUIRE(batch.records.size() == 1);
    REQUIRE(batch.records[0].value);
    CHECK(Value(*batch.records[0].value).debug_string() ==
          Value(*testing::read("r.yaml", texts[0][1], options).records[0].value).debug_string());
    CHECK(testing::field(batch.records[0], "salary") == "decimal(\"3000.10\")");
  }
}

TEST_CASE("a record of an undeclared kind is reported as that kind, in every format") {
  for (const auto& [name, text] : std::vector<std::pair<std::string, std::string>>{
           {"r.yaml", "- {id: c2, kind: township}\n"},
           {"r.jsonl", "{\"id\": \"c2\", \"kind\": \"township\"}\n"},
           {"r.csv", "id,kind\nc2,township\n"}}) {
    INFO(name);
    RecordBatch batch = testing::read(name, text);
    REQUIRE(batch.records.size() == 1);
    CHECK(batch.records[0].kind == "township");
    CHECK(batch.records[0].id == "c2");
    CHECK(testing::errors(batch.records[0]).find("record kind `township` is not declared") !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace cadre::records
