// Dispatch of builtin calls, plus comparison, membership, indexing and the
// string and size functions.
#include "eval/builtins.hpp"

#include <cmath>

#include "core/numeric.hpp"
#include "eval/builtin_groups.hpp"

namespace cadre::eval {

namespace {

using expr::FunctionId;

// Rank of an enumeration value, or of a string naming a value of `type`.
std::optional<int> enum_rank(const EnumType& type, const Value& value) {
  if (value.kind() == ValueKind::enumeration && value.as_enum().type.get() == &type) {
    return type.rank(value.as_enum().index);
  }
  if (value.kind() == ValueKind::string) {
    int index = type.find(value.as_string());
    if (index >= 0) return type.rank(index);
  }
  return std::nullopt;
}

std::optional<std::partial_ordering> enum_order(const Value& a, const Value& b) {
  const EnumType& type = a.kind() == ValueKind::enumeration ? *a.as_enum().type : *b.as_enum().type;
  auto ra = enum_rank(type, a);
  auto rb = enum_rank(type, b);
  if (!type.is_ordered() || !ra || !rb) return std::nullopt;
  return *ra <=> *rb;
}

std::optional<std::partial_ordering> order(const Value& a, const Value& b) {
  if (is_number(a.kind()) && is_number(b.kind())) return compare_numbers(a, b);
  if (a.kind() == ValueKind::enumeration || b.kind() == ValueKind::enumeration) {
    return enum_order(a, b);
  }
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case ValueKind::boolean:
      return a.as_bool() <=> b.as_bool();
    case ValueKind::string:
      return a.as_string() <=> b.as_string();  // bytewise = code point order
    case ValueKind::date:
      return a.as_date() <=> b.as_date();
    case ValueKind::duration:
      return a.as_duration() <=> b.as_duration();
    case ValueKind::timestamp:
      return a.as_timestamp() <=> b.as_timestamp();
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<std::partial_ordering> order_values(const Value& a, const Value& b) {
  return order(a, b);
}

namespace {

Value compare(FunctionId function, std::span<const Value> args) {
  auto result = order(args[0], args[1]);
  if (!result) return no_overload(function, args);
  switch (function) {
    case FunctionId::less:
      return *result < 0;
    case FunctionId::less_equals:
      return *result <= 0;
    case FunctionId::greater:
      return *result > 0;
    default:
      return *result >= 0;
  }
}

bool equal(const Value& a, const Value& b) {
  return values_equal(a, b);
}

Value membership(std::span<const Value> args) {
  const Value& container = args[1];
  if (container.kind() == ValueKind::list) {
    for (const Value& item : container.as_list()) {
      if (equal(item, args[0])) return true;
    }
    return false;
  }
  if (container.kind() == ValueKind::map) return container.as_map().find(args[0]) != nullptr;
  return no_overload(FunctionId::in, args);
}

// A list index: an int, or a double/decimal with an integral value.
std::optional<std::int64_t> list_index(const Value& index) {
  switch (index.kind()) {
    case ValueKind::integer:
      return index.as_int();
    case ValueKind::real: {
      double d = index.as_double();
      if (std::trunc(d) != d || std::abs(d) > 9.0e15) return std::nullopt;
      return static_cast<std::int64_t>(d);
    }
    case ValueKind::decimal:
      if (!index.as_decimal().is_integral()) return std::nullopt;
      return index.as_decimal().to_int64();
    default:
      return std::nullopt;
  }
}

Value index(std::span<const Value> args) {
  const Value& container = args[0];
  if (container.kind() == ValueKind::map) {
    const Value* value = container.as_map().find(args[1]);
    return value ? *value : Value::error("no such key: " + args[1].debug_string());
  }
  if (container.kind() != ValueKind::list) return no_overload(FunctionId::index, args);
  auto position = list_index(args[1]);
  if (!position) {
    return Value::error("invalid list index " + args[1].debug_string() + ": expected an integer");
  }
  const ListValue& list = container.as_list();
  if (*position < 0 || static_cast<std::uint64_t>(*position) >= list.size()) {
    return Value::error("index " + std::to_string(*position) + " out of range for a list of size " +
                        std::to_string(list.size()));
  }
  return list[static_cast<std::size_t>(*position)];
}

std::int64_t code_points(const std::string& text) {
  std::int64_t count = 0;
  for (unsigned char c : text)
    count += (c & 0xC0) != 0x80;
  return count;
}

Value size(std::span<const Value> args) {
  if (args.size() != 1) return no_overload(FunctionId::size, args);
  switch (args[0].kind()) {
    case ValueKind::string:
      return code_points(args[0].as_string());
    case ValueKind::list:
      return static_cast<std::int64_t>(args[0].as_list().size());
    case ValueKind::map:
      return static_cast<std::int64_t>(args[0].as_map().size());
    default:
      return no_overload(FunctionId::size, args);
  }
}

Value string_test(FunctionId function, std::span<const Value> args) {
  if (args.size() != 2 || args[0].kind() != ValueKind::string ||
      args[1].kind() != ValueKind::string) {
    return no_overload(function, args);
  }
  std::string_view text = args[0].as_string();
  std::string_view part = args[1].as_string();
  switch (function) {
    case FunctionId::contains:
      return text.find(part) != std::string_view::npos;
    case FunctionId::starts_with:
      return text.starts_with(part);
    default:
      return text.ends_with(part);
  }
}

std::size_t expected_arity(FunctionId function) {
  switch (function) {
    case FunctionId::logical_not:
    case FunctionId::negate:
      return 1;
    default:
      return 2;
  }
}

}  // namespace

Value no_overload(FunctionId function, std::span<const Value> args) {
  std::string kinds;
  for (const Value& arg : args)
    kinds += (kinds.empty() ? "" : ", ") + std::string(value_kind_name(arg.kind()));
  return Value::error(std::string("no matching overload for `") + expr::function_name(function) +
                      "` applied to (" + kinds + ")");
}

Value overflow_error() {
  return Value::error("integer overflow");
}

Value call_builtin(FunctionId function, std::span<const Value> args) {
  switch (function) {
    case FunctionId::logical_not:
    case FunctionId::negate:
    case FunctionId::equals:
    case FunctionId::not_equals:
    case FunctionId::less:
    case FunctionId::less_equals:
    case FunctionId::greater:
    case FunctionId::greater_equals:
    case FunctionId::add:
    case FunctionId::subtract:
    case FunctionId::multiply:
    case FunctionId::divide:
    case FunctionId::modulo:
    case FunctionId::index:
    case FunctionId::in:
      if (args.size() != expected_arity(function)) return no_overload(function, args);
      break;
    default:
      break;
  }
  switch (function) {
    case FunctionId::logical_not:
      if (args[0].kind() != ValueKind::boolean) return no_overload(function, args);
      return !args[0].as_bool();
    case FunctionId::equals:
      return equal(args[0], args[1]);
    case FunctionId::not_equals:
      return !equal(args[0], args[1]);
    case FunctionId::less:
    case FunctionId::less_equals:
    case FunctionId::greater:
    case FunctionId::greater_equals:
      return compare(function, args);
    case FunctionId::negate:
    case FunctionId::add:
    case FunctionId::subtract:
    case FunctionId::multiply:
    case FunctionId::divide:
    case FunctionId::modulo:
      return arithmetic(function, args);
    case FunctionId::index:
      return index(args);
    case FunctionId::in:
      return membership(args);
    case FunctionId::size:
      return size(args);
    case FunctionId::contains:
    case FunctionId::starts_with:
    case FunctionId::ends_with:
      return string_test(function, args);
    case FunctionId::round:
    case FunctionId::floor:
    case FunctionId::ceil:
    case FunctionId::min:
    case FunctionId::max:
    case FunctionId::abs:
    case FunctionId::sum:
      return numeric_functions(function, args);
    case FunctionId::to_date:
      // date(year, month, day) builds a day; date(x) converts.
      if (args.size() == 3) return calendar(function, args);
      return conversion(function, args);
    case FunctionId::to_int:
    case FunctionId::to_double:
    case FunctionId::to_string:
    case FunctionId::to_decimal:
    case FunctionId::to_dyn:
    case FunctionId::to_timestamp:
    case FunctionId::to_duration:
      return conversion(function, args);
    case FunctionId::level:
      if (args.size() != 1 || args[0].kind() != ValueKind::enumeration) {
        return no_overload(function, args);
      }
      return args[0].as_enum().index + 1;
    case FunctionId::logical_and:
    case FunctionId::logical_or:
    case FunctionId::conditional:
      return no_overload(function, args);
    default:
      return calendar(function, args);
  }
}

}  // namespace cadre::eval
