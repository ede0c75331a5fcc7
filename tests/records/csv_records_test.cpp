// Tests of CSV records files: RFC 4180 quoting, CRLF and a BOM, header field
// paths for nested records and list entries, empty cells as absent facts,
// rows of the wrong width, header problems, and a large file.
#include <doctest/doctest.h>

#include <string>

#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::diagnostics;
using testing::errors;
using testing::field;
using testing::read;

TEST_CASE("each row is a record of typed cells; the id is the key column") {
  RecordBatch batch = read("r.csv",
                           "id,birth_date,salary,years,party_member,grade\n"
                           "c1,1990-02-28,3000.10,12,true,称职\n"
                           "c2,1985-07-01,0.30000000000000004,3,false,优秀\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 2);
  CHECK(batch.records[0].id == "c1");
  CHECK(batch.records[0].line == 2);
  CHECK(batch.records[0].kind == "cadre");
  CHECK(field(batch.records[0], "salary") == "decimal(\"3000.10\")");
  CHECK(field(batch.records[1], "salary") == "decimal(\"0.30000000000000004\")");
  CHECK(field(batch.records[1], "birth_date") == "date(\"1985-07-01\")");
  CHECK(field(batch.records[1], "party_member") == "false");
}

TEST_CASE("an empty or blank cell is an absent fact, not an empty string or zero") {
  RecordBatch batch = read("r.csv", "id,name,years,salary\nc1,,,\nc2,\"\",  ,5\n,,,\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(field(batch.records[0], "name") == "absent");
  CHECK(field(batch.records[0], "years") == "absent");
  CHECK(field(batch.records[1], "name") == "absent");
  CHECK(field(batch.records[1], "years") == "absent");
  CHECK(field(batch.records[1], "salary") == "decimal(\"5\")");
  CHECK(errors(batch.records[2]) == "");
  CHECK(batch.records[2].id == "");
}

TEST_CASE("quoted cells hold commas, quotes and newlines; CRLF and a BOM are accepted") {
  RecordBatch batch = read("r.csv",
                           "\xEF\xBB\xBFid,name,note\r\n"
                           "c1,\"Wang, Li\",\"said \"\"yes\"\"\"\r\n"
                           "c2,\"two\r\nlines\",x\r\n"
                           "c3,plain,\"\"\r\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(field(batch.records[0], "name") == "\"Wang, Li\"");
  CHECK(field(batch.records[0], "note") == "\"said \\\"yes\\\"\"");
  CHECK(field(batch.records[1], "name") == "\"two\\r\\nlines\"");
  CHECK(batch.records[1].line == 3);
  CHECK(batch.records[2].line == 5);
  CHECK(field(batch.records[2], "note") == "absent");
}

TEST_CASE("a quoted number in an undeclared field stays text") {
  RecordBatch batch = read("r.csv", "id,note\nc1,\"12\"\nc2,12\n");
  CHECK(field(batch.records[0], "note") == "\"12\"");
  CHECK(field(batch.records[1], "note") == "12");
}

TEST_CASE("header paths fill nested records and list entries by index") {
  RecordBatch batch = read("r.csv",
                           "id,village.id,village.star_rating,assessments[0].year,"
                           "assessments[0].grade,assessments[1].year,assessments[1].grade,"
                           "tags[0],tags[1],allowances.phone\n"
                           "c1,v1,4,2023,优秀,2024,称职,a,b,50.00\n"
                           "c2,,,,,2024,基本称职,,,\n"
                           "c3,,,,,,,,,\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  const InputRecord& c1 = batch.records[0];
  REQUIRE(errors(c1) == "");
  CHECK(c1.value->field(8)->as_record().field(2)->as_int() == 4);
  const ListValue& assessments = c1.value->field(9)->as_list();
  REQUIRE(assessments.size() == 2);
  CHECK(assessments[1].as_record().field(0)->as_int() == 2024);
  CHECK(assessments[1].as_record().field(1)->as_enum().name() == "称职");
  CHECK(field(c1, "tags") == "[\"a\", \"b\"]");
  CHECK(field(c1, "allowances") == "{\"phone\": decimal(\"50.00\")}");
  // Entries whose cells are all empty are left out; no cells at all: absent.
  CHECK(batch.records[1].value->field(9)->as_list().size() == 1);
  CHECK(field(batch.records[1], "village") == "absent");
  CHECK(field(batch.records[2], "assessments") == "absent");
}

TEST_CASE("errors in nested cells name the path and the cell's position") {
  RecordBatch batch = read("r.csv",
                           "id,assessments[0].grade,village.stars\n"
                           "c1,best,3\n");
  CHECK(errors(batch.records[0]) ==
        "2:4 assessments[0].grade: `assessments[0].grade` is `best`, not a value of "
        "`cadre_grade` (`优秀`, `称职`, `基本称职`, `不称职`)\n"
        "2:9 village.stars: `village` has no field `stars`");
}

TEST_CASE("a kind column selects each row's kind") {
  RecordBatch batch = read("r.csv",
                           "kind,id,star_rating,years\n"
                           "village,v1,5,\n"
                           ",c1,,3\n"
                           "county,x1,,\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(batch.records[0].kind == "village");
  CHECK(field(batch.records[0], "star_rating") == "5");
  CHECK(batch.records[1].kind == "cadre");
  CHECK(field(batch.records[1], "years") == "3");
  CHECK(errors(batch.records[2]) == "4:1 kind: record kind `county` is not declared");
}

TEST_CASE("a row with a different number of cells is a record with an error") {
  RecordBatch batch = read("r.csv", "id,years\nc1,1\nc2,2,extra\nc3\nc4,4\n");
  REQUIRE(batch.records.size() == 4);
  CHECK(errors(batch.records[1]) == "3:1 : the row has 3 cells but the header has 2 columns");
  CHECK(batch.records[1].id == "c2");
  CHECK_FALSE(batch.records[1].value);
  CHECK(errors(batch.records[2]) == "4:1 : the row has 1 cell but the header has 2 columns");
  CHECK(field(batch.records[3], "years") == "4");
}

TEST_CASE("bad quoting is an error of its row") {
  RecordBatch batch = read("r.csv", "id,name\nc1,ab\"c\nc2,\"ab\"c\nc3,\"open\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) ==
        "2:6 : a `\"` inside an unquoted cell (quote the cell and write the quote as `\"\"`)");
  CHECK(errors(batch.records[1]) == "3:8 : text after the closing `\"` of a quoted cell");
  CHECK(errors(batch.records[2]) == "4:4 : a quoted cell is not closed");
}

TEST_CASE("a quote never closed costs its row only: 1,000 rows in, 1,000 records out") {
  std::string text = "id,name,years\n";
  for (int i = 0; i < 1000; ++i) {
    text += "c" + std::to_string(i) + "," + (i == 1 ? "\"member" : "n" + std::to_string(i)) + "," +
            std::to_string(i) + "\n";
  }
  RecordBatch batch = read("r.csv", std::move(text));
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 1000);
  CHECK(batch.records[1].id == "c1");
  CHECK(errors(batch.records[1]) ==
        "3:1 : the row has 2 cells but the header has 3 columns\n"
        "3:4 : a quoted cell is never closed: read as ending at the end of its line");
  int read_whole = 0;
  for (const InputRecord& record : batch.records)
    read_whole += record.value.has_value();
  CHECK(read_whole == 999);
  CHECK(batch.records[999].line == 1001);
  CHECK(field(batch.records[999], "years") == "999");
}

TEST_CASE("a stray quote closed lines later by another costs its own row only") {
  RecordBatch batch = read("r.csv",
                           "id,name,note\n"
                           "c1,\"open,x\n"
                           "c2,b,c\n"
                           "c3,\"q\",d\n"
                           "c4,e,f\n");
  REQUIRE(batch.records.size() == 4);
  CHECK(errors(batch.records[0]) ==
        "2:1 : the row has 2 cells but the header has 3 columns\n"
        "2:4 : a quoted cell is not closed on its line: read as ending there (the `\"` on line 4 "
        "would take the lines up to it into this cell)");
  CHECK(errors(batch.records[1]) == "");
  CHECK(field(batch.records[2], "name") == "\"q\"");
  CHECK(errors(batch.records[3]) == "");
}

TEST_CASE("a quoted cell over lines in a row that is otherwise fine stays one record") {
  RecordBatch batch = read("r.csv", "id,note,years\nc1,\"two\nlines\",x\nc2,,2\n");
  REQUIRE(batch.records.size() == 2);
  CHECK(errors(batch.records[0]) ==
        "3:8 years: `years` is declared int (whole number) but was given `x`");
  CHECK(field(batch.records[1], "years") == "2");
}

TEST_CASE("every stray quote in a long file costs only its row, in linear time") {
  std::string text = "id,name\n";
  for (int i = 0; i < 20'000; ++i)
    text += "c" + std::to_string(i) + ",\"x\n";
  RecordBatch batch = read("r.csv", std::move(text));
  REQUIRE(batch.records.size() == 20'000);
  CHECK(batch.records[12'345].id == "c12345");
  CHECK(errors(batch.records[12'345]) ==
        "12347:8 : a quoted cell is not closed on its line: read as ending there (the `\"` on "
        "line 12348 would take the lines up to it into this cell)");
}

TEST_CASE("a row over the size limit is an error of that row; the next rows are read") {
  RecordReadOptions options = testing::cadre_default();
  options.max_record_bytes = 32;
  RecordBatch batch = read("r.csv",
                           "id,name\n"
                           "c1,short\n"
                           "c2," +
                               std::string(100, 'x') +
                               "\n"
                               "c3,\"" +
                               std::string(40, 'y') +
                               "\nz\"\n"
                               "c4,ok\n",
                           options);
  REQUIRE(batch.records.size() == 5);
  CHECK(errors(batch.records[1]) ==
        "3:1 : the row is 103 bytes, more than the limit of 32: it is not read");
  CHECK(batch.records[1].id == "c2");
  CHECK(errors(batch.records[2]) ==
        "4:1 : the row is 44 bytes, more than the limit of 32: it is not read");
  CHECK(errors(batch.records[3]) ==
        "5:1 : the row has 1 cell but the header has 2 columns\n"
        "5:2 : a `\"` inside an unquoted cell (quote the cell and write the quote as `\"\"`)");
  CHECK(field(batch.records[4], "name") == "\"ok\"");
}

TEST_CASE("a byte that is not UTF-8 is an error of its row, on its column's field") {
  RecordBatch batch = read("r.csv", "id,name\nc1,a\nc2,b\xFF\xFE\nc3,c\n");
  CHECK(diagnostics(batch) == "");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[1]) ==
        "3:5 name: invalid UTF-8 byte 0xFF (and 1 more in this record)");
  CHECK(batch.records[1].id == "c2");
  CHECK(testing::partial(batch.records[1]) ==
        "cadre {id=\"c2\"; name=\"b\xEF\xBF\xBD\xEF\xBF\xBD\"}");
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[2]) == "");
}

TEST_CASE("a byte-order mark in the middle: files were joined") {
  RecordBatch batch = read("r.csv", "\xEF\xBB\xBFid,years\nc1,1\n\xEF\xBB\xBFid,years\nc2,2\n");
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[1]) ==
        "3:1 : a byte-order mark (U+FEFF) at the start of line 3: were files joined? remove it\n"
        "3:5 years: `years` is declared int (whole number) but was given `years`");
  CHECK(field(batch.records[2], "years") == "2");
}

TEST_CASE("a header path nested past the depth limit is a header diagnostic") {
  std::string path = "a";
  for (int i = 0; i < 100'000; ++i)
    path += ".a";
  RecordBatch batch = read("r.csv", "id," + path + "\nc1,x\n");
  REQUIRE(batch.diagnostics.size() == 1);
  CHECK(batch.diagnostics[0].code == "records.limit");
  CHECK(batch.diagnostics[0].message.ends_with("…` nests deeper than 64 levels"));
  CHECK(batch.diagnostics[0].message.size() < 300);
  REQUIRE(batch.records.size() == 1);
  CHECK(errors(batch.records[0]) == "2:1 : not read: the header row has errors");
}

TEST_CASE("a bad header is a diagnostic, and every row is still reported") {
  RecordBatch batch = read("r.csv", "id,a[x],,village,village.id\nc1,1,2,3,4\nc2,1,2,3,4\n");
  CHECK(diagnostics(batch) ==
        "records.header 1:4 `a[x]` is not a field path\n"
        "records.header 1:9 column 3 has no name\n"
        "records.header 1:18 `village.id` clashes with an earlier column");
  REQUIRE(batch.records.size() == 2);
  CHECK(errors(batch.records[1]) == "3:1 : not read: the header row has errors");
}

TEST_CASE("an empty file, a blank one or a header alone has no records: a warning") {
  for (const char* text : {"", "  \n\n", "\xEF\xBB\xBF", "id,years\n", "id,years\n\n\n"}) {
    CAPTURE(text);
    RecordBatch batch = read("r.csv", text);
    CHECK(batch.records.empty());
    CHECK(diagnostics(batch) == "records.empty 0:0 no records in `r.csv`");
    REQUIRE(batch.diagnostics.size() == 1);
    CHECK(batch.diagnostics[0].severity == Severity::warning);
  }
}

TEST_CASE("a 10,000-row file is read, one record per row") {
  std::string text = "id,birth_date,salary,assessments[0].year,assessments[0].grade\n";
  for (int i = 0; i < 10'000; ++i) {
    text += "c" + std::to_string(i) + ",1980-01-" + std::to_string(10 + i % 19) + "," +
            std::to_string(3000 + i) + ".50,2024,称职\n";
  }
  RecordBatch batch = read("big.csv", std::move(text));
  REQUIRE(batch.records.size() == 10'000);
  CHECK(batch.records.back().id == "c9999");
  CHECK(batch.records.back().line == 10'001);
  CHECK(field(batch.records.back(), "salary") == "decimal(\"12999.50\")");
  bool all_read = true;
  for (const InputRecord& record : batch.records)
    all_read = all_read && record.value.has_value();
  CHECK(all_read);
}

}  // namespace
}  // namespace cadre::records
