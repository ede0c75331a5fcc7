// Value construction, maps and records, CEL equality and the debug rendering.
#include "cadre/value.hpp"

#include <algorithm>

#include "core/numeric.hpp"

namespace cadre {

const char* value_kind_name(ValueKind kind) {
  switch (kind) {
    case ValueKind::null:
      return "null";
    case ValueKind::boolean:
      return "bool";
    case ValueKind::integer:
      return "int";
    case ValueKind::real:
      return "double";
    case ValueKind::decimal:
      return "decimal";
    case ValueKind::date:
      return "date";
    case ValueKind::duration:
      return "duration";
    case ValueKind::timestamp:
      return "timestamp";
    case ValueKind::string:
      return "string";
    case ValueKind::enumeration:
      return "enum";
    case ValueKind::list:
      return "list";
    case ValueKind::map:
      return "map";
    case ValueKind::record:
      return "record";
    case ValueKind::error:
      return "error";
    case ValueKind::unknown:
      return "unknown";
  }
  return "unknown";
}

Value::Value(std::string value) : data_(std::make_shared<const std::string>(std::move(value))) {}
Value::Value(ListValue value) : data_(std::make_shared<const ListValue>(std::move(value))) {}
Value::Value(MapValue value) : data_(std::make_shared<const MapValue>(std::move(value))) {}
Value::Value(RecordValue value) : data_(std::make_shared<const RecordValue>(std::move(value))) {}

Value Value::error(std::string message, int offset) {
  Value value;
  value.data_ = std::make_shared<const EvalError>(EvalError{std::move(message), offset});
  return value;
}

Value Value::unknown(std::string attribute) {
  return unknown(UnknownSet{{std::move(attribute)}});
}

Value Value::unknown(UnknownSet set) {
  std::sort(set.attributes.begin(), set.attributes.end());
  set.attributes.erase(std::unique(set.attributes.begin(), set.attributes.end()),
                       set.attributes.end());
  Value value;
  value.data_ = std::make_shared<const UnknownSet>(std::move(set));
  return value;
}

namespace {

template <typename Items, typename Render>
std::string join(const Items& items, Render render) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += render(item);
  }
  return out;
}

std::string render_record(const RecordValue& record) {
  std::string out = record.type().name() + "{";
  bool first = true;
  for (std::size_t i = 0; i < record.type().fields().size(); ++i) {
    const Value* field = record.field(static_cast<int>(i));
    if (field == nullptr) continue;
    out += first ? "" : ", ";
    out += record.type().fields()[i].name + ": " + field->debug_string();
    first = false;
  }
  return out + "}";
}

}  // namespace

std::string Value::debug_string() const {
  switch (kind()) {
    case ValueKind::null:
      return "null";
    case ValueKind::boolean:
      return as_bool() ? "true" : "false";
    case ValueKind::integer:
      return std::to_string(as_int());
    case ValueKind::real:
      return eval::format_double(as_double());
    case ValueKind::decimal:
      return "decimal(\"" + as_decimal().to_string() + "\")";
    case ValueKind::date:
      return "date(\"" + as_date().to_string() + "\")";
    case ValueKind::duration:
      return "duration(\"" + as_duration().to_string() + "\")";
    case ValueKind::timestamp:
      return "timestamp(\"" + as_timestamp().to_string() + "\")";
    case ValueKind::string:
      return eval::quote_string(as_string());
    case ValueKind::enumeration:
      return eval::quote_string(as_enum().name());
    case ValueKind::list:
      return "[" + join(as_list(), [](const Value& v) { return v.debug_string(); }) + "]";
    case ValueKind::map:
      return "{" +
             join(as_map().entries(),
                  [](const MapValue::Entry& e) {
                    return e.first.debug_string() + ": " + e.second.debug_string();
                  }) +
             "}";
    case ValueKind::record:
      return render_record(as_record());
    case ValueKind::error:
      return "error(" + eval::quote_string(as_error().message) + ")";
    case ValueKind::unknown:
      return "unknown(" + join(as_unknown().attributes, [](const std::string& s) { return s; }) +
             ")";
  }
  return "?";
}

const Value* MapValue::find(const Value& key) const {
  for (const Entry& entry : entries_) {
    if (values_equal(entry.first, key)) return &entry.second;
  }
  return nullptr;
}

const Value* MapValue::find_key(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.first.kind() == ValueKind::string && entry.first.as_string() == key) {
      return &entry.second;
    }
  }
  return nullptr;
}

void MapValue::set(Value key, Value value) {
  for (Entry& entry : entries_) {
    if (values_equal(entry.first, key)) {
      entry.second = std::move(value);
      return;
    }
  }
  entries_.emplace_back(std::move(key), std::move(value));
}

RecordValue::RecordValue(std::shared_ptr<const RecordType> type)
    : type_(std::move(type)), values_(type_->fields().size()), present_(type_->fields().size()) {}

const Value* RecordValue::field(int index) const {
  if (index < 0 || static_cast<std::size_t>(index) >= values_.size() || !present_[index]) {
    return nullptr;
  }
  return &values_[index];
}

bool RecordValue::has(int index) const {
  return field(index) != nullptr;
}

void RecordValue::set(int index, Value value) {
  values_.at(index) = std::move(value);
  present_.at(index) = true;
}

void RecordValue::clear(int index) {
  values_.at(index) = Value();
  present_.at(index) = false;
}

namespace {

bool lists_equal(const ListValue& a, const ListValue& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!values_equal(a[i], b[i])) return false;
  }
  return true;
}

bool maps_equal(const MapValue& a, const MapValue& b) {
  if (a.size() != b.size()) return false;
  for (const auto& [key, value] : a.entries()) {
    const Value* other = b.find(key);
    if (other == nullptr || !values_equal(value, *other)) return false;
  }
  return true;
}

bool records_equal(const RecordValue& a, const RecordValue& b) {
  if (&a.type() != &b.type()) return false;
  for (std::size_t i = 0; i < a.type().fields().size(); ++i) {
    const Value* fa = a.field(static_cast<int>(i));
    const Value* fb = b.field(static_cast<int>(i));
    if ((fa == nullptr) != (fb == nullptr)) return false;
    if (fa != nullptr && !values_equal(*fa, *fb)) return false;
  }
  return true;
}

}  // namespace

bool values_equal(const Value& a, const Value& b) {
  if (eval::is_number(a.kind()) && eval::is_number(b.kind())) {
    auto order = eval::compare_numbers(a, b);
    return order && *order == std::partial_ordering::equivalent;
  }
  if (a.kind() == ValueKind::enumeration && b.kind() == ValueKind::string) {
    return a.as_enum().name() == b.as_string();
  }
  if (a.kind() == ValueKind::string && b.kind() == ValueKind::enumeration) {
    return a.as_string() == b.as_enum().name();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::null:
      return true;
    case ValueKind::boolean:
      return a.as_bool() == b.as_bool();
    case ValueKind::date:
      return a.as_date() == b.as_date();
    case ValueKind::duration:
      return a.as_duration() == b.as_duration();
    case ValueKind::timestamp:
      return a.as_timestamp() == b.as_timestamp();
    case ValueKind::string:
      return a.as_string() == b.as_string();
    case ValueKind::enumeration:
      return a.as_enum().type == b.as_enum().type && a.as_enum().index == b.as_enum().index;
    case ValueKind::list:
      return lists_equal(a.as_list(), b.as_list());
    case ValueKind::map:
      return maps_equal(a.as_map(), b.as_map());
    case ValueKind::record:
      return records_equal(a.as_record(), b.as_record());
    default:
      return false;
  }
}

}  // namespace cadre
