// The `parameters` section, and the parameter overrides of `variant`: values
// the texts quote, in one of five forms (a scalar, a table keyed by an
// enumeration, an effective-dated series, a range, or unspecified). Values
// are kept as the text written, so that decimals keep their scale.
#include <algorithm>

#include "cadre/decimal.hpp"
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kParameterKeys[] = {{"type", Presence::required},
                                      {"unit"},
                                      {"value"},
                                      {"table"},
                                      {"key"},
                                      {"series"},
                                      {"range"},
                                      {"unspecified"},
                                      {"others"},
                                      {"one_of"},
                                      {"reported_as"},
                                      {"unset"},
                                      {"cite", Presence::required},
                                      {"quote"},
                                      {"title"}};
constexpr KeySpec kOverrideKeys[] = {{"value"},  {"table"}, {"series"}, {"range"}, {"unspecified"},
                                     {"others"}, {"cite"},  {"quote"},  {"title"}};
constexpr KeySpec kUnspecifiedKeys[] = {{"unspecified", Presence::required}};
constexpr KeySpec kReasonKeys[] = {{"because", Presence::required}};
constexpr KeySpec kSeriesEntryKeys[] = {{"from", Presence::required},
                                        {"value", Presence::required}};

/// The reason codes an unset value may carry (MODEL.md §1).
constexpr std::string_view kUnsetCodes[] = {"unspecified_parameter", "ambiguous_reading"};

/// The value forms, in the order of model::ParamForm.
constexpr std::string_view kForms[] = {"value", "table", "series", "range", "unspecified"};

bool is_unspecified(const yaml::Node& node) {
  return node.is_plain_scalar() && node.scalar == "unspecified";
}

/// `{unspecified: …}`: an entry left open, with the reason.
bool is_unspecified_mapping(const yaml::Node& node) {
  return node.kind == yaml::NodeKind::mapping && node.entries.size() == 1 &&
         node.entries.front().first.scalar == "unspecified";
}

bool is_list_type(std::string_view type) {
  return type.starts_with("list<") && type.ends_with(">");
}

std::string_view element_type(std::string_view type) {
  type.remove_prefix(5);
  type.remove_suffix(1);
  while (!type.empty() && type.front() == ' ')
    type.remove_prefix(1);
  while (!type.empty() && type.back() == ' ')
    type.remove_suffix(1);
  return type;
}

/// The mark of an open value, the value of an `unspecified` key: `true`, or
/// `{because: {zh, en}}`, the reason the text gives none (no warning then).
void read_unspecified_mark(FileContext& context, const yaml::Node& mark, std::string_view what,
                           model::ParamValue& out) {
  out.unspecified = true;
  out.origin = context.origin(mark);
  if (mark.kind == yaml::NodeKind::mapping) {
    MappingReader reader(context, mark, std::string(what), kReasonKeys);
    if (const yaml::Node* because = reader.find("because")) {
      out.because = read_text(context, *because, reader.what_of("because"));
    }
    return;
  }
  if (mark.is_plain_scalar() && mark.scalar == "false") {
    context.error(mark, code::load_bad_value,
                  "`unspecified: false` gives no value to " + std::string(what),
                  "give `value`, `table`, `series` or `range`, or write `unspecified: true`");
    return;
  }
  if (!(mark.is_plain_scalar() && mark.scalar == "true")) {
    context.error(mark, code::load_type,
                  "expected `true` or `{because: {zh, en}}` for `unspecified` of " +
                      std::string(what) + ", found " + std::string(kind_name(mark.kind)),
                  "say why the text gives no value: `unspecified: {because: {zh: …, en: …}}`");
  }
}

/// `{unspecified: true}` or `{unspecified: {because: …}}` in place of a value.
model::ParamValue read_unspecified_entry(FileContext& context, const yaml::Node& node,
                                         std::string_view what) {
  model::ParamValue value;
  MappingReader reader(context, node, std::string(what), kUnspecifiedKeys);
  if (const yaml::Node* mark = reader.find("unspecified")) {
    read_unspecified_mark(context, *mark, what, value);
  }
  value.origin = context.origin(node);
  return value;
}

/// A list-typed value: a YAML sequence of scalars of the element type.
model::ParamValue read_list_value(FileContext& context, const yaml::Node& node,
                                  std::string_view type, std::string_view what) {
  model::ParamValue value;
  value.origin = context.origin(node);
  value.is_list = true;
  const std::string_view element = type.empty() ? type : element_type(type);
  for (const yaml::Node& item : node.items) {
    if (item.kind != yaml::NodeKind::scalar) {
      expect_kind(context, item, yaml::NodeKind::scalar, "an item of " + std::string(what));
      continue;
    }
    if (const std::string_view expected = value_mismatch(element, item); !expected.empty()) {
      context.error(item, element == "date" ? code::load_date : code::load_type,
                    "expected " + std::string(expected) + " for an item of " + std::string(what) +
                        ", found `" + item.scalar + "`");
    }
    value.items.push_back(item.scalar);
  }
  return value;
}

bool is_integer_text(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A double: a decimal, optionally with an exponent (1e3, 2.5E-2).
bool is_double_text(std::string_view text) {
  const std::size_t e = text.find_first_of("eE");
  if (e == std::string_view::npos) return Decimal::parse(text).has_value();
  return Decimal::parse(text.substr(0, e)).has_value() && is_integer_text(text.substr(e + 1));
}

/// One value of a parameter of `type` (empty: checked later, against the base).
model::ParamValue read_value(FileContext& context, const yaml::Node& node, std::string_view type,
                             std::string_view what) {
  model::ParamValue value;
  if (is_unspecified_mapping(node)) return read_unspecified_entry(context, node, what);
  // A list is a YAML sequence; the type is empty in a variant's override,
  // whose items are checked against the base's type when it is merged.
  const bool list = is_list_type(type);
  if (node.kind == yaml::NodeKind::sequence && (list || type.empty())) {
    return read_list_value(context, node, type, what);
  }
  if (node.kind != yaml::NodeKind::scalar) {
    expect_kind(context, node, yaml::NodeKind::scalar, what);
    return value;
  }
  value.origin = context.origin(node);
  if (is_unspecified(node)) {
    value.unspecified = true;
    return value;
  }
  if (list) {
    context.error(node, code::load_type,
                  "expected a list for " + std::string(what) + " (of type `" + std::string(type) +
                      "`), found `" + node.scalar + "`",
                  "write the items as a YAML list: `[" + node.scalar + "]`");
    return value;
  }
  value.text = node.scalar;
  if (type == "date") {
    read_date(context, node, what);
  } else if (type == "decimal") {
    read_decimal(context, node, what);
  } else if (type == "int") {
    read_int(context, node, what);
  } else if (type == "bool") {
    read_bool(context, node, what);
  } else if (const std::string_view expected = value_mismatch(type, node); !expected.empty()) {
    context.error(node, code::load_type,
                  "expected " + std::string(expected) + " for " + std::string(what) + ", found `" +
                      node.scalar + "`");
  }
  return value;
}

void read_table_form(FileContext& context, MappingReader& reader, model::Parameter& param) {
  const yaml::Node& table = *reader.find("table");
  const std::string what = reader.what_of("table");
  for_each_entry(context, table, what, [&](const yaml::Node& key, const yaml::Node& value) {
    param.table.emplace_back(
        key.scalar, read_value(context, value, param.type, "`" + key.scalar + "` of " + what));
    param.table.back().second.key_origin = context.origin(key);
  });
  if (table.kind == yaml::NodeKind::mapping && table.entries.empty()) {
    context.error(table, code::load_bad_value, "empty table in " + reader.what());
  }
}

void read_series_form(FileContext& context, MappingReader& reader, model::Parameter& param) {
  const yaml::Node& series = *reader.find("series");
  const std::string what = reader.what_of("series");
  if (!expect_kind(context, series, yaml::NodeKind::sequence, what)) return;
  for (const yaml::Node& item : series.items) {
    MappingReader entry(context, item, "an entry of " + what, kSeriesEntryKeys);
    const auto from = entry.date("from");
    const yaml::Node* value = entry.find("value");
    if (!from || value == nullptr) continue;
    if (!param.series.empty() && *from <= param.series.back().from) {
      context.error(*entry.find("from"), code::load_series_order,
                    "series of " + reader.what() + " is not in date order: `" + from->to_string() +
                        "` comes after `" + param.series.back().from.to_string() + "`",
                    "list the entries by increasing `from`, each date once");
    }
    param.series.push_back(
        {*from, read_value(context, *value, param.type, entry.what_of("value"))});
  }
  if (series.items.empty())
    context.error(series, code::load_bad_value, "empty series in " + reader.what());
}

void read_range_form(FileContext& context, MappingReader& reader, model::Parameter& param) {
  const yaml::Node& range = *reader.find("range");
  const std::string what = reader.what_of("range");
  if (!expect_kind(context, range, yaml::NodeKind::sequence, what)) return;
  if (range.items.size() != 2) {
    context.error(range, code::load_type,
                  "expected `[low, high]` for " + what + ", found " +
                      std::to_string(range.items.size()) + " items");
    return;
  }
  param.low = read_value(context, range.items[0], param.type, "the low bound of " + what);
  param.high = read_value(context, range.items[1], param.type, "the high bound of " + what);
  const auto low = Decimal::parse(param.low.text);
  const auto high = Decimal::parse(param.high.text);
  if (low && high && *high < *low) {
    context.error(range, code::load_bad_value,
                  "empty range in " + reader.what() + ": `" + param.low.text + "` is above `" +
                      param.high.text + "`");
  }
}

/// Which of the exclusive forms are given; reports none or more than one.
std::optional<model::ParamForm> read_form_choice(FileContext& context, MappingReader& reader) {
  std::vector<std::size_t> given;
  for (std::size_t i = 0; i < std::size(kForms); ++i) {
    if (reader.has(kForms[i])) given.push_back(i);
  }
  if (given.empty()) {
    context.error(reader.anchor(), code::load_missing_key, "missing value in " + reader.what(),
                  "give one of `value`, `table`, `series`, `range` or `unspecified: true`");
    return std::nullopt;
  }
  for (std::size_t k = 1; k < given.size(); ++k) {
    context.error(*reader.find_key(kForms[given[k]]), code::load_conflicting_keys,
                  reader.what() + " has both `" + std::string(kForms[given[0]]) + "` and `" +
                      std::string(kForms[given[k]]) + "`",
                  "give exactly one of `value`, `table`, `series`, `range` or `unspecified: true`");
  }
  return static_cast<model::ParamForm>(given[0]);
}

// `others`: what the keys a keyed table does not list are. Only unspecified,
// never a default; with `because`, they are open on purpose.
void read_others(FileContext& context, MappingReader& reader, model::Parameter& param) {
  const yaml::Node* others = reader.find("others");
  if (others == nullptr) return;
  if (param.form != model::ParamForm::table) {
    context.error(*reader.find_key("others"), code::load_conflicting_keys,
                  "`others` is only allowed with `table`, in " + reader.what(),
                  "a parameter left open as a whole says so with `unspecified`");
    return;
  }
  if (is_unspecified(*others)) {
    param.others = model::ParamValue{};
    param.others->unspecified = true;
    param.others->origin = context.origin(*others);
    return;
  }
  if (!is_unspecified_mapping(*others)) {
    context.error(*others, code::load_type,
                  "expected `{unspecified: {because: {zh, en}}}` for " + reader.what_of("others"),
                  "the keys a table does not list can only be unspecified (R-14)");
    return;
  }
  param.others = read_unspecified_entry(context, *others, reader.what_of("others"));
}

void read_form(FileContext& context, MappingReader& reader, model::Parameter& param) {
  const auto form = read_form_choice(context, reader);
  if (!form) return;
  param.form = *form;
  switch (*form) {
    case model::ParamForm::scalar:
      param.value = read_value(context, *reader.find("value"), param.type, reader.what_of("value"));
      break;
    case model::ParamForm::table:
      read_table_form(context, reader, param);
      break;
    case model::ParamForm::series:
      read_series_form(context, reader, param);
      break;
    case model::ParamForm::range:
      read_range_form(context, reader, param);
      break;
    case model::ParamForm::unspecified:
      read_unspecified_mark(context, *reader.find("unspecified"), reader.what(), param.value);
      break;
  }
  read_others(context, reader, param);
}

void read_table_key(FileContext& context, MappingReader& reader, model::Parameter& param) {
  const yaml::Node* key = reader.find("key");
  // An unspecified table (the text names amounts per insurance kind and
  // gives none) is keyed too, so that a variant can fill it in.
  if (param.form != model::ParamForm::table) {
    if (key != nullptr && param.form != model::ParamForm::unspecified) {
      context.error(*reader.find_key("key"), code::load_conflicting_keys,
                    "`key` is only allowed with `table` or `unspecified`, in " + reader.what());
      return;
    }
    if (key == nullptr) return;
  }
  if (key == nullptr) {
    reader.report_missing_key("key");
    return;
  }
  param.table_key = read_string(context, *key, reader.what_of("key")).value_or("");
  if (!param.table_key.empty()) check_name(context, *key, param.table_key, "enum id");
}

// How an unspecified value is reported: its possible values (`one_of`), the
// name MODEL.md gives it (`reported_as`) and its reason code (`unset`).
void read_unset_reading(FileContext& context, MappingReader& reader, model::Parameter& param) {
  if (const yaml::Node* one_of = reader.find("one_of")) {
    param.one_of = read_string_list(context, *one_of, reader.what_of("one_of"));
    param.one_of_origin = context.origin(*one_of);
    if (one_of->kind == yaml::NodeKind::sequence && one_of->items.size() < 2) {
      context.error(*one_of, code::load_bad_value,
                    reader.what_of("one_of") + " needs at least two values",
                    "with one possible value the parameter is not unspecified: give `value`");
    }
  }
  if (const yaml::Node* name = reader.find("reported_as")) {
    param.reported_as = read_string(context, *name, reader.what_of("reported_as")).value_or("");
    if (!param.reported_as.empty()) {
      check_dotted_id(context, *name, param.reported_as, "parameter name");
    }
  }
  if (const yaml::Node* unset = reader.find("unset")) {
    if (auto index = read_choice(context, *unset, reader.what_of("unset"), kUnsetCodes)) {
      param.unset_code = std::string(kUnsetCodes[*index]);
    }
  }
  const bool unset_possible = param.form == model::ParamForm::unspecified ||
                              param.form == model::ParamForm::table ||
                              param.form == model::ParamForm::series;
  for (std::string_view key : {"one_of", "unset"}) {
    if (reader.has(key) && !unset_possible) {
      context.error(*reader.find_key(key), code::load_conflicting_keys,
                    "`" + std::string(key) + "` is for a value the text leaves unspecified, in " +
                        reader.what());
    }
  }
}

model::Parameter read_parameter(FileContext& context, const yaml::Node& key,
                                const yaml::Node& value) {
  model::Parameter param;
  param.id = key.scalar;
  param.origin = context.origin(key);
  check_dotted_id(context, key, key.scalar, "parameter id");
  MappingReader reader(context, value, "parameter `" + key.scalar + "`", kParameterKeys, &key);
  if (!reader.is_mapping()) return param;
  if (const yaml::Node* type = reader.find("type")) {
    param.type = read_string(context, *type, reader.what_of("type")).value_or("");
    if (!param.type.empty()) check_type_text(context, *type, param.type, reader.what_of("type"));
  }
  param.unit = reader.string("unit").value_or("");
  read_form(context, reader, param);
  read_table_key(context, reader, param);
  read_unset_reading(context, reader, param);
  param.cite = reader.citation();
  param.title = reader.text("title");
  return param;
}

}  // namespace

std::string_view value_mismatch(std::string_view type, const yaml::Node& value) {
  if (is_unspecified_mapping(value) || is_unspecified(value)) return {};
  if (is_list_type(type)) {
    if (value.kind != yaml::NodeKind::sequence) return "a list";
    for (const yaml::Node& item : value.items) {
      const std::string_view expected = value_mismatch(element_type(type), item);
      if (!expected.empty()) return expected;  // of an item
    }
    return {};
  }
  if (value.kind != yaml::NodeKind::scalar) return "a scalar";
  const std::string& text = value.scalar;
  if (type == "int" && !(value.is_plain_scalar() && is_integer_text(text))) return "an integer";
  if (type == "decimal" && !Decimal::parse(text)) return "a decimal number";
  if (type == "double" && !is_double_text(text)) return "a number";
  if (type == "bool" && !(value.is_plain_scalar() && (text == "true" || text == "false"))) {
    return "`true` or `false`";
  }
  if (type == "date" && !Date::parse(text)) return "a date (YYYY-MM-DD)";
  return {};
}

void read_parameters(FileContext& context, const yaml::Node& section,
                     std::vector<model::Parameter>& out) {
  for_each_entry(context, section, "`parameters`",
                 [&](const yaml::Node& key, const yaml::Node& value) {
                   out.push_back(read_parameter(context, key, value));
                 });
}

model::Parameter read_parameter_override(FileContext& context, const yaml::Node& key,
                                         const yaml::Node& value) {
  model::Parameter param;
  param.id = key.scalar;
  param.origin = context.origin(key);
  MappingReader reader(context, value, "override of parameter `" + key.scalar + "`", kOverrideKeys,
                       &key);
  if (!reader.is_mapping()) return param;
  read_form(context, reader, param);
  param.cite = reader.citation();
  param.title = reader.text("title");
  return param;
}

}  // namespace cadre::load
