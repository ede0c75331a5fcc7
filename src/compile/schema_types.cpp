// Schema → expression types. Record kinds may contain other kinds (a field of
// record type); they are built on demand, and a kind that contains itself is
// an error since records are finite.
#include "compile/schema_types.hpp"
#include "core/text.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>

namespace cadre {

namespace {

EnumOrder to_order(model::EnumOrderModel order) {
  switch (order) {
    case model::EnumOrderModel::ascending:
      return EnumOrder::ascending;
    case model::EnumOrderModel::descending:
      return EnumOrder::descending;
    default:
      return EnumOrder::unordered;
  }
}

}  // namespace

SchemaTypes::SchemaTypes(const model::Schema& schema, const model::Origins& origins,
                         std::vector<Diagnostic>& diagnostics)
    : schema_(schema), origins_(origins), diagnostics_(diagnostics) {
  for (const auto& decl : schema.enums) {
    enums_[decl.id] =
        std::make_shared<const EnumType>(decl.id, decl.values, to_order(decl.order), decl.open);
  }
  for (const auto& kind : schema.records) {
    if (!records_.contains(kind.id)) build_record(kind.id, kind.fields);
  }
}

const std::shared_ptr<const EnumType>* SchemaTypes::find_enum(std::string_view id) const {
  auto found = enums_.find(std::string(id));
  return found == enums_.end() ? nullptr : &found->second;
}

const std::shared_ptr<const RecordType>* SchemaTypes::find_record(std::string_view id) const {
  auto found = records_.find(std::string(id));
  return found == records_.end() ? nullptr : &found->second;
}

std::optional<Type> SchemaTypes::resolve(std::string_view text) const {
  text = trim_spaces(text);
  if (const auto* enumeration = find_enum(text)) return Type::enumeration(*enumeration);
  if (const auto* record = find_record(text)) return Type::record(*record);
  if (text.starts_with("list<") && text.ends_with(">")) {
    auto element = resolve(text.substr(5, text.size() - 6));
    if (element) return Type::list(*element);
    return std::nullopt;
  }
  if (text.starts_with("map<") && text.ends_with(">")) {
    std::string_view inner = text.substr(4, text.size() - 5);
    auto comma = inner.find(',');
    if (comma == std::string_view::npos || trim_spaces(inner.substr(0, comma)) != "string") {
      return std::nullopt;
    }
    auto value = resolve(inner.substr(comma + 1));
    if (value) return Type::map(Type::string(), *value);
    return std::nullopt;
  }
  return parse_builtin_type(text);
}

std::optional<Type> SchemaTypes::field_type(const std::string& record,
                                            const model::FieldDecl& field) {
  if (!field.entry.empty() || field.list) {
    auto entry = build_record(record + "." + field.name, field.entry, field.unique_by);
    return Type::list(Type::record(entry));
  }
  // A record kind not yet built is built first (declaration order is free).
  std::string_view text = trim_spaces(field.type);
  for (const auto& kind : schema_.records) {
    bool mentioned = text == kind.id || text == "list<" + kind.id + ">";
    if (mentioned && !records_.contains(kind.id)) {
      if (std::find(building_.begin(), building_.end(), kind.id) != building_.end()) {
        diagnostics_.push_back({Severity::error, code::schema_cycle, origins_.locate(field.origin),
                                "record kind `" + kind.id + "` contains itself through field `" +
                                    record + "." + field.name + "`",
                                "refer to the other record by its key (`ref:`) instead"});
        return std::nullopt;
      }
      build_record(kind.id, kind.fields);
    }
  }
  auto type = resolve(text);
  if (!type) {
    model::OriginId at = field.type_origin != model::kNoOrigin ? field.type_origin : field.origin;
    diagnostics_.push_back(
        {Severity::error, code::schema_unknown_type, origins_.locate(at),
         "unknown type `" + field.type + "` for field `" + record + "." + field.name + "`",
         "use bool, int, double, decimal, string, date, list<T>, "
         "map<string, T>, an enum or a record kind"});
  }
  return type;
}

std::shared_ptr<const RecordType> SchemaTypes::build_record(
    const std::string& name, const std::vector<model::FieldDecl>& fields,
    const std::vector<std::string>& keys) {
  building_.push_back(name);
  std::vector<FieldDecl> declared;
  for (const auto& field : fields) {
    declared.push_back({field.name, field_type(name, field).value_or(Type::dyn())});
  }
  building_.pop_back();
  auto record = std::make_shared<const RecordType>(name, std::move(declared), keys);
  records_[name] = record;
  return record;
}

}  // namespace cadre
