// Tests of YAML → JSON as an editor's YAML language server types it: plain
// scalars by the YAML 1.2 core schema, quoted and block scalars as strings.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <cmath>

#include "yaml_json.hpp"

namespace cadre::testing {
namespace {

namespace json = boost::json;

std::string text_of(const std::string& yaml) {
  return json::serialize(yaml_to_json(yaml));
}

}  // namespace

TEST_CASE("plain scalars: null, bool, int, float by the core schema, else string") {
  for (const char* word : {"~", "null", "Null", "NULL", ""})
    CHECK(core_scalar(word).is_null());
  CHECK(core_scalar("true") == json::value(true));
  CHECK(core_scalar("False") == json::value(false));
  CHECK(core_scalar("yes") == json::value("yes"));  // YAML 1.1's booleans are strings
  CHECK(core_scalar("12") == json::value(12));
  CHECK(core_scalar("+12") == json::value(12));
  CHECK(core_scalar("-3") == json::value(-3));
  CHECK(core_scalar("0x1F") == json::value(31));
  CHECK(core_scalar("0o17") == json::value(15));
  CHECK(core_scalar("1.20") == json::value(1.2));
  CHECK(core_scalar("1e3") == json::value(1000.0));
  CHECK(std::isinf(core_scalar("-.inf").as_double()));
  CHECK(std::isnan(core_scalar(".nan").as_double()));
  CHECK(core_scalar("99999999999999999999").is_double());
  CHECK(core_scalar("2019-01-01") == json::value("2019-01-01"));  // dates stay text
  CHECK(core_scalar("1.0.0") == json::value("1.0.0"));
  CHECK(core_scalar("优秀") == json::value("优秀"));
}

TEST_CASE("documents: quoted and block scalars are strings, keys are strings") {
  CHECK(text_of("a: '12'\nb: \"true\"\nc: 12\n2018: x\n") ==
        R"({"a":"12","b":"true","c":12,"2018":"x"})");
  CHECK(text_of("when: |\n  a > 1\nlist: [1, x, ~]\nempty:\n") ==
        R"({"when":"a > 1\n","list":[1,"x",null],"empty":null})");
  CHECK(yaml_to_json("# only a comment\n").is_null());
}

}  // namespace cadre::testing
