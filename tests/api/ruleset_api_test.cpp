// The public rule-set API: loading the bundled example, the digest (stable,
// insensitive to line endings, sensitive to content), dependency order.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cadre/ruleset.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kExample = fs::path(CADRE_TEST_DATA_DIR) / "hengyang-example";

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A copy of the example in a fresh folder, each file passed through `change`.
template <typename Change>
fs::path copy_example(const std::string& name, Change change) {
  fs::path folder = fs::temp_directory_path() / ("cadre-ruleset-api-" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  for (const auto& entry : fs::directory_iterator(kExample)) {
    std::ofstream(folder / entry.path().filename(), std::ios::binary)
        << change(entry.path().filename().string(), read(entry.path()));
  }
  return folder;
}

}  // namespace

TEST_CASE("the example rule set loads, with its id, version and decisions in dependency order") {
  auto loaded = cadre::load_ruleset(kExample);
  REQUIRE(loaded.ok());
  CHECK(loaded.ruleset->id() == "example.hy");
  CHECK(loaded.ruleset->version() == "1.0.0");
  auto ids = loaded.ruleset->decision_ids();
  CHECK(ids.size() == 9);
  // The exit that a failed warning escalates to reads the warning's status.
  auto position = [&](const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  CHECK(position("hy.warning_status") < position("hy.exit_required"));
  CHECK(loaded.ruleset->digest().size() == 64);
}

TEST_CASE("the digest is the same for the same files, whatever their line endings") {
  auto first = cadre::load_ruleset(kExample);
  auto again = cadre::load_ruleset(kExample);
  REQUIRE(first.ok());
  REQUIRE(again.ok());
  CHECK(first.ruleset->digest() == again.ruleset->digest());
  auto crlf = copy_example("crlf", [](const std::string&, std::string text) {
    std::string out;
    for (char c : text)
      out += c == '\n' ? std::string("\r\n") : std::string(1, c);
    return out;
  });
  auto crlf_loaded = cadre::load_ruleset(crlf);
  REQUIRE(crlf_loaded.ok());
  CHECK(crlf_loaded.ruleset->digest() == first.ruleset->digest());
}

TEST_CASE("the digest of a variant is the same however its path is written") {
  // rules/hengyang-leiyang extends ../hengyang, which extends ../base: named
  // absolutely, relatively, through `..` or as `.` from its folder.
  const fs::path rules = fs::path(CADRE_TEST_DATA_DIR) / ".." / ".." / "rules";
  const fs::path variant = fs::weakly_canonical(rules / "hengyang-leiyang");
  auto absolute = cadre::load_ruleset(variant);
  auto dotted = cadre::load_ruleset(variant / ".." / "hengyang-leiyang" / "ruleset.yaml");
  const fs::path here = fs::current_path();
  fs::current_path(variant);
  auto dot = cadre::load_ruleset(".");
  fs::current_path(here);
  REQUIRE(absolute.ok());
  REQUIRE(dotted.ok());
  REQUIRE(dot.ok());
  CHECK(dotted.ruleset->digest() == absolute.ruleset->digest());
  CHECK(dot.ruleset->digest() == absolute.ruleset->digest());
}

TEST_CASE("the digest changes when a value changes") {
  auto changed = copy_example("changed", [](const std::string& name, std::string text) {
    if (name == "parameters.yaml") {
      auto at = text.find("1.20");
      REQUIRE(at != std::string::npos);
      text.replace(at, 4, "1.25");
    }
    return text;
  });
  auto original = cadre::load_ruleset(kExample);
  auto loaded = cadre::load_ruleset(changed);
  REQUIRE(original.ok());
  REQUIRE(loaded.ok());
  CHECK(loaded.ruleset->digest() != original.ruleset->digest());
}

TEST_CASE("a missing rule set is a diagnostic, not an exception") {
  auto loaded = cadre::load_ruleset("no/such/ruleset");
  CHECK_FALSE(loaded.ok());
  REQUIRE_FALSE(loaded.diagnostics.empty());
  CHECK(loaded.diagnostics.front().severity == cadre::Severity::error);
}
