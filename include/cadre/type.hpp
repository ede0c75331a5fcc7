// Types of the expression language: what a variable, a record field or an
// expression's result may hold. The checker uses them to reject mistakes
// (unknown fields, wrong operand types) before anything is evaluated.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/export.hpp"

namespace cadre {

enum class TypeKind : std::uint8_t {
  dyn,  ///< any value; checked at run time
  null,
  boolean,
  integer,  ///< int64
  real,     ///< double
  decimal,  ///< exact decimal (money, rates)
  string,
  date,
  duration,
  timestamp,
  list,
  map,
  record,       ///< a declared record type with named fields
  enumeration,  ///< a declared set of names, optionally ordered (grades, levels)
};

class RecordType;
class EnumType;
namespace internal {
struct Access;
}

class CADRE_API Type {
 public:
  /// dyn
  Type() = default;

  static Type dyn() { return Type(TypeKind::dyn); }
  static Type null() { return Type(TypeKind::null); }
  static Type boolean() { return Type(TypeKind::boolean); }
  static Type integer() { return Type(TypeKind::integer); }
  static Type real() { return Type(TypeKind::real); }
  static Type decimal() { return Type(TypeKind::decimal); }
  static Type string() { return Type(TypeKind::string); }
  static Type date() { return Type(TypeKind::date); }
  static Type duration() { return Type(TypeKind::duration); }
  static Type timestamp() { return Type(TypeKind::timestamp); }
  static Type list(Type element);
  static Type map(Type key, Type value);
  static Type record(std::shared_ptr<const RecordType> record);
  static Type enumeration(std::shared_ptr<const EnumType> enumeration);

  TypeKind kind() const { return kind_; }
  bool is_dyn() const { return kind_ == TypeKind::dyn; }
  /// list element type (dyn for other kinds).
  const Type& element() const;
  /// map key and value types (dyn for other kinds).
  const Type& key() const;
  const Type& value() const;
  /// The record declaration, or null.
  const RecordType* record_type() const;
  /// Shared ownership of the record declaration, or null.
  std::shared_ptr<const RecordType> record_type_shared() const;
  /// The enumeration declaration, or null.
  const EnumType* enum_type() const;
  std::shared_ptr<const EnumType> enum_type_shared() const;

  /// "int", "list<string>", "map<string, dyn>", a record's name.
  std::string to_string() const;

  friend CADRE_API bool operator==(const Type& a, const Type& b);

 private:
  friend struct internal::Access;  // the checker's signature placeholders (A, K, V)
  struct Parts;
  explicit Type(TypeKind kind) : kind_(kind) {}
  TypeKind kind_ = TypeKind::dyn;
  std::shared_ptr<const Parts> parts_;
};

/// A field of a record type. Fields absent from a record are *unknown* when
/// read: the evaluation reports them as missing facts instead of guessing.
struct FieldDecl {
  std::string name;
  Type type;
};

/// A named record type with declared fields, e.g. `cadre` with `birth_date: date`.
class CADRE_API RecordType {
 public:
  /// `keys` names the fields that identify one entry of a history list
  /// (year and kind of an assessment): `list.at(2018, 'annual')` finds it.
  RecordType(std::string name, std::vector<FieldDecl> fields, std::vector<std::string> keys = {});

  const std::string& name() const { return name_; }
  const std::vector<FieldDecl>& fields() const { return fields_; }
  /// Index of the field called `name`, or -1.
  int find_field(std::string_view name) const;
  /// Indices of the key fields, in order; empty when entries have no key.
  const std::vector<int>& keys() const { return keys_; }

 private:
  std::string name_;
  std::vector<FieldDecl> fields_;
  std::vector<int> keys_;
};

/// How the values of an enumeration are ordered.
enum class EnumOrder : std::uint8_t {
  unordered,   ///< only == and != apply
  ascending,   ///< listed lowest first: junior_or_below < senior < college
  descending,  ///< listed highest (best) first: 优秀 > 称职 > 基本称职 > 不称职
};

/// A named enumeration, e.g. the grades of an assessment scale. Values are
/// compared by their order, so `grade >= '称职'` means 称职 or better.
/// An open enumeration is a scale the rule set does not fix (a variant
/// supplies it): a record value that is not one of its values is not an
/// error but unknown, `unspecified_parameter:<name>`.
class CADRE_API EnumType {
 public:
  EnumType(std::string name, std::vector<std::string> values, EnumOrder order, bool open = false);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& values() const { return values_; }
  EnumOrder order() const { return order_; }
  bool is_ordered() const { return order_ != EnumOrder::unordered; }
  /// True when values outside the declared list are unspecified, not errors.
  bool is_open() const { return open_; }
  /// Index of the value in the declared list, or -1.
  int find(std::string_view value) const;
  /// Position from the bottom of the order (0 = lowest), for comparison.
  int rank(int index) const;

 private:
  std::string name_;
  std::vector<std::string> values_;
  EnumOrder order_;
  bool open_ = false;
};

/// Parses a type name as written in declarations: int, double, decimal, string,
/// bool, date, duration, timestamp, null, dyn, list<T>, map<K, V>. Records are
/// looked up by the caller. nullopt when the text is not such a type.
CADRE_API std::optional<Type> parse_builtin_type(std::string_view text);

}  // namespace cadre
