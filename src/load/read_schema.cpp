// The `schema` section: enumerations (ordered grade scales and their
// equivalences) and record kinds with their fields, parents and history lists.
// Type names are only checked for their shape here; what they name is
// resolved by the compiler, when every file and the base rule set are known.
#include <algorithm>

#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kSchemaKeys[] = {{"enums"}, {"records"}};
constexpr KeySpec kEnumKeys[] = {
    {"values", Presence::required}, {"order"}, {"same_as"}, {"open"}, {"title"}};
constexpr KeySpec kRecordKeys[] = {{"key"}, {"belongs_to"}, {"fields"}, {"conflicts"}, {"title"}};
constexpr KeySpec kConflictKeys[] = {
    {"when", Presence::required}, {"fields", Presence::required}, {"cite"}, {"quote"}};
constexpr KeySpec kFieldKeys[] = {{"type", Presence::required}, {"required"}, {"ref"}, {"title"}};
constexpr KeySpec kListFieldKeys[] = {
    {"list", Presence::required}, {"dated_by"}, {"unique_by"}, {"required"}, {"title"}};

/// In the order of model::EnumOrderModel.
constexpr std::string_view kOrders[] = {"unordered", "ascending", "descending"};

void skip_spaces(std::string_view& rest) {
  while (!rest.empty() && rest.front() == ' ')
    rest.remove_prefix(1);
}

bool consume(std::string_view& rest, std::string_view token) {
  skip_spaces(rest);
  if (!rest.starts_with(token)) return false;
  rest.remove_prefix(token.size());
  return true;
}

/// Consumes one type: a name, `list<T>` or `map<string, T>`.
bool consume_type(std::string_view& rest, int depth) {
  skip_spaces(rest);
  std::size_t length = 0;
  while (length < rest.size() && (is_name(rest.substr(0, length + 1))))
    ++length;
  const std::string_view name = rest.substr(0, length);
  rest.remove_prefix(length);
  if (name.empty() || depth > 16) return false;
  if (name == "list")
    return consume(rest, "<") && consume_type(rest, depth + 1) && consume(rest, ">");
  if (name == "map") {
    return consume(rest, "<") && consume(rest, "string") && consume(rest, ",") &&
           consume_type(rest, depth + 1) && consume(rest, ">");
  }
  return true;
}

std::vector<model::FieldDecl> read_fields(FileContext& context, const yaml::Node& node,
                                          const std::string& what);

// True when `name` is a field of the list's entries; reports it otherwise.
bool check_entry_field(FileContext& context, const yaml::Node& at, const std::string& key,
                       const std::string& name, const model::FieldDecl& field,
                       const MappingReader& reader) {
  std::vector<std::string_view> names;
  for (const model::FieldDecl& entry : field.entry)
    names.push_back(entry.name);
  if (name.empty() || std::find(names.begin(), names.end(), name) != names.end()) return true;
  context.error(at, code::load_bad_reference,
                "`" + key + "` of " + reader.what() + " names `" + name +
                    "`, which is not a field of its entries",
                did_you_mean(name, names));
  return false;
}

void read_list_field(FileContext& context, MappingReader& reader, model::FieldDecl& field) {
  field.list = true;
  if (const yaml::Node* list = reader.find("list")) {
    field.entry = read_fields(context, *list, reader.what_of("list"));
  }
  if (const yaml::Node* dated_by = reader.find("dated_by")) {
    field.dated_by = read_string(context, *dated_by, reader.what_of("dated_by")).value_or("");
    check_entry_field(context, *dated_by, "dated_by", field.dated_by, field, reader);
  }
  // Entries that agree on these fields describe one fact (one grade per
  // year and kind): entries that differ there are conflicting facts.
  if (const yaml::Node* unique_by = reader.find("unique_by")) {
    field.unique_by = read_string_list(context, *unique_by, reader.what_of("unique_by"));
    std::size_t i = 0;
    for (const auto& name : field.unique_by) {
      const yaml::Node& at = i < unique_by->items.size() ? unique_by->items[i] : *unique_by;
      check_entry_field(context, at, "unique_by", name, field, reader);
      ++i;
    }
  }
}

model::FieldDecl read_field(FileContext& context, const yaml::Node& key, const yaml::Node& value,
                            const std::string& owner) {
  model::FieldDecl field;
  field.name = key.scalar;
  field.origin = context.origin(key);
  check_name(context, key, key.scalar, "field name");
  const std::string what = "field `" + key.scalar + "` of " + owner;
  if (value.kind == yaml::NodeKind::scalar) {
    field.type = value.scalar;
    field.type_origin = context.origin(value);
    check_type_text(context, value, value.scalar, "`" + key.scalar + "` of " + owner);
    return field;
  }
  const bool is_list = value.kind == yaml::NodeKind::mapping && value.find("list") != nullptr;
  MappingReader reader(
      context, value, what,
      is_list ? std::span<const KeySpec>(kListFieldKeys) : std::span<const KeySpec>(kFieldKeys),
      &key);
  field.required = reader.boolean("required");
  field.title = reader.text("title");
  if (is_list) {
    read_list_field(context, reader, field);
    return field;
  }
  if (const yaml::Node* type = reader.find("type")) {
    field.type = read_string(context, *type, reader.what_of("type")).value_or("");
    field.type_origin = context.origin(*type);
    if (!field.type.empty()) check_type_text(context, *type, field.type, reader.what_of("type"));
  }
  if (const yaml::Node* ref = reader.find("ref")) {
    field.ref = read_string(context, *ref, reader.what_of("ref")).value_or("");
    if (!field.ref.empty()) check_name(context, *ref, field.ref, "record kind");
  }
  return field;
}

std::vector<model::FieldDecl> read_fields(FileContext& context, const yaml::Node& node,
                                          const std::string& what) {
  std::vector<model::FieldDecl> fields;
  for_each_entry(context, node, what, [&](const yaml::Node& key, const yaml::Node& value) {
    fields.push_back(read_field(context, key, value, what));
  });
  return fields;
}

void read_same_as(FileContext& context, const yaml::Node& node, model::EnumDecl& decl,
                  const std::string& what) {
  for_each_entry(context, node, what, [&](const yaml::Node& other, const yaml::Node& pairs) {
    check_name(context, other, other.scalar, "enum id");
    const std::string pairs_what = "`" + other.scalar + "` of " + what;
    for_each_entry(
        context, pairs, pairs_what, [&](const yaml::Node& own, const yaml::Node& theirs) {
          auto value = read_string(context, theirs, "`" + own.scalar + "` of " + pairs_what);
          if (std::find(decl.values.begin(), decl.values.end(), own.scalar) == decl.values.end()) {
            std::vector<std::string_view> values(decl.values.begin(), decl.values.end());
            context.error(own, code::load_bad_reference,
                          "`" + own.scalar + "` is not a value of enum `" + decl.id + "`",
                          did_you_mean(own.scalar, values));
          }
          if (value) decl.same_as[other.scalar + "." + own.scalar] = *value;
        });
  });
}

}  // namespace

model::EnumDecl read_enum(FileContext& context, const yaml::Node& key, const yaml::Node& value) {
  model::EnumDecl decl;
  decl.id = key.scalar;
  decl.origin = context.origin(key);
  check_name(context, key, key.scalar, "enum id");
  MappingReader reader(context, value, "enum `" + key.scalar + "`", kEnumKeys, &key);
  if (const yaml::Node* values = reader.find("values")) {
    decl.values = read_string_list(context, *values, reader.what_of("values"));
    if (values->kind == yaml::NodeKind::sequence && values->items.empty()) {
      context.error(*values, code::load_bad_value, "enum `" + decl.id + "` has no values");
    }
  }
  if (const yaml::Node* order = reader.find("order")) {
    if (auto index = read_choice(context, *order, reader.what_of("order"), kOrders)) {
      decl.order = static_cast<model::EnumOrderModel>(*index);
    }
  }
  if (const yaml::Node* same_as = reader.find("same_as")) {
    read_same_as(context, *same_as, decl, reader.what_of("same_as"));
  }
  decl.open = reader.boolean("open");
  decl.title = reader.text("title");
  return decl;
}

namespace {

bool has_field(const model::RecordKind& record, std::string_view name) {
  return std::any_of(record.fields.begin(), record.fields.end(),
                     [&](const model::FieldDecl& field) { return field.name == name; });
}

/// Reports `field` (named by `key` of the record) when the record does not declare it.
void check_own_field(FileContext& context, const yaml::Node& at, const model::RecordKind& record,
                     std::string_view key, const std::string& field) {
  if (field.empty() || has_field(record, field)) return;
  std::vector<std::string_view> names;
  for (const model::FieldDecl& decl : record.fields)
    names.push_back(decl.name);
  context.error(at, code::load_bad_reference,
                "`" + std::string(key) + "` of record kind `" + record.id + "` names `" + field +
                    "`, which is not one of its fields",
                did_you_mean(field, names));
}

void read_belongs_to(FileContext& context, const yaml::Node& node, model::RecordKind& record) {
  const std::string what = "`belongs_to` of record kind `" + record.id + "`";
  if (!expect_kind(context, node, yaml::NodeKind::mapping, what)) return;
  if (node.entries.size() != 1) {
    context.error(node, code::load_type, "expected one `parent: field` entry for " + what);
    return;
  }
  const auto& [parent, field] = node.entries.front();
  record.parent = parent.scalar;
  check_name(context, parent, parent.scalar, "record kind");
  record.parent_field =
      read_string(context, field, "`" + parent.scalar + "` of " + what).value_or("");
  check_own_field(context, field, record, "belongs_to", record.parent_field);
}

std::vector<model::FactConflict> read_conflicts(FileContext& context, const yaml::Node& node,
                                                const model::RecordKind& record) {
  std::vector<model::FactConflict> conflicts;
  const std::string what = "`conflicts` of record kind `" + record.id + "`";
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return conflicts;
  for (const yaml::Node& item : node.items) {
    MappingReader reader(context, item, "an item of " + what, kConflictKeys);
    model::FactConflict conflict;
    conflict.origin = context.origin(item);
    conflict.when = reader.expression("when");
    // The fields are checked once the rule set is whole (record_kinds.cpp):
    // a variant may name fields of its base's kind.
    if (const yaml::Node* fields = reader.find("fields")) {
      conflict.fields = read_string_list(context, *fields, reader.what_of("fields"));
      for (std::size_t i = 0; i < conflict.fields.size() && i < fields->items.size(); ++i) {
        conflict.field_origins.push_back(context.origin(fields->items[i]));
      }
    }
    conflict.cite = reader.citation();
    conflicts.push_back(std::move(conflict));
  }
  return conflicts;
}

model::RecordKind read_record(FileContext& context, const yaml::Node& key,
                              const yaml::Node& value) {
  model::RecordKind record;
  record.id = key.scalar;
  record.origin = context.origin(key);
  check_name(context, key, key.scalar, "record kind");
  MappingReader reader(context, value, "record kind `" + key.scalar + "`", kRecordKeys, &key);
  if (const yaml::Node* fields = reader.find("fields")) {
    record.fields = read_fields(context, *fields, "record kind `" + key.scalar + "`");
    record.declares_fields = true;
  }
  if (const yaml::Node* record_key = reader.find("key")) {
    record.key = read_string(context, *record_key, reader.what_of("key")).value_or("id");
    check_own_field(context, *record_key, record, "key", record.key);
  }
  if (const yaml::Node* belongs_to = reader.find("belongs_to")) {
    read_belongs_to(context, *belongs_to, record);
  }
  if (const yaml::Node* conflicts = reader.find("conflicts")) {
    record.conflicts = read_conflicts(context, *conflicts, record);
  }
  record.title = reader.text("title");
  return record;
}

}  // namespace

bool check_type_text(FileContext& context, const yaml::Node& at, std::string_view text,
                     std::string_view what) {
  std::string_view rest = text;
  if (consume_type(rest, 0) && (skip_spaces(rest), rest.empty())) return true;
  context.error(at, code::load_bad_type,
                "invalid type `" + std::string(text) + "` for " + std::string(what),
                "a type is `bool`, `int`, `double`, `decimal`, `string`, `date`, `list<T>`, "
                "`map<string, T>`, an enum id or a record kind");
  return false;
}

void read_schema(FileContext& context, const yaml::Node& section, model::Schema& out) {
  MappingReader reader(context, section, "`schema`", kSchemaKeys);
  if (const yaml::Node* enums = reader.find("enums")) {
    for_each_entry(context, *enums, "`enums` of `schema`",
                   [&](const yaml::Node& key, const yaml::Node& value) {
                     out.enums.push_back(read_enum(context, key, value));
                   });
  }
  if (const yaml::Node* records = reader.find("records")) {
    for_each_entry(context, *records, "`records` of `schema`",
                   [&](const yaml::Node& key, const yaml::Node& value) {
                     out.records.push_back(read_record(context, key, value));
                   });
  }
}

}  // namespace cadre::load
