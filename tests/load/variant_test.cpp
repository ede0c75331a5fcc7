// Variants: a rule set that `extends` another, merged onto it. Overrides,
// switch settings, replacements, removals and additions; chains of variants;
// and every error a variant can make.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixture.hpp"
#include "load/loader.hpp"

namespace cadre::load {
namespace {

using testing::check_lines;
using testing::TempRuleSet;

constexpr std::string_view kBase = R"yaml(ruleset:
  id: hy
  version: 1.0.0
  title: {zh: 衡阳}
  jurisdiction: 衡阳市
  valid: {from: 2019-01-01}
  include: [decisions.yaml]
schema:
  enums:
    grade: {values: [优秀, 称职]}
  records:
    cadre: {belongs_to: {village: village_id}, fields: {id: string, village_id: string}}
parameters:
  hy.mult: {type: decimal, key: grade, table: {优秀: 1.20, 称职: unspecified}, cite: HY-PAY-02}
  hy.period: {type: int, value: 3, cite: HY-WARN-02}
switches:
  hy.leiyang_period: {values: [month]}
tests:
  - {name: base test, as_of: 2019-01-01, records: {}, expect: {}}
)yaml";

constexpr std::string_view kBaseDecisions = R"yaml(decisions:
  - {id: hy.referral, kind: exit, cite: HY-OTHER-01, actions: [referral], trigger: {id: t, when: a}}
  - {id: hy.recruitment_preference, kind: eligibility, cite: HY-BEN-01, all: [{id: c, when: b}]}
  - {id: hy.pay, kind: pay, cite: HY-PAY-02, components: [{id: p, formula: x}]}
)yaml";

/// A base rule set in hy/ and the caller's root at the folder holding it.
class VariantSet {
 public:
  VariantSet() {
    set.write("hy/ruleset.yaml", kBase);
    set.write("hy/decisions.yaml", kBaseDecisions);
  }
  LoadResult load(std::string_view variant) const {
    set.write("leiyang/ruleset.yaml", variant);
    return set.load("leiyang/ruleset.yaml", {set.dir()});
  }

  TempRuleSet set;
};

std::vector<std::string> decision_ids(const model::RuleSet& rules) {
  std::vector<std::string> ids;
  for (const model::Decision& decision : rules.decisions)
    ids.push_back(decision.id);
  return ids;
}

TEST_CASE("a variant overrides, sets, replaces, disables and adds") {
  VariantSet variant;
  const LoadResult result = variant.load(R"yaml(ruleset:
  id: leiyang
  version: 1.0.0
  extends: ../hy/ruleset.yaml
variant:
  parameters:
    hy.mult: {table: {称职: 1.00}}
    hy.period: {value: 4, cite: LY-1}
  switches:
    hy.leiyang_period: month
  replace:
    - {id: hy.referral, kind: exit, cite: HY-OTHER-01, actions: [referral, dismissal], trigger: {id: t, when: b}}
  disable: [hy.recruitment_preference]
parameters:
  hy.leiyang_min_days: {type: int, value: 22, cite: HY-DUTY-04}
switches:
  ly.scope: {values: [a, b], default: a}
lists:
  ly.situations: {size: 3}
derived:
  ly.days: {expr: cadre.attendance_days, cite: HY-DUTY-04}
schema:
  enums:
    ly_grade: {values: [好, 差]}
  records:
    cadre: {fields: {attendance_days: int}}
    team: {fields: {id: string}}
decisions:
  - {id: leiyang.extra, kind: exit, cite: HY-EXIT-03, actions: [recall], trigger: {id: t, when: c}}
tests:
  - {name: variant test, as_of: 2019-01-01, records: {}, expect: {}}
)yaml");
  check_lines(variant.set.lines(result), {});
  REQUIRE(result.ruleset != nullptr);
  const model::RuleSet& rules = result.ruleset->rules;

  CHECK(rules.metadata.id == "leiyang");
  CHECK(rules.metadata.title.zh == "衡阳");
  CHECK(rules.metadata.valid_from->to_string() == "2019-01-01");
  CHECK(rules.metadata.extends == "../hy/ruleset.yaml");

  const model::Parameter& mult = rules.parameters[0];
  REQUIRE(mult.table.size() == 2);
  CHECK(mult.table[0].first == "优秀");
  CHECK(mult.table[0].second.text == "1.20");
  CHECK(mult.table[1].first == "称职");
  CHECK(mult.table[1].second.text == "1.00");
  CHECK_FALSE(mult.table[1].second.unspecified);
  CHECK(mult.cite.provision == "HY-PAY-02");
  CHECK(rules.parameters[1].value.text == "4");
  CHECK(rules.parameters[1].cite.provision == "LY-1");
  CHECK(rules.parameters[2].id == "hy.leiyang_min_days");

  CHECK(rules.switches[0].default_value == "month");
  CHECK(decision_ids(rules) == std::vector<std::string>{"hy.referral", "hy.pay", "leiyang.extra"});
  CHECK(rules.decisions[0].actions.size() == 2);
  CHECK(rules.schema.records[0].fields.size() == 3);
  CHECK(rules.schema.records[1].id == "team");
  CHECK(rules.schema.enums.back().id == "ly_grade");
  CHECK(rules.switches.back().id == "ly.scope");
  CHECK(rules.lists.back().id == "ly.situations");
  CHECK(rules.derived.back().id == "ly.days");
  REQUIRE(rules.tests.size() == 1);
  CHECK(rules.tests[0].name == "variant test");
  CHECK(rules.variant.disable.size() == 1);

  std::vector<std::string> files;
  for (const auto& file : result.ruleset->files)
    files.push_back(variant.set.relative(file.string()));
  CHECK(files ==
        std::vector<std::string>{"hy/ruleset.yaml", "hy/decisions.yaml", "leiyang/ruleset.yaml"});
}

TEST_CASE("a variant may extend a rule set outside its folder only if the caller allows it") {
  VariantSet variant;
  variant.set.write("leiyang/ruleset.yaml",
                    "ruleset: {id: l, version: 1, extends: ../hy/ruleset.yaml}\n"
                    "variant: {switches: {hy.leiyang_period: month}}\n");
  const LoadResult result = variant.set.load("leiyang/ruleset.yaml");
  check_lines(
      variant.set.lines(result),
      {"leiyang/ruleset.yaml:1:39: error: extended rule set `../hy/ruleset.yaml` is outside "
       "the rule-set root `leiyang` [load.outside_root]"});
  CHECK(result.ruleset == nullptr);
}

TEST_CASE("what a variant cannot do") {
  VariantSet variant;
  const LoadResult result = variant.load(R"yaml(ruleset:
  id: leiyang
  version: 1.0.0
  extends: ../hy/ruleset.yaml
variant:
  parameters:
    hy.mutl: {value: 1}
    hy.period: {value: 3.5}
  switches:
    hy.leiyang_period: week
    hy.nope: x
  replace:
    - {id: hy.nope, kind: exit, cite: X-1, actions: [recall], trigger: {id: t, when: a}}
  disable: [hy.gone, hy.pay, hy.pay]
parameters:
  hy.period: {type: int, value: 5, cite: X-1}
derived:
  hy.pay: {expr: '1', cite: X-1}
decisions:
  - {id: hy.referral, kind: exit, cite: X-1, actions: [recall], trigger: {id: t, when: a}}
schema:
  enums: {grade: {values: [x]}}
  records: {cadre: {fields: {id: string}}}
)yaml");
  check_lines(
      variant.set.lines(result),
      {"leiyang/ruleset.yaml:7:5: error: cannot override parameter `hy.mutl`: the base rule set "
       "does not define it [load.variant_unknown_id]",
       "leiyang/ruleset.yaml:8:24: error: expected an integer in the override of parameter "
       "`hy.period` (of type `int`), found `3.5` [load.type]",
       "leiyang/ruleset.yaml:10:24: error: `week` is not a value of switch `hy.leiyang_period` "
       "[load.bad_value]",
       "leiyang/ruleset.yaml:11:5: error: cannot set switch `hy.nope`: the base rule set does not "
       "define it [load.variant_unknown_id]",
       "leiyang/ruleset.yaml:13:7: error: cannot replace decision `hy.nope`: the base rule set "
       "does not define it [load.variant_unknown_id]",
       "leiyang/ruleset.yaml:14:13: error: cannot disable decision `hy.gone`: the base rule set "
       "does not define it [load.variant_unknown_id]",
       "leiyang/ruleset.yaml:14:30: error: duplicate disabling of decision `hy.pay` "
       "[load.duplicate_id]",
       "leiyang/ruleset.yaml:16:3: error: parameter `hy.period` is already defined by the base "
       "rule set [load.variant_redefines]",
       "leiyang/ruleset.yaml:18:3: error: derived value `hy.pay` uses the id of a decision of the "
       "base rule set [load.variant_redefines]",
       "leiyang/ruleset.yaml:20:5: error: decision `hy.referral` is already defined by the base "
       "rule set [load.variant_redefines]",
       "leiyang/ruleset.yaml:22:11: error: enum `grade` is already defined by the base rule set "
       "[load.variant_redefines]",
       "leiyang/ruleset.yaml:23:30: error: field `id` of record kind `cadre` is already defined "
       "by the base rule set [load.variant_redefines]"});
  const auto helps = variant.set.helps(result);
  CHECK(helps[0] == "did you mean `hy.mult`?");
  CHECK(helps[2] == "expected one of `month`");
  CHECK(helps[7] == "override it under `variant.parameters`");
  CHECK(helps[9] == "replace it under `variant.replace`");
}

TEST_CASE("a table override needs a table, and a variant that changes nothing is warned about") {
  VariantSet variant;
  SUBCASE("table onto a scalar") {
    check_lines(variant.set.lines(variant.load("ruleset: {id: l, version: 1, extends: "
                                               "../hy/ruleset.yaml}\n"
                                               "variant:\n  parameters:\n"
                                               "    hy.period: {table: {a: 1}}\n")),
                {"leiyang/ruleset.yaml:4:5: error: cannot override parameter `hy.period` with "
                 "`table`: it is not a table in the base rule set [load.variant_form]"});
  }
  SUBCASE("an enum named like a record kind of the base") {
    check_lines(variant.set.lines(variant.load("ruleset: {id: l, version: 1, extends: "
                                               "../hy/ruleset.yaml}\n"
                                               "schema: {enums: {cadre: {values: [y]}}}\n")),
                {"leiyang/ruleset.yaml:2:18: error: enum `cadre` uses the id of a record kind of "
                 "the base rule set [load.variant_redefines]"});
  }
  SUBCASE("an empty variant") {
    const LoadResult result = variant.load(
        "ruleset: {id: l, version: 1, extends: ../hy/ruleset.yaml}\nvariant: {}\n"
        "tests:\n  - {name: only a test, as_of: 2019-01-01, records: {}, expect: {}}\n");
    check_lines(variant.set.lines(result),
                {"leiyang/ruleset.yaml:1:39: warning: variant `l` changes nothing in the rule set "
                 "it extends [load.variant_empty]"});
    REQUIRE(result.ruleset != nullptr);
    CHECK(result.ruleset->rules.decisions.size() == 3);
  }
}

TEST_CASE("variants of variants, and extends cycles") {
  VariantSet variant;
  SUBCASE("a chain applies each variant to the merged base below it") {
    variant.set.write("b/ruleset.yaml",
                      "ruleset: {id: b, version: 1, extends: ../hy/ruleset.yaml}\n"
                      "variant: {parameters: {hy.period: {value: 4}}}\n"
                      "parameters:\n  b.p: {type: int, value: 1, cite: B-1}\n");
    const LoadResult result = variant.load(
        "ruleset: {id: c, version: 1, extends: ../b/ruleset.yaml}\n"
        "variant:\n  parameters: {b.p: {value: 2}}\n  disable: [hy.referral]\n");
    check_lines(variant.set.lines(result), {});
    REQUIRE(result.ruleset != nullptr);
    const model::RuleSet& rules = result.ruleset->rules;
    CHECK(rules.metadata.id == "c");
    CHECK(rules.parameters[1].value.text == "4");
    CHECK(rules.parameters[2].value.text == "2");
    CHECK(decision_ids(rules) == std::vector<std::string>{"hy.recruitment_preference", "hy.pay"});
    CHECK(rules.variant.parameters.size() == 2);
    CHECK(result.ruleset->files.size() == 4);
    CHECK(variant.set.relative(result.ruleset->files.back().string()) == "leiyang/ruleset.yaml");
  }
  SUBCASE("a cycle") {
    variant.set.write("b/ruleset.yaml",
                      "ruleset: {id: b, version: 1, extends: ../leiyang/ruleset.yaml}\n");
    check_lines(variant.set.lines(
                    variant.load("ruleset: {id: c, version: 1, extends: ../b/ruleset.yaml}\n")),
                {"b/ruleset.yaml:1:39: error: `extends` cycle: `leiyang/ruleset.yaml` → "
                 "`b/ruleset.yaml` → `leiyang/ruleset.yaml` [load.extends_cycle]"});
  }
  SUBCASE("a rule set that extends itself") {
    check_lines(
        variant.set.lines(variant.load("ruleset: {id: c, version: 1, extends: ruleset.yaml}\n")),
        {"leiyang/ruleset.yaml:1:39: error: `extends` cycle: `leiyang/ruleset.yaml` → "
         "`leiyang/ruleset.yaml` [load.extends_cycle]"});
  }
  SUBCASE("a missing base") {
    check_lines(variant.set.lines(
                    variant.load("ruleset: {id: c, version: 1, extends: ../nope/ruleset.yaml}\n")),
                {"leiyang/ruleset.yaml:1:39: error: extended rule set `../nope/ruleset.yaml` does "
                 "not exist (looked for `nope/ruleset.yaml`) [load.missing_file]"});
  }
}

}  // namespace
}  // namespace cadre::load
