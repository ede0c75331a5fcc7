// Conversion of located raw record data (a YAML tree, whatever format it came
// from) to the declared types of the schema: the single place that decides
// what text is a valid int, decimal, date or enum value, and that reports
// unknown fields, missing required fields and values that do not fit with
// field, type and text.
#include "records/typed_conversion.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>

#include "load/names.hpp"
#include "yaml/raw_text.hpp"

namespace cadre::records {

namespace {

void report(std::vector<RecordIssue>& issues, const yaml::Node& node, std::string field,
            std::string message) {
  issues.push_back({std::move(field), std::move(message), node.mark.line, node.mark.column});
}

/// How a message names what was given: `text`, a list, a mapping, null.
std::string given(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::NodeKind::null:
      return "null";
    case yaml::NodeKind::scalar:
      return yaml::backticked(node.scalar);
    case yaml::NodeKind::sequence:
      return "a list";
    case yaml::NodeKind::mapping:
      return "a mapping";
  }
  return {};
}

std::optional<Value> parse_int(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return Value(value);
}

std::optional<Value> parse_double(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return Value(value);
}

/// `true` or `false` as written in any case (Excel writes TRUE and FALSE).
std::optional<Value> parse_bool(std::string_view text) {
  auto is = [&](std::string_view word) {
    return text.size() == word.size() &&
           std::equal(text.begin(), text.end(), word.begin(), [](char a, char b) {
             return (a >= 'A' && a <= 'Z' ? static_cast<char>(a + 32) : a) == b;
           });
  };
  if (is("true")) return Value(true);
  if (is("false")) return Value(false);
  return std::nullopt;
}

/// The value of an undeclared (dyn) scalar: quoted text stays text; plain
/// text is a bool, an int or an exact decimal when it reads as one.
Value infer_scalar(const yaml::Node& node) {
  if (!node.is_plain_scalar()) return Value(node.scalar);
  if (node.scalar == "true" || node.scalar == "false") return Value(node.scalar == "true");
  if (auto value = parse_int(node.scalar)) return *value;
  if (auto value = Decimal::parse(node.scalar)) return Value(*value);
  return Value(node.scalar);
}

template <typename T>
std::optional<Value> wrap(std::optional<T> parsed) {
  if (!parsed) return std::nullopt;
  return Value(*parsed);
}

std::optional<Value> parse_scalar(const yaml::Node& node, const Type& type) {
  const std::string& text = node.scalar;
  switch (type.kind()) {
    case TypeKind::integer:
      return parse_int(text);
    case TypeKind::real:
      return parse_double(text);
    case TypeKind::decimal:
      return wrap(Decimal::parse(text));
    case TypeKind::boolean:
      return parse_bool(text);
    case TypeKind::string:
      return Value(text);
    case TypeKind::date:
      return wrap(Date::parse(text));
    case TypeKind::duration:
      return wrap(Duration::parse(text));
    case TypeKind::timestamp:
      return wrap(Timestamp::parse(text));
    case TypeKind::dyn:
      return infer_scalar(node);
    default:
      return std::nullopt;
  }
}

std::string expected_text(const Type& type) {
  switch (type.kind()) {
    case TypeKind::boolean:
      return "bool (true or false, in any case)";
    case TypeKind::date:
      return "date (YYYY-MM-DD)";
    case TypeKind::decimal:
      return "decimal (digits with an optional `.`, no exponent)";
    case TypeKind::integer:
      return "int (whole number)";
    default:
      return type.to_string();
  }
}

/// Why `text`, written as a date (YYYY-MM-DD), names no day of the calendar:
/// 2023-02-30, 2023-13-01; empty when it is not written as a date at all.
std::string why_not_a_day(std::string_view text) {
  const auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
  const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (year < 0 || month < 0 || day < 0) return {};
  if (month < 1 || month > 12) return "no such month: " + std::to_string(month);
  const int last = Date::days_in_month(year, month);
  if (day < 1 || day > last) {
    return "no such day: " + std::string(text.substr(0, 7)) + " has " + std::to_string(last) +
           " days";
  }
  return {};
}

/// Why `text`, written as a number or a date of `type`, is not one: out of
/// range, too many digits, not finite, no such day; empty when it is not
/// written as one at all.
std::string why_not(std::string_view text, const Type& type) {
  if (type.kind() == TypeKind::date) return why_not_a_day(text);
  const std::string_view digits = text.substr(text.starts_with('-') || text.starts_with('+'));
  const std::size_t point = digits.find('.');
  const std::string_view whole = digits.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : digits.substr(point + 1);
  auto all_digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const bool decimal_form =
      all_digits(whole) && (point == std::string_view::npos || all_digits(fraction));
  switch (type.kind()) {
    case TypeKind::integer: {
      std::int64_t value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc::result_out_of_range || end != text.data() + text.size()) return {};
      return "out of range for int (-9223372036854775808 to 9223372036854775807)";
    }
    case TypeKind::decimal: {
      std::string lower(text);
      for (char& c : lower)
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      if (lower == ".nan" || lower == ".inf" || lower == "-.inf" || lower == "+.inf" ||
          lower == "nan" || lower == "inf" || lower == "-inf" || lower == "infinity") {
        return "not a finite number (NaN and infinities are not facts)";
      }
      if (!decimal_form) return {};
      if (fraction.size() > static_cast<std::size_t>(Decimal::kMaxScale)) {
        return std::to_string(fraction.size()) + " digits after the point, more than a decimal's " +
               std::to_string(Decimal::kMaxScale);
      }
      std::size_t significant = whole.size() + fraction.size();
      const std::size_t leading = std::string(whole).append(fraction).find_first_not_of('0');
      significant -= std::min(leading, significant);
      return std::to_string(significant) + " digits, more than a decimal's 38";
    }
    case TypeKind::real: {
      std::string lower(text);
      for (char& c : lower)
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
      if (lower == ".nan" || lower == ".inf" || lower == "-.inf" || lower == "+.inf") {
        return "not a finite number (NaN and infinities are not facts)";
      }
      double value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (end != text.data() + text.size()) return {};
      if (error == std::errc::result_out_of_range) return "out of range for double";
      if (error == std::errc() && !std::isfinite(value)) {
        return "not a finite number (NaN and infinities are not facts)";
      }
      return {};
    }
    default:
      return {};
  }
}

std::optional<Value> convert_enum(const yaml::Node& node, const Type& type, const std::string& path,
                                  std::vector<RecordIssue>& issues) {
  const EnumType& enumeration = *type.enum_type();
  int index = enumeration.find(node.scalar);
  if (index >= 0) return Value(EnumValue{type.enum_type_shared(), index});
  // A scale the rule set leaves open: the value is not placed on it.
  if (enumeration.is_open()) return Value::unknown("unspecified_parameter:" + enumeration.name());
  std::vector<std::string_view> names(enumeration.values().begin(), enumeration.values().end());
  std::string message = "`" + path + "` is " + yaml::backticked(node.scalar) +
                        ", not a value of `" + enumeration.name() + "` (" +
                        load::quoted_list(names) + ")";
  std::string hint = load::did_you_mean(node.scalar, names);
  if (!hint.empty()) message += "; " + hint;
  report(issues, node, path, std::move(message));
  return std::nullopt;
}

std::optional<Value> convert_scalar(const yaml::Node& node, const Type& type,
                                    const std::string& path, std::vector<RecordIssue>& issues) {
  if (type.kind() == TypeKind::enumeration) return convert_enum(node, type, path, issues);
  if (auto value = parse_scalar(node, type)) return value;
  std::string why = why_not(node.scalar, type);
  report(issues, node, path,
         why.empty() ? "`" + path + "` is declared " + expected_text(type) + " but was given " +
                           yaml::backticked(node.scalar)
                     : "`" + path + "` is " + yaml::backticked(node.scalar) + ": " + why);
  return std::nullopt;
}

std::optional<Value> convert_list(const yaml::Node& node, const Type& type, const std::string& path,
                                  const RecordReadOptions& options,
                                  std::vector<RecordIssue>& issues) {
  ListValue items;
  items.reserve(node.items.size());
  bool ok = true;
  for (std::size_t i = 0; i < node.items.size(); ++i) {
    const yaml::Node& item = node.items[i];
    std::string item_path = path + "[" + std::to_string(i) + "]";
    if (item.kind == yaml::NodeKind::null) {
      report(issues, item, item_path, "`" + item_path + "` is null; a list entry must be given");
      ok = false;
    } else if (auto value = convert_node(item, type.element(), item_path, issues, options)) {
      items.push_back(std::move(*value));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return Value(std::move(items));
}

std::optional<Value> convert_map(const yaml::Node& node, const Type& type, const std::string& path,
                                 const RecordReadOptions& options,
                                 std::vector<RecordIssue>& issues) {
  MapValue map;
  bool ok = true;
  for (const auto& [key, entry] : node.entries) {
    std::string entry_path = path + "." + key.scalar;
    if (map.find_key(key.scalar) != nullptr) {
      report(issues, key, entry_path, "`" + entry_path + "` is given twice");
      ok = false;
    } else if (entry.kind == yaml::NodeKind::null) {
      continue;
    } else if (auto value = convert_node(entry, type.value(), entry_path, issues, options)) {
      map.set(Value(key.scalar), std::move(*value));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return Value(std::move(map));
}

std::string joined(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "." + name;
}

void unknown_field(const yaml::Node& key, const RecordType& type, const std::string& path,
                   std::vector<RecordIssue>& issues) {
  std::vector<std::string_view> names;
  for (const FieldDecl& field : type.fields())
    names.push_back(field.name);
  std::string owner = path.empty() ? type.name() : path;
  std::string message = "`" + owner + "` has no field " + yaml::backticked(key.scalar);
  std::string hint = load::did_you_mean(key.scalar, names);
  if (!hint.empty()) message += "; " + hint;
  report(issues, key, joined(path, key.scalar), std::move(message));
}

/// True when `value` is empty text (or only blanks), which a required field
/// may not be.
bool is_empty_text(const Value& value) {
  return value.kind() == ValueKind::string &&
         value.as_string().find_first_not_of(" \t") == std::string::npos;
}

/// Reports each required field of `type` that `record` does not give (absent,
/// null or empty text), unless it was given and failed (already reported).
/// False when any is missing.
bool check_required(const yaml::Node& node, const RecordType& type, const std::string& path,
                    const RecordValue& record, const std::vector<bool>& failed,
                    const RecordReadOptions& options, std::vector<RecordIssue>& issues) {
  auto required = options.required.find(type.name());
  if (required == options.required.end()) return true;
  bool ok = true;
  for (const std::string& name : required->second) {
    int index = type.find_field(name);
    if (index < 0 || failed[index]) continue;
    const Value* value = record.field(index);
    if (value != nullptr && !is_empty_text(*value)) continue;
    std::string field_path = joined(path, name);
    report(issues, node, field_path, "required field `" + field_path + "` is missing");
    ok = false;
  }
  return ok;
}

/// The fields of `node` set on a record of `type`; `skip` is an entry that is
/// not a field (the `kind` selector). The fields that fail are left absent
/// (so that `record` holds what could be read); false when any failed or a
/// required field is missing.
bool fill_record(const yaml::Node& node, const RecordType& type, const std::string& path,
                 const yaml::Node* skip, const RecordReadOptions& options, RecordValue& record,
                 std::vector<RecordIssue>& issues) {
  std::vector<bool> seen(type.fields().size());
  std::vector<bool> failed(type.fields().size());
  bool ok = true;
  for (const auto& [key, entry] : node.entries) {
    if (&entry == skip) continue;
    int index = type.find_field(key.scalar);
    std::string field_path = joined(path, key.scalar);
    if (index < 0 && options.ignore_unknown_fields) {
      if (options.ignored_fields != nullptr)
        options.ignored_fields->insert(type.name() + "." + key.scalar);
      continue;
    }
    if (index < 0) {
      unknown_field(key, type, path, issues);
      ok = false;
      continue;
    }
    if (seen[index]) {
      report(issues, key, field_path, "`" + field_path + "` is given twice");
      record.clear(index);  // which of the two is meant is not known
      failed[index] = true;
      ok = false;
      continue;
    }
    seen[index] = true;
    if (entry.kind == yaml::NodeKind::null) continue;  // an absent fact
    auto value = convert_node(entry, type.fields()[index].type, field_path, issues, options);
    if (value) record.set(index, std::move(*value));
    failed[index] = !value;
    ok = ok && value.has_value();
  }
  return check_required(node, type, path, record, failed, options, issues) && ok;
}

std::optional<Value> convert_structure(const yaml::Node& node, const Type& type,
                                       const std::string& path, const RecordReadOptions& options,
                                       std::vector<RecordIssue>& issues) {
  if (node.kind == yaml::NodeKind::sequence && (type.kind() == TypeKind::list || type.is_dyn())) {
    return convert_list(node, type.is_dyn() ? Type::list(Type::dyn()) : type, path, options,
                        issues);
  }
  if (node.kind == yaml::NodeKind::mapping && type.kind() == TypeKind::record) {
    RecordValue record(type.record_type_shared());
    if (!fill_record(node, *type.record_type(), path, nullptr, options, record, issues)) {
      return std::nullopt;
    }
    return Value(std::move(record));
  }
  if (node.kind == yaml::NodeKind::mapping && (type.kind() == TypeKind::map || type.is_dyn())) {
    return convert_map(node, type.is_dyn() ? Type::map(Type::string(), Type::dyn()) : type, path,
                       options, issues);
  }
  report(issues, node, path,
         "`" + path + "` is declared " + type.to_string() + " but was given " + given(node));
  return std::nullopt;
}

}  // namespace

std::optional<Value> convert_node(const yaml::Node& node, const Type& type, const std::string& path,
                                  std::vector<RecordIssue>& issues,
                                  const RecordReadOptions& options) {
  bool structured = type.kind() == TypeKind::list || type.kind() == TypeKind::map ||
                    type.kind() == TypeKind::record;
  if (node.kind == yaml::NodeKind::scalar && !structured) {
    return convert_scalar(node, type, path, issues);
  }
  return convert_structure(node, type, path, options, issues);
}

namespace {

/// The `kind` entry of `node` when it names a declared kind: that entry
/// selects the record's kind and is not a field.
const yaml::Node* kind_selector(const yaml::Node& node, const RecordTypeLookup& types) {
  const yaml::Node* selector = node.find("kind");
  if (selector == nullptr || selector->kind != yaml::NodeKind::scalar) return nullptr;
  return types(selector->scalar) ? selector : nullptr;
}

/// True when a `kind` entry that names no declared kind is still acceptable
/// as an ordinary field of the default kind.
bool kind_is_field(const yaml::Node& node, const RecordType* fallback) {
  return node.find("kind") == nullptr || (fallback && fallback->find_field("kind") >= 0);
}

std::string key_text(const yaml::Node& node, const std::string& key_field) {
  const yaml::Node* key = node.find(key_field);
  return key != nullptr && key->kind == yaml::NodeKind::scalar ? key->scalar : std::string();
}

}  // namespace

InputRecord build_record(const yaml::Node& node, std::string_view kind,
                         const RecordTypeLookup& types, const RecordReadOptions& options) {
  InputRecord record;
  record.line = node.mark.line;
  std::vector<RecordIssue> issues;
  if (node.kind != yaml::NodeKind::mapping) {
    record.kind = kind.empty() ? options.default_kind : kind;
    auto type = record.kind.empty() ? nullptr : types(record.kind);
    if (type) record.partial = RecordValue(type);  // of its kind, but no field could be read
    report(issues, node, "", "a record is a mapping of field names to values, not " + given(node));
    add_issues(record, std::move(issues));
    return record;
  }
  const yaml::Node* selector = kind.empty() ? kind_selector(node, types) : nullptr;
  record.kind = kind.empty() ? (selector ? selector->scalar : options.default_kind) : kind;
  record.id = key_text(node, options.key_of(record.kind));
  auto type = record.kind.empty() ? nullptr : types(record.kind);
  if (kind.empty() && !selector && !kind_is_field(node, type.get())) {
    // The record is reported as the kind it says it is, not as the default.
    const yaml::Node& named = *node.find("kind");
    record.kind = named.scalar;
    report(issues, named, "kind", "record kind `" + named.scalar + "` is not declared");
  } else if (record.kind.empty()) {
    report(issues, node, "", "the record does not say its kind (no `kind` and no default kind)");
  } else if (!type) {
    report(issues, node, "", "record kind `" + record.kind + "` is not declared");
  } else {
    RecordValue value(type);
    bool ok = fill_record(node, *type, "", selector, options, value, issues);
    (ok ? record.value : record.partial) = std::move(value);
  }
  add_issues(record, std::move(issues));
  return record;
}

void add_issues(InputRecord& record, std::vector<RecordIssue> issues) {
  if (issues.empty()) return;
  if (record.value && !record.partial) record.partial = std::move(record.value);
  record.value.reset();
  record.errors.insert(record.errors.end(), std::make_move_iterator(issues.begin()),
                       std::make_move_iterator(issues.end()));
  std::stable_sort(record.errors.begin(), record.errors.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
}

}  // namespace cadre::records
