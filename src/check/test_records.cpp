// Pass "test_records": the records of the rule set's own test cases name
// record kinds and fields of the schema (a misspelt field would otherwise be
// silently absent and make the test pass or fail for the wrong reason).
#include <algorithm>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "load/names.hpp"

namespace cadre::check {

namespace {

std::string closest(std::string_view name, const std::vector<model::FieldDecl>& fields) {
  std::vector<std::string_view> names;
  for (const auto& field : fields)
    names.push_back(field.name);
  return load::did_you_mean(name, names);
}

class RecordChecker {
 public:
  RecordChecker(PassContext& context, const model::TestCase& test)
      : context_(context), test_(test) {}

  void fields(const yaml::Node& record, const std::vector<model::FieldDecl>& declared,
              const std::string& kind) {
    if (record.kind != yaml::NodeKind::mapping) return;
    for (const auto& [key, value] : record.entries) {
      auto field = std::find_if(declared.begin(), declared.end(),
                                [&key = key](const auto& f) { return f.name == key.scalar; });
      if (field == declared.end()) {
        context_.error_at_node(test_.origin, key, Code::test_record,
                               "test " + backticked(test_.name) + ": record `" + kind +
                                   "` has no field " + backticked(key.scalar),
                               closest(key.scalar, declared));
        continue;
      }
      if (!field->entry.empty() && value.kind == yaml::NodeKind::sequence) {
        for (const auto& entry : value.items)
          fields(entry, field->entry, kind + "." + field->name);
      }
    }
  }

  void kinds(const yaml::Node& records) {
    if (records.kind != yaml::NodeKind::mapping) return;
    for (const auto& [key, list] : records.entries) {
      const auto& schema = context_.rules().schema.records;
      auto kind = std::find_if(schema.begin(), schema.end(),
                               [&key = key](const auto& k) { return k.id == key.scalar; });
      if (kind == schema.end()) {
        context_.error_at_node(test_.origin, key, Code::test_record,
                               "test " + backticked(test_.name) + ": " + backticked(key.scalar) +
                                   " is not a record kind of the schema");
        continue;
      }
      if (list.kind != yaml::NodeKind::sequence) continue;
      for (const auto& record : list.items)
        fields(record, kind->fields, kind->id);
    }
  }

 private:
  PassContext& context_;
  const model::TestCase& test_;
};

}  // namespace

void check_test_records(PassContext& context) {
  for (const auto& test : context.rules().tests) {
    if (test.records == model::kNoOrigin) continue;
    const yaml::Node* records = context.ruleset().origins().at(test.records).node;
    if (records != nullptr) RecordChecker(context, test).kinds(*records);
  }
}

}  // namespace cadre::check
