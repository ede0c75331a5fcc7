// The `sources` section: the documents that provisions are cited from, with
// their provenance (a report about a rule, or the normative text itself).
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kSourceKeys[] = {{"title", Presence::required},  {"issuer"},   {"date"}, {"file"},
                                   {"nature", Presence::required}, {"truncated"}};

/// In the order of model::SourceNature.
constexpr std::string_view kNatures[] = {"normative", "report"};

model::Source read_source(FileContext& context, const yaml::Node& key, const yaml::Node& value) {
  model::Source source;
  source.id = key.scalar;
  source.origin = context.origin(key);
  check_name(context, key, key.scalar, "source id");
  MappingReader reader(context, value, "source `" + key.scalar + "`", kSourceKeys, &key);
  source.title = reader.text("title");
  source.issuer = reader.string("issuer").value_or("");
  source.date = reader.date("date");
  source.file = reader.string("file").value_or("");
  if (const yaml::Node* nature = reader.find("nature")) {
    if (auto index = read_choice(context, *nature, reader.what_of("nature"), kNatures)) {
      source.nature = static_cast<model::SourceNature>(*index);
    }
  }
  source.truncated = reader.boolean("truncated");
  return source;
}

}  // namespace

void read_sources(FileContext& context, const yaml::Node& section,
                  std::vector<model::Source>& out) {
  for_each_entry(context, section, "`sources`",
                 [&](const yaml::Node& key, const yaml::Node& value) {
                   out.push_back(read_source(context, key, value));
                 });
}

}  // namespace cadre::load
