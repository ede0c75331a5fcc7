// The hostile records corpus (tests/hostile/records): each case a folder with
// one records file and `expected.txt`, read with the fixed rule set
// tests/data/records/hostile-rules.yaml and decided as one population. The
// first expected line is the count: every record in yields a record out (a
// bad one with its errors), and the good ones are decided. Every other
// expected line must be reported: a file's diagnostics code first
// (`records.encoding 2:4: error: …`), a record's errors after its position in
// the batch and its id (`record 2 c2 3:1 name: …`). With CADRE_UPDATE_EXPECTED
// set, the files are rewritten from what is reported, for review.
#include <doctest/doctest.h>

#include <unistd.h>
#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"
#include "diagnostics/codes.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kCorpus = fs::path(CADRE_TEST_DATA_DIR) / ".." / "hostile" / "records";

std::vector<std::string> read_lines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && !line.starts_with('#')) lines.push_back(line);
  }
  return lines;
}

std::string position(int line, int column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

/// What the reader and the engine report for one case, as expected.txt says it.
std::vector<std::string> reported(const fs::path& records, const cadre::CompiledRuleSet& rules) {
  const cadre::RecordBatch batch = cadre::read_records(records, rules);
  const cadre::Engine engine(rules);
  const auto outputs = engine.evaluate_batch(batch, *cadre::Date::parse("2021-06-30"));
  const auto decided = std::count_if(outputs.begin(), outputs.end(),
                                     [](const auto& output) { return output.errors.empty(); });
  std::vector<std::string> lines{"records: " + std::to_string(batch.records.size()) + " in, " +
                                 std::to_string(outputs.size()) + " out, " +
                                 std::to_string(decided) + " decided"};
  for (const auto& d : batch.diagnostics) {
    CHECK_MESSAGE(cadre::find_diagnostic_code(d.code) != nullptr, d.code);
    // The file is named by its name alone, wherever the corpus is.
    std::string message = d.message;
    const std::string full = records.string();
    for (auto at = message.find(full); at != std::string::npos; at = message.find(full))
      message.replace(at, full.size(), records.filename().string());
    lines.push_back(d.code + " " + position(d.location.line, d.location.column) + ": " +
                    cadre::severity_name(d.severity) + ": " + message);
  }
  for (std::size_t i = 0; i < batch.records.size(); ++i) {
    const cadre::InputRecord& record = batch.records[i];
    // A record read without error is decided; one with errors is not.
    CHECK(outputs[i].errors.empty() == record.errors.empty());
    CHECK(outputs[i].decisions.empty() == !record.errors.empty());
    for (const auto& issue : record.errors) {
      lines.push_back("record " + std::to_string(i + 1) + " " +
                      (record.id.empty() ? "-" : record.id) + " " +
                      position(issue.line, issue.column) + " " +
                      (issue.field.empty() ? "" : issue.field + ": ") + issue.message);
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("every hostile records file gives its count and its diagnostics") {
  auto loaded =
      cadre::load_ruleset(fs::path(CADRE_TEST_DATA_DIR) / "records" / "hostile-rules.yaml");
  REQUIRE(loaded.ok());
  const bool update = std::getenv("CADRE_UPDATE_EXPECTED") != nullptr;
  int cases = 0;
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    folders.push_back(entry.path());
  std::sort(folders.begin(), folders.end());
  for (const fs::path& folder : folders) {
    fs::path records;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().stem() == "records") records = entry.path();
    }
    INFO("case: " << folder.filename().string());
    REQUIRE(!records.empty());
    ++cases;
    const std::vector<std::string> actual = reported(records, *loaded.ruleset);
    if (update) {
      std::ofstream out(folder / "expected.txt");
      for (const auto& line : actual)
        out << line << "\n";
      continue;
    }
    const std::vector<std::string> expected = read_lines(folder / "expected.txt");
    REQUIRE(!expected.empty());
    std::ostringstream all;
    for (const auto& line : actual)
      all << line << "\n";
    INFO("reported:\n" << all.str());
    CHECK(actual.front() == expected.front());
    for (std::size_t i = 1; i < expected.size(); ++i) {
      INFO("expected: " << expected[i]);
      CHECK(std::find(actual.begin(), actual.end(), expected[i]) != actual.end());
    }
  }
  CHECK(cases >= 19);
}

namespace {

/// Reads `text` as the records file `name` (written to a scratch file), with
/// the hostile corpus's rule set.
cadre::RecordBatch read_generated(const std::string& name, const std::string& text) {
  auto loaded =
      cadre::load_ruleset(fs::path(CADRE_TEST_DATA_DIR) / "records" / "hostile-rules.yaml");
  REQUIRE(loaded.ok());
  const fs::path file =
      fs::temp_directory_path() / ("cadre-hostile-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(file, std::ios::binary) << text;
  cadre::RecordBatch batch = cadre::read_records(file, *loaded.ruleset);
  fs::remove(file);
  return batch;
}

}  // namespace

TEST_CASE("a line nested 100,000 deep costs that line only") {
  const std::string deep =
      "{\"id\": \"c2\", \"name\": " + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  const auto batch = read_generated(
      "deep.jsonl", "{\"id\": \"c1\"}\n" + deep + "\n{\"id\": \"c3\", \"party_member\": true}\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(batch.records[0].errors.empty());
  REQUIRE(batch.records[1].errors.size() == 1);
  CHECK(batch.records[1].errors[0].message.find("the line is 200024 bytes, more than the limit") ==
        std::string::npos);
  CHECK(batch.records[1].errors[0].message.find("nesting deeper than 64 levels") !=
        std::string::npos);
  CHECK(batch.records[1].errors[0].message.size() < 300);  // the line is not echoed
  CHECK(batch.records[2].errors.empty());
}

TEST_CASE("a single 200 MB line is an error of its record; the others are read") {
  std::string text = "{\"id\": \"c1\"}\n{\"id\": \"c2\", \"name\": \"";
  text.append(std::size_t{200} << 20, 'x');
  text += "\"}\n{\"id\": \"c3\"}\n";
  const auto batch = read_generated("long.jsonl", text);
  REQUIRE(batch.records.size() == 3);
  CHECK(batch.records[0].errors.empty());
  REQUIRE(batch.records[1].errors.size() == 1);
  const std::size_t line_bytes = text.find('\n', 14) - 13;
  CHECK(batch.records[1].errors[0].message ==
        "the line is " + std::to_string(line_bytes) +
            " bytes, more than the limit of 1048576: it is not read");
  CHECK(batch.records[2].errors.empty());
}
