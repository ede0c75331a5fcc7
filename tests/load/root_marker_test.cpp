// The top of a rules tree: a `.cadre-root` marker lets a county's variant
// extend its city's rules in a sibling folder with no option given, while
// nothing above the marker can be reached; and `abstract: true` for a rule
// set of shared vocabulary that others extend.
#include <doctest/doctest.h>

#include "fixture.hpp"
#include "load/loader.hpp"

namespace cadre::load {
namespace {

using testing::TempRuleSet;

constexpr std::string_view kCity = R"yaml(ruleset:
  id: city
  version: 1.0.0
  valid: {from: 2019-01-01}
sources:
  HY: {title: {en: city}, nature: normative}
schema:
  records:
    cadre: {fields: {id: string, score: int}}
decisions:
  - {id: city.ok, kind: eligibility, subject: cadre, cite: HY-ELIG-01, all: [{id: c, when: cadre.score > 1}]}
)yaml";

constexpr std::string_view kCounty = R"yaml(ruleset:
  id: county
  version: 1.0.0
  extends: ../city/ruleset.yaml
decisions:
  - {id: county.ok, kind: eligibility, subject: cadre, cite: HY-ELIG-01, all: [{id: c, when: cadre.score > 2}]}
)yaml";

std::string codes(const LoadResult& result) {
  std::string all;
  for (const auto& d : result.diagnostics)
    all += d.code + " ";
  return all;
}

TEST_CASE("without a marker a variant cannot reach its city beside it") {
  TempRuleSet rules;
  rules.write("rules/city/ruleset.yaml", kCity);
  rules.write("rules/county/ruleset.yaml", kCounty);
  const LoadResult result = rules.load("rules/county/ruleset.yaml");
  CHECK(result.ruleset == nullptr);
  CHECK(codes(result) == "load.outside_root ");
}

TEST_CASE("a marker at the top of the rules tree lets it, with no option") {
  TempRuleSet rules;
  rules.write("rules/.cadre-root", "");
  rules.write("rules/city/ruleset.yaml", kCity);
  rules.write("rules/county/ruleset.yaml", kCounty);
  const LoadResult result = rules.load("rules/county/ruleset.yaml");
  REQUIRE_MESSAGE(result.ruleset != nullptr, codes(result));
  CHECK(result.ruleset->rules.decisions.size() == 2);
}

TEST_CASE("nothing above the marker can be reached") {
  TempRuleSet rules;
  rules.write("rules/.cadre-root", "");
  rules.write("city/ruleset.yaml", kCity);
  std::string county(kCounty);
  county.replace(county.find("../city"), 7, "../../city");
  rules.write("rules/county/ruleset.yaml", county);
  const LoadResult result = rules.load("rules/county/ruleset.yaml");
  CHECK(result.ruleset == nullptr);
  CHECK(codes(result) == "load.outside_root ");
  CHECK(rules.relative(result.diagnostics.at(0).message).find("`rules/county/..`") ==
        std::string::npos);
}

TEST_CASE("an option given wins over the marker") {
  TempRuleSet rules;
  rules.write("rules/.cadre-root", "");
  rules.write("rules/city/ruleset.yaml", kCity);
  rules.write("rules/county/ruleset.yaml", kCounty);
  LoadOptions options;
  options.allowed_root = rules.path("rules/county");
  const LoadResult result = rules.load("rules/county/ruleset.yaml", options);
  CHECK(result.ruleset == nullptr);
  CHECK(codes(result) == "load.outside_root ");
}

TEST_CASE("an abstract rule set is read and not inherited by what extends it") {
  TempRuleSet rules;
  rules.write("rules/.cadre-root", "");
  std::string base(kCity);
  base.replace(base.find("valid:"), 0, "abstract: true\n  ");
  base.erase(base.find("decisions:"));
  rules.write("rules/city/ruleset.yaml", base);
  rules.write("rules/county/ruleset.yaml", kCounty);
  const LoadResult abstract = rules.load("rules/city/ruleset.yaml");
  REQUIRE_MESSAGE(abstract.ruleset != nullptr, codes(abstract));
  CHECK(abstract.ruleset->rules.metadata.abstract);
  const LoadResult county = rules.load("rules/county/ruleset.yaml");
  REQUIRE_MESSAGE(county.ruleset != nullptr, codes(county));
  CHECK_FALSE(county.ruleset->rules.metadata.abstract);
}

}  // namespace
}  // namespace cadre::load
