// The `variant` section of a rule set that extends another: the differences
// it states explicitly (parameter overrides, switch settings, replaced and
// disabled decisions). Whether the ids exist in the base is checked when the
// variant is merged (variant_merge.cpp).
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kVariantKeys[] = {{"parameters"}, {"enums"},   {"lists"},
                                    {"switches"},   {"replace"}, {"disable"}};

void read_switch_settings(FileContext& context, const yaml::Node& node,
                          model::VariantChanges& out) {
  for_each_entry(context, node, "`switches` of `variant`",
                 [&](const yaml::Node& key, const yaml::Node& value) {
                   check_dotted_id(context, key, key.scalar, "switch id");
                   auto setting =
                       read_string(context, value, "switch `" + key.scalar + "` in `variant`");
                   if (!setting) return;
                   out.switches.emplace_back(key.scalar, *setting);
                   out.switch_origins.push_back(context.origin(key));
                   out.switch_value_origins.push_back(context.origin(value));
                 });
}

void read_disable(FileContext& context, const yaml::Node& node, model::VariantChanges& out) {
  if (!expect_kind(context, node, yaml::NodeKind::sequence, "`disable` of `variant`")) return;
  for (const yaml::Node& item : node.items) {
    auto id = read_string(context, item, "an item of `disable` of `variant`");
    if (!id || !check_dotted_id(context, item, *id, "decision id")) continue;
    out.disable.emplace_back(*id, context.origin(item));
  }
}

}  // namespace

void read_variant(FileContext& context, const yaml::Node& section, model::VariantChanges& out) {
  MappingReader reader(context, section, "`variant`", kVariantKeys);
  if (const yaml::Node* parameters = reader.find("parameters")) {
    for_each_entry(context, *parameters, "`parameters` of `variant`",
                   [&](const yaml::Node& key, const yaml::Node& value) {
                     check_dotted_id(context, key, key.scalar, "parameter id");
                     out.parameters.push_back(read_parameter_override(context, key, value));
                   });
  }
  if (const yaml::Node* enums = reader.find("enums")) {
    for_each_entry(context, *enums, "`enums` of `variant`",
                   [&](const yaml::Node& key, const yaml::Node& value) {
                     out.enums.push_back(read_enum(context, key, value));
                   });
  }
  if (const yaml::Node* lists = reader.find("lists")) {
    for_each_entry(context, *lists, "`lists` of `variant`",
                   [&](const yaml::Node& key, const yaml::Node& value) {
                     out.lists.push_back(read_list(context, key, value));
                   });
  }
  if (const yaml::Node* switches = reader.find("switches")) {
    read_switch_settings(context, *switches, out);
  }
  if (const yaml::Node* replace = reader.find("replace")) {
    if (expect_kind(context, *replace, yaml::NodeKind::sequence, "`replace` of `variant`")) {
      for (const yaml::Node& item : replace->items)
        out.replace.push_back(read_decision(context, item));
    }
  }
  if (const yaml::Node* disable = reader.find("disable")) read_disable(context, *disable, out);
}

}  // namespace cadre::load
