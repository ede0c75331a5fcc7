// Pass "test_records": the records of the rule set's own test cases name
// record kinds and fields of the schema (a misspelt field would otherwise be
// silently absent and make the test pass or fail for the wrong reason).
#include <algorithm>

#include "check/checks.hpp"
#include "check/pass_context.hpp"

namespace cadre::check {

namespace {

std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest(std::string_view name, const std::vector<model::FieldDecl>& fields) {
  std::string best;
  std::size_t best_distance = name.size() / 3 + 2;
  for (const auto& field : fields) {
    std::size_t d = distance(name, field.name);
    if (d < best_distance) {
      best = field.name;
      best_distance = d;
    }
  }
  return best.empty() ? std::string() : "did you mean `" + best + "`?";
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
                                [&](const auto& f) { return f.name == key.scalar; });
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
                               [&](const auto& k) { return k.id == key.scalar; });
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
