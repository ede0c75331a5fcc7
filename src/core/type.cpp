// Type values: constructors, structural equality, names and parsing of the
// built-in type names used in declarations.
#include "cadre/type.hpp"

#include <utility>

#include "core/access.hpp"
#include "core/text.hpp"

namespace cadre {

struct Type::Parts {
  std::vector<Type> arguments;  // list: element; map: key, value
  std::shared_ptr<const RecordType> record;
  std::string param_name;
  std::shared_ptr<const EnumType> enumeration;
};

namespace {

const Type& dyn_type() {
  static const Type dyn;
  return dyn;
}

// Splits "K, V" at the top-level comma.
std::optional<std::pair<std::string_view, std::string_view>> split_pair(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') ++depth;
    if (text[i] == '>') --depth;
    if (text[i] == ',' && depth == 0) return std::pair{text.substr(0, i), text.substr(i + 1)};
  }
  return std::nullopt;
}

}  // namespace

Type Type::list(Type element) {
  Type type(TypeKind::list);
  type.parts_ = std::make_shared<const Parts>(Parts{{std::move(element)}, nullptr, {}, nullptr});
  return type;
}

Type Type::map(Type key, Type value) {
  Type type(TypeKind::map);
  type.parts_ = std::make_shared<const Parts>(
      Parts{{std::move(key), std::move(value)}, nullptr, {}, nullptr});
  return type;
}

Type Type::record(std::shared_ptr<const RecordType> record) {
  Type type(TypeKind::record);
  type.parts_ = std::make_shared<const Parts>(Parts{{}, std::move(record), {}, nullptr});
  return type;
}

Type Type::enumeration(std::shared_ptr<const EnumType> enumeration) {
  Type type(TypeKind::enumeration);
  type.parts_ = std::make_shared<const Parts>(Parts{{}, nullptr, {}, std::move(enumeration)});
  return type;
}

const EnumType* Type::enum_type() const {
  return kind_ == TypeKind::enumeration ? parts_->enumeration.get() : nullptr;
}

std::shared_ptr<const EnumType> Type::enum_type_shared() const {
  return kind_ == TypeKind::enumeration ? parts_->enumeration : nullptr;
}

// A placeholder is a dyn type with a name: to an integrator it is any value;
// the checker's unifier binds it per call.
Type internal::Access::type_param(std::string name) {
  Type type(TypeKind::dyn);
  type.parts_ =
      std::make_shared<const Type::Parts>(Type::Parts{{}, nullptr, std::move(name), nullptr});
  return type;
}

const std::string* internal::Access::type_param_name(const Type& type) {
  return type.kind_ == TypeKind::dyn && type.parts_ ? &type.parts_->param_name : nullptr;
}

const Type& Type::element() const {
  return kind_ == TypeKind::list ? parts_->arguments[0] : dyn_type();
}

const Type& Type::key() const {
  return kind_ == TypeKind::map ? parts_->arguments[0] : dyn_type();
}

const Type& Type::value() const {
  return kind_ == TypeKind::map ? parts_->arguments[1] : dyn_type();
}

const RecordType* Type::record_type() const {
  return kind_ == TypeKind::record ? parts_->record.get() : nullptr;
}

std::shared_ptr<const RecordType> Type::record_type_shared() const {
  return kind_ == TypeKind::record ? parts_->record : nullptr;
}

std::string Type::to_string() const {
  switch (kind_) {
    case TypeKind::dyn:
      return parts_ ? parts_->param_name : "dyn";
    case TypeKind::null:
      return "null";
    case TypeKind::boolean:
      return "bool";
    case TypeKind::integer:
      return "int";
    case TypeKind::real:
      return "double";
    case TypeKind::decimal:
      return "decimal";
    case TypeKind::string:
      return "string";
    case TypeKind::date:
      return "date";
    case TypeKind::duration:
      return "duration";
    case TypeKind::timestamp:
      return "timestamp";
    case TypeKind::list:
      return "list<" + element().to_string() + ">";
    case TypeKind::map:
      return "map<" + key().to_string() + ", " + value().to_string() + ">";
    case TypeKind::record:
      return parts_->record->name();
    case TypeKind::enumeration:
      return parts_->enumeration->name();
  }
  return "dyn";
}

bool operator==(const Type& a, const Type& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case TypeKind::list:
      return a.element() == b.element();
    case TypeKind::map:
      return a.key() == b.key() && a.value() == b.value();
    case TypeKind::record:
      return a.record_type() == b.record_type();
    case TypeKind::enumeration:
      return a.enum_type() == b.enum_type();
    case TypeKind::dyn: {
      const std::string* a_param = internal::Access::type_param_name(a);
      const std::string* b_param = internal::Access::type_param_name(b);
      return (a_param ? *a_param : std::string()) == (b_param ? *b_param : std::string());
    }
    default:
      return true;
  }
}

RecordType::RecordType(std::string name, std::vector<FieldDecl> fields,
                       std::vector<std::string> keys)
    : name_(std::move(name)), fields_(std::move(fields)) {
  for (const auto& key : keys) {
    int index = find_field(key);
    if (index >= 0) keys_.push_back(index);
  }
}

int RecordType::find_field(std::string_view name) const {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

EnumType::EnumType(std::string name, std::vector<std::string> values, EnumOrder order, bool open)
    : name_(std::move(name)), values_(std::move(values)), order_(order), open_(open) {}

int EnumType::find(std::string_view value) const {
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (values_[i] == value) return static_cast<int>(i);
  }
  return -1;
}

int EnumType::rank(int index) const {
  return order_ == EnumOrder::descending ? static_cast<int>(values_.size()) - 1 - index : index;
}

std::optional<Type> parse_builtin_type(std::string_view text) {
  text = trim_spaces(text);
  static const std::pair<std::string_view, Type (*)()> kScalars[] = {
      {"dyn", &Type::dyn},           {"null", &Type::null},
      {"bool", &Type::boolean},      {"int", &Type::integer},
      {"double", &Type::real},       {"decimal", &Type::decimal},
      {"string", &Type::string},     {"date", &Type::date},
      {"duration", &Type::duration}, {"timestamp", &Type::timestamp},
  };
  for (const auto& [name, make] : kScalars) {
    if (text == name) return make();
  }
  if (text.size() < 2 || text.back() != '>') return std::nullopt;
  if (text.starts_with("list<")) {
    auto element = parse_builtin_type(text.substr(5, text.size() - 6));
    if (element) return Type::list(*element);
    return std::nullopt;
  }
  if (text.starts_with("map<")) {
    auto parts = split_pair(text.substr(4, text.size() - 5));
    if (!parts) return std::nullopt;
    auto key = parse_builtin_type(parts->first);
    auto value = parse_builtin_type(parts->second);
    if (key && value) return Type::map(*key, *value);
  }
  return std::nullopt;
}

}  // namespace cadre
