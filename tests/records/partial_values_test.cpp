// Tests of what an unreadable record keeps: the fields that converted, so
// that it still counts (with unknown facts) as a member of its group; never
// a value to evaluate. Records whose kind is not known, or that could not be
// parsed as a record at all, keep nothing.
#include <doctest/doctest.h>

#include <string>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::partial;
using testing::read;

/// Every record of a batch: `value` only without errors, `partial` only with.
void check_contract(const RecordBatch& batch) {
  for (const InputRecord& record : batch.records) {
    CAPTURE(record.line);
    CHECK(record.value.has_value() == record.errors.empty());
    if (record.errors.empty()) CHECK_FALSE(record.partial);
  }
}

TEST_CASE("a record with bad fields keeps the others; bad fields are absent") {
  RecordBatch batch = read("r.yaml",
                           "- {id: c1, village: {id: v1, star_rating: 4}, years: many,\n"
                           "   birth_date: 1990-01-01, grade: 称值}\n"
                           "- {id: c2, birth_dat: 1990-01-01, salary: 10.50}\n"
                           "- {id: c3, years: 1, years: 2, salary: 1}\n"
                           "- {id: c4, assessments: [{year: 2024}, {year: x}], tags: [a]}\n"
                           "- {id: c5, village: {id: v1, star_rating: x}, score: 1.5}\n");
  check_contract(batch);
  REQUIRE(batch.records.size() == 5);
  CHECK(partial(batch.records[0]) ==
        "cadre {id=\"c1\"; birth_date=date(\"1990-01-01\"); village=village{id: \"v1\", "
        "star_rating: 4}}");
  CHECK(partial(batch.records[1]) == "cadre {id=\"c2\"; salary=decimal(\"10.50\")}");
  // A field given twice: which is meant is not known.
  CHECK(partial(batch.records[2]) == "cadre {id=\"c3\"; salary=decimal(\"1\")}");
  // A list or nested record with a bad part is a bad field.
  CHECK(partial(batch.records[3]) == "cadre {id=\"c4\"; tags=[\"a\"]}");
  CHECK(partial(batch.records[4]) == "cadre {id=\"c5\"; score=1.5}");
}

TEST_CASE("the partial value is the same in every format") {
  const char* texts[][2] = {
      {"r.yaml", "- {id: c1, village: {id: v1}, years: x, salary: 3.10}\n"},
      {"r.json",
       "[{\"id\": \"c1\", \"village\": {\"id\": \"v1\"}, \"years\": \"x\", "
       "\"salary\": 3.10}]"},
      {"r.jsonl",
       "{\"id\": \"c1\", \"village\": {\"id\": \"v1\"}, \"years\": \"x\", "
       "\"salary\": \"3.10\"}\n"},
      {"r.csv", "id,village.id,years,salary\nc1,v1,x,3.10\n"},
  };
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    RecordBatch batch = read(name, text);
    check_contract(batch);
    REQUIRE(batch.records.size() == 1);
    CHECK(partial(batch.records[0]) ==
          "cadre {id=\"c1\"; salary=decimal(\"3.10\"); village=village{id: \"v1\"}}");
  }
}

TEST_CASE("problems that name no field keep every field that converted") {
  RecordBatch json = read("r.json", "[{\"id\": \"c1\", years: 3}]");
  check_contract(json);
  CHECK(partial(json.records[0]) == "cadre {id=\"c1\"; years=3}");
  RecordBatch alias = read("r.yaml", "- &a {id: c0}\n- {id: c1, years: 2, name: *a}\n");
  check_contract(alias);
  CHECK(partial(alias.records[1]).starts_with("cadre {id=\"c1\"; years=2"));
}

TEST_CASE("a record of a known kind from which nothing could be read keeps an empty value") {
  RecordBatch groups = read("r.yaml", "village:\n  - v1\n  - {id: v2}\n", {});
  check_contract(groups);
  CHECK(groups.records[0].kind == "village");
  CHECK(partial(groups.records[0]) == "village {}");
  RecordBatch items = read("r.yaml", "- [1, 2]\n");
  CHECK(items.records[0].kind == "cadre");
  CHECK(partial(items.records[0]) == "cadre {}");
  // A CSV row of the wrong width: its cells cannot be matched to columns.
  RecordBatch csv = read("r.csv", "id,village.id,years\nc1,v1,2,extra\nc2,v1\n");
  check_contract(csv);
  CHECK(partial(csv.records[0]) == "cadre {}");
  CHECK(partial(csv.records[1]) == "cadre {}");
  CHECK(csv.records[0].id == "c1");
}

TEST_CASE("a record whose kind is not known, or that is not a record, keeps nothing") {
  RecordBatch batch = read("r.yaml",
                           "- {kind: county, id: x1}\n"
                           "- {id: c2, kind: cadr}\n"
                           "- {kind: town, id: t1, village_cadre_count: x}\n",
                           testing::cadre_default());
  check_contract(batch);
  CHECK(partial(batch.records[0]) == "none");
  CHECK(partial(batch.records[1]) == "none");
  CHECK(partial(batch.records[2]) == "town {id=\"t1\"}");
  RecordBatch no_kind = read("r.yaml", "- {id: c1, years: x}\n", {});
  CHECK(partial(no_kind.records[0]) == "none");
  RecordBatch lines = read("r.jsonl", "{\"id\": \"c1\",\nnot json\n");
  check_contract(lines);
  CHECK(partial(lines.records[0]) == "none");
  CHECK(partial(lines.records[1]) == "none");
  RecordBatch header = read("r.csv", "id,,years\nc1,,2\n");
  check_contract(header);
  CHECK(partial(header.records[0]) == "none");
}

}  // namespace
}  // namespace cadre::records
