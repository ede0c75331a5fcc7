// The `switches` section (the readings a rule set takes where the texts are
// ambiguous, MODEL.md §10) and the `lists` section (lists the texts name but
// may not enumerate: 「10种情形」 with two named).
#include <algorithm>

#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kSwitchKeys[] = {
    {"values", Presence::required}, {"default"}, {"unset"}, {"cite"}, {"quote"}, {"title"}};
/// The reason codes an unset switch may carry (MODEL.md §1).
constexpr std::string_view kUnsetCodes[] = {"ambiguous_reading", "unspecified_parameter"};
constexpr KeySpec kListKeys[] = {{"size"}, {"items"}, {"cite"}, {"quote"}};

void read_default(FileContext& context, MappingReader& reader, model::Switch& out) {
  const yaml::Node* node = reader.find("default");
  if (node == nullptr) return;
  auto value = read_string(context, *node, reader.what_of("default"));
  if (!value) return;
  if (std::find(out.values.begin(), out.values.end(), *value) != out.values.end()) {
    out.default_value = *value;
    return;
  }
  if (out.values.empty()) return;
  const std::vector<std::string_view> values(out.values.begin(), out.values.end());
  std::string help = did_you_mean(*value, values);
  if (help.empty()) help = "expected one of " + quoted_list(values);
  context.error(*node, code::load_bad_value,
                "default `" + *value + "` of switch `" + out.id + "` is not one of its values",
                std::move(help));
}

model::Switch read_switch(FileContext& context, const yaml::Node& key, const yaml::Node& value) {
  model::Switch out;
  out.id = key.scalar;
  out.origin = context.origin(key);
  check_dotted_id(context, key, key.scalar, "switch id");
  MappingReader reader(context, value, "switch `" + key.scalar + "`", kSwitchKeys, &key);
  if (const yaml::Node* values = reader.find("values")) {
    out.values = read_string_list(context, *values, reader.what_of("values"));
    // One value is enough: a switch without a default is unset, the other reading.
    if (values->kind == yaml::NodeKind::sequence && values->items.empty()) {
      context.error(*values, code::load_bad_value, "switch `" + out.id + "` has no values");
    }
  }
  read_default(context, reader, out);
  if (const yaml::Node* unset = reader.find("unset")) {
    if (auto index = read_choice(context, *unset, reader.what_of("unset"), kUnsetCodes)) {
      out.unset_code = std::string(kUnsetCodes[*index]);
    }
    if (reader.has("default")) {
      context.error(*reader.find_key("unset"), code::load_conflicting_keys,
                    "switch `" + out.id + "` has a default: it is never unset",
                    "`unset` names the reason code while no reading is chosen");
    }
  }
  out.cite = reader.citation();
  out.title = reader.text("title");
  return out;
}

void read_items(FileContext& context, const yaml::Node& node, const std::string& what,
                model::NamedList& out) {
  for_each_entry(context, node, what, [&](const yaml::Node& code, const yaml::Node& text) {
    out.items.emplace_back(code.scalar,
                           read_text(context, text, "`" + code.scalar + "` of " + what));
  });
}

}  // namespace

model::NamedList read_list(FileContext& context, const yaml::Node& key, const yaml::Node& value) {
  model::NamedList out;
  out.id = key.scalar;
  out.origin = context.origin(key);
  check_dotted_id(context, key, key.scalar, "list id");
  MappingReader reader(context, value, "list `" + key.scalar + "`", kListKeys, &key);
  if (!reader.is_mapping()) return out;
  if (!reader.has("size") && !reader.has("items")) {
    context.error(key, code::load_missing_key,
                  "missing key `size` or `items` in list `" + out.id + "`");
  }
  if (const yaml::Node* items = reader.find("items"))
    read_items(context, *items, reader.what_of("items"), out);
  if (auto size = reader.integer("size")) {
    if (*size < 0 || *size < static_cast<std::int64_t>(out.items.size())) {
      context.error(*reader.find("size"), code::load_bad_value,
                    "list `" + out.id + "` names " + std::to_string(out.items.size()) +
                        " items but its `size` is " + std::to_string(*size));
    } else {
      out.size = static_cast<int>(std::min<std::int64_t>(*size, 1'000'000'000));
    }
  }
  out.cite = reader.citation();
  return out;
}

void read_switches(FileContext& context, const yaml::Node& section,
                   std::vector<model::Switch>& out) {
  for_each_entry(context, section, "`switches`",
                 [&](const yaml::Node& key, const yaml::Node& value) {
                   out.push_back(read_switch(context, key, value));
                 });
}

void read_lists(FileContext& context, const yaml::Node& section,
                std::vector<model::NamedList>& out) {
  for_each_entry(context, section, "`lists`", [&](const yaml::Node& key, const yaml::Node& value) {
    out.push_back(read_list(context, key, value));
  });
}

}  // namespace cadre::load
