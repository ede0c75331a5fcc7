// The `derived` section: named values computed from facts and parameters,
// read by id in expressions like parameters are.
#include <optional>

#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kDerivedKeys[] = {{"subject"}, {"type"},        {"expr"},
                                    {"over"},    {"aggregate"},   {"where"},
                                    {"value"},   {"from_record"}, {"cite", Presence::required},
                                    {"quote"},   {"title"}};

/// In the order of model::AggregateKind.
constexpr std::string_view kAggregates[] = {"count", "sum", "min", "max", "any", "all", "list"};

// A group value over the records that belong to the subject: `over` names the
// members' kind, `aggregate` what is computed, `where` and `value` are
// expressions about each member.
std::optional<model::Aggregate> read_aggregate(FileContext& context, MappingReader& reader) {
  const yaml::Node* over = reader.find("over");
  if (over == nullptr) {
    for (std::string_view key : {"aggregate", "where", "value", "from_record"}) {
      if (!reader.has(key)) continue;
      context.error(*reader.find_key(key), code::load_conflicting_keys,
                    "`" + std::string(key) + "` is only allowed with `over`, in " + reader.what(),
                    "`over: KIND` makes a value of the group over its members of that kind");
    }
    if (!reader.has("expr")) reader.report_missing_key("expr");
    return std::nullopt;
  }
  model::Aggregate out;
  out.over = read_string(context, *over, reader.what_of("over")).value_or("");
  out.over_origin = context.origin(*over);
  if (!out.over.empty()) check_name(context, *over, out.over, "record kind");
  if (reader.has("expr")) {
    context.error(*reader.find_key("expr"), code::load_conflicting_keys,
                  reader.what() + " has both `expr` and `over`",
                  "a group value is computed from `aggregate`, `where` and `value`");
  }
  if (const yaml::Node* kind = reader.find("aggregate")) {
    if (auto index = read_choice(context, *kind, reader.what_of("aggregate"), kAggregates)) {
      out.kind = static_cast<model::AggregateKind>(*index);
    }
  } else {
    reader.report_missing_key("aggregate");
  }
  out.where = reader.expression("where");
  out.value = reader.expression("value");
  out.from_record = reader.expression("from_record");
  const bool counts = out.kind == model::AggregateKind::count;
  if (counts && reader.has("value")) {
    context.error(*reader.find_key("value"), code::load_conflicting_keys,
                  "`value` is not used by `aggregate: count`, in " + reader.what(),
                  "`where` selects the members that are counted");
  } else if (!counts && !reader.has("value") && reader.has("aggregate")) {
    reader.report_missing_key("value");
  }
  return out;
}

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
  out.aggregate = read_aggregate(context, reader);
  if (!out.aggregate) out.expr = reader.expression("expr");
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
