// Schema → RecordReadOptions: keys and required fields, walking history-list
// entries under the same names the compiler gives their record types
// (compile/schema_types.cpp: `<record>.<field>`).
#include "records/schema_options.hpp"

#include <map>

namespace cadre::records {

namespace {

void add_required(const std::string& type_name, const std::vector<model::FieldDecl>& fields,
                  RecordReadOptions& options) {
  for (const model::FieldDecl& field : fields) {
    if (field.required) options.required[type_name].push_back(field.name);
    if (!field.entry.empty() || field.list) {
      add_required(type_name + "." + field.name, field.entry, options);
    }
  }
}

}  // namespace

RecordReadOptions schema_read_options(const model::Schema& schema) {
  RecordReadOptions options;
  for (const model::RecordKind& kind : schema.records) {
    if (kind.key != options.key_field) options.keys[kind.id] = kind.key;
    add_required(kind.id, kind.fields, options);
  }
  return options;
}

std::string default_record_kind(const model::RuleSet& rules) {
  std::map<std::string, int> counts;
  for (const auto& decision : rules.decisions)
    ++counts[decision.subject];
  std::string best = rules.schema.records.empty() ? "" : rules.schema.records[0].id;
  int most = 0;
  for (const auto& [kind, count] : counts) {
    if (count > most && !kind.empty()) {
      best = kind;
      most = count;
    }
  }
  return best;
}

}  // namespace cadre::records
