// Conversion of bound facts to their declared types.
#include "core/binding.hpp"

namespace cadre {

namespace {

Value mismatch(const Value& value, const Type& type, const std::string& path) {
  return Value::error("`" + path + "` is declared " + type.to_string() + " but was given a " +
                      value_kind_name(value.kind()) + " (" + value.debug_string() + ")");
}

Value fit_record(const Value& value, const Type& type, const std::string& path) {
  if (value.kind() == ValueKind::record && &value.as_record().type() == type.record_type()) {
    return value;
  }
  if (value.kind() != ValueKind::map) return mismatch(value, type, path);
  const RecordType& declared = *type.record_type();
  RecordValue record(type.record_type_shared());
  for (const auto& [key, field_value] : value.as_map().entries()) {
    if (key.kind() != ValueKind::string) return mismatch(key, Type::string(), path + " key");
    int index = declared.find_field(key.as_string());
    std::string field_path = path + "." + key.as_string();
    if (index < 0)
      return Value::error("`" + declared.name() + "` has no field `" + key.as_string() + "` (at `" +
                          field_path + "`)");
    // A null fact is an absent fact: it stays unknown.
    if (field_value.kind() == ValueKind::null) continue;
    Value fitted = fit_to_type(field_value, declared.fields()[index].type, field_path);
    if (fitted.is_error()) return fitted;
    record.set(index, std::move(fitted));
  }
  return Value(std::move(record));
}

Value fit_list(const Value& value, const Type& type, const std::string& path) {
  if (value.kind() != ValueKind::list) return mismatch(value, type, path);
  ListValue items;
  items.reserve(value.as_list().size());
  for (std::size_t i = 0; i < value.as_list().size(); ++i) {
    Value fitted =
        fit_to_type(value.as_list()[i], type.element(), path + "[" + std::to_string(i) + "]");
    if (fitted.is_error()) return fitted;
    items.push_back(std::move(fitted));
  }
  return Value(std::move(items));
}

Value fit_map(const Value& value, const Type& type, const std::string& path) {
  if (value.kind() != ValueKind::map) return mismatch(value, type, path);
  MapValue map;
  for (const auto& [key, entry] : value.as_map().entries()) {
    Value fitted_key = fit_to_type(key, type.key(), path + " key");
    if (fitted_key.is_error()) return fitted_key;
    Value fitted = fit_to_type(entry, type.value(), path + "[" + key.debug_string() + "]");
    if (fitted.is_error()) return fitted;
    map.set(std::move(fitted_key), std::move(fitted));
  }
  return Value(std::move(map));
}

Value fit_enum(const Value& value, const Type& type, const std::string& path) {
  const EnumType& enumeration = *type.enum_type();
  if (value.kind() == ValueKind::enumeration && value.as_enum().type.get() == &enumeration) {
    return value;
  }
  if (value.kind() != ValueKind::string) return mismatch(value, type, path);
  int index = enumeration.find(value.as_string());
  if (index >= 0) return EnumValue{type.enum_type_shared(), index};
  std::string names;
  for (const auto& name : enumeration.values())
    names += (names.empty() ? "" : ", ") + name;
  return Value::error("`" + path + "` is " + value.debug_string() + ", not a value of `" +
                      enumeration.name() + "` (" + names + ")");
}

Value fit_scalar(const Value& value, const Type& type, const std::string& path) {
  ValueKind kind = value.kind();
  switch (type.kind()) {
    case TypeKind::decimal:
      if (kind == ValueKind::decimal) return value;
      if (kind == ValueKind::integer) return Decimal::from_int(value.as_int());
      if (kind == ValueKind::string) {
        if (auto parsed = Decimal::parse(value.as_string())) return *parsed;
      }
      break;
    case TypeKind::date:
      if (kind == ValueKind::date) return value;
      if (kind == ValueKind::string) {
        if (auto parsed = Date::parse(value.as_string())) return *parsed;
      }
      break;
    case TypeKind::real:
      if (kind == ValueKind::real) return value;
      if (kind == ValueKind::integer) return static_cast<double>(value.as_int());
      if (kind == ValueKind::decimal) return value.as_decimal().to_double();
      break;
    case TypeKind::null:
      if (kind == ValueKind::null) return value;
      break;
    case TypeKind::boolean:
      if (kind == ValueKind::boolean) return value;
      break;
    case TypeKind::integer:
      if (kind == ValueKind::integer) return value;
      break;
    case TypeKind::string:
      if (kind == ValueKind::string) return value;
      break;
    case TypeKind::duration:
      if (kind == ValueKind::duration) return value;
      break;
    case TypeKind::timestamp:
      if (kind == ValueKind::timestamp) return value;
      break;
    default:
      return value;
  }
  return mismatch(value, type, path);
}

}  // namespace

Value fit_to_type(const Value& value, const Type& type, const std::string& path) {
  if (value.is_exceptional()) return value;
  switch (type.kind()) {
    case TypeKind::dyn:
      return value;
    case TypeKind::record:
      return fit_record(value, type, path);
    case TypeKind::list:
      return fit_list(value, type, path);
    case TypeKind::map:
      return fit_map(value, type, path);
    case TypeKind::enumeration:
      return fit_enum(value, type, path);
    default:
      return fit_scalar(value, type, path);
  }
}

}  // namespace cadre
