// A temporary folder of rule-set files for the loader tests, and the
// diagnostics of a load printed one per line ("file:line:col: severity:
// message [code]", file names relative to the folder) so that tests can
// compare them exactly.
#pragma once

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "load/loader.hpp"

namespace cadre::load::testing {

class TempRuleSet {
 public:
  TempRuleSet() {
    static std::atomic<int> counter{0};
    std::random_device random;
    dir_ = std::filesystem::temp_directory_path() /
           ("cadre-load-" + std::to_string(random()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  ~TempRuleSet() {
    std::error_code error;
    std::filesystem::remove_all(dir_, error);
  }
  TempRuleSet(const TempRuleSet&) = delete;
  TempRuleSet& operator=(const TempRuleSet&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path path(std::string_view relative) const { return dir_ / relative; }

  void write(std::string_view relative, std::string_view text) const {
    const std::filesystem::path file = path(relative);
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
  }

  LoadResult load(std::string_view relative = "ruleset.yaml",
                  const LoadOptions& options = {}) const {
    return load_ruleset(path(relative), options);
  }

  /// `text` with the folder's path (and the `/` after it) removed.
  std::string relative(std::string text) const {
    const std::string prefix = (dir_ / "").string();
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) {
      text.erase(at, prefix.size());
    }
    return text;
  }

  std::vector<std::string> lines(const LoadResult& result) const {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : result.diagnostics) {
      lines.push_back(relative(format_diagnostic(diagnostic)) + " [" + diagnostic.code + "]");
    }
    return lines;
  }

  std::vector<std::string> helps(const LoadResult& result) const {
    std::vector<std::string> helps;
    for (const Diagnostic& diagnostic : result.diagnostics)
      helps.push_back(relative(diagnostic.help));
    return helps;
  }

 private:
  std::filesystem::path dir_;
};

/// The `ruleset` section every root file needs.
inline constexpr std::string_view kHeader = "ruleset:\n  id: t\n  version: 1.0.0\n";

/// Prints both lists when they differ, so the actual lines can be pasted in.
inline void check_lines(const std::vector<std::string>& actual,
                        const std::vector<std::string>& expected) {
  std::string text;
  for (const std::string& line : actual)
    text += "\n  " + line;
  INFO("actual:" << text);
  CHECK(actual == expected);
}

}  // namespace cadre::load::testing
