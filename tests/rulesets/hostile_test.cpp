// Hostile rule sets too large to keep as files, or needing the file system:
// each is written at test time into a scratch folder, and must give its
// diagnostic (code first, then the message) quickly, with no crash, hang or
// file read outside the allowed root. The file-based hostile cases (alias
// bombs, 600-deep nesting, invalid UTF-8, duplicate keys, escapes of the
// root, cycles) are in tests/rulesets/broken/.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "cadre/ruleset.hpp"

namespace {

namespace fs = std::filesystem;

class Scratch {
 public:
  Scratch() {
    root_ = fs::temp_directory_path() / ("cadre-hostile-" + std::to_string(std::random_device{}()));
    fs::create_directories(root_ / "rules");
  }
  ~Scratch() { fs::remove_all(root_); }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;

  fs::path write(const std::string& name, const std::string& text) const {
    fs::path file = root_ / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

const std::string kHeader = R"(ruleset:
  id: hostile.case
  version: 1.0.0
  valid: {from: 2020-01-01}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    cadre:
      fields:
        id: string
        score: int
)";

std::string decision(const std::string& when) {
  return "decisions:\n  - id: d\n    kind: eligibility\n    subject: cadre\n    cite: HY-ELIG-01\n"
         "    all:\n      - id: c\n        when: \"" +
         when + "\"\n";
}

// The first diagnostic with `code`, as "code message", or "" when none.
std::string first_with(const cadre::RuleSetLoadResult& result, std::string_view code) {
  for (const auto& d : result.diagnostics) {
    if (d.code == code) return d.code + " " + d.message;
  }
  std::string all;
  for (const auto& d : result.diagnostics)
    all += d.code + " " + d.message + "\n";
  return "(not reported; got:\n" + all + ")";
}

cadre::RuleSetLoadResult load(const fs::path& path, const fs::path& root = {}) {
  cadre::RuleSetOptions options;
  options.allowed_root = root;
  auto start = std::chrono::steady_clock::now();
  auto result = cadre::load_ruleset(path, options);
  // Not a benchmark: a hostile input is refused in well under a few seconds.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  return result;
}

}  // namespace

TEST_CASE("an expression nested 100,000 deep is refused, not recursed into") {
  Scratch scratch;
  std::string deep(100'000, '(');
  deep += "cadre.score > 0";
  deep += std::string(100'000, ')');
  auto result = load(scratch.write("rules/ruleset.yaml", kHeader + decision(deep)));
  CHECK_FALSE(result.ok());
  CHECK(first_with(result, "expr.limit")
            .starts_with("expr.limit expression is too long (200015 bytes, limit 100000)"));
}

TEST_CASE("an expression nested deeper than the limit within its length is refused") {
  Scratch scratch;
  std::string deep(2'000, '(');
  deep += "1";
  deep += std::string(2'000, ')');
  auto result = load(scratch.write("rules/ruleset.yaml", kHeader + decision(deep + " > 0")));
  CHECK_FALSE(result.ok());
  CHECK(first_with(result, "expr.limit")
            .starts_with("expr.limit expression nests too deeply (limit 128)"));
}

TEST_CASE("YAML nested 100,000 deep is refused before yaml-cpp sees it") {
  Scratch scratch;
  std::string deep =
      kHeader + "parameters:\n  p:\n    type: string\n    value: " + std::string(100'000, '[') +
      std::string(100'000, ']') + "\n    cite: HY-ELIG-01\n";
  auto result = load(scratch.write("rules/ruleset.yaml", deep));
  CHECK_FALSE(result.ok());
  CHECK(first_with(result, "yaml.limit").starts_with("yaml.limit nesting deeper than 64 levels"));
}

TEST_CASE("a single 200 MB line is refused by size, without reading it whole") {
  Scratch scratch;
  fs::path file = scratch.root() / "rules" / "ruleset.yaml";
  {
    std::ofstream out(file, std::ios::binary);
    out << kHeader << "# ";
    std::string chunk(1 << 20, 'x');
    for (int i = 0; i < 200; ++i)
      out << chunk;
    out << "\n";
  }
  auto result = load(file);
  CHECK_FALSE(result.ok());
  CHECK(first_with(result, "yaml.limit").starts_with("yaml.limit the text is 209715"));
}

TEST_CASE("a byte-order mark opens a file") {
  Scratch scratch;
  auto start = load(
      scratch.write("rules/ruleset.yaml", "\xEF\xBB\xBF" + kHeader + decision("cadre.score > 0")));
  CHECK(start.ok());
}

TEST_CASE("NaN, infinities and integers beyond int64 in parameters are refused") {
  Scratch scratch;
  std::string text = kHeader + R"(parameters:
  a: {type: decimal, value: .nan, cite: HY-ELIG-01}
  b: {type: double, value: .inf, cite: HY-ELIG-01}
  c: {type: int, value: 99999999999999999999, cite: HY-ELIG-01}
  e: {type: decimal, value: 123456789012345678901234567890123456789012345, cite: HY-ELIG-01}
)" + decision("cadre.score > 0");
  auto result = load(scratch.write("rules/ruleset.yaml", text));
  CHECK_FALSE(result.ok());
  std::vector<std::string> lines;
  for (const auto& d : result.diagnostics)
    lines.push_back(d.code + " " + d.message);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] ==
        "load.type expected a decimal number for `value` of parameter `a`, found `.nan`");
  CHECK(result.diagnostics[0].help ==
        "NaN and infinities are not values a rule can use: give a finite number");
  CHECK(lines[1] == "load.type expected a number for `value` of parameter `b`, found `.inf`");
  CHECK(
      lines[2] ==
      "load.bad_value integer `99999999999999999999` for `value` of parameter `c` is out of range");
  CHECK(lines[3] ==
        "load.bad_value decimal `123456789012345678901234567890123456789012345` for `value` of "
        "parameter `e` is out of range");
}

TEST_CASE("an include through a symbolic link that leaves the root is refused") {
  Scratch scratch;
  scratch.write("outside/secret.yaml", decision("cadre.score > 0"));
  fs::create_directory_symlink(scratch.root() / "outside", scratch.root() / "rules" / "link");
  auto root = scratch.write("rules/ruleset.yaml", kHeader.substr(0, kHeader.find("sources:")) +
                                                      "  include: [link/secret.yaml]\n" +
                                                      kHeader.substr(kHeader.find("sources:")));
  auto result = load(root, scratch.root() / "rules");
  CHECK_FALSE(result.ok());
  CHECK(first_with(result, "load.outside_root").starts_with("load.outside_root"));
}

TEST_CASE("a rule set that extends itself is a cycle") {
  Scratch scratch;
  std::string text = kHeader;
  text.insert(text.find("sources:"), "  extends: ruleset.yaml\n");
  auto result = load(scratch.write("rules/ruleset.yaml", text + decision("cadre.score > 0")));
  CHECK_FALSE(result.ok());
  CHECK(first_with(result, "load.extends_cycle").starts_with("load.extends_cycle"));
}
