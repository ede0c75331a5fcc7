// Checks of the record kinds that need the whole rule set: a variant may add
// fields and `conflicts` to a kind of its base (rules/professional-secretary
// adds a conflict on the tier of the base's cadre), so the fields a conflict
// names, and whether a kind has fields at all, are known only once the bases
// are merged.
#include <algorithm>

#include "load/load_state.hpp"
#include "load/mapping_reader.hpp"

namespace cadre::load {

void check_record_kinds(LoadState& state, const model::RuleSet& rules) {
  for (const model::RecordKind& kind : rules.schema.records) {
    if (!kind.declares_fields) {
      state.report(Severity::error, code::load_missing_key, state.origins.locate(kind.origin),
                   "missing key `fields` in record kind `" + kind.id + "`",
                   "a record kind declares its fields; a variant may add `conflicts` to a kind "
                   "of its base without them");
    }
    std::vector<std::string_view> names;
    for (const model::FieldDecl& field : kind.fields)
      names.push_back(field.name);
    for (const model::FactConflict& conflict : kind.conflicts) {
      for (std::size_t i = 0; i < conflict.fields.size(); ++i) {
        const std::string& field = conflict.fields[i];
        if (std::find(names.begin(), names.end(), field) != names.end()) continue;
        const model::OriginId at =
            i < conflict.field_origins.size() ? conflict.field_origins[i] : conflict.origin;
        state.report(Severity::error, code::load_bad_reference, state.origins.locate(at),
                     "`conflicts` of record kind `" + kind.id + "` names `" + field +
                         "`, which is not one of its fields",
                     did_you_mean(field, names));
      }
    }
  }
}

}  // namespace cadre::load
