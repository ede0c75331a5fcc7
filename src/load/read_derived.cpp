// The `derived` section: named values computed from facts and parameters,
// read by id in expressions like parameters are.
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kDerivedKeys[] = {
    {"subject"}, {"type"}, {"expr", Presence::required}, {"cite", Presence::required},
    {"quote"},   {"title"}};

model::Derived read_one(FileContext& context, const yaml::Node& key, const yaml::Node& value) {
  model::Derived out;
  out.id = key.scalar;
  out.origin = context.origin(key);
  check_dotted_id(context, key, key.scalar, "derived value id");
  MappingReader reader(context, value, "derived value `" + key.scalar + "`", kDerivedKeys, &key);
  if (const yaml::Node* subject = reader.find("subject")) {
    out.subject = read_string(context, *subject, reader.what_of("subject")).value_or("");
    out.subject_origin = context.origin(*subject);
    if (!out.subject.empty()) check_name(context, *subject, out.subject, "record kind");
  }
  if (const yaml::Node* type = reader.find("type")) {
    out.type = read_string(context, *type, reader.what_of("type")).value_or("");
    if (!out.type.empty()) check_type_text(context, *type, out.type, reader.what_of("type"));
  }
  out.expr = reader.expression("expr");
  out.cite = reader.citation();
  out.title = reader.text("title");
  return out;
}

}  // namespace

void read_derived(FileContext& context, const yaml::Node& section,
                  std::vector<model::Derived>& out) {
  for_each_entry(context, section, "`derived`",
                 [&](const yaml::Node& key, const yaml::Node& value) {
                   out.push_back(read_one(context, key, value));
                 });
}

}  // namespace cadre::load
