// A test file: a YAML file whose top level is `tests:`, in the format of a
// rule set's `tests` section (docs/rules.md, "Tests"), run against the rule
// sets given beside it (`cadre-policy test RULESET… TESTFILE…`). It is read
// with the loader's strict test reader and confined like a rule set's files;
// its records stay YAML nodes, typed when the tests run by the schema of the
// rule set they run against.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "load/loader.hpp"
#include "model/origin.hpp"
#include "model/ruleset.hpp"

namespace cadre::load {

/// What a path given as a rule set or a test file names.
enum class InputKind : std::uint8_t {
  rule_set,   ///< a folder, a file with a top-level `ruleset`, or what the loader must report
  test_file,  ///< a file with a top-level `tests` and no `ruleset`
  neither,    ///< anything else: the diagnostics say why
};

struct LoadedTestFile {
  std::filesystem::path file;  ///< as given
  model::Origins origins;      ///< owns the parsed file: the records' nodes
  std::vector<model::TestCase> tests;
};

/// What a path given is, and for a test file the file read.
struct TestInput {
  InputKind kind = InputKind::rule_set;
  /// A test file that was read without errors; null otherwise.
  std::unique_ptr<LoadedTestFile> test_file;
  /// Problems with a test file, or why the path is neither kind.
  std::vector<Diagnostic> diagnostics;
};

/// Tells a rule set from a test file and reads a test file. A folder, a path
/// that is not a readable file or not YAML (the loader reports it as a rule
/// set's), and a file with a top-level `ruleset` are rule sets; a file with a
/// top-level `tests` and no `ruleset` is a test file; anything else is
/// neither (`load.input_kind`, at the file's first key). With
/// `options.allowed_root` set, a file outside it is not read
/// (`load.outside_root`).
TestInput read_test_input(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace cadre::load
