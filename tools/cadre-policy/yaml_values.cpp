// YAML → Value conversion for the conformance runner and the sample files.
#include "yaml_values.hpp"

#include <charconv>
#include <cmath>
#include <limits>

namespace cadre::tool {

namespace {

// A plain scalar's text (on `line`, for the error of a text that is no value).
Value plain_scalar(const std::string& text, int line, PlainScalars plain) {
  if (text == "null" || text == "~" || text.empty()) return Value();
  if (text == "true") return true;
  if (text == "false") return false;
  if (text == ".inf" || text == "+.inf") return std::numeric_limits<double>::infinity();
  if (text == "-.inf") return -std::numeric_limits<double>::infinity();
  if (text == ".nan") return std::numeric_limits<double>::quiet_NaN();
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (text.find_first_of(".eE") == std::string::npos) {
    std::int64_t integer = 0;
    auto [ptr, error] = std::from_chars(begin, end, integer);
    if (error == std::errc() && ptr == end) return integer;
  } else if (plain == PlainScalars::lenient) {
    if (auto decimal = Decimal::parse(text)) return *decimal;
  } else {
    double real = 0;
    auto [ptr, error] = std::from_chars(begin, end, real);
    if (error == std::errc() && ptr == end) return real;
  }
  if (plain == PlainScalars::lenient) return text;
  return Value::error("line " + std::to_string(line) + ": cannot read `" + text +
                      "` as a value (quote strings)");
}

Value time_value(const std::string& type, const std::string& text) {
  if (type == "timestamp") {
    auto value = Timestamp::parse(text);
    if (value) return *value;
  } else {
    auto value = Duration::parse(text);
    if (value) return *value;
  }
  return Value::error("invalid " + type + " `" + text + "`");
}

Value tagged_time(const YAML::Node& node) {
  return time_value(node["type"].as<std::string>(), node["value"].as<std::string>());
}

bool is_tagged_time(const YAML::Node& node) {
  if (node.size() != 2 || !node["type"] || !node["value"]) return false;
  std::string type = node["type"].Scalar();
  return type == "timestamp" || type == "duration";
}

Type join(const Type& a, const Type& b) {
  return a == b ? a : Type::dyn();
}

}  // namespace

Value value_from_yaml(const YAML::Node& node, PlainScalars plain) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      return Value();
    case YAML::NodeType::Scalar:
      return node.Tag() == "!" ? Value(node.Scalar())
                               : plain_scalar(node.Scalar(), node.Mark().line + 1, plain);
    case YAML::NodeType::Sequence: {
      ListValue items;
      for (const auto& item : node)
        items.push_back(value_from_yaml(item, plain));
      return Value(std::move(items));
    }
    case YAML::NodeType::Map: {
      if (is_tagged_time(node)) return tagged_time(node);
      MapValue map;
      for (const auto& entry : node) {
        map.set(value_from_yaml(entry.first, plain), value_from_yaml(entry.second, plain));
      }
      return Value(std::move(map));
    }
  }
  return Value();
}

Value value_from_yaml(const yaml::Node& node, PlainScalars plain) {
  switch (node.kind) {
    case yaml::NodeKind::null:
      return Value();
    case yaml::NodeKind::scalar:
      return node.is_plain_scalar() ? plain_scalar(node.scalar, node.mark.line, plain)
                                    : Value(node.scalar);
    case yaml::NodeKind::sequence: {
      ListValue items;
      for (const auto& item : node.items)
        items.push_back(value_from_yaml(item, plain));
      return Value(std::move(items));
    }
    case yaml::NodeKind::mapping: {
      const yaml::Node* type = node.find("type");
      const yaml::Node* text = node.find("value");
      if (node.entries.size() == 2 && type != nullptr && text != nullptr &&
          (type->scalar == "timestamp" || type->scalar == "duration")) {
        return time_value(type->scalar, text->scalar);
      }
      MapValue map;
      for (const auto& [key, value] : node.entries) {
        map.set(value_from_yaml(key, plain), value_from_yaml(value, plain));
      }
      return Value(std::move(map));
    }
  }
  return Value();
}

Type type_of_value(const Value& value) {
  switch (value.kind()) {
    case ValueKind::null:
      return Type::null();
    case ValueKind::boolean:
      return Type::boolean();
    case ValueKind::integer:
      return Type::integer();
    case ValueKind::real:
      return Type::real();
    case ValueKind::decimal:
      return Type::decimal();
    case ValueKind::date:
      return Type::date();
    case ValueKind::duration:
      return Type::duration();
    case ValueKind::timestamp:
      return Type::timestamp();
    case ValueKind::string:
      return Type::string();
    case ValueKind::list: {
      std::optional<Type> element;
      for (const Value& item : value.as_list()) {
        element = element ? join(*element, type_of_value(item)) : type_of_value(item);
      }
      return Type::list(element.value_or(Type::dyn()));
    }
    case ValueKind::map: {
      std::optional<Type> key;
      std::optional<Type> item;
      for (const auto& [k, v] : value.as_map().entries()) {
        key = key ? join(*key, type_of_value(k)) : type_of_value(k);
        item = item ? join(*item, type_of_value(v)) : type_of_value(v);
      }
      return Type::map(key.value_or(Type::dyn()), item.value_or(Type::dyn()));
    }
    default:
      return Type::dyn();
  }
}

bool same_value(const Value& expected, const Value& actual) {
  if (expected.kind() != actual.kind()) return false;
  switch (expected.kind()) {
    case ValueKind::real: {
      double e = expected.as_double();
      double a = actual.as_double();
      if (std::isnan(e) || std::isnan(a)) return std::isnan(e) && std::isnan(a);
      return e == a && std::signbit(e) == std::signbit(a);
    }
    case ValueKind::list: {
      const auto& e = expected.as_list();
      const auto& a = actual.as_list();
      if (e.size() != a.size()) return false;
      for (std::size_t i = 0; i < e.size(); ++i) {
        if (!same_value(e[i], a[i])) return false;
      }
      return true;
    }
    case ValueKind::map: {
      const auto& e = expected.as_map();
      const auto& a = actual.as_map();
      if (e.size() != a.size()) return false;
      for (const auto& [key, value] : e.entries()) {
        const Value* other = a.find(key);
        if (other == nullptr || !same_value(value, *other)) return false;
      }
      return true;
    }
    default:
      return values_equal(expected, actual);
  }
}

}  // namespace cadre::tool
