// Run-time values of the expression language.
//
// A Value is one of CEL's values (null, bool, int, double, string, list, map),
// the domain's exact types (decimal, date) and CEL's time types, a record of a
// declared type, or one of the two non-values an evaluation can produce: an
// error (division by zero, overflow, no such key) or *unknown*, which carries
// the attribute paths of the facts that were missing ("cadre.birth_date").
// Values are immutable; copies share their payload.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/decimal.hpp"
#include "cadre/export.hpp"
#include "cadre/timestamp.hpp"
#include "cadre/type.hpp"

namespace cadre {

class Value;
class MapValue;
class RecordValue;
using ListValue = std::vector<Value>;

/// An evaluation error: a message and the byte offset in the expression of the
/// operation that failed (-1 when not known).
struct EvalError {
  std::string message;
  int offset = -1;
};

/// A value of a declared enumeration: the type and the index of the name.
struct EnumValue {
  std::shared_ptr<const EnumType> type;
  int index = 0;
  const std::string& name() const { return type->values()[index]; }
};

/// The facts an evaluation needed but did not have, as sorted, unique
/// attribute paths.
struct UnknownSet {
  std::vector<std::string> attributes;
};

enum class ValueKind : std::uint8_t {
  null,
  boolean,
  integer,
  real,
  decimal,
  date,
  duration,
  timestamp,
  string,
  enumeration,
  list,
  map,
  record,
  error,
  unknown,
};

/// "null", "bool", "int", "double", "decimal", ... (the type names of CEL).
CADRE_API const char* value_kind_name(ValueKind kind);

class CADRE_API Value {
 public:
  /// null
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool value) : data_(value) {}
  Value(std::int64_t value) : data_(value) {}
  Value(int value) : data_(static_cast<std::int64_t>(value)) {}
  Value(double value) : data_(value) {}
  Value(Decimal value) : data_(value) {}
  Value(Date value) : data_(value) {}
  Value(Duration value) : data_(value) {}
  Value(Timestamp value) : data_(value) {}
  Value(std::string value);
  Value(std::string_view value) : Value(std::string(value)) {}
  Value(const char* value) : Value(std::string(value)) {}
  Value(ListValue value);
  Value(MapValue value);
  Value(RecordValue value);
  Value(EnumValue value) : data_(std::move(value)) {}

  static Value error(std::string message, int offset = -1);
  static Value unknown(std::string attribute);
  static Value unknown(UnknownSet set);

  ValueKind kind() const { return static_cast<ValueKind>(data_.index()); }
  bool is_error() const { return kind() == ValueKind::error; }
  bool is_unknown() const { return kind() == ValueKind::unknown; }
  /// An error or unknown: not a value a function can work on.
  bool is_exceptional() const { return kind() >= ValueKind::error; }

  // Accessors; each requires the matching kind().
  bool as_bool() const { return std::get<bool>(data_); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data_); }
  double as_double() const { return std::get<double>(data_); }
  const Decimal& as_decimal() const { return std::get<Decimal>(data_); }
  Date as_date() const { return std::get<Date>(data_); }
  Duration as_duration() const { return std::get<Duration>(data_); }
  Timestamp as_timestamp() const { return std::get<Timestamp>(data_); }
  const std::string& as_string() const { return *std::get<StringPtr>(data_); }
  const EnumValue& as_enum() const { return std::get<EnumValue>(data_); }
  const ListValue& as_list() const { return *std::get<ListPtr>(data_); }
  const MapValue& as_map() const { return *std::get<MapPtr>(data_); }
  const RecordValue& as_record() const { return *std::get<RecordPtr>(data_); }
  const EvalError& as_error() const { return *std::get<ErrorPtr>(data_); }
  const UnknownSet& as_unknown() const { return *std::get<UnknownPtr>(data_); }

  /// A readable rendering in CEL syntax: 1, 2.5, "text", [1, 2], {"k": v},
  /// decimal("3600.00"), date("2024-12-31"), error(...), unknown(a, b).
  std::string debug_string() const;

 private:
  using StringPtr = std::shared_ptr<const std::string>;
  using ListPtr = std::shared_ptr<const ListValue>;
  using MapPtr = std::shared_ptr<const MapValue>;
  using RecordPtr = std::shared_ptr<const RecordValue>;
  using ErrorPtr = std::shared_ptr<const EvalError>;
  using UnknownPtr = std::shared_ptr<const UnknownSet>;
  std::variant<std::monostate, bool, std::int64_t, double, Decimal, Date, Duration, Timestamp,
               StringPtr, EnumValue, ListPtr, MapPtr, RecordPtr, ErrorPtr, UnknownPtr>
      data_;
};

/// A map in insertion order. Keys are compared with CEL equality (1 and 1.0
/// are the same key).
class CADRE_API MapValue {
 public:
  using Entry = std::pair<Value, Value>;

  MapValue() = default;
  explicit MapValue(std::vector<Entry> entries) : entries_(std::move(entries)) {}

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  /// The value stored under `key`, or null when absent.
  const Value* find(const Value& key) const;
  const Value* find_key(std::string_view key) const;  ///< string key
  /// Adds or replaces.
  void set(Value key, Value value);

 private:
  std::vector<Entry> entries_;
};

/// A record of a declared type: one slot per declared field, each either
/// present with a value or absent (and then *unknown* when read).
class CADRE_API RecordValue {
 public:
  explicit RecordValue(std::shared_ptr<const RecordType> type);

  const RecordType& type() const { return *type_; }
  const std::shared_ptr<const RecordType>& type_shared() const { return type_; }
  /// The field's value, or null when absent.
  const Value* field(int index) const;
  bool has(int index) const;
  void set(int index, Value value);
  void clear(int index);

 private:
  std::shared_ptr<const RecordType> type_;
  std::vector<Value> values_;
  std::vector<bool> present_;
};

/// CEL equality: values of different kinds are unequal, except numbers, which
/// compare by value (1 == 1.0), and an enumeration value, which equals its
/// name as a string; lists and maps compare element by element.
/// Errors and unknowns must be handled before calling this.
CADRE_API bool values_equal(const Value& a, const Value& b);

}  // namespace cadre
