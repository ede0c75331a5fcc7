// Item by item, part by part.
#include "diff/ruleset_diff.hpp"

#include <map>
#include <set>
#include <string>

#include "diff/canonical.hpp"

namespace cadre::diff {

namespace {

// The parts of `after` that differ from `before`: changed and added in the
// variant's order, then removed in the base's.
std::vector<FieldChange> part_changes(const Parts& before, const Parts& after) {
  std::map<std::string, const std::string*> base;
  for (const auto& [part, text] : before)
    base.emplace(part, &text);
  std::set<std::string> seen;
  std::vector<FieldChange> out;
  for (const auto& [part, text] : after) {
    seen.insert(part);
    auto found = base.find(part);
    if (found == base.end()) {
      out.push_back({part, "", text});
    } else if (*found->second != text) {
      out.push_back({part, *found->second, text});
    }
  }
  for (const auto& [part, text] : before) {
    if (!seen.count(part)) out.push_back({part, text, ""});
  }
  return out;
}

// What the report shows of an item beside its id.
struct Label {
  const model::Text* title = nullptr;
  const model::Citation* cite = nullptr;
};

Label label_of(const model::Parameter& p) {
  return {&p.title, &p.cite};
}
Label label_of(const model::Switch& s) {
  return {&s.title, &s.cite};
}
Label label_of(const model::NamedList& l) {
  return {nullptr, &l.cite};
}
Label label_of(const model::Derived& d) {
  return {&d.title, &d.cite};
}
Label label_of(const model::Decision& d) {
  return {&d.title, &d.cite};
}
Label label_of(const model::EnumDecl& e) {
  return {&e.title, nullptr};
}
Label label_of(const model::RecordKind& k) {
  return {&k.title, nullptr};
}

ItemChange item(ItemKind kind, const std::string& id, Change change, const Label& label) {
  ItemChange out;
  out.kind = kind;
  out.id = id;
  out.change = change;
  if (label.title != nullptr) {
    out.title_zh = label.title->zh;
    out.title_en = label.title->en;
  }
  if (label.cite != nullptr) {
    out.cite = label.cite->provision;
    out.quote = label.cite->quote;
  }
  return out;
}

template <typename Item>
void compare(ItemKind kind, const std::vector<Item>& base, const std::vector<Item>& variant,
             std::vector<ItemChange>& out) {
  std::map<std::string, const Item*> by_id;
  for (const Item& one : base)
    by_id.emplace(one.id, &one);
  std::set<std::string> in_variant;
  for (const Item& one : variant) {
    in_variant.insert(one.id);
    auto found = by_id.find(one.id);
    if (found == by_id.end()) {
      out.push_back(item(kind, one.id, Change::added, label_of(one)));
      continue;
    }
    auto fields = part_changes(parts_of(*found->second), parts_of(one));
    if (fields.empty()) continue;
    ItemChange changed = item(kind, one.id, Change::changed, label_of(one));
    changed.wording_only = true;
    for (const auto& field : fields)
      changed.wording_only = changed.wording_only && is_wording(field.path);
    changed.fields = std::move(fields);
    out.push_back(std::move(changed));
  }
  for (const Item& one : base) {
    if (!in_variant.count(one.id))
      out.push_back(item(kind, one.id, Change::removed, label_of(one)));
  }
}

}  // namespace

std::vector<ItemChange> diff_items(const model::RuleSet& base, const model::RuleSet& variant) {
  std::vector<ItemChange> out;
  auto validity = part_changes(validity_parts(base.metadata), validity_parts(variant.metadata));
  if (!validity.empty()) {
    ItemChange changed;
    changed.kind = ItemKind::metadata;
    changed.id = "valid";
    changed.change = Change::changed;
    changed.fields = std::move(validity);
    out.push_back(std::move(changed));
  }
  compare(ItemKind::enumeration, base.schema.enums, variant.schema.enums, out);
  compare(ItemKind::record_kind, base.schema.records, variant.schema.records, out);
  compare(ItemKind::parameter, base.parameters, variant.parameters, out);
  compare(ItemKind::switch_value, base.switches, variant.switches, out);
  compare(ItemKind::list, base.lists, variant.lists, out);
  compare(ItemKind::derived, base.derived, variant.derived, out);
  compare(ItemKind::decision, base.decisions, variant.decisions, out);
  return out;
}

}  // namespace cadre::diff
