// Fuzz target of the rule-set loader, validator and compiler: any bytes as the
// files of a rule set must load to a compiled rule set or to diagnostics,
// each of which renders with its source line; a rule set that loads runs its
// own tests (`cadre-policy test`) — never a crash, a hang or an out-of-bounds
// read.
//
// The loader reads files, so each input is written to a scratch folder. An
// input is one file, ruleset.yaml, or several: a line `#file: NAME` starts
// the file NAME (a YAML comment otherwise), and the first file is the root:
//
//   ruleset:
//     id: x
//     include: [schema.yaml]
//   #file: schema.yaml
//   schema: …
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <system_error>

#include "cadre/diagnostic.hpp"
#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"
#include "engine/test_runner.hpp"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMarker = "#file: ";

// A file name the input may give: relative, at most two folders deep, of
// letters, digits, `_`, `-` and `.`, and never `..` (so that nothing is
// written outside the scratch folder).
bool safe_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.back() == '/') return false;
  int folders = 0;
  for (char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-' || c == '.';
    if (c == '/') ++folders;
    if (!plain && c != '/') return false;
  }
  return folders <= 2 && name.find("..") == std::string_view::npos &&
         name.find("//") == std::string_view::npos;
}

// The files of an input, by name, in input order of first appearance; the
// root's name first.
struct Files {
  std::string root;
  std::map<std::string, std::string> texts;
};

Files split(std::string_view input) {
  Files files;
  std::string name = "ruleset.yaml";
  std::string* text = nullptr;
  std::size_t start = 0;
  while (start <= input.size()) {
    std::size_t end = input.find('\n', start);
    const std::size_t stop = end == std::string_view::npos ? input.size() : end + 1;
    std::string_view line = input.substr(start, stop - start);
    if (line.substr(0, kMarker.size()) == kMarker) {
      std::string_view given = line.substr(kMarker.size());
      while (!given.empty() && (given.back() == '\n' || given.back() == '\r'))
        given.remove_suffix(1);
      if (safe_name(given)) {
        name = std::string(given);
        text = nullptr;
      }
    }
    if (!text) {
      if (files.root.empty()) files.root = name;
      text = &files.texts[name];
    }
    text->append(line);
    if (end == std::string_view::npos) break;
    start = stop;
  }
  if (files.root.empty()) files.root = name;
  return files;
}

// The scratch folder of this process, emptied before each input.
class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "cadre-loader-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) std::abort();
    path_ = pattern;
  }
  ~Scratch() {
    std::error_code error;
    fs::remove_all(path_, error);
  }
  const fs::path& path() const { return path_; }
  void clear() const {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(path_))
      fs::remove_all(entry.path(), error);
  }

 private:
  fs::path path_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Scratch scratch;
  scratch.clear();
  const Files files = split(std::string_view(reinterpret_cast<const char*>(data), size));
  std::map<std::string, std::string_view> by_path;  // as diagnostics name the files
  for (const auto& [name, text] : files.texts) {
    const fs::path path = scratch.path() / name;
    std::error_code error;
    fs::create_directories(path.parent_path(), error);
    std::ofstream(path, std::ios::binary) << text;
    by_path.emplace(path.lexically_normal().string(), text);
  }
  cadre::RuleSetOptions options;
  options.allowed_root = scratch.path();
  const auto loaded = cadre::load_ruleset(scratch.path() / files.root, options);
  for (const auto& diagnostic : loaded.diagnostics) {
    const auto text = by_path.find(diagnostic.location.file);
    if (text == by_path.end()) {
      cadre::format_diagnostic(diagnostic);
    } else {
      cadre::render_diagnostic(diagnostic, text->second);
    }
  }
  if (loaded.ok()) cadre::engine::run_tests(cadre::Engine(*loaded.ruleset));
  return 0;
}
