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

}  // namespace
}  // namespace cadre::records
