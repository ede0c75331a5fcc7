// Decision tables (docs/rules.md "Pay"): inputs, rules and their cells. A
// cell tests one input: `-`, a value or a list of values, a comparison
// (`>= 2`) or an interval (`[1, 3)`). Cells are parsed here so that a
// malformed one is reported at its own position; gaps and overlaps between
// rules are found later by `check`.
#include <map>

#include "cadre/decimal.hpp"
#include "core/text.hpp"
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kTableKeys[] = {
    {"hit"}, {"inputs", Presence::required}, {"rules", Presence::required}};
constexpr KeySpec kInputKeys[] = {{"id", Presence::required}, {"expr", Presence::required}};
constexpr KeySpec kRuleKeys[] = {{"when", Presence::required},
                                 {"value", Presence::required},
                                 {"priority"},
                                 {"flags"},
                                 {"cite"},
                                 {"quote"}};

/// In the order of model::HitPolicy.
constexpr std::string_view kHitPolicies[] = {"unique", "first", "priority", "collect_sum"};
/// Longest first, so that `>=` is not read as `>`.
constexpr std::string_view kOperators[] = {">=", "<=", ">", "<", "="};

bool read_interval(std::string_view text, model::TableCell& cell) {
  if (text.size() < 5 || (text.front() != '[' && text.front() != '(') ||
      (text.back() != ']' && text.back() != ')')) {
    return false;
  }
  const std::string_view inside = text.substr(1, text.size() - 2);
  const std::size_t comma = inside.find(',');
  if (comma == std::string_view::npos) return false;
  cell.low = std::string(trim_spaces(inside.substr(0, comma)));
  cell.high = std::string(trim_spaces(inside.substr(comma + 1)));
  const auto low = Decimal::parse(cell.low), high = Decimal::parse(cell.high);
  cell.low_closed = text.front() == '[';
  cell.high_closed = text.back() == ']';
  cell.test = model::TableCell::Test::interval;
  return low && high && *low <= *high;
}

/// Parses a scalar cell; false when it is malformed.
bool read_scalar_cell(std::string_view text, model::TableCell& cell) {
  if (text == "-") return true;
  for (const std::string_view op : kOperators) {
    if (!text.starts_with(op)) continue;
    cell.test = model::TableCell::Test::compare;
    cell.op = std::string(op);
    cell.number = std::string(trim_spaces(text.substr(op.size())));
    return Decimal::parse(cell.number).has_value();
  }
  if (text.starts_with("[") || text.starts_with("(")) return read_interval(text, cell);
  cell.test = model::TableCell::Test::values;
  cell.values.emplace_back(text);
  return !trim_spaces(text).empty();
}

/// Reads one cell; returns its text for TableRule::cells.
std::optional<std::string> read_cell(FileContext& context, const yaml::Node& node,
                                     model::TableCell& cell, const std::string& what) {
  cell.origin = context.origin(node);
  if (node.kind == yaml::NodeKind::sequence) {
    cell.test = model::TableCell::Test::values;
    cell.values = read_string_list(context, node, what);
    std::string text;
    for (const std::string& value : cell.values)
      text += (text.empty() ? "" : ", ") + value;
    if (node.items.empty())
      context.error(node, code::load_table_cell, "empty list of values for " + what);
    return text;
  }
  if (!read_string(context, node, what)) return std::nullopt;
  if (read_scalar_cell(node.scalar, cell)) return node.scalar;
  context.error(node, code::load_table_cell, "invalid cell `" + node.scalar + "` for " + what,
                "a cell is a value, a list of values, `-`, a comparison such as `>= 2` or an "
                "interval such as `[1, 3)`");
  return std::nullopt;
}

void read_cells(FileContext& context, MappingReader& rule, model::TableRule& out,
                std::span<const KeySpec> inputs) {
  const yaml::Node* when = rule.find("when");
  if (when == nullptr) return;
  MappingReader cells(context, *when, rule.what_of("when"), inputs);
  if (!cells.is_mapping()) return;
  for (const auto* entry : unique_entries(*when)) {
    const std::string& input = entry->first.scalar;
    const bool known = std::any_of(inputs.begin(), inputs.end(),
                                   [&](const KeySpec& spec) { return spec.name == input; });
    if (!known) continue;
    model::TableCell cell;
    cell.input = input;
    if (auto text = read_cell(context, entry->second, cell, "`" + input + "` of " + cells.what())) {
      out.cells.emplace_back(input, *text);
      out.tests.push_back(std::move(cell));
    }
  }
}

model::TableRule read_rule(FileContext& context, const yaml::Node& node, const std::string& what,
                           std::span<const KeySpec> inputs, model::HitPolicy hit) {
  model::TableRule out;
  out.origin = context.origin(node);
  MappingReader reader(context, node, what, kRuleKeys);
  read_cells(context, reader, out, inputs);
  if (const yaml::Node* value = reader.find("value")) {
    if (read_string(context, *value, reader.what_of("value"))) {
      out.output.origin = context.origin(*value);
      out.output.unspecified = value->is_plain_scalar() && value->scalar == "unspecified";
      if (!out.output.unspecified) out.output.text = value->scalar;
    }
  }
  if (const yaml::Node* flags = reader.find("flags")) {
    out.flags = read_flags(context, *flags, reader.what_of("flags"));
  }
  if (auto priority = reader.integer("priority")) out.priority = static_cast<int>(*priority);
  if (reader.has("priority") && hit != model::HitPolicy::priority) {
    context.error(*reader.find_key("priority"), code::load_conflicting_keys,
                  "`priority` in " + what + " is only allowed with `hit: priority`");
  } else if (reader.is_mapping() && !reader.has("priority") && hit == model::HitPolicy::priority) {
    reader.report_missing_key("priority");
  }
  out.cite = reader.citation();
  return out;
}

/// Reads the inputs and returns their ids as the keys a rule's `when` may have.
std::vector<std::string> read_inputs(FileContext& context, const yaml::Node& node,
                                     const std::string& what, model::DecisionTable& table) {
  std::vector<std::string> ids;
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return ids;
  std::map<std::string, SourceLocation> seen;
  for (const yaml::Node& item : node.items) {
    MappingReader reader(context, item, "an input of " + what, kInputKeys);
    model::TableInput input;
    input.origin = context.origin(item);
    input.id = reader.string("id").value_or("");
    input.expr = reader.expression("expr");
    if (input.id.empty() || !check_name(context, *reader.find("id"), input.id, "input id"))
      continue;
    if (const auto [first, inserted] = seen.emplace(input.id, context.locate(*reader.find("id")));
        !inserted) {
      context.error(*reader.find("id"), code::load_duplicate_id,
                    "duplicate input `" + input.id + "` in " + what,
                    "first defined at " + std::to_string(first->second.line) + ":" +
                        std::to_string(first->second.column));
      continue;
    }
    ids.push_back(input.id);
    table.inputs.push_back(std::move(input));
  }
  return ids;
}

}  // namespace

std::optional<model::DecisionTable> read_table(FileContext& context, const yaml::Node& node,
                                               std::string_view what) {
  MappingReader reader(context, node, std::string(what), kTableKeys);
  if (!reader.is_mapping()) return std::nullopt;
  model::DecisionTable table;
  table.origin = context.origin(node);
  if (const yaml::Node* hit = reader.find("hit")) {
    if (auto index = read_choice(context, *hit, reader.what_of("hit"), kHitPolicies)) {
      table.hit = static_cast<model::HitPolicy>(*index);
    }
  }
  std::vector<std::string> ids;
  if (const yaml::Node* inputs = reader.find("inputs")) {
    ids = read_inputs(context, *inputs, reader.what_of("inputs"), table);
  }
  std::vector<KeySpec> input_keys;
  for (const std::string& id : ids)
    input_keys.push_back({id});
  const yaml::Node* rules = reader.find("rules");
  if (rules == nullptr ||
      !expect_kind(context, *rules, yaml::NodeKind::sequence, reader.what_of("rules"))) {
    return table;
  }
  if (rules->items.empty())
    context.error(*rules, code::load_bad_value, "empty " + reader.what_of("rules"));
  for (std::size_t i = 0; i < rules->items.size(); ++i) {
    const std::string rule_what = "rule " + std::to_string(i + 1) + " of " + std::string(what);
    table.rules.push_back(read_rule(context, rules->items[i], rule_what, input_keys, table.hit));
  }
  return table;
}

}  // namespace cadre::load
