// Tests of YAML and JSON records files: the accepted shapes, the `kind` key,
// default kinds, line:col of errors, JSON strictness and file-level problems.
#include <doctest/doctest.h>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::diagnostics;
using testing::errors;
using testing::field;
using testing::read;

TEST_CASE("a sequence of records, with and without a kind key") {
  RecordBatch batch = read("r.yaml",
                           "- {id: c1, years: 3}\n"
                           "- {kind: village, id: v1, star_rating: 5}\n"
                           "- kind: town\n"
                           "  id: t1\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(batch.records[0].kind == "cadre");
  CHECK(batch.records[1].kind == "village");
  CHECK(batch.records[1].id == "v1");
  CHECK(field(batch.records[1], "star_rating") == "5");
  CHECK(batch.records[2].kind == "town");
  CHECK(batch.records[2].line == 3);
  CHECK(errors(batch.records[2]) == "");
}

TEST_CASE("a kind key that names no record kind is a field where one is declared") {
  RecordReadOptions options;
  options.default_kind = "village";
  RecordBatch batch =
      read("r.yaml", "- {id: v1, kind: community}\n- {id: v2, kind: farm}\n", options);
  REQUIRE(batch.records.size() == 2);
  CHECK(batch.records[0].kind == "village");
  CHECK(field(batch.records[0], "kind") == "\"community\"");
  CHECK(errors(batch.records[1]) ==
        "2:18 kind: `kind` is `farm`, not a value of `unit_kind` (`village`, `community`)");
  batch = read("r.yaml", "- {id: c1, kind: cadr}\n");
  CHECK(errors(batch.records[0]) == "1:18 kind: record kind `cadr` is not declared");
}

TEST_CASE("records without a kind and no default kind are errors, still reported") {
  RecordBatch batch = read("r.yaml", "- {id: c1}\n- {kind: town, id: t1}\n", {});
  REQUIRE(batch.records.size() == 2);
  CHECK(errors(batch.records[0]) ==
        "1:3 : the record does not say its kind (no `kind` and no default kind)");
  CHECK(batch.records[0].id == "c1");
  CHECK(errors(batch.records[1]) == "");
}

TEST_CASE("a mapping of kind to records, like the records of rule-set tests") {
  RecordBatch batch = read("r.yaml",
                           "town:\n"
                           "  - {id: t1, village_cadre_count: 15}\n"
                           "village:\n"
                           "  - {id: v1, kind: village}\n"
                           "cadre:\n"
                           "  - {id: c1, village: {id: v1}}\n"
                           "  - {id: c2}\n"
                           "sending_unit:\n"
                           "  - {id: s1}\n",
                           {});
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 5);
  CHECK(batch.records[0].kind == "town");
  CHECK(batch.records[1].kind == "village");
  CHECK(field(batch.records[1], "kind") == "\"village\"");
  CHECK(batch.records[3].id == "c2");
  CHECK(batch.records[3].line == 7);
  CHECK(batch.records[4].kind == "sending_unit");
  CHECK(errors(batch.records[4]) == "9:5 : record kind `sending_unit` is not declared");
}

TEST_CASE("a single mapping is one record") {
  RecordBatch batch = read("r.yaml", "id: c1\nbirth_date: 1980-05-01\n");
  REQUIRE(batch.records.size() == 1);
  CHECK(field(batch.records[0], "birth_date") == "date(\"1980-05-01\")");
}

TEST_CASE("items that are not mappings are records with an error") {
  RecordBatch batch = read("r.yaml", "- c1\n- [1, 2]\n- {id: c3}\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) ==
        "1:3 : a record is a mapping of field names to values, not `c1`");
  CHECK(errors(batch.records[1]) ==
        "2:3 : a record is a mapping of field names to values, not a list");
  CHECK(errors(batch.records[2]) == "");
}

TEST_CASE("an empty file has no records; a scalar or broken file is a diagnostic") {
  CHECK(read("r.yaml", "").records.empty());
  CHECK(read("r.yaml", "# nothing\n").diagnostics.empty());
  RecordBatch scalar = read("r.yaml", "hello\n");
  CHECK(scalar.records.empty());
  CHECK(diagnostics(scalar) ==
        "records.shape 1:1 a records file holds a list of records, not a single value");
  RecordBatch broken = read("r.yaml", "- {id: c1\n");
  CHECK(broken.records.empty());
  REQUIRE(broken.diagnostics.size() == 1);
  CHECK(broken.diagnostics[0].code == "yaml.syntax");
}

TEST_CASE("reader problems inside a record become that record's errors") {
  RecordBatch batch = read("r.yaml", "- &a {id: c1}\n- {id: c2, name: *a}\n- {id: c3}\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) == "");
  CHECK(batch.records[1].errors.size() == 1);
  CHECK(batch.records[1].errors[0].line == 2);
  CHECK_FALSE(batch.records[1].value);
  CHECK(errors(batch.records[2]) == "");
}

TEST_CASE("JSON is read with positions and exact decimals") {
  RecordBatch batch =
      read("r.json",
           "[\n"
           "  {\"id\": \"c1\", \"salary\": 3000.10, \"birth_date\": \"1990-01-31\",\n"
           "   \"party_member\": false, \"assessments\": [{\"year\": 2024, "
           "\"grade\": \"称职\"}]},\n"
           "  {\"id\": \"c2\", \"years\": \"x\", \"name\": null},\n"
           "  {\"kind\": \"village\", \"id\": \"v1\"}\n"
           "]\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(field(batch.records[0], "salary") == "decimal(\"3000.10\")");
  CHECK(field(batch.records[0], "party_member") == "false");
  CHECK(batch.records[1].line == 4);
  CHECK(errors(batch.records[1]) ==
        "4:25 years: `years` is declared int (whole number) but was given `x`");
  CHECK(batch.records[2].kind == "village");
}

TEST_CASE("JSON files may not use YAML-only syntax") {
  RecordBatch batch = read("r.json",
                           "[{\"id\": \"c1\", name: x},\n"
                           " {\"id\": 'c2', \"years\": 0x1F},\n"
                           " {\"id\": \"c3\", \"salary\": 1.}]\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) ==
        "1:15 : the unquoted key `name` is not JSON\n1:21 : `x` is not JSON");
  CHECK(errors(batch.records[1]) ==
        "2:9 : `c2` is not JSON\n"
        "2:24 years: `years` is declared int (whole number) but was given `0x1F`\n"
        "2:24 : `0x1F` is not JSON");
  CHECK(errors(batch.records[2]) ==
        "3:25 salary: `salary` is declared decimal (digits with an optional `.`, no exponent) "
        "but was given `1.`\n"
        "3:25 : `1.` is not JSON");
}

}  // namespace
}  // namespace cadre::records
