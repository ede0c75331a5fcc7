// Typed reads of single YAML nodes (declared in mapping_reader.hpp): strings,
// `true`/`false`, integers, strict dates, exact decimal text, expressions,
// {zh, en} texts, lists of strings and closed sets of values. YAML's own
// typing of plain scalars is not used: the loader decides what each key holds.
#include <cctype>
#include <charconv>
#include <set>

#include "cadre/decimal.hpp"
#include "load/mapping_reader.hpp"

namespace cadre::load {
namespace {

/// How a found node is named in a message: "`3`", "a sequence", "nothing".
std::string found(const yaml::Node& node) {
  if (node.kind == yaml::NodeKind::scalar) return "`" + node.scalar + "`";
  return std::string(kind_name(node.kind));
}

void type_error(FileContext& context, const yaml::Node& node, std::string_view expected,
                std::string_view what, std::string help = {}) {
  context.error(
      node, code::load_type,
      "expected " + std::string(expected) + " for " + std::string(what) + ", found " + found(node),
      std::move(help));
}

bool is_date_shape(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

/// Why a YYYY-MM-DD text is not a real day.
std::string date_help(std::string_view text) {
  if (!is_date_shape(text)) return "write dates as YYYY-MM-DD, e.g. 2024-01-31";
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  if (month < 1 || month > 12) return "months run from 01 to 12";
  if (year < Date::kMinYear) return "years run from 0001 to 9999";
  return std::string(text.substr(0, 7)) + " has " +
         std::to_string(Date::days_in_month(year, month)) + " days";
}

}  // namespace

std::string_view kind_name(yaml::NodeKind kind) {
  switch (kind) {
    case yaml::NodeKind::null:
      return "nothing";
    case yaml::NodeKind::scalar:
      return "a scalar";
    case yaml::NodeKind::sequence:
      return "a sequence";
    case yaml::NodeKind::mapping:
      return "a mapping";
  }
  return "nothing";
}

bool expect_kind(FileContext& context, const yaml::Node& node, yaml::NodeKind kind,
                 std::string_view what) {
  if (node.kind == kind) return true;
  type_error(context, node, kind_name(kind), what);
  return false;
}

std::optional<std::string> read_string(FileContext& context, const yaml::Node& node,
                                       std::string_view what) {
  if (node.kind != yaml::NodeKind::scalar) {
    type_error(context, node, "a string", what);
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<bool> read_bool(FileContext& context, const yaml::Node& node, std::string_view what) {
  if (node.is_plain_scalar() && (node.scalar == "true" || node.scalar == "false")) {
    return node.scalar == "true";
  }
  type_error(context, node, "`true` or `false`", what,
             node.kind == yaml::NodeKind::scalar ? "write `true` or `false`, without quotes" : "");
  return std::nullopt;
}

namespace {

// Digits with an optional sign and point: a decimal that may only be too long.
bool looks_decimal(std::string_view text) {
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) text.remove_prefix(1);
  bool digits = false, point = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits = true;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      return false;
    }
  }
  return digits;
}

// YAML's NaN and infinities are not numbers a rule can compute with.
std::string special_number_help(const yaml::Node& node) {
  if (!node.is_plain_scalar()) return {};
  std::string text = node.scalar;
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (text == ".nan" || text == ".inf" || text == "+.inf" || text == "-.inf" || text == "nan" ||
      text == "inf" || text == "infinity") {
    return "NaN and infinities are not values a rule can use: give a finite number";
  }
  return {};
}

}  // namespace

std::optional<std::int64_t> read_int(FileContext& context, const yaml::Node& node,
                                     std::string_view what) {
  if (node.is_plain_scalar()) {
    const std::string& text = node.scalar;
    const char* begin = text.data() + (!text.empty() && text.front() == '+' ? 1 : 0);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    if (error == std::errc{} && end == text.data() + text.size() && begin != end) return value;
    if (error == std::errc::result_out_of_range) {
      context.error(node, code::load_bad_value,
                    "integer `" + text + "` for " + std::string(what) + " is out of range",
                    "an int is from -9223372036854775808 to 9223372036854775807");
      return std::nullopt;
    }
  }
  type_error(context, node, "an integer", what, special_number_help(node));
  return std::nullopt;
}

std::optional<Date> read_date(FileContext& context, const yaml::Node& node, std::string_view what) {
  if (node.kind != yaml::NodeKind::scalar) {
    type_error(context, node, "a date (YYYY-MM-DD)", what);
    return std::nullopt;
  }
  if (auto date = Date::parse(node.scalar)) return date;
  context.error(node, code::load_date,
                "invalid date `" + node.scalar + "` for " + std::string(what),
                date_help(node.scalar));
  return std::nullopt;
}

std::optional<std::string> read_decimal(FileContext& context, const yaml::Node& node,
                                        std::string_view what) {
  if (node.kind == yaml::NodeKind::scalar && Decimal::parse(node.scalar)) return node.scalar;
  if (node.kind == yaml::NodeKind::scalar && looks_decimal(node.scalar)) {
    context.error(node, code::load_bad_value,
                  "decimal `" + node.scalar + "` for " + std::string(what) + " is out of range",
                  "a decimal has at most 38 digits, at most 18 of them after the point");
    return std::nullopt;
  }
  std::string help = special_number_help(node);
  if (help.empty() && node.kind == yaml::NodeKind::scalar) {
    help = "write digits with an optional sign and `.`, e.g. 1.20";
  }
  type_error(context, node, "a decimal number", what, help);
  return std::nullopt;
}

model::Expression read_expression(FileContext& context, const yaml::Node& node,
                                  std::string_view what) {
  if (node.kind != yaml::NodeKind::scalar) {
    type_error(context, node, "an expression", what);
    return {};
  }
  if (node.scalar.find_first_not_of(" \t\r\n") == std::string::npos) {
    context.error(node, code::load_type, "empty expression for " + std::string(what));
    return {};
  }
  return model::Expression{node.scalar, context.origin(node)};
}

model::Text read_text(FileContext& context, const yaml::Node& node, std::string_view what) {
  static constexpr KeySpec kKeys[] = {{"zh"}, {"en"}};
  MappingReader reader(context, node, std::string(what), kKeys);
  model::Text text;
  if (!reader.is_mapping()) return text;
  if (!reader.has("zh") && !reader.has("en")) {
    context.error(node, code::load_missing_key, "missing key `zh` or `en` in " + reader.what());
  }
  if (const yaml::Node* zh = reader.find("zh")) {
    text.zh = read_string(context, *zh, reader.what_of("zh")).value_or("");
    text.zh_origin = context.origin(*zh);
  }
  if (const yaml::Node* en = reader.find("en")) {
    text.en = read_string(context, *en, reader.what_of("en")).value_or("");
    text.en_origin = context.origin(*en);
  }
  return text;
}

std::vector<std::string> read_string_list(FileContext& context, const yaml::Node& node,
                                          std::string_view what) {
  std::vector<std::string> values;
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return values;
  std::set<std::string> seen;
  for (const yaml::Node& item : node.items) {
    auto value = read_string(context, item, "an item of " + std::string(what));
    if (!value) continue;
    if (!seen.insert(*value).second) {
      context.error(item, code::load_duplicate_value,
                    "duplicate value `" + *value + "` in " + std::string(what));
      continue;
    }
    values.push_back(std::move(*value));
  }
  return values;
}

std::optional<std::size_t> read_choice(FileContext& context, const yaml::Node& node,
                                       std::string_view what,
                                       std::span<const std::string_view> allowed) {
  const auto text = read_string(context, node, what);
  if (!text) return std::nullopt;
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    if (allowed[i] == *text) return i;
  }
  std::string help = did_you_mean(*text, allowed);
  if (help.empty()) help = "expected one of " + quoted_list(allowed);
  context.error(node, code::load_bad_value,
                "invalid value `" + *text + "` for " + std::string(what), std::move(help));
  return std::nullopt;
}

bool check_name(FileContext& context, const yaml::Node& at, std::string_view text,
                std::string_view what) {
  if (is_name(text)) return true;
  context.error(at, code::load_bad_id,
                "invalid " + std::string(what) + " `" + std::string(text) + "`",
                "a name is an ASCII letter or `_` followed by ASCII letters, digits or `_`");
  return false;
}

bool check_dotted_id(FileContext& context, const yaml::Node& at, std::string_view text,
                     std::string_view what) {
  if (is_dotted_name(text)) return true;
  context.error(at, code::load_bad_id,
                "invalid " + std::string(what) + " `" + std::string(text) + "`",
                "an id is names joined by `.`, each an ASCII letter or `_` followed by ASCII "
                "letters, digits or `_`, e.g. `hy.warning_period`");
  return false;
}

}  // namespace cadre::load
