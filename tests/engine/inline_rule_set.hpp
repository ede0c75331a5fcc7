// A rule set written inside a test: its YAML text is written to a temporary
// folder, loaded, compiled and checked clean (a failure shows every
// diagnostic), then the folder is removed. Plus the small builders the engine
// tests share: records from maps, dates, joined lists.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"

namespace cadre::test {

class InlineRuleSet {
 public:
  explicit InlineRuleSet(const std::string& text) {
    namespace fs = std::filesystem;
    static int counter = 0;
    fs::path folder =
        fs::temp_directory_path() / ("cadre-engine-test-" + std::to_string(std::random_device{}()) +
                                     "-" + std::to_string(++counter));
    fs::create_directories(folder);
    std::ofstream(folder / "ruleset.yaml") << text;
    auto loaded = load_ruleset(folder);
    fs::remove_all(folder);
    std::string problems;
    for (const auto& d : loaded.diagnostics)
      problems += format_diagnostic(d) + "\n";
    INFO(problems);
    REQUIRE(loaded.ok());
    engine_.emplace(*loaded.ruleset);
  }

  const Engine& engine() const { return *engine_; }

  /// `fields` typed as a record of `kind`, as the engine binds it.
  RecordValue record(const std::string& kind, MapValue fields) const {
    Activation facts(cadre::internal::impl_of(engine_->rules()).environment);
    std::string problem = facts.bind(kind, Value(std::move(fields)));
    INFO(problem);
    REQUIRE(problem.empty());
    return cadre::internal::bound_slot(
               facts, cadre::internal::impl_of(engine_->rules()).record_slots.at(kind))
        ->as_record();
  }

  /// Decision `id` for one record of `kind`, alone.
  DecisionResult decide(const std::string& kind, const std::string& id, MapValue fields,
                        Date as_of) const {
    auto results = engine_->evaluate(record(kind, std::move(fields)), {}, as_of);
    for (auto& result : results) {
      if (result.id == id) return result;
    }
    FAIL("no decision " << id);
    return {};
  }

 private:
  std::optional<Engine> engine_;
};

inline Date day(const char* text) {
  auto parsed = Date::parse(text);
  REQUIRE(parsed.has_value());
  return parsed ? *parsed : Date();
}

inline MapValue fields(std::initializer_list<std::pair<const char*, Value>> entries) {
  MapValue map;
  for (const auto& [name, value] : entries)
    map.set(name, value);
  return map;
}

inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace cadre::test
