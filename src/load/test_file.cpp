// Telling a rule set from a test file, and reading a test file
// (test_file.hpp): the file's top level is checked with the same strict
// mapping reader as a rule set's, and its `tests` read by read_tests.
#include "load/test_file.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

#include "load/mapping_reader.hpp"
#include "load/rule_set_files.hpp"
#include "load/section_readers.hpp"
#include "yaml/reader.hpp"

namespace cadre::load {
namespace fs = std::filesystem;
namespace {

constexpr KeySpec kTestFileKeys[] = {{"tests", Presence::required}};
constexpr KeySpec kTopLevelGuesses[] = {{"tests"}, {"ruleset"}};

constexpr const char* kKindsHelp =
    "a rule set's root file has a top-level `ruleset`; a test file has only `tests`, a list "
    "of test cases (docs/rules.md, \"Tests\")";

// Where a file's top level starts: its first key, or the node itself.
const yaml::Node& first_key(const yaml::Node& root) {
  if (root.kind == yaml::NodeKind::mapping && !root.entries.empty())
    return root.entries.front().first;
  return root;
}

void report_neither(TestInput& out, FileContext& context, const yaml::Node& root,
                    const fs::path& path) {
  out.kind = InputKind::neither;
  std::string help = kKindsHelp;
  if (root.kind == yaml::NodeKind::mapping && !root.entries.empty()) {
    constexpr std::string_view kKeys[] = {"ruleset", "tests"};
    std::string guess = did_you_mean(root.entries.front().first.scalar, kKeys);
    if (!guess.empty()) help = guess + " " + help;
  }
  context.error(
      first_key(root), code::load_input_kind,
      "`" + path.string() + "` is neither a rule set nor a test file: " +
          (root.kind == yaml::NodeKind::mapping
               ? std::string("it has no top-level `ruleset` or `tests`")
               : "its top level is " + std::string(kind_name(root.kind)) + ", not a mapping"),
      help);
}

}  // namespace

TestInput read_test_input(const fs::path& path, const LoadOptions& options) {
  TestInput out;
  std::error_code error;
  // What the loader reports as a rule set's problem stays its to report.
  if (!fs::is_regular_file(path, error)) return out;
  if (!options.allowed_root.empty()) {
    const fs::path root = canonical_path(options.allowed_root);
    if (!is_inside(root, canonical_path(path))) {
      if (path.filename() == "ruleset.yaml") return out;  // the loader says it of a rule set
      out.kind = InputKind::neither;
      out.diagnostics.push_back(
          {Severity::error,
           std::string(code::load_outside_root),
           {path.string(), 1, 1, 0},
           "`" + path.string() + "` is outside the rule-set root `" +
               options.allowed_root.lexically_normal().string() + "`",
           "rule sets and test files given must be inside the folder given with --root"});
      return out;
    }
  }
  yaml::ReadResult read = yaml::read_yaml_file(path, options.read);
  if (!read.document) return out;  // not YAML: the loader reports it
  const yaml::Node& root = read.document->root;
  if (root.kind == yaml::NodeKind::mapping && root.find("ruleset") != nullptr) return out;
  auto file = std::make_unique<LoadedTestFile>();
  file->file = path;
  const std::int32_t index =
      file->origins.add_document(std::make_unique<yaml::Document>(std::move(*read.document)));
  const yaml::Node& tree = file->origins.document(index).root;
  // The reader's own problems (a duplicate key, an alias) come first.
  out.diagnostics = std::move(read.diagnostics);
  FileContext context(file->origins, out.diagnostics, index);
  if (tree.kind != yaml::NodeKind::mapping || tree.find("tests") == nullptr) {
    report_neither(out, context, tree, path);
    return out;
  }
  out.kind = InputKind::test_file;
  // Its only key is `tests`; a misspelt `ruleset` is guessed as such.
  MappingReader reader(context, tree, "the test file");
  for (const yaml::Node* key : reader.keys_outside(kTestFileKeys))
    reader.report_unknown_key(*key, kTopLevelGuesses);
  read_tests(context, *reader.find("tests"), file->tests);
  // In the order of the file, as a rule set's.
  std::stable_sort(out.diagnostics.begin(), out.diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::pair(a.location.line, a.location.column) <
                            std::pair(b.location.line, b.location.column);
                   });
  if (!has_errors(out.diagnostics)) out.test_file = std::move(file);
  return out;
}

}  // namespace cadre::load
