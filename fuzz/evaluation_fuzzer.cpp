// Fuzz target of evaluation: the first byte picks one of the repository's
// rule sets (kRuleSets), the rest is a YAML records file for it. Its records
// are decided as one population (Engine::evaluate_batch) with and without
// explanations, and rendered as the JSON Lines of `cadre-policy eval`. Any
// records must give one output per record — never a crash, a hang or an
// out-of-bounds read — and a bulk run must decide as an explained one does
// (the same outcome, value, reason codes and number of possible values).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

#include "cadre/output.hpp"
#include "engine/conditions.hpp"
#include "fuzz_support.hpp"

namespace {

struct FixedRuleSet {
  std::string_view path;  ///< relative to the source tree
  std::string_view as_of;
};

// Rule sets covering the engine's capabilities (docs/rules.md), each with a
// date inside its validity. Appending keeps the corpus' first bytes meaning
// what they meant; reordering does not.
constexpr FixedRuleSet kRuleSets[] = {
    {"fuzz/rules/records", "2019-02-20"},
    {"tests/data/hengyang-example", "2019-02-27"},
    {"tests/data/hengyang-example/leiyang.yaml", "2019-02-27"},
    {"tests/cases/group-values", "2019-01-20"},
    {"tests/cases/keyed", "2022-06-30"},
    {"tests/cases/possible-values", "2017-03-01"},
    {"tests/cases/history", "2019-02-20"},
    {"tests/cases/warning", "2019-02-27"},
    {"tests/cases/flags", "2017-12-31"},
    {"tests/cases/gates", "2021-09-01"},
    {"tests/cases/quota-base", "2019-01-20"},
    {"tests/cases/open-scales/county.yaml", "2019-01-20"},
    {"bench/peer-policy", "2024-12-31"},
    {"tests/rulesets/good/allocation-tiers", "2024-05-01"},
    {"tests/cases/exact-values", "2024-01-02"},
    {"tests/rulesets/good/decision-tables", "2019-03-01"},
    {"tests/cases/value-types", "2019-01-01"},
};

void fail(const std::string& what) {
  std::fprintf(stderr, "evaluation_fuzzer: %s\n", what.c_str());
  std::abort();
}

// A bulk run must decide every record as the explained run does.
void compare(const std::vector<cadre::RecordOutput>& explained,
             const std::vector<cadre::RecordOutput>& quiet) {
  if (explained.size() != quiet.size()) fail("a different number of outputs without explanations");
  for (std::size_t r = 0; r < explained.size(); ++r) {
    const auto& a = explained[r].decisions;
    const auto& b = quiet[r].decisions;
    if (explained[r].record != quiet[r].record || a.size() != b.size())
      fail(explained[r].record + ": different decisions without explanations");
    for (std::size_t d = 0; d < a.size(); ++d) {
      const bool same =
          a[d].id == b[d].id && a[d].outcome == b[d].outcome &&
          cadre::engine::plain_text(a[d].value) == cadre::engine::plain_text(b[d].value) &&
          a[d].undetermined == b[d].undetermined && a[d].possible.size() == b[d].possible.size();
      if (!same) {
        fail(explained[r].record + " " + a[d].id + ": without explanations " +
             cadre::outcome_name(b[d].outcome) + " " + cadre::engine::plain_text(b[d].value) +
             ", with " + cadre::outcome_name(a[d].outcome) + " " +
             cadre::engine::plain_text(a[d].value));
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const FixedRuleSet& fixed = kRuleSets[data[0] % std::size(kRuleSets)];
  const cadre::CompiledRuleSet& rules = cadre::fuzz::fixed_ruleset(fixed.path);
  const cadre::Date as_of = *cadre::Date::parse(fixed.as_of);
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const cadre::RecordBatch batch =
      cadre::fuzz::read_records_text(rules, std::move(text), cadre::RecordFormat::yaml);
  const cadre::Engine engine(rules);
  const auto explained = engine.evaluate_batch(batch, as_of);
  const auto quiet = engine.evaluate_batch(batch, as_of, {.explain = false});
  compare(explained, quiet);
  for (const auto& output : explained)
    cadre::to_json_line(output, rules, as_of);
  for (const auto& output : quiet)
    cadre::to_json_line(output, rules, as_of);
  return 0;
}
