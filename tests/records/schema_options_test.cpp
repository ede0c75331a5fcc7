// Tests of the read options a schema implies: key fields and required
// fields (history-list entries under their record type's name), and the
// public reader applying them to a rule set's records.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cadre/records.hpp"
#include "records/schema_options.hpp"
#include "tests/engine/inline_rule_set.hpp"
#include "tests/records/required_rules.hpp"

namespace cadre::records {
namespace {

model::FieldDecl field(std::string name, std::string type, bool required = false) {
  model::FieldDecl decl;
  decl.name = std::move(name);
  decl.type = std::move(type);
  decl.required = required;
  return decl;
}

TEST_CASE("the schema's keys and required fields, list entries by their type's name") {
  model::Schema schema;
  model::RecordKind town;
  town.id = "town";
  town.key = "code";
  town.fields = {field("code", "string", true), field("name", "string")};
  model::RecordKind cadre;
  cadre.id = "cadre";
  model::FieldDecl assessments = field("assessments", "");
  assessments.list = true;
  assessments.entry = {field("year", "int", true), field("grade", "string")};
  cadre.fields = {field("id", "string", true), field("village_id", "string", true),
                  field("name", "string"), assessments};
  schema.records = {town, cadre};
  RecordReadOptions options = schema_read_options(schema);
  CHECK(options.key_of("town") == "code");
  CHECK(options.key_of("cadre") == "id");
  CHECK(options.required.at("town") == std::vector<std::string>{"code"});
  CHECK(options.required.at("cadre") == std::vector<std::string>{"id", "village_id"});
  CHECK(options.required.at("cadre.assessments") == std::vector<std::string>{"year"});
  CHECK(options.required.size() == 3);
}

const std::string kRules = cadre::testing::required_fields_rules("records.test");

TEST_CASE("read_records applies the rule set's required fields and duplicate keys") {
  test::InlineRuleSet rules(kRules);
  auto file = std::filesystem::temp_directory_path() / "cadre_schema_options_test.csv";
  std::ofstream(file)
      << "kind,id,village_id,party_member,assessments[0].year,assessments[0].grade\n"
         "village,v1,,,,\n"
         "cadre,c1,v1,true,2024,good\n"
         "cadre,c2,,true,,good\n"
         "cadre,c1,v1,false,,\n";
  RecordBatch batch = read_records(file, rules.engine().rules());
  std::filesystem::remove(file);
  REQUIRE(batch.records.size() == 4);
  CHECK(batch.records[0].errors.empty());
  REQUIRE(batch.records[1].errors.size() == 1);
  CHECK(batch.records[1].errors[0].message == "duplicate id `c1`: also given at line 5");
  REQUIRE(batch.records[2].errors.size() == 2);
  CHECK(batch.records[2].errors[0].message == "required field `village_id` is missing");
  CHECK(batch.records[2].errors[1].message == "required field `assessments[0].year` is missing");
  REQUIRE(batch.records[2].partial);
  CHECK(batch.records[2]
            .partial->field(batch.records[2].partial->type().find_field("id"))
            ->as_string() == "c2");
  REQUIRE(batch.records[3].errors.size() == 1);
  CHECK(batch.records[3].errors[0].message == "duplicate id `c1`: also given at line 3");
}

}  // namespace
}  // namespace cadre::records
