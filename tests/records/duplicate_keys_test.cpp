// Tests of duplicate record keys: within one file, records of one kind with
// the same key are each an error naming the others' lines, in every format;
// records of different kinds may share a key; a kind keyed by another field.
#include <doctest/doctest.h>

#include <string>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::errors;
using testing::partial;
using testing::read;

/// The errors of every record, one block per record, "-" for none.
std::string all_errors(const RecordBatch& batch) {
  std::string text;
  for (const InputRecord& record : batch.records)
    text += (record.errors.empty() ? "-" : errors(record)) + "\n";
  return text;
}

TEST_CASE("a village given twice, in two towns, is an error of both") {
  RecordBatch batch = read("r.yaml",
                           "town:\n"
                           "  - {id: t1}\n"
                           "  - {id: t2}\n"
                           "village:\n"
                           "  - {id: v1, star_rating: 3}\n"
                           "  - {id: v2}\n"
                           "  - {id: v1, star_rating: 4}\n",
                           {});
  REQUIRE(batch.records.size() == 5);
  CHECK(all_errors(batch) ==
        "-\n-\n"
        "5:0 id: duplicate id `v1`: also given at line 7\n"
        "-\n"
        "7:0 id: duplicate id `v1`: also given at line 5\n");
  CHECK_FALSE(batch.records[2].value);
  CHECK_FALSE(batch.records[4].value);
  // Each keeps its whole value as what could be read.
  CHECK(partial(batch.records[2]) == "village {id=\"v1\"; star_rating=3}");
  CHECK(partial(batch.records[4]) == "village {id=\"v1\"; star_rating=4}");
}

TEST_CASE("a cadre repeated four times, exactly, is four errors") {
  RecordBatch batch = read("r.yaml",
                           "- {id: c1, years: 2}\n"
                           "- {id: c1, years: 2}\n"
                           "- {id: c2}\n"
                           "- {id: c1, years: 2}\n"
                           "- {id: c1, years: 2}\n");
  REQUIRE(batch.records.size() == 5);
  CHECK(all_errors(batch) ==
        "1:0 id: duplicate id `c1`: also given at lines 2, 4 and 5\n"
        "2:0 id: duplicate id `c1`: also given at lines 1, 4 and 5\n"
        "-\n"
        "4:0 id: duplicate id `c1`: also given at lines 1, 2 and 5\n"
        "5:0 id: duplicate id `c1`: also given at lines 1, 2 and 4\n");
  CHECK(batch.records[2].value);
}

TEST_CASE("records of different kinds may share a key; records without a key are not compared") {
  RecordBatch batch = read("r.yaml",
                           "- {id: x1}\n"
                           "- {kind: village, id: x1}\n"
                           "- {kind: town, id: x1}\n"
                           "- {years: 1}\n"
                           "- {years: 2}\n"
                           "- {id: \"\"}\n"
                           "- {id: \"\"}\n");
  CHECK(all_errors(batch) == "-\n-\n-\n-\n-\n-\n-\n");
}

TEST_CASE("a duplicate with other errors has all of them") {
  RecordBatch batch = read("r.yaml", "- {id: c1, years: many}\n- {id: c1, years: 3}\n");
  CHECK(all_errors(batch) ==
        "1:0 id: duplicate id `c1`: also given at line 2\n"
        "1:19 years: `years` is declared int (whole number) but was given `many`\n"
        "2:0 id: duplicate id `c1`: also given at line 1\n");
  CHECK(partial(batch.records[0]) == "cadre {id=\"c1\"}");
  CHECK(partial(batch.records[1]) == "cadre {id=\"c1\"; years=3}");
}

TEST_CASE("duplicates are found in every format") {
  const char* texts[][2] = {
      {"r.yaml", "- {id: c1}\n- {kind: village, id: v1}\n- {id: c1}\n"},
      {"r.json",
       "[{\"id\": \"c1\"},\n"
       " {\"kind\": \"village\", \"id\": \"v1\"},\n"
       " {\"id\": \"c1\"}]\n"},
      {"r.jsonl", "{\"id\": \"c1\"}\n{\"kind\": \"village\", \"id\": \"v1\"}\n{\"id\": \"c1\"}\n"},
      {"r.csv", "kind,id\n,c1\nvillage,v1\ncadre,c1\n"},
  };
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    RecordBatch batch = read(name, text);
    REQUIRE(batch.records.size() == 3);
    int first = batch.records[0].line;
    int last = batch.records[2].line;
    CHECK(errors(batch.records[0]) == std::to_string(first) + ":0 id: duplicate id `c1`: also " +
                                          "given at line " + std::to_string(last));
    CHECK(errors(batch.records[1]) == "");
    CHECK(errors(batch.records[2]) == std::to_string(last) + ":0 id: duplicate id `c1`: also " +
                                          "given at line " + std::to_string(first));
    CHECK(partial(batch.records[2]) == "cadre {id=\"c1\"}");
  }
}

TEST_CASE("the key text decides: 007 and \"007\" are the same key") {
  RecordBatch batch = read("r.yaml", "- {id: 007}\n- {id: \"007\"}\n- {id: 7}\n");
  CHECK(all_errors(batch) ==
        "1:0 id: duplicate id `007`: also given at line 2\n"
        "2:0 id: duplicate id `007`: also given at line 1\n"
        "-\n");
}

TEST_CASE("a kind keyed by another field is compared by that field") {
  RecordReadOptions options = testing::cadre_default();
  options.keys = {{"town", "village_cadre_count"}};
  RecordBatch batch = read("r.yaml",
                           "- {kind: town, id: t1, village_cadre_count: 5}\n"
                           "- {kind: town, id: t2, village_cadre_count: 5}\n"
                           "- {kind: town, id: t2, village_cadre_count: 6}\n",
                           options);
  CHECK(batch.records[0].id == "5");
  CHECK(all_errors(batch) ==
        "1:0 village_cadre_count: duplicate village_cadre_count `5`: also given at line 2\n"
        "2:0 village_cadre_count: duplicate village_cadre_count `5`: also given at line 1\n"
        "-\n");
}

TEST_CASE("a key given many times names five other lines and counts the rest") {
  std::string text = "id,years\n";
  for (int i = 0; i < 100; ++i)
    text += "c1," + std::to_string(i) + "\n";
  RecordBatch batch = read("r.csv", std::move(text));
  REQUIRE(batch.records.size() == 100);
  CHECK(errors(batch.records[0]) ==
        "2:0 id: duplicate id `c1`: also given at lines 3, 4, 5, 6, 7 and 94 more");
  CHECK(errors(batch.records[3]) ==
        "5:0 id: duplicate id `c1`: also given at lines 2, 3, 4, 6, 7 and 94 more");
  bool none_read = true;
  for (const InputRecord& record : batch.records)
    none_read = none_read && !record.value && record.partial;
  CHECK(none_read);
}

}  // namespace
}  // namespace cadre::records
