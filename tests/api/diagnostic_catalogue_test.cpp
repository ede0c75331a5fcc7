// The catalogue of diagnostic codes (src/diagnostics/codes.def) and its page,
// docs/diagnostics.md: the same codes, in the same order, with the same
// severities and summaries; each code well formed and listed once.
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "diagnostics/codes.hpp"

namespace {

struct Row {
  std::string code, severity, summary;
};

std::vector<Row> documented_rows() {
  std::ifstream in(std::string(CADRE_TEST_DATA_DIR) + "/../../docs/diagnostics.md");
  REQUIRE(in.good());
  std::vector<Row> rows;
  const std::regex row(R"(^\| `([a-z_.]+)` \| (error|warning|note) \| (.+) \|$)");
  for (std::string line; std::getline(in, line);) {
    std::smatch match;
    if (std::regex_match(line, match, row)) rows.push_back({match[1], match[2], match[3]});
  }
  return rows;
}

}  // namespace

TEST_CASE("docs/diagnostics.md lists the catalogue of diagnostic codes") {
  auto rows = documented_rows();
  REQUIRE(rows.size() == std::size(cadre::kDiagnosticCodes));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& entry = cadre::kDiagnosticCodes[i];
    INFO("row " << i + 1 << ": " << rows[i].code);
    CHECK(rows[i].code == entry.code);
    CHECK(rows[i].severity == cadre::severity_name(entry.severity));
    CHECK(rows[i].summary == entry.summary);
  }
}

TEST_CASE("every code is stage.what, lowercase, and listed once") {
  std::set<std::string_view> seen;
  const std::regex shape("^(yaml|load|expr|schema|compile|check|records|snapshot)\\.[a-z_]+$");
  for (const auto& entry : cadre::kDiagnosticCodes) {
    INFO(entry.code);
    CHECK(std::regex_match(std::string(entry.code), shape));
    CHECK(seen.insert(entry.code).second);
    CHECK(!entry.summary.empty());
    CHECK(cadre::find_diagnostic_code(entry.code) == &entry);
  }
  CHECK(cadre::find_diagnostic_code("no.such_code") == nullptr);
}
