// Record relationships by key.
#include "engine/related_records.hpp"

#include "engine/conditions.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

std::string key_of(const RecordValue& record) {
  const Value* key = record.field(record.type().find_field("id"));
  return key != nullptr ? plain_text(*key) : std::string();
}

std::vector<RecordValue> ancestors(const model::RuleSet& rules, const RecordValue& subject,
                                   const std::vector<RecordValue>& all) {
  std::vector<RecordValue> found;
  const RecordValue* current = &subject;
  // Bounded: a chain never loops (kinds belong to other kinds), but data may.
  for (std::size_t depth = 0; depth < rules.schema.records.size() && current; ++depth) {
    const model::RecordKind* kind = model::find_record_kind(rules, current->type().name());
    if (kind == nullptr || kind->parent.empty()) break;
    const Value* key = current->field(current->type().find_field(kind->parent_field));
    current = nullptr;
    if (key == nullptr) break;
    for (const auto& record : all) {
      if (record.type().name() == kind->parent && key_of(record) == plain_text(*key)) {
        found.push_back(record);
        current = &found.back();
        break;
      }
    }
  }
  return found;
}

}  // namespace cadre::engine
