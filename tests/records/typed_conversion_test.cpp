// Tests of the shared typed conversion: every declared type from its text,
// exact decimals, strict dates, enums, nested records, lists and maps, null as
// an absent fact, unknown fields with a suggestion, and values that do not fit.
#include <doctest/doctest.h>

#include "records/typed_conversion.hpp"
#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::errors;
using testing::field;

InputRecord one(std::string yaml) {
  RecordBatch batch = testing::read("r.yaml", std::move(yaml));
  REQUIRE(batch.diagnostics.empty());
  REQUIRE(batch.records.size() == 1);
  return batch.records.front();
}

TEST_CASE("every scalar type is converted from its text") {
  InputRecord record = one(
      "- {id: c1, name: 张三, birth_date: 1990-02-28, salary: 3000.10, score: 87.5, years: 12,\n"
      "   party_member: true, grade: 称职}\n");
  CHECK(errors(record) == "");
  CHECK(record.kind == "cadre");
  CHECK(record.id == "c1");
  CHECK(record.line == 1);
  CHECK(field(record, "name") == "\"张三\"");
  CHECK(field(record, "birth_date") == "date(\"1990-02-28\")");
  CHECK(field(record, "salary") == "decimal(\"3000.10\")");
  CHECK(field(record, "score") == "87.5");
  CHECK(field(record, "years") == "12");
  CHECK(field(record, "party_member") == "true");
  CHECK(record.value->field(record.value->type().find_field("grade"))->as_enum().name() == "称职");
}

TEST_CASE("decimals keep their exact written text, quoted or not") {
  InputRecord record = one("- {salary: 0.30000000000000004}\n");
  CHECK(record.value->field(3)->as_decimal().to_string() == "0.30000000000000004");
  CHECK(field(one("- {salary: \"3600.00\"}\n"), "salary") == "decimal(\"3600.00\")");
  CHECK(field(one("- {salary: -12}\n"), "salary") == "decimal(\"-12\")");
}

TEST_CASE("a number where a string is declared keeps its text") {
  CHECK(field(one("- {id: 007}\n"), "id") == "\"007\"");
  CHECK(field(one("- {name: \"42\", years: \"42\"}\n"), "years") == "42");
}

TEST_CASE("null and missing values are absent facts, never defaults") {
  InputRecord record = one("- {id: c1, birth_date: null, salary: ~, years:}\n");
  CHECK(errors(record) == "");
  CHECK(field(record, "birth_date") == "absent");
  CHECK(field(record, "salary") == "absent");
  CHECK(field(record, "years") == "absent");
  CHECK(field(record, "party_member") == "absent");
  CHECK(field(one("- {name: \"null\"}\n"), "name") == "\"null\"");
}

TEST_CASE("values that do not fit name the field, the type and the text") {
  InputRecord record =
      one("- id: c1\n"
          "  birth_date: 2023-02-29\n"
          "  salary: 3e3\n"
          "  years: 12.5\n"
          "  party_member: yes\n"
          "  score: abc\n");
  CHECK_FALSE(record.value);
  CHECK(record.id == "c1");
  CHECK(errors(record) ==
        "2:15 birth_date: `birth_date` is `2023-02-29`: no such day: 2023-02 has 28 days\n"
        "3:11 salary: `salary` is declared decimal (digits with an optional `.`, no exponent) "
        "but was given `3e3`\n"
        "4:10 years: `years` is declared int (whole number) but was given `12.5`\n"
        "5:17 party_member: `party_member` is declared bool (true or false, in any case) but was "
        "given `yes`\n"
        "6:10 score: `score` is declared double but was given `abc`");
}

TEST_CASE("dates are strict YYYY-MM-DD") {
  CHECK(errors(one("- {birth_date: 1990-2-28}\n")) != "");
  CHECK(errors(one("- {birth_date: 19900228}\n")) != "");
  CHECK(errors(one("- {birth_date: \"1990-02-28T00:00:00Z\"}\n")) != "");
  CHECK(field(one("- {birth_date: \"2024-02-29\"}\n"), "birth_date") == "date(\"2024-02-29\")");
}

TEST_CASE("ints and doubles reject overflow, exponents in ints and non-finite doubles") {
  CHECK(errors(one("- {years: 99999999999999999999}\n")) != "");
  CHECK(errors(one("- {years: 1e2}\n")) != "");
  CHECK(errors(one("- {score: inf}\n")) != "");
  CHECK(field(one("- {score: 1e2}\n"), "score") == "100");
  CHECK(field(one("- {score: 3}\n"), "score") == "3");
}

TEST_CASE("a bool is true or false in any case, as Excel writes it, in every format") {
  for (const char* text : {"true", "TRUE", "True", "tRuE"}) {
    CAPTURE(text);
    CHECK(field(one(std::string("- {party_member: ") + text + "}\n"), "party_member") == "true");
  }
  CHECK(field(one("- {party_member: FALSE}\n"), "party_member") == "false");
  RecordBatch csv = testing::read("r.csv", "id,party_member\nc1,TRUE\nc2,False\nc3,yes\n");
  CHECK(field(csv.records[0], "party_member") == "true");
  CHECK(field(csv.records[1], "party_member") == "false");
  CHECK(errors(csv.records[2]) ==
        "4:4 party_member: `party_member` is declared bool (true or "
        "false, in any case) but was given `yes`");
  // An undeclared (dyn) field infers a bool from lowercase true/false only.
  CHECK(field(one("- {note: TRUE}\n"), "note") == "\"TRUE\"");
}

TEST_CASE("numbers out of range, with too many digits or not finite say so") {
  InputRecord record =
      one("- years: 99999999999999999999\n"
          "  salary: 123456789012345678901234567890123456789012345\n"
          "  score: 1e999\n");
  CHECK(errors(record) ==
        "1:10 years: `years` is `99999999999999999999`: out of range for int "
        "(-9223372036854775808 to 9223372036854775807)\n"
        "2:11 salary: `salary` is `123456789012345678901234567890123456789012345`: 45 digits, "
        "more than a decimal's 38\n"
        "3:10 score: `score` is `1e999`: out of range for double");
  CHECK(errors(one("- {salary: 0.1234567890123456789}\n")) ==
        "1:12 salary: `salary` is `0.1234567890123456789`: 19 digits after the point, more than "
        "a decimal's 18");
  for (const char* text : {"nan", "NaN", "inf", "-Infinity", ".nan", "-.inf"}) {
    CAPTURE(text);
    CHECK(errors(one(std::string("- {score: ") + text + "}\n")) ==
          std::string("1:11 score: `score` is `") + text +
              "`: not a finite number (NaN and infinities are not facts)");
  }
  CHECK(errors(one("- {salary: NaN}\n")) ==
        "1:12 salary: `salary` is `NaN`: not a finite number (NaN and infinities are not facts)");
}

TEST_CASE("a long value is echoed in part") {
  InputRecord record = one("- {years: " + std::string(5000, '7') + "x}\n");
  REQUIRE(record.errors.size() == 1);
  CHECK(record.errors[0].message ==
        "`years` is declared int (whole number) but was given `" + std::string(200, '7') + "…`");
}

TEST_CASE("an enum value must be declared, with a suggestion") {
  InputRecord record = one("- {grade: 称值}\n");
  CHECK(errors(record) ==
        "1:11 grade: `grade` is `称值`, not a value of `cadre_grade` (`优秀`, `称职`, `基本称职`, "
        "`不称职`); did you mean `称职`?");
}

TEST_CASE("a value off an open enumeration is unspecified, not an error") {
  InputRecord record = one("- {id: c1, team_grade: 优良, team_grades: [好, 特好, 差]}\n");
  REQUIRE(errors(record) == "");
  CHECK(field(record, "team_grade") == "unknown(unspecified_parameter:team_grade)");
  CHECK(field(record, "team_grades") ==
        "[\"好\", unknown(unspecified_parameter:team_grade), \"差\"]");
  CHECK(record.value->field(record.value->type().find_field("team_grade"))->is_unknown());
  // Its own values are still placed on the scale.
  InputRecord known = one("- {team_grade: 较好}\n");
  CHECK(known.value->field(known.value->type().find_field("team_grade"))->as_enum().name() ==
        "较好");
  // The same value on a closed scale stays an error.
  CHECK(errors(one("- {grade: 优良}\n")).starts_with("1:11 grade: `grade` is `优良`, not a value"));
}

TEST_CASE("an open enumeration is open in every format") {
  const char* texts[][2] = {
      {"r.yaml", "- {team_grade: 优良}\n"},
      {"r.json", "[{\"team_grade\": \"优良\"}]"},
      {"r.jsonl", "{\"team_grade\": \"优良\"}\n"},
      {"r.csv", "team_grade\n优良\n"},
  };
  for (const auto& [name, text] : texts) {
    CAPTURE(name);
    RecordBatch batch = testing::read(name, text);
    REQUIRE(batch.records.size() == 1);
    CHECK(errors(batch.records[0]) == "");
    CHECK(field(batch.records[0], "team_grade") == "unknown(unspecified_parameter:team_grade)");
  }
}

TEST_CASE("an enumeration is closed unless declared open") {
  CHECK_FALSE(testing::grade_enum()->is_open());
  CHECK(testing::team_grade_enum()->is_open());
  EnumType plain("scale", {"a", "b"}, EnumOrder::ascending);
  CHECK_FALSE(plain.is_open());
}

TEST_CASE("an unknown field is an error naming it, with a suggestion") {
  InputRecord record = one("- {id: c1, birth_dat: 1990-01-01, favourite_colour: red}\n");
  CHECK_FALSE(record.value);
  CHECK(errors(record) ==
        "1:12 birth_dat: `cadre` has no field `birth_dat`; did you mean `birth_date`?\n"
        "1:35 favourite_colour: `cadre` has no field `favourite_colour`");
}

TEST_CASE("a field given twice is an error") {
  InputRecord record = one("- {id: c1, years: 1, years: 2}\n");
  CHECK(errors(record) == "1:22 years: `years` is given twice");
}

TEST_CASE("nested records, lists of records, lists and maps") {
  InputRecord record =
      one("- id: c1\n"
          "  village: {id: v1, kind: community, star_rating: 4}\n"
          "  assessments:\n"
          "    - {year: 2023, grade: 优秀}\n"
          "    - {year: 2024}\n"
          "  tags: [a, \"b\"]\n"
          "  allowances: {phone: 50.00, travel: null}\n");
  REQUIRE(errors(record) == "");
  const RecordValue& village = record.value->field(8)->as_record();
  CHECK(village.field(2)->as_int() == 4);
  CHECK(village.field(1)->as_enum().name() == "community");
  const ListValue& assessments = record.value->field(9)->as_list();
  REQUIRE(assessments.size() == 2);
  CHECK(assessments[0].as_record().field(1)->as_enum().name() == "优秀");
  CHECK_FALSE(assessments[1].as_record().has(1));
  CHECK(field(record, "tags") == "[\"a\", \"b\"]");
  CHECK(field(record, "allowances") == "{\"phone\": decimal(\"50.00\")}");
}

TEST_CASE("errors inside nested values carry the full field path") {
  InputRecord record =
      one("- village: {star_rating: many}\n"
          "  assessments:\n"
          "    - {year: 2023, grade: 优}\n"
          "    - {yaer: 2024}\n"
          "    - null\n"
          "  tags: {a: 1}\n");
  CHECK(errors(record) ==
        "1:26 village.star_rating: `village.star_rating` is declared int (whole number) but was "
        "given `many`\n"
        "3:27 assessments[0].grade: `assessments[0].grade` is `优`, not a value of `cadre_grade` "
        "(`优秀`, `称职`, `基本称职`, `不称职`); did you mean `优秀`?\n"
        "4:8 assessments[1].yaer: `assessments[1]` has no field `yaer`; did you mean `year`?\n"
        "5:7 assessments[2]: `assessments[2]` is null; a list entry must be given\n"
        "6:9 tags: `tags` is declared list<string> but was given a mapping");
}

TEST_CASE("a scalar where a record is declared, and a list where a scalar is") {
  InputRecord record = one("- {village: v1, years: [1]}\n");
  CHECK(errors(record) ==
        "1:13 village: `village` is declared village but was given `v1`\n"
        "1:24 years: `years` is declared int but was given a list");
}

TEST_CASE("undeclared (dyn) fields infer bool, int, exact decimal or text") {
  CHECK(field(one("- {note: true}\n"), "note") == "true");
  CHECK(field(one("- {note: 12}\n"), "note") == "12");
  CHECK(field(one("- {note: 1.50}\n"), "note") == "decimal(\"1.50\")");
  CHECK(field(one("- {note: \"12\"}\n"), "note") == "\"12\"");
  CHECK(field(one("- {note: [1, x]}\n"), "note") == "[1, \"x\"]");
}

TEST_CASE("convert_node works on trees of any origin") {
  yaml::Node node;
  node.kind = yaml::NodeKind::scalar;
  node.scalar = "2024-12-31";
  node.mark = {7, 3, 0};
  std::vector<RecordIssue> issues;
  auto value = convert_node(node, Type::date(), "as_of", issues);
  REQUIRE(value);
  CHECK(value->as_date().to_string() == "2024-12-31");
  CHECK_FALSE(convert_node(node, Type::integer(), "n", issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].line == 7);
  CHECK(issues[0].column == 3);
  CHECK(issues[0].field == "n");
}

}  // namespace
}  // namespace cadre::records
