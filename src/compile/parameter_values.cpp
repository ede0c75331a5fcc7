// Typed parsing of parameter values.
#include "compile/parameter_values.hpp"

#include <charconv>

#include "compile/decimal_literal.hpp"
#include "core/text.hpp"

namespace cadre {

namespace {

Value scalar(std::string_view text, const Type& type) {
  text = trim_spaces(text);
  switch (type.kind()) {
    case TypeKind::integer: {
      std::int64_t value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error == std::errc() && end == text.data() + text.size()) return value;
      break;
    }
    case TypeKind::real: {
      double value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error == std::errc() && end == text.data() + text.size()) return value;
      break;
    }
    case TypeKind::decimal:
      if (auto value = decimal_from_literal(text)) return *value;
      break;
    case TypeKind::boolean:
      if (text == "true" || text == "false") return text == "true";
      break;
    case TypeKind::date:
      if (auto value = Date::parse(text)) return *value;
      break;
    case TypeKind::string:
      return std::string(text);
    case TypeKind::enumeration: {
      int index = type.enum_type()->find(text);
      if (index >= 0) return EnumValue{type.enum_type_shared(), index};
      break;
    }
    default:
      break;
  }
  return Value::error("`" + std::string(text) + "` is not a " + type.to_string());
}

// A list-typed value: the items of a YAML sequence, each of the element
// type. A scalar is not read as a list of one (it must be written as a YAML list).
Value list(const model::ParamValue& written, const Type& type) {
  if (!written.is_list) {
    return Value::error("expected a list of `" + type.element().to_string() + "`, found `" +
                        written.text + "`");
  }
  ListValue items;
  for (const std::string& text : written.items) {
    Value item = scalar(text, type.element());
    if (item.is_error()) return item;
    items.push_back(std::move(item));
  }
  return Value(std::move(items));
}

}  // namespace

Value unspecified_value(const std::string& id, std::string_view code) {
  return Value::unknown(std::string(code) + ":" + id);
}

Value parameter_value(const model::ParamValue& written, const Type& type, const std::string& id,
                      std::string_view code) {
  if (written.unspecified) return unspecified_value(id, code);
  if (type.kind() == TypeKind::list) return list(written, type);
  if (written.is_list) return Value::error("expected a " + type.to_string() + ", found a list");
  return scalar(written.text, type);
}

}  // namespace cadre
