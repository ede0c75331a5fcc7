// The rule-set corpora: every folder under tests/rulesets/broken/ holds a rule
// set with a mistake and `expected.txt`, the diagnostics `check` must report,
// code first (`CODE FILE:LINE:COL: severity: message`, FILE relative to the
// case folder; the code is compared before the message, and must be in the
// catalogue, docs/diagnostics.md);
// every rule set under tests/rulesets/good/ and rules/ must load without errors.
// On a mismatch the actual diagnostics are printed, ready to paste.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cadre/ruleset.hpp"
#include "diagnostics/codes.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> read_lines(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line.front() != '#') lines.push_back(line);
  }
  return lines;
}

std::vector<fs::path> case_folders(const fs::path& root) {
  std::vector<fs::path> folders;
  if (!fs::exists(root)) return folders;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

// Replaces every `from` in `text` by `to`.
void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Diagnostics with file names relative to the case folder, also where a
// message names a path (the allowed root itself is written `.`): the lines
// that `cadre-policy check --brief --root . ruleset.yaml` prints inside the
// folder. The loader reports lexically normal paths, so the folder is
// normalized too.
std::vector<std::string> actual_lines(const fs::path& folder, const cadre::RuleSetLoadResult& r) {
  const std::string base = folder.lexically_normal().string();
  std::vector<std::string> lines;
  for (cadre::Diagnostic diagnostic : r.diagnostics) {
    if (!diagnostic.location.file.empty()) {
      diagnostic.location.file = fs::path(diagnostic.location.file)
                                     .lexically_normal()
                                     .lexically_relative(base)
                                     .generic_string();
    }
    replace_all(diagnostic.message, "`" + base + "`", "`.`");
    replace_all(diagnostic.message, base + "/", "");
    lines.push_back(diagnostic.code + " " + cadre::format_diagnostic(diagnostic));
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines)
    out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("every broken rule set reports its expected diagnostics") {
  const fs::path root = fs::path(CADRE_TEST_DATA_DIR) / ".." / "rulesets" / "broken";
  auto folders = case_folders(root);
  CHECK(folders.size() >= 40);
  for (const auto& folder : folders) {
    INFO("case: " << folder.filename().string());
    auto expected = read_lines(folder / "expected.txt");
    REQUIRE_MESSAGE(!expected.empty(), "expected.txt is missing or empty");
    cadre::RuleSetOptions options;
    options.allowed_root = folder;
    auto result = cadre::load_ruleset(folder / "ruleset.yaml", options);
    auto actual = actual_lines(folder, result);
    INFO("actual diagnostics:\n" << joined(actual));
    for (const auto& diagnostic : result.diagnostics) {
      CHECK_MESSAGE(cadre::find_diagnostic_code(diagnostic.code) != nullptr,
                    "reported with a code not in the catalogue: " << diagnostic.code);
    }
    // Codes first: the stable contract, whatever the wording.
    auto code_of = [](const std::string& line) { return line.substr(0, line.find(' ')); };
    for (const auto& line : expected) {
      bool code_reported = std::any_of(actual.begin(), actual.end(), [&](const auto& other) {
        return code_of(other) == code_of(line);
      });
      CHECK_MESSAGE(code_reported, "code not reported: " << code_of(line));
      CHECK_MESSAGE(cadre::find_diagnostic_code(code_of(line)) != nullptr,
                    "code not in the catalogue: " << code_of(line));
      CHECK_MESSAGE(std::find(actual.begin(), actual.end(), line) != actual.end(),
                    "missing: " << line);
    }
    bool expects_error = std::any_of(expected.begin(), expected.end(), [](const auto& line) {
      return line.find(": error: ") != std::string::npos;
    });
    CHECK(result.ok() == !expects_error);
  }
}

TEST_CASE("the bundled and the good rule sets load without errors") {
  const fs::path tests = fs::path(CADRE_TEST_DATA_DIR) / "..";
  std::vector<fs::path> folders = case_folders(tests / "rulesets" / "good");
  for (const auto& folder : case_folders(tests / ".." / "rules"))
    folders.push_back(folder);
  for (const auto& folder : folders) {
    INFO("rule set: " << folder.string());
    cadre::RuleSetOptions options;
    options.allowed_root = folder.parent_path();
    auto result = cadre::load_ruleset(folder, options);
    std::vector<std::string> errors;
    for (const auto& line : actual_lines(folder, result)) {
      if (line.find(": error: ") != std::string::npos) errors.push_back(line);
    }
    INFO("errors:\n" << joined(errors));
    CHECK(result.ok());
  }
}
