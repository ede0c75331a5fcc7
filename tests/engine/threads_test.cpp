// Many threads deciding through one compiled rule set (the library's promise:
// a CompiledRuleSet and an Engine are immutable and shared): each thread must
// give byte for byte the output one thread gives, over the mechanisms that
// keep per-evaluation state — group values at barriers, results per key,
// decisions at each possible value of an unknown, hints, stand-ins for
// unreadable records. Run under ThreadSanitizer with CADRE_SANITIZE=thread
// (docs/building.md); in every build it checks the outputs agree.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cadre/engine.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"

namespace {

namespace fs = std::filesystem;

std::string decide_all(const cadre::Engine& engine, const cadre::RecordBatch& batch,
                       cadre::Date as_of, bool explain) {
  std::string out;
  for (const auto& output : engine.evaluate_batch(batch, as_of, {.explain = explain}))
    out += cadre::to_json_line(output, engine.rules(), as_of) + "\n";
  return out;
}

struct Case {
  const char* ruleset;
  const char* records;
  const char* as_of;
};

}  // namespace

TEST_CASE("eight threads sharing one engine decide exactly as one thread does") {
  const fs::path tests = fs::path(CADRE_TEST_DATA_DIR) / "..";
  const Case cases[] = {
      {"cases/group-values", "data/eval/unreadable-member.jsonl", "2019-01-20"},
      {"cases/quota-base", "data/eval/unreadable-candidate.jsonl", "2019-01-20"},
      {"cases/possible-values", "data/eval/possible.jsonl", "2017-03-01"},
      {"cases/keyed", "data/eval/keyed.jsonl", "2022-01-15"},
      {"cases/warning", "data/eval/warning.jsonl", "2019-02-27"},
  };
  for (const Case& c : cases) {
    INFO(c.ruleset);
    auto loaded = cadre::load_ruleset(tests / c.ruleset);
    REQUIRE(loaded.ok());
    const cadre::Engine engine(*loaded.ruleset);
    const auto batch = cadre::read_records(tests / c.records, *loaded.ruleset);
    const auto as_of = *cadre::Date::parse(c.as_of);
    for (bool explain : {true, false}) {
      const std::string reference = decide_all(engine, batch, as_of, explain);
      std::vector<std::string> seen(8);
      std::vector<std::thread> threads;
      for (std::size_t t = 0; t < seen.size(); ++t) {
        threads.emplace_back([&, t] {
          for (int round = 0; round < 10; ++round)
            seen[t] = decide_all(engine, batch, as_of, explain);
        });
      }
      for (auto& thread : threads)
        thread.join();
      for (const auto& text : seen)
        CHECK(text == reference);
    }
  }
}
