// Record relationships by key.
#include "engine/related_records.hpp"

#include <unordered_map>

#include "engine/conditions.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

std::string key_of(const RecordValue& record) {
  const Value* key = record.field(record.type().find_field("id"));
  return key != nullptr ? plain_text(*key) : std::string();
}

std::vector<std::vector<std::size_t>> ancestor_indices(const model::RuleSet& rules,
                                                       const std::vector<RecordValue>& all) {
  // kind + NUL + id → first record with that key
  std::unordered_map<std::string, std::size_t> by_key;
  for (std::size_t i = 0; i < all.size(); ++i) {
    by_key.emplace(all[i].type().name() + '\0' + key_of(all[i]), i);
  }
  std::vector<std::vector<std::size_t>> links(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const RecordValue* current = &all[i];
    for (std::size_t depth = 0; depth < rules.schema.records.size(); ++depth) {
      const model::RecordKind* kind = model::find_record_kind(rules, current->type().name());
      if (kind == nullptr || kind->parent.empty()) break;
      const Value* key = current->field(current->type().find_field(kind->parent_field));
      if (key == nullptr) break;
      auto found = by_key.find(kind->parent + '\0' + plain_text(*key));
      if (found == by_key.end()) break;
      links[i].push_back(found->second);
      current = &all[found->second];
    }
  }
  return links;
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
