// Stand-ins for unreadable records (see stand_ins.hpp).
#include "engine/stand_ins.hpp"

#include "model/queries.hpp"

namespace cadre::engine {

void StandIns::add(const InputRecord& input, std::size_t position) {
  if (input.value || !input.partial) return;
  const RecordValue& partial = *input.partial;
  std::string id = input.id.empty() ? "#" + std::to_string(position) : input.id;
  auto [found, first] = readings_.try_emplace({partial.type().name(), id});
  Readings& readings = found->second;
  if (first) {
    readings.type = partial.type_shared();
    readings.id = std::move(id);
    const model::RecordKind* kind = model::find_record_kind(impl_.rules(), found->first.first);
    readings.parent = kind != nullptr && !kind->parent_field.empty()
                          ? partial.type().find_field(kind->parent_field)
                          : -1;
    const Value* group = readings.parent >= 0 ? partial.field(readings.parent) : nullptr;
    if (group != nullptr) readings.group = *group;
    readings.agreed = group != nullptr && !group->is_exceptional();
    return;
  }
  const Value* theirs = readings.parent >= 0 ? partial.field(readings.parent) : nullptr;
  readings.agreed = readings.agreed && theirs != nullptr && !theirs->is_exceptional() &&
                    values_equal(*theirs, *readings.group);
}

std::vector<RecordValue> StandIns::build(const Readable& readable) const {
  std::vector<RecordValue> out;
  for (const auto& [key, readings] : readings_) {
    if (readable(key.first, key.second)) continue;
    RecordValue stand_in(readings.type);
    int id_field = readings.type->find_field("id");
    if (id_field >= 0) stand_in.set(id_field, Value(readings.id));
    if (readings.agreed) stand_in.set(readings.parent, *readings.group);
    out.push_back(std::move(stand_in));
  }
  return out;
}

}  // namespace cadre::engine
