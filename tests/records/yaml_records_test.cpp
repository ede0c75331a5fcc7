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
  for (const char* text : {"", "# nothing\n", "null\n", "[]\n", "cadre: []\n"}) {
    CAPTURE(text);
    RecordBatch empty = read("r.yaml", text);
    CHECK(empty.records.empty());
    CHECK(diagnostics(empty) == "records.empty 0:0 no records in `r.yaml`");
  }
  for (const char* text : {"null\n", "[]\n", " \n"}) {
    CHECK(diagnostics(read("r.json", text)) == "records.empty 0:0 no records in `r.json`");
  }
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

TEST_CASE("a byte that is not UTF-8 is an error of the record holding it") {
  RecordBatch batch = read("r.yaml", "- {id: c1, name: a}\n- {id: c2, name: b\xFF}\n- {id: c3}\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[1]) == "2:19 name: invalid UTF-8 byte 0xFF");
  CHECK(batch.records[1].id == "c2");
  CHECK(errors(batch.records[2]) == "");
  batch =
      read("r.json",
           "[{\"id\": \"c1\"},\n {\"id\": \"c2\",\n  \"name\": \"b\xFF\"},\n {\"id\": \"c3\"}]\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[1]) == "3:13 name: invalid UTF-8 byte 0xFF");
  CHECK(errors(batch.records[2]) == "");
  // Before any record: the file's.
  batch = read("r.yaml", "# \xFF\n- {id: c1}\n");
  CHECK(diagnostics(batch) == "records.encoding 1:3 invalid UTF-8 byte 0xFF");
  CHECK(errors(batch.records[0]) == "");
}

TEST_CASE("reader problems in records files say records files, not rule sets") {
  RecordBatch batch = read("r.yaml", "- &a {id: c1}\n- {id: c2, name: *a}\n- !!str {id: c3}\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[1]) ==
        "2:18 : aliases are not supported in records files: write the value out");
  CHECK(errors(batch.records[2]) == "3:3 : tag `!!str` is not supported in records files");
}

TEST_CASE("an alias bomb is capped: at most max_diagnostics errors, then a count") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  for (char name = 'b'; name <= 'k'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; ++i)
      text += std::string(i ? ", " : "") + "*" + static_cast<char>(name - 1);
    text += "]\n";
  }
  RecordBatch batch = read("r.yaml", text);
  REQUIRE(batch.records.size() == 1);
  REQUIRE(batch.records[0].errors.size() == 21);
  CHECK(batch.records[0].errors.back().message == "… and 81 more errors in this record");
}

TEST_CASE("file diagnostics are capped too") {
  RecordReadOptions options = testing::cadre_default();
  options.max_diagnostics = 2;
  RecordBatch batch = read("r.yaml", "# \xFF\n# \xFF\n# \xFF\n- {id: c1}\n", options);
  CHECK(diagnostics(batch) ==
        "records.encoding 1:3 invalid UTF-8 byte 0xFF\n"
        "records.encoding 2:3 invalid UTF-8 byte 0xFF\n"
        "records.limit 0:0 … and 1 more diagnostics not shown (at most 2 are reported)");
}

TEST_CASE("a value over the size limit stops the file before it is parsed") {
  RecordReadOptions options = testing::cadre_default();
  options.max_record_bytes = 64;
  RecordBatch batch = read(
      "r.json", "[{\"id\": \"c1\"},\n {\"id\": \"" + std::string(100, 'x') + "\"}]\n", options);
  CHECK(batch.records.empty());
  CHECK(diagnostics(batch) == "yaml.limit 2:9 a single value longer than 64 bytes");
  // Many short values on one line are not one long value.
  std::string line = "[";
  for (int i = 0; i < 50; ++i)
    line += std::string(i ? ", " : "") + "{\"id\": \"c" + std::to_string(i) + "\"}";
  batch = read("r.json", line + "]", options);
  CHECK(diagnostics(batch) == "");
  CHECK(batch.records.size() == 50);
}

TEST_CASE("a JSON escape that is not a character is named in U+ notation") {
  RecordBatch batch = read("r.json", "[{\"id\": \"c1\", \"name\": \"\\uD800\"}]\n");
  CHECK(batch.records.empty());
  REQUIRE(batch.diagnostics.size() == 1);
  CHECK(batch.diagnostics[0].message.starts_with(
      "invalid escape: U+D800 is half of a UTF-16 surrogate pair, not a character"));
}

TEST_CASE("a character beyond U+FFFF escaped as a surrogate pair in JSON is that character") {
  // 𠮷 (U+20BB7), as Java's JSON writers escape it; an escaped backslash
  // before `u` is literal text, and a half pair is still refused.
  RecordBatch batch = read("r.json",
                           "[{\"id\": \"c1\", \"name\": \"\\uD842\\uDFB7\\u5409\"},\n"
                           " {\"id\": \"c2\", \"name\": \"\\\\uD842\\\\uDFB7\"}]\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 2);
  CHECK(field(batch.records[0], "name") == "\"\xF0\xA0\xAE\xB7\xE5\x90\x89\"");
  CHECK(field(batch.records[1], "name") == "\"\\\\uD842\\\\uDFB7\"");
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
