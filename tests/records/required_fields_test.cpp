// Tests of required fields (`required: true` in a schema): a record that
// does not give one (absent, null, empty text, an empty CSV cell) is an error
// at the record's line, for top-level fields and fields of history-list
// entries, in every format.
#include <doctest/doctest.h>

#include <string>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::errors;
using testing::partial;
using testing::read;
using testing::strict;

TEST_CASE("a required field absent, null or empty is an error at the record's line") {
  RecordBatch batch = read("r.yaml",
                           "- {id: c1, name: 张三}\n"
                           "- {name: 李四, years: 3}\n"
                           "- {id: c3, name: null}\n"
                           "- {id: c3b, name: \"\"}\n"
                           "- {id: \"  \", name: 王五}\n"
                           "- id: c6\n"
                           "  years: 2\n",
                           strict());
  REQUIRE(batch.records.size() == 6);
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[1]) == "2:3 id: required field `id` is missing");
  CHECK(errors(batch.records[2]) == "3:3 name: required field `name` is missing");
  CHECK(errors(batch.records[3]) == "4:3 name: required field `name` is missing");
  CHECK(errors(batch.records[4]) == "5:3 id: required field `id` is missing");
  CHECK(errors(batch.records[5]) == "6:3 name: required field `name` is missing");
  for (const InputRecord& record : batch.records)
    CHECK(record.value.has_value() == record.errors.empty());
  CHECK(partial(batch.records[1]) == "cadre {name=\"李四\"; years=3}");
}

TEST_CASE("without required fields in the options, nothing is required") {
  RecordBatch batch = read("r.yaml", "- {years: 3}\n- {assessments: [{grade: 优秀}]}\n");
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[1]) == "");
}

TEST_CASE("a required field given a bad value is reported once, as the bad value") {
  RecordReadOptions options = strict();
  options.required["cadre"].push_back("years");
  RecordBatch batch = read("r.yaml", "- {id: c1, name: x, years: many}\n", options);
  CHECK(errors(batch.records[0]) ==
        "1:28 years: `years` is declared int (whole number) but was given `many`");
}

TEST_CASE("required fields of history-list entries name the entry") {
  RecordBatch batch = read("r.yaml",
                           "- id: c1\n"
                           "  name: x\n"
                           "  assessments:\n"
                           "    - {year: 2023, grade: 优秀}\n"
                           "    - {grade: 称职}\n"
                           "    - {year: null}\n",
                           strict());
  CHECK(errors(batch.records[0]) ==
        "5:7 assessments[1].year: required field `assessments[1].year` is missing\n"
        "6:7 assessments[2].year: required field `assessments[2].year` is missing");
  // The list with bad entries is a bad field: left out of what could be read.
  CHECK(partial(batch.records[0]) == "cadre {id=\"c1\"; name=\"x\"}");
}

TEST_CASE("a nested record of a kind with required fields must give them") {
  RecordBatch batch = read(
      "r.yaml", "- {id: c1, name: x, village: {star_rating: 4}}\n- {kind: village}\n", strict());
  CHECK(errors(batch.records[0]) == "1:30 village.id: required field `village.id` is missing");
  CHECK(errors(batch.records[1]) == "2:3 id: required field `id` is missing");
}

TEST_CASE("required fields are checked in every format") {
  const char* texts[][2] = {
      {"r.yaml", "- {id: c1, assessments: [{year: 2024}, {grade: 优秀}]}\n"},
      {"r.json", "[{\"id\": \"c1\", \"assessments\": [{\"year\": 2024}, {\"grade\": \"优秀\"}]}]"},
      {"r.jsonl", "{\"id\": \"c1\", \"assessments\": [{\"year\": 2024}, {\"grade\": \"优秀\"}]}\n"},
      {"r.csv",
       "id,name,assessments[0].year,assessments[1].year,assessments[1].grade\n"
       "c1,,2024,,优秀\n"},
  };
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    RecordBatch batch = read(name, text, strict());
    REQUIRE(batch.records.size() == 1);
    const InputRecord& record = batch.records[0];
    CHECK_FALSE(record.value);
    REQUIRE(record.errors.size() == 2);
    CHECK(record.errors[0].field == "name");
    CHECK(record.errors[0].message == "required field `name` is missing");
    CHECK(record.errors[0].line == record.line);
    CHECK(record.errors[1].field == "assessments[1].year");
    CHECK(record.errors[1].message == "required field `assessments[1].year` is missing");
    CHECK(partial(record) == "cadre {id=\"c1\"}");
  }
}

TEST_CASE("a blank CSV cell in a required column is a missing field") {
  RecordBatch batch = read("r.csv", "id,name,years\nc1,x,1\n,y,2\n  ,z,3\nc4,,4\n", strict());
  REQUIRE(batch.records.size() == 4);
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[1]) == "3:1 id: required field `id` is missing");
  CHECK(errors(batch.records[2]) == "4:1 id: required field `id` is missing");
  CHECK(errors(batch.records[3]) == "5:1 name: required field `name` is missing");
  CHECK(partial(batch.records[3]) == "cadre {id=\"c4\"; years=4}");
}

}  // namespace
}  // namespace cadre::records
