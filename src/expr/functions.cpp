// Names and typed overloads of the built-in functions.
//
// Signatures are written as text ("list<A>, int -> A") in one table and parsed
// once; single capital letters are type parameters bound during checking.
#include "expr/functions.hpp"

#include <array>
#include <stdexcept>
#include <string>

#include "core/access.hpp"
#include "core/text.hpp"

namespace cadre::expr {

namespace {

using F = FunctionId;
constexpr CallStyle G = CallStyle::global;
constexpr CallStyle R = CallStyle::receiver;

struct Signature {
  FunctionId function;
  CallStyle style;
  std::string_view text;  // "param, param -> result"
};

// Arithmetic mixes int with decimal (never double with decimal: money does not
// pass through binary floating point).
constexpr Signature kSignatures[] = {
    {F::logical_not, G, "bool -> bool"},
    {F::negate, G, "int -> int"},
    {F::negate, G, "double -> double"},
    {F::negate, G, "decimal -> decimal"},
    {F::negate, G, "duration -> duration"},
    {F::equals, G, "A, A -> bool"},
    {F::equals, G, "decimal, int -> bool"},
    {F::equals, G, "int, decimal -> bool"},
    {F::not_equals, G, "A, A -> bool"},
    {F::not_equals, G, "decimal, int -> bool"},
    {F::not_equals, G, "int, decimal -> bool"},
    {F::add, G, "int, int -> int"},
    {F::add, G, "double, double -> double"},
    {F::add, G, "decimal, decimal -> decimal"},
    {F::add, G, "decimal, int -> decimal"},
    {F::add, G, "int, decimal -> decimal"},
    {F::add, G, "string, string -> string"},
    {F::add, G, "list<A>, list<A> -> list<A>"},
    {F::add, G, "timestamp, duration -> timestamp"},
    {F::add, G, "duration, timestamp -> timestamp"},
    {F::add, G, "duration, duration -> duration"},
    {F::subtract, G, "int, int -> int"},
    {F::subtract, G, "double, double -> double"},
    {F::subtract, G, "decimal, decimal -> decimal"},
    {F::subtract, G, "decimal, int -> decimal"},
    {F::subtract, G, "int, decimal -> decimal"},
    {F::subtract, G, "timestamp, timestamp -> duration"},
    {F::subtract, G, "timestamp, duration -> timestamp"},
    {F::subtract, G, "duration, duration -> duration"},
    {F::multiply, G, "int, int -> int"},
    {F::multiply, G, "double, double -> double"},
    {F::multiply, G, "decimal, decimal -> decimal"},
    {F::multiply, G, "decimal, int -> decimal"},
    {F::multiply, G, "int, decimal -> decimal"},
    {F::divide, G, "int, int -> int"},
    {F::divide, G, "double, double -> double"},
    {F::divide, G, "decimal, decimal -> decimal"},
    {F::divide, G, "decimal, int -> decimal"},
    {F::divide, G, "int, decimal -> decimal"},
    {F::modulo, G, "int, int -> int"},
    {F::modulo, G, "decimal, decimal -> decimal"},
    {F::modulo, G, "decimal, int -> decimal"},
    {F::index, G, "list<A>, int -> A"},
    {F::index, G, "map<K, V>, K -> V"},
    {F::in, G, "A, list<A> -> bool"},
    {F::in, G, "K, map<K, V> -> bool"},
    {F::size, G, "string -> int"},
    {F::size, G, "list<A> -> int"},
    {F::size, G, "map<K, V> -> int"},
    {F::size, R, "string -> int"},
    {F::size, R, "list<A> -> int"},
    {F::size, R, "map<K, V> -> int"},
    {F::contains, R, "string, string -> bool"},
    {F::starts_with, R, "string, string -> bool"},
    {F::ends_with, R, "string, string -> bool"},
    {F::to_int, G, "int -> int"},
    {F::to_int, G, "double -> int"},
    {F::to_int, G, "string -> int"},
    {F::to_int, G, "decimal -> int"},
    {F::to_int, G, "timestamp -> int"},
    {F::to_double, G, "double -> double"},
    {F::to_double, G, "int -> double"},
    {F::to_double, G, "string -> double"},
    {F::to_double, G, "decimal -> double"},
    {F::to_string, G, "string -> string"},
    {F::to_string, G, "int -> string"},
    {F::to_string, G, "double -> string"},
    {F::to_string, G, "bool -> string"},
    {F::to_string, G, "decimal -> string"},
    {F::to_string, G, "date -> string"},
    {F::to_string, G, "timestamp -> string"},
    {F::to_string, G, "duration -> string"},
    {F::to_decimal, G, "decimal -> decimal"},
    {F::to_decimal, G, "int -> decimal"},
    {F::to_decimal, G, "string -> decimal"},
    {F::to_dyn, G, "A -> dyn"},
    {F::to_date, G, "date -> date"},
    {F::to_date, G, "string -> date"},
    {F::to_date, G, "int, int, int -> date"},
    {F::to_timestamp, G, "timestamp -> timestamp"},
    {F::to_timestamp, G, "string -> timestamp"},
    {F::to_timestamp, G, "int -> timestamp"},
    {F::to_duration, G, "duration -> duration"},
    {F::to_duration, G, "string -> duration"},
    {F::years_between, G, "date, date -> int"},
    {F::months_between, G, "date, date -> int"},
    {F::days_between, G, "date, date -> int"},
    {F::add_years, G, "date, int -> date"},
    {F::add_months, G, "date, int -> date"},
    {F::add_days, G, "date, int -> date"},
    {F::age, G, "date, date -> int"},
    {F::birthday, G, "date, int -> date"},
    {F::year, G, "date -> int"},
    {F::month, G, "date -> int"},
    {F::day, G, "date -> int"},
    {F::round, G, "decimal, int -> decimal"},
    {F::round, G, "decimal -> decimal"},
    {F::floor, G, "decimal, int -> decimal"},
    {F::floor, G, "decimal -> decimal"},
    {F::ceil, G, "decimal, int -> decimal"},
    {F::ceil, G, "decimal -> decimal"},
    {F::min, G, "int, int -> int"},
    {F::min, G, "double, double -> double"},
    {F::min, G, "decimal, decimal -> decimal"},
    {F::min, G, "decimal, int -> decimal"},
    {F::min, G, "int, decimal -> decimal"},
    {F::min, G, "date, date -> date"},
    {F::max, G, "int, int -> int"},
    {F::max, G, "double, double -> double"},
    {F::max, G, "decimal, decimal -> decimal"},
    {F::max, G, "decimal, int -> decimal"},
    {F::max, G, "int, decimal -> decimal"},
    {F::max, G, "date, date -> date"},
    {F::min, G, "list<int> -> int"},
    {F::min, G, "list<double> -> double"},
    {F::min, G, "list<decimal> -> decimal"},
    {F::min, G, "list<date> -> date"},
    {F::max, G, "list<int> -> int"},
    {F::max, G, "list<double> -> double"},
    {F::max, G, "list<decimal> -> decimal"},
    {F::max, G, "list<date> -> date"},
    {F::sum, G, "list<int> -> int"},
    {F::sum, G, "list<double> -> double"},
    {F::sum, G, "list<decimal> -> decimal"},
    {F::listed, G, "dyn, string -> bool"},
    // unenumerated('list.id'): what depends on the items a text does not name.
    {F::unenumerated, G, "string -> bool"},
    // list.at(key…): the entry of a history list with those key fields (checked
    // against the entry type's keys by the checker).
    {F::at, R, "list<A>, dyn -> A"},
    {F::at, R, "list<A>, dyn, dyn -> A"},
    {F::at, R, "list<A>, dyn, dyn, dyn -> A"},
    {F::abs, G, "int -> int"},
    {F::abs, G, "double -> double"},
    {F::abs, G, "decimal -> decimal"},
    {F::get_full_year, R, "timestamp -> int"},
    {F::get_full_year, R, "timestamp, string -> int"},
    {F::get_month, R, "timestamp -> int"},
    {F::get_month, R, "timestamp, string -> int"},
    {F::get_day_of_year, R, "timestamp -> int"},
    {F::get_day_of_year, R, "timestamp, string -> int"},
    {F::get_day_of_month, R, "timestamp -> int"},
    {F::get_day_of_month, R, "timestamp, string -> int"},
    {F::get_date, R, "timestamp -> int"},
    {F::get_date, R, "timestamp, string -> int"},
    {F::get_day_of_week, R, "timestamp -> int"},
    {F::get_day_of_week, R, "timestamp, string -> int"},
    {F::get_hours, R, "timestamp -> int"},
    {F::get_hours, R, "timestamp, string -> int"},
    {F::get_hours, R, "duration -> int"},
    {F::get_minutes, R, "timestamp -> int"},
    {F::get_minutes, R, "timestamp, string -> int"},
    {F::get_minutes, R, "duration -> int"},
    {F::get_seconds, R, "timestamp -> int"},
    {F::get_seconds, R, "timestamp, string -> int"},
    {F::get_seconds, R, "duration -> int"},
    {F::get_milliseconds, R, "timestamp -> int"},
    {F::get_milliseconds, R, "timestamp, string -> int"},
    {F::get_milliseconds, R, "duration -> int"},
};

// Comparison operators share one list of ordered operand pairs.
constexpr std::string_view kOrderedPairs[] = {
    "bool, bool",   "int, int",       "double, double",     "int, double",
    "double, int",  "string, string", "decimal, decimal",   "decimal, int",
    "int, decimal", "date, date",     "duration, duration", "timestamp, timestamp",
};

constexpr std::pair<FunctionId, std::string_view> kNames[] = {
#define CADRE_FUNCTION(id, name) {FunctionId::id, name},
#include "expr/functions.def"
#undef CADRE_FUNCTION
};

Type parse_signature_type(std::string_view text);

// Splits at top-level commas.
std::vector<std::string_view> split_top_level(std::string_view text) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') ++depth;
    if (text[i] == '>') --depth;
    if (text[i] == ',' && depth == 0) {
      parts.push_back(trim_spaces(text.substr(start, i - start)));
      start = i + 1;
    }
  }
  parts.push_back(trim_spaces(text.substr(start)));
  return parts;
}

Type parse_signature_type(std::string_view text) {
  text = trim_spaces(text);
  if (text.size() == 1 && text[0] >= 'A' && text[0] <= 'Z')
    return internal::Access::type_param(std::string(text));
  if (text.starts_with("list<"))
    return Type::list(parse_signature_type(text.substr(5, text.size() - 6)));
  if (text.starts_with("map<")) {
    auto parts = split_top_level(text.substr(4, text.size() - 5));
    return Type::map(parse_signature_type(parts.at(0)), parse_signature_type(parts.at(1)));
  }
  auto type = parse_builtin_type(text);
  if (!type) throw std::logic_error("bad builtin signature type: " + std::string(text));
  return *type;
}

Overload parse_overload(FunctionId function, CallStyle style, std::string_view text) {
  auto arrow = text.find("->");
  Overload overload{function, style, {}, parse_signature_type(text.substr(arrow + 2))};
  for (std::string_view part : split_top_level(text.substr(0, arrow))) {
    overload.parameters.push_back(parse_signature_type(part));
  }
  return overload;
}

constexpr std::size_t kFunctionCount = std::size(kNames);

std::array<std::vector<Overload>, kFunctionCount> build_table() {
  std::array<std::vector<Overload>, kFunctionCount> table;
  for (const Signature& s : kSignatures) {
    table[static_cast<std::size_t>(s.function)].push_back(
        parse_overload(s.function, s.style, s.text));
  }
  for (FunctionId op : {F::less, F::less_equals, F::greater, F::greater_equals}) {
    for (std::string_view pair : kOrderedPairs) {
      std::string text = std::string(pair) + " -> bool";
      table[static_cast<std::size_t>(op)].push_back(parse_overload(op, G, text));
    }
  }
  return table;
}

}  // namespace

std::optional<FunctionId> find_function(std::string_view name) {
  for (const auto& [id, function_name] : kNames) {
    if (function_name == name) return id;
  }
  return std::nullopt;
}

const char* function_name(FunctionId id) {
  return kNames[static_cast<std::size_t>(id)].second.data();
}

const std::vector<Overload>& overloads_of(FunctionId id) {
  static const auto table = build_table();
  return table[static_cast<std::size_t>(id)];
}

}  // namespace cadre::expr
