// Tests of docs/impact.schema.json, the JSON of `cadre-policy diff`: it loads
// with the keywords the validator knows, its copies of the decisions
// schema's definitions have not drifted, the renderer's output for a
// hand-built impact (with and without a population) conforms, and documents
// broken in one way each are rejected at their pointer. (The tool's real
// output is checked by CTest, `schema_validate_diff`.)
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "json_schema.hpp"
#include "render/impact.hpp"
#include "tests/render/impact_sample.hpp"

namespace cadre::testing {
namespace {

namespace json = boost::json;

std::string joined_errors(const std::vector<SchemaError>& errors) {
  std::string out;
  for (const SchemaError& error : errors)
    out += (out.empty() ? "" : "\n") + to_string(error);
  return out;
}

const JsonSchema& impact_schema() {
  static const JsonSchema schema = [] {
    SchemaLoad load = load_schema_file(CADRE_IMPACT_SCHEMA);
    INFO(joined_errors(load.issues));
    REQUIRE(load.schema.has_value());
    return *load.schema;
  }();
  return schema;
}

json::value read_json(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

json::value sample_json() {
  return json::parse(render::impact_json(sample_impact()));
}

}  // namespace

TEST_CASE("impact schema: it loads with the validator's keywords") {
  SchemaLoad load = load_schema_file(CADRE_IMPACT_SCHEMA);
  CHECK(joined_errors(load.issues) == "");
}

TEST_CASE("impact schema: the definitions it copies are the decisions schema's") {
  const json::value impact = read_json(CADRE_IMPACT_SCHEMA);
  const json::value decisions = read_json(CADRE_DECISIONS_SCHEMA);
  int copies = 0;
  for (const auto& [name, definition] : impact.at("$defs").as_object()) {
    const auto* original = decisions.at("$defs").as_object().if_contains(name);
    if (original == nullptr) continue;
    INFO(std::string(name));
    CHECK(definition == *original);
    ++copies;
  }
  CHECK(copies == 14);
}

TEST_CASE("impact schema: the renderer's output conforms") {
  CHECK(joined_errors(impact_schema().validate(sample_json())) == "");
  diff::VariantImpact bare = sample_impact();
  bare.population.reset();
  bare.items.clear();
  CHECK(joined_errors(impact_schema().validate(json::parse(render::impact_json(bare)))) == "");
}

TEST_CASE("impact schema: documents broken in one way are rejected where they break") {
  struct Broken {
    const char* name;
    std::function<void(json::value&)> breaks;
    std::string pointer;
  };
  const Broken broken[] = {
      {"an extra key", [](json::value& v) { v.as_object()["warnings"] = json::array(); },
       "/warnings"},
      {"a missing key", [](json::value& v) { v.as_object().erase("reach"); }, ""},
      {"a bad item kind",
       [](json::value& v) { v.at_pointer("/items/0").as_object()["kind"] = "rule"; },
       "/items/0/kind"},
      {"a bad reach status",
       [](json::value& v) { v.at_pointer("/reach/decisions/0").as_object()["status"] = "same"; },
       "/reach/decisions/0/status"},
      {"an added result with a before",
       [](json::value& v) {
         auto& change = v.at_pointer("/population/changes/0").as_object();
         change["what"] = "added";
       },
       "/population/changes/0/before"},
      {"a delta that is not exact decimal text",
       [](json::value& v) { v.at_pointer("/population/money/0").as_object()["delta"] = -600.0; },
       "/population/money/0/delta"},
      {"a negative count",
       [](json::value& v) { v.at_pointer("/population").as_object()["records_read"] = -1; },
       "/population/records_read"},
      {"a move to no outcome",
       [](json::value& v) {
         v.at_pointer("/population/decisions/0/moves/0").as_object()["to"] = "better";
       },
       "/population/decisions/0/moves/0/to"},
  };
  for (const Broken& one : broken) {
    INFO(std::string(one.name));
    json::value document = sample_json();
    one.breaks(document);
    const auto errors = impact_schema().validate(document);
    REQUIRE_FALSE(errors.empty());
    bool at_pointer = false;
    for (const auto& error : errors)
      at_pointer = at_pointer || error.pointer == one.pointer;
    INFO(joined_errors(errors));
    CHECK(at_pointer);
  }
}

}  // namespace cadre::testing
