// Tests of test files (src/load/test_file.hpp): a rule set is told from a
// test file by its top-level keys; a test file is read with the rule sets'
// strict test reader, every problem at its line and column; a file outside
// the allowed root is not read.
#include <doctest/doctest.h>

#include "load/test_file.hpp"
#include "tests/load/fixture.hpp"

namespace {

using cadre::load::InputKind;
using cadre::load::read_test_input;
using cadre::load::testing::check_lines;
using cadre::load::testing::TempRuleSet;

std::vector<std::string> lines(const TempRuleSet& dir, const cadre::load::TestInput& input) {
  std::vector<std::string> out;
  for (const auto& d : input.diagnostics)
    out.push_back(dir.relative(cadre::format_diagnostic(d)) + " [" + d.code + "]");
  return out;
}

constexpr std::string_view kTests = R"(tests:
  - name: one
    as_of: 2020-01-31
    records:
      cadre:
        - {id: c1, age: 30}
    expect:
      c1:
        t.young: {outcome: eligible}
        t.young[2020]: {outcome: pending, flags: [soft]}
)";

}  // namespace

TEST_CASE("a folder, a missing path and a file with `ruleset` are rule sets") {
  TempRuleSet dir;
  dir.write("rs/ruleset.yaml", std::string(cadre::load::testing::kHeader) + "tests: []\n");
  dir.write("not-yaml.yaml", "a: [\n");
  CHECK(read_test_input(dir.path("rs")).kind == InputKind::rule_set);
  CHECK(read_test_input(dir.path("rs/ruleset.yaml")).kind == InputKind::rule_set);
  CHECK(read_test_input(dir.path("no-such.yaml")).kind == InputKind::rule_set);
  // Not YAML: the loader reports it, as it always has.
  auto broken = read_test_input(dir.path("not-yaml.yaml"));
  CHECK(broken.kind == InputKind::rule_set);
  CHECK(broken.diagnostics.empty());
}

TEST_CASE("a file with only `tests` is a test file, read into test cases") {
  TempRuleSet dir;
  dir.write("tests.yaml", kTests);
  auto input = read_test_input(dir.path("tests.yaml"));
  check_lines(lines(dir, input), {});
  REQUIRE(input.kind == InputKind::test_file);
  REQUIRE(input.test_file != nullptr);
  const auto& tests = input.test_file->tests;
  REQUIRE(tests.size() == 1);
  CHECK(tests[0].name == "one");
  REQUIRE(tests[0].expect.size() == 1);
  CHECK(tests[0].expect[0].first == "c1");
  REQUIRE(tests[0].expect[0].second.size() == 2);
  CHECK(tests[0].expect[0].second[1].result_id() == "t.young[2020]");
  CHECK(tests[0].expect[0].second[1].flags == std::vector<std::string>{"soft"});
  // The records stay YAML, kept with the file's origins.
  const auto* records = input.test_file->origins.at(tests[0].records).node;
  REQUIRE(records != nullptr);
  CHECK(records->find("cadre") != nullptr);
  CHECK(input.test_file->origins.locate(tests[0].origin).line == 2);
}

TEST_CASE("a test file is read strictly, every problem at its position") {
  TempRuleSet dir;
  dir.write("bad.yaml", R"(tests:
  - name: no date
    records: {}
    expect: {c1: {t.young: {outcome: eligble}}}
  - name: twice
    as_of: 2020-02-30
    as_of: 2020-03-01
    records: {}
    expect: {}
notes: a key a test file does not have
)");
  auto input = read_test_input(dir.path("bad.yaml"));
  CHECK(input.kind == InputKind::test_file);
  CHECK(input.test_file == nullptr);
  check_lines(
      lines(dir, input),
      {"bad.yaml:2:5: error: missing key `as_of` in test `no date` [load.missing_key]",
       "bad.yaml:4:38: error: invalid value `eligble` for `outcome` of `t.young` of `c1` of "
       "`expect` of test `no date` [load.bad_value]",
       "bad.yaml:6:12: error: invalid date `2020-02-30` for `as_of` of test `twice` "
       "[load.date]",
       "bad.yaml:7:5: error: duplicate key `as_of` [yaml.duplicate_key]",
       "bad.yaml:10:1: error: unknown key `notes` in the test file [load.unknown_key]"});
}

TEST_CASE("a rule set whose `ruleset` is misspelt reads as a test file with a guess") {
  TempRuleSet dir;
  dir.write("ruleset.yaml", std::string("rulset: {id: t, version: 1.0.0}\n") + std::string(kTests));
  auto input = read_test_input(dir.path("ruleset.yaml"));
  CHECK(input.kind == InputKind::test_file);
  CHECK(input.test_file == nullptr);
  REQUIRE(input.diagnostics.size() == 1);
  CHECK(input.diagnostics[0].message == "unknown key `rulset` in the test file");
  CHECK(input.diagnostics[0].help == "did you mean `ruleset`?");
}

TEST_CASE("a file that is neither says so at its first key, with a guess") {
  TempRuleSet dir;
  dir.write("neither.yaml", "# a comment\ntest:\n  - name: x\n");
  dir.write("list.yaml", "- name: x\n");
  auto neither = read_test_input(dir.path("neither.yaml"));
  CHECK(neither.kind == InputKind::neither);
  check_lines(lines(dir, neither),
              {"neither.yaml:2:1: error: `neither.yaml` is neither a rule set nor a test file: it "
               "has no top-level `ruleset` or `tests` [load.input_kind]"});
  REQUIRE(neither.diagnostics.size() == 1);
  CHECK(neither.diagnostics[0].help.starts_with("did you mean `tests`? "));
  auto list = read_test_input(dir.path("list.yaml"));
  CHECK(list.kind == InputKind::neither);
  REQUIRE(list.diagnostics.size() == 1);
  CHECK(list.diagnostics[0].message.ends_with("its top level is a sequence, not a mapping"));
}

TEST_CASE("with an allowed root, a test file outside it is not read") {
  TempRuleSet dir;
  dir.write("rules/.cadre-root", "");
  dir.write("elsewhere/tests.yaml", kTests);
  cadre::load::LoadOptions options;
  options.allowed_root = dir.path("rules");
  auto outside = read_test_input(dir.path("elsewhere/tests.yaml"), options);
  CHECK(outside.kind == InputKind::neither);
  CHECK(outside.test_file == nullptr);
  REQUIRE(outside.diagnostics.size() == 1);
  CHECK(outside.diagnostics[0].code == "load.outside_root");
  options.allowed_root = dir.dir();
  CHECK(read_test_input(dir.path("elsewhere/tests.yaml"), options).kind == InputKind::test_file);
}
