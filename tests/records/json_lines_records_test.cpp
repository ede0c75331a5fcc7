// Tests of JSON Lines records files: one record per non-blank line, errors at
// the line they are on, and malformed lines that do not stop the others.
#include <doctest/doctest.h>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::diagnostics;
using testing::errors;
using testing::field;
using testing::read;

TEST_CASE("one record per line; blank lines skipped; CRLF and a BOM accepted") {
  RecordBatch batch = read("r.jsonl",
                           "\xEF\xBB\xBF{\"id\": \"c1\", \"salary\": 3000.10}\r\n"
                           "\r\n"
                           "   \n"
                           "{\"kind\": \"village\", \"id\": \"v1\", \"star_rating\": 3}\r\n"
                           "{\"id\": \"c3\", \"birth_date\": \"1975-12-31\"}");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(field(batch.records[0], "salary") == "decimal(\"3000.10\")");
  CHECK(batch.records[1].kind == "village");
  CHECK(batch.records[1].line == 4);
  CHECK(batch.records[2].line == 5);
  CHECK(field(batch.records[2], "birth_date") == "date(\"1975-12-31\")");
}

TEST_CASE("a surrogate pair escape is one character; a half pair is an error of its line") {
  RecordBatch batch = read("r.jsonl",
                           "{\"id\": \"c1\", \"name\": \"\\uD842\\uDFB7\"}\n"
                           "{\"id\": \"c2\", \"name\": \"\\uDFB7\"}\n");
  REQUIRE(batch.records.size() == 2);
  CHECK(field(batch.records[0], "name") == "\"\xF0\xA0\xAE\xB7\"");
  CHECK(batch.records[1].id == "c2");
  CHECK(errors(batch.records[1]).find("U+DFB7 is half of a UTF-16 surrogate pair") !=
        std::string::npos);
}

TEST_CASE("malformed lines are records with an error; the other lines still read") {
  RecordBatch batch = read("r.ndjson",
                           "{\"id\": \"c1\"}\n"
                           "{\"id\": \"c2\", \"years\": \n"
                           "[1, 2]\n"
                           "{\"id\": \"c4\", \"years\": 4}\n"
                           "not json at all\n"
                           "{\"id\": \"c6\", \"years\": \"many\"}\n"
                           "{\"id\": \"c7\", \"id\": \"c7b\"}\n"
                           "{id: \"c8\"}\n");
  REQUIRE(batch.records.size() == 8);
  CHECK(errors(batch.records[0]) == "");
  REQUIRE(batch.records[1].errors.size() == 1);
  CHECK(batch.records[1].errors[0].line == 2);
  CHECK(batch.records[1].errors[0].message.starts_with("not valid JSON: "));
  CHECK(batch.records[1].kind == "cadre");
  CHECK(errors(batch.records[2]) == "3:1 : a JSON Lines line holds one JSON object `{...}`");
  CHECK(field(batch.records[3], "years") == "4");
  CHECK(errors(batch.records[4]) == "5:1 : a JSON Lines line holds one JSON object `{...}`");
  CHECK(errors(batch.records[5]) ==
        "6:23 years: `years` is declared int (whole number) but was given `many`");
  CHECK(batch.records[5].id == "c6");
  CHECK(errors(batch.records[6]) == "7:14 id: `id` is given twice");
  CHECK(errors(batch.records[7]) == "8:2 : the unquoted key `id` is not JSON");
  for (const InputRecord& record : batch.records)
    CHECK(record.value.has_value() == record.errors.empty());
}

TEST_CASE("errors inside a line carry that line's number and the column") {
  RecordBatch batch =
      read("r.jsonl",
           "{\"id\": \"c1\"}\n"
           "\n"
           "{\"id\": \"c3\", \"assessments\": [{\"year\": 2024, \"grad\": \"优秀\"}]}\n");
  REQUIRE(batch.records.size() == 2);
  CHECK(errors(batch.records[1]) ==
        "3:45 assessments[0].grad: `assessments[0]` has no field `grad`; did you mean `grade`?");
}

TEST_CASE("a byte that is not UTF-8 is an error of its line, which keeps its id") {
  RecordBatch batch = read(
      "r.jsonl", "{\"id\": \"c1\"}\n{\"id\": \"c2\", \"name\": \"b\xFF\"}\n{\"id\": \"c3\"}\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[1]) == "2:24 : invalid UTF-8 byte 0xFF");
  CHECK(batch.records[1].id == "c2");
  CHECK_FALSE(batch.records[1].value);
  CHECK(testing::partial(batch.records[1]) == "cadre {id=\"c2\"; name=\"b\xEF\xBF\xBD\"}");
  CHECK(errors(batch.records[2]) == "");
}

TEST_CASE("a byte-order mark in the middle is named: files were joined") {
  RecordBatch batch = read("r.jsonl",
                           "\xEF\xBB\xBF{\"id\": \"c1\"}\n"
                           "\xEF\xBB\xBF{\"id\": \"c2\", \"years\": \"x\"}\n"
                           "\xEF\xBB\xBF\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[1]) ==
        "2:1 : a byte-order mark (U+FEFF) at the start of line 2: were files joined? remove it\n"
        "2:24 years: `years` is declared int (whole number) but was given `x`");
  CHECK(batch.records[1].id == "c2");
  CHECK(errors(batch.records[2]) ==
        "3:1 : a byte-order mark (U+FEFF) at the start of line 3: were files joined? remove it\n"
        "3:2 : a JSON Lines line holds one JSON object `{...}`");
}

TEST_CASE("a line over the size limit is not parsed; nesting past the limit is said as such") {
  RecordReadOptions options = testing::cadre_default();
  options.max_record_bytes = 64;
  RecordBatch batch = read("r.jsonl",
                           "{\"id\": \"c1\", \"name\": \"" + std::string(100, 'x') +
                               "\"}\n"
                               "{\"id\": \"c2\", \"note\": " +
                               std::string(70, '[') +
                               "}\n"
                               "{\"id\": \"c3\"}\n",
                           options);
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) ==
        "1:1 : the line is 124 bytes, more than the limit of 64: it is not read");
  CHECK(errors(batch.records[1]) ==
        "2:1 : the line is 92 bytes, more than the limit of 64: it is not read");
  CHECK(errors(batch.records[2]) == "");
  std::string deep =
      "{\"id\": \"c4\", \"note\": " + std::string(100'000, '[') + std::string(100'000, ']') + "}\n";
  batch = read("r.jsonl", deep);
  REQUIRE(batch.records.size() == 1);
  CHECK(errors(batch.records[0]) == "1:84 : nesting deeper than 64 levels");
}

}  // namespace
}  // namespace cadre::records
