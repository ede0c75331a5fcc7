// The `ruleset` section of the root file: the rule set's identity, validity,
// includes and, for a variant, the rule set it extends.
#include <algorithm>

#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kMetadataKeys[] = {{"id", Presence::required},
                                     {"version", Presence::required},
                                     {"title"},
                                     {"jurisdiction"},
                                     {"valid"},
                                     {"include"},
                                     {"extends"},
                                     {"abstract"}};

constexpr KeySpec kValidKeys[] = {{"from", Presence::required}, {"to"}};

/// Rule-set ids are letters, digits, `_`, `.` and `-` (docs/rules.md).
bool is_ruleset_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
}

void read_validity(FileContext& context, const yaml::Node& node, model::Metadata& out) {
  MappingReader reader(context, node, "`valid` of `ruleset`", kValidKeys);
  out.valid_from = reader.date("from");
  out.valid_to = reader.date("to");
  if (out.valid_from && out.valid_to && *out.valid_to < *out.valid_from) {
    context.error(*reader.find("to"), code::load_bad_value,
                  "`valid.to` (`" + out.valid_to->to_string() + "`) is before `valid.from` (`" +
                      out.valid_from->to_string() + "`)");
  }
}

}  // namespace

void read_metadata(FileContext& context, const yaml::Node& anchor, const yaml::Node& section,
                   model::Metadata& out) {
  MappingReader reader(context, section, "`ruleset`", kMetadataKeys, &anchor);
  out.origin = context.origin(section);
  if (!reader.is_mapping()) return;
  if (auto id = reader.string("id")) {
    out.id = *id;
    if (!is_ruleset_id(*id)) {
      context.error(*reader.find("id"), code::load_bad_id, "invalid rule-set id `" + *id + "`",
                    "a rule-set id is made of ASCII letters, digits, `_`, `.` and `-`");
    }
  }
  out.version = reader.string("version").value_or("");
  out.title = reader.text("title");
  out.jurisdiction = reader.string("jurisdiction").value_or("");
  if (const yaml::Node* valid = reader.find("valid")) read_validity(context, *valid, out);
  if (const yaml::Node* include = reader.find("include")) {
    out.include = read_string_list(context, *include, reader.what_of("include"));
  }
  out.abstract = reader.boolean("abstract");
  if (const yaml::Node* extends = reader.find("extends")) {
    out.extends = read_string(context, *extends, reader.what_of("extends")).value_or("");
    out.extends_origin = context.origin(*extends);
  }
}

}  // namespace cadre::load
