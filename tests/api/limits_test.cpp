// The limits a caller sets on loading a rule set (RuleSetLimits): each
// exceeded limit is a diagnostic with its code, never a crash or a hang, and
// the defaults leave real rule sets alone.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"

namespace {

namespace fs = std::filesystem;

// A folder of rule-set files written for one test, removed after it.
class Folder {
 public:
  Folder() {
    path_ =
        fs::temp_directory_path() / ("cadre-limits-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(path_);
  }
  ~Folder() { fs::remove_all(path_); }
  Folder(const Folder&) = delete;
  Folder& operator=(const Folder&) = delete;

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name) << text;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const char* kHeader = R"(ruleset:
  id: limits.test
  version: 1.0.0
  valid: {from: 2020-01-01}
  include: [decisions.yaml]
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    cadre:
      fields:
        id: string
        scores: list<int>
)";

const char* kDecisions = R"y(decisions:
  - id: many
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: all_scores, when: "cadre.scores.all(s, cadre.scores.all(t, s + t >= 0))"}
)y";

bool has_code(const cadre::RuleSetLoadResult& result, std::string_view code) {
  for (const auto& d : result.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the default limits load a real rule set") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  folder.write("decisions.yaml", kDecisions);
  auto result = cadre::load_ruleset(folder.path());
  CHECK(result.ok());
}

TEST_CASE("a file larger than max_file_bytes is refused with yaml.limit") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  folder.write("decisions.yaml", kDecisions);
  cadre::RuleSetOptions options;
  options.limits.max_file_bytes = 64;
  auto result = cadre::load_ruleset(folder.path(), options);
  CHECK_FALSE(result.ok());
  CHECK(has_code(result, "yaml.limit"));
}

TEST_CASE("nesting deeper than max_yaml_depth is refused with yaml.limit") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  folder.write("decisions.yaml", kDecisions);
  cadre::RuleSetOptions options;
  options.limits.max_yaml_depth = 3;
  auto result = cadre::load_ruleset(folder.path(), options);
  CHECK_FALSE(result.ok());
  CHECK(has_code(result, "yaml.limit"));
}

TEST_CASE("more files than max_files is refused with load.limit") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  folder.write("decisions.yaml", kDecisions);
  cadre::RuleSetOptions options;
  options.limits.max_files = 1;
  auto result = cadre::load_ruleset(folder.path(), options);
  CHECK_FALSE(result.ok());
  CHECK(has_code(result, "load.limit"));
}

TEST_CASE("an expression longer than the expression limit is refused with expr.limit") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  folder.write("decisions.yaml", kDecisions);
  cadre::RuleSetOptions options;
  options.limits.expressions.max_length = 20;
  auto result = cadre::load_ruleset(folder.path(), options);
  CHECK_FALSE(result.ok());
  CHECK(has_code(result, "expr.limit"));
}

TEST_CASE("more diagnostics than max_diagnostics are counted in one more") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  std::string decisions = "decisions:\n";
  for (int i = 0; i < 30; ++i) {
    decisions += "  - {id: d" + std::to_string(i) +
                 ", kind: eligibility, subject: cadre, cite: HY-ELIG-01, "
                 "all: [{id: c, when: cadre.nope}]}\n";
  }
  folder.write("decisions.yaml", decisions);
  cadre::RuleSetOptions options;
  options.limits.max_diagnostics = 5;
  auto result = cadre::load_ruleset(folder.path(), options);
  CHECK_FALSE(result.ok());
  REQUIRE(result.diagnostics.size() == 6);
  CHECK(result.diagnostics.back().code == "load.limit");
  CHECK(result.diagnostics.back().message == "… and 25 more diagnostics not shown");
}

TEST_CASE("macro iterations beyond the limit make the decision an error, not a hang") {
  Folder folder;
  folder.write("ruleset.yaml", kHeader);
  folder.write("decisions.yaml", kDecisions);
  cadre::RuleSetOptions options;
  options.limits.expressions.max_iterations = 1'000;
  auto result = cadre::load_ruleset(folder.path(), options);
  REQUIRE(result.ok());
  cadre::Engine engine(*result.ruleset);
  cadre::ListValue scores;
  for (int i = 0; i < 100; ++i)
    scores.emplace_back(std::int64_t{i});
  cadre::Activation facts(cadre::internal::impl_of(*result.ruleset).environment);
  cadre::MapValue fields;
  fields.set(cadre::Value("id"), cadre::Value("c1"));
  fields.set(cadre::Value("scores"), cadre::Value(std::move(scores)));
  REQUIRE(facts.bind("cadre", cadre::Value(std::move(fields))).empty());
  const auto& record = facts.bound("cadre")->as_record();
  auto decided = engine.evaluate(record, {}, *cadre::Date::parse("2024-12-31"));
  REQUIRE(decided.size() == 1);
  CHECK(decided[0].outcome == cadre::Outcome::undetermined);
  REQUIRE(!decided[0].undetermined.empty());
  CHECK(decided[0].undetermined[0].find("iteration limit of 1000 exceeded") != std::string::npos);
}
