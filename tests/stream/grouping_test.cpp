// Which records a rule set needs together (src/stream/grouping.hpp), for the
// bundled rule sets: the kinds kept while a file is streamed, the members of
// groups, and the group kind a part holds whole.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "../engine/inline_rule_set.hpp"
#include "cadre/ruleset.hpp"
#include "core/access.hpp"
#include "stream/evaluate_stream.hpp"
#include "stream/grouping.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kRules = fs::path(CADRE_TEST_DATA_DIR) / ".." / ".." / "rules";

std::string group_kind(const cadre::CompiledRuleSet& rules) {
  const cadre::stream::Grouping grouping =
      cadre::stream::grouping_of(cadre::internal::impl_of(rules));
  if (!grouping.refusal.empty()) return "refused: " + grouping.refusal;
  return grouping.group_kind < 0 ? "none"
                                 : grouping.names[static_cast<std::size_t>(grouping.group_kind)];
}

}  // namespace

TEST_CASE("the bundled rule sets decide over towns, districts, or nothing over a group") {
  const std::pair<const char*, const char*> expected[] = {
      {"hengyang", "town"},  // 20 % 优秀 in a town; reserves of a village
      {"hengyang-leiyang", "town"},
      {"hedong-first-secretary", "district"},  // a district's first secretaries
      {"jinwan", "district"},                  // a district's reserves, by village
      {"heping", "town"},
      {"professional-secretary", "town"},
      {"tutorial-city", "none"},  // nothing over a group: parts are runs of records
  };
  for (const auto& [name, kind] : expected) {
    INFO(std::string(name));
    auto loaded = cadre::load_ruleset(kRules / name);
    REQUIRE(loaded.ok());
    CHECK(group_kind(*loaded.ruleset) == std::string(kind));
    CHECK(cadre::stream::stream_refusal(*loaded.ruleset).empty());
  }
}

TEST_CASE("the kinds others belong to are kept, the members are known") {
  auto loaded = cadre::load_ruleset(kRules / "hengyang");
  REQUIRE(loaded.ok());
  const auto grouping = cadre::stream::grouping_of(cadre::internal::impl_of(*loaded.ruleset));
  auto index = [&](const std::string& kind) {
    for (std::size_t k = 0; k < grouping.names.size(); ++k)
      if (grouping.names[k] == kind) return k;
    FAIL("no kind " << kind);
    return std::size_t{0};
  };
  CHECK(grouping.held[index("town")]);
  CHECK(grouping.held[index("village")]);
  CHECK(grouping.held[index("district")]);
  CHECK_FALSE(grouping.held[index("cadre")]);
  CHECK(grouping.member[index("cadre")]);
  CHECK_FALSE(grouping.member[index("village")]);
  CHECK(grouping.within(static_cast<int>(index("cadre")), static_cast<int>(index("town"))));
  CHECK_FALSE(grouping.within(static_cast<int>(index("town")), static_cast<int>(index("cadre"))));
}

TEST_CASE("an allocation grouped by anything but a key cannot be streamed") {
  cadre::test::InlineRuleSet rules(R"(
ruleset: {id: stream.grouped_by_score, version: 1.0.0, valid: {from: 2015-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    cadre:
      fields:
        id: {type: string, required: true}
        score: int
decisions:
  - id: top
    kind: allocation
    subject: cadre
    cite: HY-ASSESS-03
    allocation:
      group_by: cadre.score / 10
      rank_by: [{expr: cadre.score, order: desc}]
      quota: {count: 1}
)");
  const std::string refusal = cadre::stream::stream_refusal(rules.engine().rules());
  CHECK(refusal.find("the allocation `top` groups its records by `cadre.score / 10`") !=
        std::string::npos);
}
