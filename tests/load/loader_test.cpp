// The loader as a whole: root files and folders, includes and confinement,
// top-level sections, duplicate ids across files, positions of expressions,
// and many errors in one file all reported. Section contents are tested in
// sections_test.cpp, variants in variant_test.cpp.
#include <doctest/doctest.h>

#include <filesystem>

#include "fixture.hpp"
#include "load/loader.hpp"
#include "load/mapping_reader.hpp"

namespace cadre::load {
namespace {

using testing::check_lines;
using testing::kHeader;
using testing::TempRuleSet;
namespace fs = std::filesystem;

/// Restores the current directory when it goes out of scope.
class CurrentDirectory {
 public:
  explicit CurrentDirectory(const fs::path& to) : saved_(fs::current_path()) {
    fs::current_path(to);
  }
  ~CurrentDirectory() { fs::current_path(saved_); }

 private:
  fs::path saved_;
};

TEST_CASE("the example rule set and its variant load without diagnostics") {
  // The data folder by its absolute path: __FILE__ is relative under ccache with a base dir.
  const fs::path example = fs::path(CADRE_TEST_DATA_DIR) / "hengyang-example";
  for (const char* root : {"ruleset.yaml", "leiyang.yaml"}) {
    INFO(root);
    const LoadResult result = load_ruleset(example / root);
    for (const Diagnostic& diagnostic : result.diagnostics)
      INFO(format_diagnostic(diagnostic));
    CHECK(result.diagnostics.empty());
    REQUIRE(result.ruleset != nullptr);
    CHECK(result.ruleset->files.size() == (std::string(root) == "ruleset.yaml" ? 5U : 6U));
    CHECK(result.ruleset->rules.decisions.size() >= 9);
  }
}

TEST_CASE("a folder means its ruleset.yaml, and files keep the path the user gave") {
  TempRuleSet set;
  set.write("rules/hy/ruleset.yaml", std::string(kHeader) + "  include: [more/params.yaml]\n");
  set.write("rules/hy/more/params.yaml", "parameters:\n  p: {type: int, valeu: 3, cite: X-1}\n");
  const CurrentDirectory cwd(set.dir());
  const LoadResult result = load_ruleset("rules/hy");
  check_lines(set.lines(result),
              {"rules/hy/more/params.yaml:2:3: error: missing value in parameter `p` "
               "[load.missing_key]",
               "rules/hy/more/params.yaml:2:18: error: unknown key `valeu` in parameter `p` "
               "[load.unknown_key]"});
  CHECK(result.diagnostics[1].help == "did you mean `value`?");
  CHECK(result.ruleset == nullptr);
}

TEST_CASE("includes are read relative to the including file, depth first, each once") {
  TempRuleSet set;
  set.write("ruleset.yaml", std::string(kHeader) + "  include: [a/a.yaml, b.yaml]\n");
  set.write("a/a.yaml", "include: [../common.yaml, sub/deep.yaml]\nlists:\n  l.a: {size: 1}\n");
  set.write("a/sub/deep.yaml", "include: [../../common.yaml]\nlists:\n  l.deep: {size: 1}\n");
  set.write("common.yaml", "lists:\n  l.common: {size: 1}\n");
  set.write("b.yaml", "include: [common.yaml]\nlists:\n  l.b: {size: 1}\n");
  const LoadResult result = set.load();
  check_lines(set.lines(result), {});
  REQUIRE(result.ruleset != nullptr);
  std::vector<std::string> files;
  for (const fs::path& file : result.ruleset->files)
    files.push_back(set.relative(file.string()));
  CHECK(files == std::vector<std::string>{"ruleset.yaml", "a/a.yaml", "common.yaml",
                                          "a/sub/deep.yaml", "b.yaml"});
  std::vector<std::string> lists;
  for (const model::NamedList& list : result.ruleset->rules.lists)
    lists.push_back(list.id);
  CHECK(lists == std::vector<std::string>{"l.a", "l.common", "l.deep", "l.b"});
}

TEST_CASE("missing files, include cycles and files outside the root") {
  TempRuleSet set;
  SUBCASE("a missing include, with a close file name") {
    set.write("ruleset.yaml", std::string(kHeader) + "  include: [schemaa.yaml]\n");
    set.write("schema.yaml", "");
    const LoadResult result = set.load();
    check_lines(set.lines(result), {"ruleset.yaml:4:13: error: included file `schemaa.yaml` does "
                                    "not exist [load.missing_file]"});
    CHECK(result.diagnostics[0].help == "did you mean `schema.yaml`?");
  }
  SUBCASE("a missing root file") {
    const LoadResult result = set.load("nope/ruleset.yaml");
    check_lines(set.lines(result), {"nope/ruleset.yaml:1:1: error: rule set "
                                    "`nope/ruleset.yaml` does not exist [load.missing_file]"});
  }
  SUBCASE("a cycle through two files") {
    set.write("ruleset.yaml", std::string(kHeader) + "  include: [a.yaml]\n");
    set.write("a.yaml", "include: [b.yaml]\n");
    set.write("b.yaml", "include: [a.yaml, ruleset.yaml]\n");
    check_lines(set.lines(set.load()),
                {"b.yaml:1:11: error: include cycle: `a.yaml` → `b.yaml` → `a.yaml` "
                 "[load.include_cycle]",
                 "b.yaml:1:19: error: include cycle: `ruleset.yaml` → `a.yaml` → `b.yaml` → "
                 "`ruleset.yaml` [load.include_cycle]"});
  }
  SUBCASE("`..` that leaves the root, unless the caller allows a wider root") {
    set.write("hy/ruleset.yaml", std::string(kHeader) + "  include: [../shared.yaml]\n");
    set.write("shared.yaml", "lists:\n  l: {size: 1}\n");
    const LoadResult result = set.load("hy/ruleset.yaml");
    check_lines(set.lines(result),
                {"hy/ruleset.yaml:4:13: error: included file `../shared.yaml` is outside the "
                 "rule-set root `hy` [load.outside_root]"});
    CHECK(set.load("hy/ruleset.yaml", {set.dir()}).diagnostics.empty());
  }
  SUBCASE("a symbolic link that leads outside the root") {
    set.write("outside/secret.yaml", "lists:\n  l: {size: 1}\n");
    set.write("hy/ruleset.yaml", std::string(kHeader) + "  include: [link.yaml]\n");
    fs::create_symlink(set.path("outside/secret.yaml"), set.path("hy/link.yaml"));
    check_lines(set.lines(set.load("hy/ruleset.yaml")),
                {"hy/ruleset.yaml:4:13: error: included file `link.yaml` is outside the rule-set "
                 "root `hy` [load.outside_root]"});
  }
}

TEST_CASE("top-level sections") {
  TempRuleSet set;
  SUBCASE("unknown, misplaced and missing sections") {
    set.write("ruleset.yaml", "paramters: {}\ninclude: [a.yaml]\nvariant: {}\n");
    set.write("a.yaml", "ruleset: {id: x, version: 1}\n");
    const LoadResult result = set.load();
    check_lines(set.lines(result),
                {"ruleset.yaml:1:1: error: missing section `ruleset` in the root file "
                 "[load.missing_key]",
                 "ruleset.yaml:1:1: error: unknown key `paramters` in the top-level mapping "
                 "[load.unknown_key]",
                 "ruleset.yaml:2:1: error: top-level `include` is only for included files "
                 "[load.unknown_key]",
                 "ruleset.yaml:3:1: error: section `variant` is only allowed in a rule set that "
                 "`extends` another [load.unknown_key]"});
    CHECK(set.helps(result)[1] == "did you mean `parameters`?");
  }
  SUBCASE("`ruleset` in an included file") {
    set.write("ruleset.yaml", std::string(kHeader) + "  include: [a.yaml]\n");
    set.write("a.yaml", "ruleset: {id: x, version: 1}\n");
    check_lines(set.lines(set.load()), {"a.yaml:1:1: error: section `ruleset` is only allowed in "
                                        "the root file [load.unknown_key]"});
  }
  SUBCASE("a root that is not a mapping") {
    set.write("ruleset.yaml", "- a\n");
    check_lines(set.lines(set.load()), {"ruleset.yaml:1:1: error: expected a mapping for the root "
                                        "file, found a sequence [load.type]"});
  }
  SUBCASE("problems of the YAML reader come through once") {
    set.write("ruleset.yaml", std::string(kHeader) + "lists:\n  l: {size: 1}\n  l: {size: 2}\n");
    const LoadResult result = set.load();
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == "yaml.duplicate_key");
  }
}

TEST_CASE("duplicate ids across files") {
  TempRuleSet set;
  set.write("ruleset.yaml", std::string(kHeader) +
                                "  include: [a.yaml]\n"
                                "parameters:\n  hy.x: {type: int, value: 1, cite: HY-1}\n"
                                "schema:\n  enums:\n    grade: {values: [a]}\n"
                                "switches:\n  s: {values: [a]}\n");
  set.write("a.yaml",
            "derived:\n  hy.x: {expr: '1', cite: HY-1}\n"
            "decisions:\n  - {id: hy.y, kind: exit, cite: HY-1, actions: [recall], trigger: "
            "{id: t, when: 'true'}}\n"
            "  - {id: hy.y, kind: exit, cite: HY-1, actions: [recall], trigger: {id: t, when: "
            "'true'}}\n"
            "schema:\n  records:\n    grade: {fields: {id: string}}\n"
            "switches:\n  s: {values: [b]}\n");
  const LoadResult result = set.load();
  check_lines(set.lines(result),
              {"a.yaml:2:3: error: duplicate id `hy.x`, already used by a parameter "
               "[load.duplicate_id]",
               "a.yaml:5:5: error: duplicate decision `hy.y` [load.duplicate_id]",
               "a.yaml:8:5: error: duplicate id `grade`, already used by an enum "
               "[load.duplicate_id]",
               "a.yaml:10:3: error: duplicate switch `s` [load.duplicate_id]"});
  const auto helps = set.helps(result);
  CHECK(helps[0] ==
        "first defined at ruleset.yaml:6:3; parameters, derived values and decisions share one "
        "namespace");
  CHECK(helps[1] == "first defined at a.yaml:4:5");
  CHECK(helps[3] == "first defined at ruleset.yaml:11:3");
}

TEST_CASE("expressions keep the scalar that holds them, so offsets map back to the file") {
  TempRuleSet set;
  set.write("ruleset.yaml",
            std::string(kHeader) +
                "derived:\n"
                "  d.plain: {expr: a + pya, cite: X-1}\n"
                "  d.quoted:\n    expr: \"b + \\\"pya\\\"\"\n    cite: X-1\n"
                "  d.folded:\n    expr: >-\n      a &&\n      pya\n    cite: X-1\n");
  const LoadResult result = set.load();
  REQUIRE(result.ruleset != nullptr);
  const model::Origins& origins = result.ruleset->origins;
  const auto& derived = result.ruleset->rules.derived;
  const auto at = [&](std::size_t index, int offset) {
    const SourceLocation location =
        origins.locate_in_expression(derived[index].expr.origin, offset);
    return std::to_string(location.line) + ":" + std::to_string(location.column);
  };
  CHECK(at(0, 4) == "5:23");
  CHECK(derived[1].expr.text == "b + \"pya\"");
  CHECK(at(1, 5) == "7:18");
  CHECK(derived[2].expr.text == "a && pya");
  CHECK(at(2, 5) == "12:7");
  CHECK(set.relative(origins.locate(derived[0].origin).file) == "ruleset.yaml");
}

TEST_CASE("many errors in one file are all reported, in file order") {
  TempRuleSet set;
  set.write("ruleset.yaml",
            "ruleset:\n"
            "  id: t\n"
            "  valid: {from: 2023-02-29}\n"
            "parameters:\n"
            "  hy.period:\n"
            "    type: int\n"
            "    valeu: 3\n"
            "  hy.rate: {type: decimal, value: '1,2', cite: X-1}\n"
            "switches:\n"
            "  s: {values: [a, b], default: c}\n"
            "derived:\n"
            "  hy.称职: {expr: '', cite: X-1}\n"
            "decisions:\n"
            "  - id: d\n"
            "    kind: exitt\n"
            "    cite: X-1\n"
            "  - {id: e, kind: exit, cite: X-1, components: [], actions: [recall, recall], "
            "trigger: {id: t, when: x}}\n"
            "tests:\n"
            "  - {name: n, as_of: 2024-13-01, records: [], expect: {}}\n");
  const LoadResult result = set.load();
  check_lines(
      set.lines(result),
      {"ruleset.yaml:1:1: error: missing key `version` in `ruleset` [load.missing_key]",
       "ruleset.yaml:3:17: error: invalid date `2023-02-29` for `from` of `valid` of `ruleset` "
       "[load.date]",
       "ruleset.yaml:5:3: error: missing key `cite` in parameter `hy.period` [load.missing_key]",
       "ruleset.yaml:5:3: error: missing value in parameter `hy.period` [load.missing_key]",
       "ruleset.yaml:7:5: error: unknown key `valeu` in parameter `hy.period` [load.unknown_key]",
       "ruleset.yaml:8:35: error: expected a decimal number for `value` of parameter `hy.rate`, "
       "found `1,2` [load.type]",
       "ruleset.yaml:10:32: error: default `c` of switch `s` is not one of its values "
       "[load.bad_value]",
       "ruleset.yaml:12:3: error: invalid derived value id `hy.称职` [load.bad_id]",
       "ruleset.yaml:12:17: error: empty expression for `expr` of derived value `hy.称职` "
       "[load.type]",
       "ruleset.yaml:15:11: error: invalid value `exitt` for `kind` of decision `d` "
       "[load.bad_value]",
       "ruleset.yaml:17:36: error: key `components` is not allowed in decision `e` of kind "
       "`exit` [load.unknown_key]",
       "ruleset.yaml:17:70: error: duplicate value `recall` in `actions` of decision `e` "
       "[load.duplicate_value]",
       "ruleset.yaml:19:22: error: invalid date `2024-13-01` for `as_of` of test `n` [load.date]",
       "ruleset.yaml:19:43: error: expected a mapping for `records` of test `n`, found a "
       "sequence [load.type]"});
  const auto helps = set.helps(result);
  CHECK(helps[1] == "2023-02 has 28 days");
  CHECK(helps[9] == "did you mean `exit`?");
  CHECK(helps[10] == "`components` is for decisions of kind `pay`");
  CHECK(helps[12] == "months run from 01 to 12");
  CHECK(result.ruleset == nullptr);
}

}  // namespace
}  // namespace cadre::load
