// The JSON writer of `eval`'s output writes what Boost.JSON's serializer
// writes for the same values, byte for byte: every ASCII character in a
// string, multi-byte UTF-8, numbers, and nesting.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <string>

#include "render/json_writer.hpp"

namespace cadre::render {
namespace {

std::string written_string(std::string_view text) {
  std::string out;
  JsonWriter(out).string(text);
  return out;
}

TEST_CASE("strings are escaped as Boost.JSON escapes them") {
  for (int byte = 0; byte < 128; ++byte) {
    const std::string text = "a" + std::string(1, static_cast<char>(byte)) + "b";
    CAPTURE(byte);
    CHECK(written_string(text) == boost::json::serialize(boost::json::string(text)));
  }
  for (const char* text : {"", "优秀", "𠮷 é", "\"\\/", "\x7F"}) {
    CHECK(written_string(text) == boost::json::serialize(boost::json::string(text)));
  }
}

TEST_CASE("numbers, literals and nesting") {
  std::string out;
  JsonWriter writer(out);
  writer.begin_object();
  writer.key("a");
  writer.begin_array();
  writer.integer(-9223372036854775807 - 1);
  writer.real(0.25);
  writer.real(3.0);
  writer.boolean(true);
  writer.null();
  writer.begin_object();
  writer.end_object();
  writer.begin_array();
  writer.end_array();
  writer.end_array();
  writer.key("b");
  writer.begin_object();
  writer.key("c");
  writer.string("d");
  writer.end_object();
  writer.end_object();
  boost::json::value expected = {{"a",
                                  {-9223372036854775807 - 1, 0.25, 3.0, true, nullptr,
                                   boost::json::object(), boost::json::array()}},
                                 {"b", {{"c", "d"}}}};
  CHECK(out == boost::json::serialize(expected));
}

}  // namespace
}  // namespace cadre::render
