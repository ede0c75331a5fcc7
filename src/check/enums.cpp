// The enumeration pass ("check.enum"): each value listed once, an ordered
// scale with at least two levels, and `same_as` mappings between existing
// enumerations and their existing values.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "load/names.hpp"

namespace cadre::check {

namespace {

bool has_value(const model::EnumDecl& decl, std::string_view value) {
  return std::find(decl.values.begin(), decl.values.end(), value) != decl.values.end();
}

std::vector<std::string_view> views(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

void unique_values(PassContext& context, const model::EnumDecl& decl) {
  for (std::size_t i = 0; i < decl.values.size(); ++i) {
    auto before = std::count(decl.values.begin(), decl.values.begin() + i, decl.values[i]);
    if (before != 1) continue;  // first occurrence, or already reported
    context.error(decl.origin, Code::enumeration,
                  "value " + backticked(decl.values[i]) + " appears twice in enumeration " +
                      backticked(decl.id),
                  "list each value once");
  }
}

void ordered_levels(PassContext& context, const model::EnumDecl& decl) {
  // An open scale may name one level (「一般」) and leave the rest to a variant.
  if (decl.order == model::EnumOrderModel::unordered || decl.values.size() >= 2 || decl.open)
    return;
  std::string order = decl.order == model::EnumOrderModel::ascending ? "ascending" : "descending";
  context.warning(decl.origin, Code::enumeration,
                  "enumeration " + backticked(decl.id) + " is ordered (" + order + ") but has " +
                      (decl.values.empty() ? "no values" : "only one value"),
                  "an order compares two or more values; add the levels or drop `order`");
}

// The other enumeration named by a `same_as` key "<other>.<own value>": the
// longest declared id that prefixes the key (ids may contain dots).
const model::EnumDecl* mapped_enum(const model::Schema& schema, const std::string& key) {
  const model::EnumDecl* best = nullptr;
  for (const auto& decl : schema.enums) {
    bool prefix =
        key.size() > decl.id.size() && key.starts_with(decl.id) && key[decl.id.size()] == '.';
    if (prefix && (best == nullptr || decl.id.size() > best->id.size())) best = &decl;
  }
  return best;
}

void same_as_entry(PassContext& context, const model::EnumDecl& decl, const std::string& key,
                   const std::string& theirs) {
  const model::Schema& schema = context.rules().schema;
  const model::EnumDecl* other = mapped_enum(schema, key);
  std::string mapping = "`same_as` of enumeration " + backticked(decl.id);
  if (other == nullptr) {
    std::string name = key.substr(0, key.find('.'));
    std::vector<std::string_view> ids;
    for (const auto& e : schema.enums)
      ids.push_back(e.id);
    context.error(decl.origin, Code::enumeration,
                  mapping + " names " + backticked(name) + ", which is not an enumeration",
                  load::did_you_mean(name, ids));
    return;
  }
  std::string own = key.substr(other->id.size() + 1);
  if (!has_value(decl, own)) {
    context.error(decl.origin, Code::enumeration,
                  mapping + " maps " + backticked(own) + ", which is not one of its values",
                  load::did_you_mean(own, views(decl.values)));
  }
  if (!has_value(*other, theirs)) {
    context.error(decl.origin, Code::enumeration,
                  mapping + " maps " + backticked(own) + " to " + backticked(theirs) +
                      ", which is not a value of " + backticked(other->id),
                  load::did_you_mean(theirs, views(other->values)));
  }
}

}  // namespace

void check_enums(PassContext& context) {
  for (const auto& decl : context.rules().schema.enums) {
    unique_values(context, decl);
    ordered_levels(context, decl);
    for (const auto& [key, theirs] : decl.same_as)
      same_as_entry(context, decl, key, theirs);
  }
}

}  // namespace cadre::check
