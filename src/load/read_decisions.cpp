// The `decisions` section: each decision's common keys, its kind (which
// decides the keys it may have), its conditions (leaves and all/any groups
// nested to any depth), warning periods and exit actions. Pay components,
// decision tables and allocations are read in their own files.
#include <algorithm>
#include <array>
#include <map>

#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kCommonKeys[] = {{"id", Presence::required},
                                   {"kind", Presence::required},
                                   {"subject"},
                                   {"cite", Presence::required},
                                   {"quote"},
                                   {"title"},
                                   {"applies"},
                                   {"soft"},
                                   {"discretionary"},
                                   {"truncated_text"},
                                   {"unless_switch"},
                                   {"flags"},
                                   {"for_each"},
                                   {"period"},
                                   {"message"},
                                   {"coverage"}};

constexpr KeySpec kEligibilityKeys[] = {{"all"}, {"none"}, {"gates"}, {"passed"}};
constexpr KeySpec kWarningKeys[] = {{"trigger", Presence::required},
                                    {"warning", Presence::required}};
constexpr KeySpec kExitKeys[] = {{"trigger", Presence::required}, {"actions", Presence::required}};
constexpr KeySpec kPayKeys[] = {{"components"}, {"table"}, {"round"}};
constexpr KeySpec kAssessmentKeys[] = {{"formula"}, {"table"}, {"round"}};
constexpr KeySpec kAllocationKeys[] = {{"allocation", Presence::required}};

/// How many of a kind's alternative keys a decision must give.
enum class Alternatives : std::uint8_t { none, at_least_one, exactly_one };

struct KindSpec {
  std::string_view name;
  std::span<const KeySpec> keys;
  Alternatives alternatives;
  std::string_view first, second;  ///< the alternative keys
};

/// In the order of model::DecisionKind.
constexpr KindSpec kKinds[] = {
    {"eligibility", kEligibilityKeys, Alternatives::at_least_one, "all", "none"},
    {"warning", kWarningKeys, Alternatives::none, "", ""},
    {"exit", kExitKeys, Alternatives::none, "", ""},
    {"pay", kPayKeys, Alternatives::exactly_one, "components", "table"},
    {"assessment", kAssessmentKeys, Alternatives::exactly_one, "formula", "table"},
    {"allocation", kAllocationKeys, Alternatives::none, "", ""},
};

constexpr auto kKindNames = [] {
  std::array<std::string_view, std::size(kKinds)> names{};
  for (std::size_t i = 0; i < names.size(); ++i)
    names[i] = kKinds[i].name;
  return names;
}();

/// In the order of model::ExitAction.
constexpr std::string_view kActions[] = {
    "dismissal", "ordered_resignation", "recall", "programme_exit", "referral", "stand_down"};

constexpr KeySpec kCoverageKeys[] = {{"cannot", Presence::required},
                                     {"because", Presence::required}};

constexpr KeySpec kLeafKeys[] = {{"id", Presence::required},
                                 {"when", Presence::required},
                                 {"cite"},
                                 {"quote"},
                                 {"soft"},
                                 {"message"}};
constexpr KeySpec kGroupKeys[] = {{"id"},    {"all"},  {"any"},    {"cite"},
                                  {"quote"}, {"soft"}, {"message"}};
constexpr KeySpec kGateKeys[] = {{"id", Presence::required},
                                 {"when", Presence::required},
                                 {"failed"},
                                 {"cite"},
                                 {"quote"},
                                 {"message"}};
constexpr KeySpec kForEachKeys[] = {{"key"}, {"in", Presence::required}};
constexpr KeySpec kPeriodKeys[] = {{"last_day", Presence::required}};
constexpr KeySpec kWarningSpecKeys[] = {{"held"},
                                        {"start", Presence::required},
                                        {"period_months", Presence::required},
                                        {"review_result", Presence::required},
                                        {"escalate_to"}};

bool has_key(std::span<const KeySpec> keys, std::string_view name) {
  return std::any_of(keys.begin(), keys.end(), [&](const KeySpec& k) { return k.name == name; });
}

/// The kinds whose decisions may have `key`.
std::vector<std::string_view> kinds_with(std::string_view key) {
  std::vector<std::string_view> kinds;
  for (const KindSpec& kind : kKinds) {
    if (has_key(kind.keys, key)) kinds.push_back(kind.name);
  }
  return kinds;
}

void check_alternatives(MappingReader& reader, const KindSpec& kind) {
  if (kind.alternatives == Alternatives::none) return;
  // An eligibility decided by ordered gates has neither `all` nor `none`.
  if (reader.has("gates")) {
    for (std::string_view other : {kind.first, kind.second}) {
      if (!reader.has(other)) continue;
      reader.context().error(*reader.find_key(other), code::load_conflicting_keys,
                             reader.what() + " has both `gates` and `" + std::string(other) + "`",
                             "gates are passed in order; put further conditions in a gate");
    }
    return;
  }
  if (reader.has("passed")) {
    reader.context().error(*reader.find_key("passed"), code::load_conflicting_keys,
                           "`passed` is only allowed with `gates`, in " + reader.what());
  }
  const bool first = reader.has(kind.first), second = reader.has(kind.second);
  if (!first && !second) {
    reader.context().error(reader.node(), code::load_missing_key,
                           "missing key `" + std::string(kind.first) + "` or `" +
                               std::string(kind.second) + "` in " + reader.what());
  } else if (first && second && kind.alternatives == Alternatives::exactly_one) {
    reader.context().error(*reader.find_key(kind.second), code::load_conflicting_keys,
                           reader.what() + " has both `" + std::string(kind.first) + "` and `" +
                               std::string(kind.second) + "`",
                           "a decision of kind `" + std::string(kind.name) + "` has one of them");
  }
}

/// Common keys, then the keys of `kind` (any kind's keys when it is unknown).
void check_decision_keys(MappingReader& reader, const KindSpec* kind) {
  std::vector<KeySpec> allowed(std::begin(kCommonKeys), std::end(kCommonKeys));
  for (const KindSpec& spec : kKinds) {
    if (kind == nullptr || &spec == kind)
      allowed.insert(allowed.end(), spec.keys.begin(), spec.keys.end());
  }
  for (const yaml::Node* key : reader.keys_outside(allowed)) {
    const auto kinds = kinds_with(key->scalar);
    if (kinds.empty()) {
      reader.report_unknown_key(*key, allowed);
      continue;
    }
    reader.context().error(*key, code::load_unknown_key,
                           "key `" + key->scalar + "` is not allowed in " + reader.what() +
                               " of kind `" + std::string(kind->name) + "`",
                           "`" + key->scalar + "` is for decisions of kind " + quoted_list(kinds));
  }
  // The keys a kind requires are only known when the kind is.
  const auto required =
      kind == nullptr ? std::span<const KeySpec>(kCommonKeys) : std::span<const KeySpec>(allowed);
  for (const KeySpec& spec : required) {
    if (spec.presence == Presence::required && !reader.has(spec.name)) {
      reader.report_missing_key(spec.name);
    }
  }
  if (kind != nullptr) check_alternatives(reader, *kind);
}

/// The value of `key` when decisions of `kind` may have it (any kind's keys
/// are read when the kind is unknown, to report what is wrong inside them).
const yaml::Node* find_part(const MappingReader& reader, const KindSpec* kind,
                            std::string_view key) {
  if (kind != nullptr && !has_key(kind->keys, key)) return nullptr;
  return reader.find(key);
}

/// Reads conditions of one decision, keeping their ids unique within it.
class ConditionReader {
 public:
  ConditionReader(FileContext& context, std::string decision)
      : context_(context), decision_(std::move(decision)) {}

  model::Condition read(const yaml::Node& node);
  /// A sequence of conditions as one group (`all:` / `none:` of a decision).
  model::Condition read_group(const yaml::Node& node, model::Condition::Group group,
                              const std::string& what);

 private:
  void read_id(MappingReader& reader, model::Condition& out);

  FileContext& context_;
  std::string decision_;
  std::map<std::string, SourceLocation> ids_;
};

void ConditionReader::read_id(MappingReader& reader, model::Condition& out) {
  const yaml::Node* id = reader.find("id");
  if (id == nullptr) return;
  out.id = read_string(context_, *id, reader.what_of("id")).value_or("");
  if (out.id.empty() || !check_name(context_, *id, out.id, "condition id")) return;
  const auto [first, inserted] = ids_.emplace(out.id, context_.locate(*id));
  if (inserted) return;
  context_.error(*id, code::load_duplicate_id,
                 "duplicate condition id `" + out.id + "` in " + decision_,
                 "first defined at " + std::to_string(first->second.line) + ":" +
                     std::to_string(first->second.column));
}

model::Condition ConditionReader::read(const yaml::Node& node) {
  model::Condition out;
  out.origin = context_.origin(node);
  const yaml::Node* id = node.kind == yaml::NodeKind::mapping ? node.find("id") : nullptr;
  const std::string what =
      (id != nullptr && id->kind == yaml::NodeKind::scalar ? "condition `" + id->scalar + "`"
                                                           : std::string("a condition")) +
      " of " + decision_;
  const bool group = node.kind == yaml::NodeKind::mapping &&
                     (node.find("all") != nullptr || node.find("any") != nullptr);
  MappingReader reader(
      context_, node, what,
      group ? std::span<const KeySpec>(kGroupKeys) : std::span<const KeySpec>(kLeafKeys));
  if (!reader.is_mapping()) return out;
  read_id(reader, out);
  out.soft = reader.boolean("soft");
  out.cite = reader.citation();
  out.message = reader.text("message");
  if (!group) {
    out.when = reader.expression("when");
    return out;
  }
  if (reader.has("all") && reader.has("any")) {
    context_.error(*reader.find_key("any"), code::load_conflicting_keys,
                   what + " has both `all` and `any`", "nest one group inside the other");
  }
  const bool all = reader.has("all");
  model::Condition children =
      read_group(*reader.find(all ? "all" : "any"),
                 all ? model::Condition::Group::all : model::Condition::Group::any,
                 reader.what_of(all ? "all" : "any"));
  out.group = children.group;
  out.children = std::move(children.children);
  return out;
}

model::Condition ConditionReader::read_group(const yaml::Node& node, model::Condition::Group group,
                                             const std::string& what) {
  model::Condition out;
  out.group = group;
  out.origin = context_.origin(node);
  if (!expect_kind(context_, node, yaml::NodeKind::sequence, what)) return out;
  if (node.items.empty()) context_.error(node, code::load_bad_value, "empty " + what);
  for (const yaml::Node& item : node.items)
    out.children.push_back(read(item));
  return out;
}

model::WarningSpec read_warning_spec(FileContext& context, const yaml::Node& node,
                                     const std::string& what) {
  model::WarningSpec out;
  MappingReader reader(context, node, what, kWarningSpecKeys);
  out.held = reader.expression("held");
  out.start = reader.expression("start");
  out.period_months = reader.expression("period_months");
  out.review_result = reader.expression("review_result");
  if (const yaml::Node* escalate = reader.find("escalate_to")) {
    out.escalate_to = read_string(context, *escalate, reader.what_of("escalate_to")).value_or("");
    out.escalate_origin = context.origin(*escalate);
    if (!out.escalate_to.empty())
      check_dotted_id(context, *escalate, out.escalate_to, "decision id");
  }
  return out;
}

std::vector<model::ExitAction> read_actions(FileContext& context, const yaml::Node& node,
                                            const std::string& what) {
  std::vector<model::ExitAction> actions;
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return actions;
  if (node.items.empty()) context.error(node, code::load_bad_value, "empty " + what);
  for (const yaml::Node& item : node.items) {
    const auto index = read_choice(context, item, "an item of " + what, kActions);
    if (!index) continue;
    const auto action = static_cast<model::ExitAction>(*index);
    if (std::find(actions.begin(), actions.end(), action) != actions.end()) {
      context.error(item, code::load_duplicate_value,
                    "duplicate value `" + item.scalar + "` in " + what);
      continue;
    }
    actions.push_back(action);
  }
  return actions;
}

// Gates passed in order: each a condition with the value its failure gives.
std::vector<model::Gate> read_gates(FileContext& context, const yaml::Node& node,
                                    const std::string& what) {
  std::vector<model::Gate> gates;
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return gates;
  if (node.items.empty()) context.error(node, code::load_bad_value, "empty " + what);
  std::map<std::string, SourceLocation> seen;
  for (const yaml::Node& item : node.items) {
    MappingReader reader(context, item, "a gate of " + what, kGateKeys);
    if (!reader.is_mapping()) continue;
    model::Gate gate;
    gate.condition.origin = context.origin(item);
    gate.condition.id = reader.string("id").value_or("");
    if (!gate.condition.id.empty()) {
      const yaml::Node& id = *reader.find("id");
      check_name(context, id, gate.condition.id, "gate id");
      const auto [first, inserted] = seen.emplace(gate.condition.id, context.locate(id));
      if (!inserted) {
        context.error(id, code::load_duplicate_id,
                      "duplicate gate `" + gate.condition.id + "` in " + what,
                      "first defined at " + std::to_string(first->second.line) + ":" +
                          std::to_string(first->second.column));
      }
    }
    gate.condition.when = reader.expression("when");
    gate.condition.cite = reader.citation();
    gate.condition.message = reader.text("message");
    gate.failed = reader.string("failed").value_or("failed_" + gate.condition.id);
    if (const yaml::Node* failed = reader.find("failed")) {
      check_name(context, *failed, gate.failed, "gate result");
    }
    gates.push_back(std::move(gate));
  }
  return gates;
}

void read_kind_parts(MappingReader& reader, const KindSpec* kind, model::Decision& out) {
  FileContext& context = reader.context();
  ConditionReader conditions(context, reader.what());
  using Group = model::Condition::Group;
  if (const yaml::Node* all = find_part(reader, kind, "all")) {
    out.all = conditions.read_group(*all, Group::all, reader.what_of("all"));
  }
  if (const yaml::Node* none = find_part(reader, kind, "none")) {
    out.none = conditions.read_group(*none, Group::any, reader.what_of("none"));
  }
  if (const yaml::Node* gates = find_part(reader, kind, "gates")) {
    out.gates = read_gates(context, *gates, reader.what_of("gates"));
  }
  if (const yaml::Node* passed = find_part(reader, kind, "passed")) {
    out.passed = read_string(context, *passed, reader.what_of("passed")).value_or("passed");
    check_name(context, *passed, out.passed, "gate result");
  }
  if (const yaml::Node* trigger = find_part(reader, kind, "trigger")) {
    out.trigger = conditions.read(*trigger);
  }
  if (const yaml::Node* warning = find_part(reader, kind, "warning")) {
    out.warning = read_warning_spec(context, *warning, reader.what_of("warning"));
  }
  if (const yaml::Node* actions = find_part(reader, kind, "actions")) {
    // `unspecified`: the text names no action for this exit.
    if (actions->is_plain_scalar() && actions->scalar == "unspecified") {
      out.actions_unspecified = true;
    } else {
      out.actions = read_actions(context, *actions, reader.what_of("actions"));
    }
  }
  if (const yaml::Node* components = find_part(reader, kind, "components")) {
    out.components = read_components(context, *components, reader.what_of("components"));
  }
  if (const yaml::Node* table = find_part(reader, kind, "table")) {
    out.table = read_table(context, *table, reader.what_of("table"));
  }
  if (const yaml::Node* formula = find_part(reader, kind, "formula")) {
    out.formula = read_expression(context, *formula, reader.what_of("formula"));
  }
  if (const yaml::Node* round = find_part(reader, kind, "round")) {
    out.round = read_rounding(context, *round, reader.what_of("round"));
  }
  if (const yaml::Node* allocation = find_part(reader, kind, "allocation")) {
    out.allocation = read_allocation(context, *allocation, reader.what_of("allocation"));
  }
}

void read_common(MappingReader& reader, model::Decision& out) {
  FileContext& context = reader.context();
  if (const yaml::Node* subject = reader.find("subject")) {
    out.subject = read_string(context, *subject, reader.what_of("subject")).value_or("");
    out.subject_origin = context.origin(*subject);
    if (!out.subject.empty()) check_name(context, *subject, out.subject, "record kind");
  }
  out.cite = reader.citation();
  out.title = reader.text("title");
  out.applies = reader.expression("applies");
  out.soft = reader.boolean("soft");
  out.discretionary = reader.boolean("discretionary");
  out.truncated_text = reader.boolean("truncated_text");
  if (const yaml::Node* unless = reader.find("unless_switch")) {
    out.unless_switch = read_string(context, *unless, reader.what_of("unless_switch")).value_or("");
    if (!out.unless_switch.empty())
      check_dotted_id(context, *unless, out.unless_switch, "switch id");
  }
  if (const yaml::Node* flags = reader.find("flags")) {
    out.flags = read_flags(context, *flags, reader.what_of("flags"));
  }
  if (const yaml::Node* for_each = reader.find("for_each")) {
    MappingReader each(context, *for_each, reader.what_of("for_each"), kForEachKeys);
    if (each.is_mapping()) {
      // The key is always called `key`; saying so documents the rule.
      if (const yaml::Node* key = each.find("key")) {
        if (read_string(context, *key, each.what_of("key")).value_or("") != "key") {
          context.error(*key, code::load_bad_value,
                        "the key of " + each.what() + " is always called `key`",
                        "write `key: key`, or leave it out, and read `key` in the expressions");
        }
      }
      out.for_each = model::ForEach{each.expression("in"), context.origin(*for_each)};
    }
  }
  if (const yaml::Node* period = reader.find("period")) {
    MappingReader span(context, *period, reader.what_of("period"), kPeriodKeys);
    out.period_last_day = span.expression("last_day");
  }
  out.message = reader.text("message");
  if (const yaml::Node* coverage = reader.find("coverage")) {
    MappingReader declared(context, *coverage, reader.what_of("coverage"), kCoverageKeys);
    if (declared.is_mapping()) {
      if (const yaml::Node* cannot = declared.find("cannot")) {
        out.coverage_cannot = read_string_list(context, *cannot, declared.what_of("cannot"));
      }
      out.coverage_because = declared.text("because");
      out.coverage_origin = context.origin(*coverage);
    }
  }
}

bool has_condition(const model::Condition& condition, const std::string& id) {
  if (condition.id == id) return true;
  return std::any_of(condition.children.begin(), condition.children.end(),
                     [&](const model::Condition& child) { return has_condition(child, id); });
}

// Each item of `coverage.cannot` names an outcome, or a part (`applies` or
// a condition id of the decision) with `passed` or `failed`.
void check_coverage_cannot(MappingReader& reader, const model::Decision& decision) {
  const yaml::Node* coverage = reader.find("coverage");
  const yaml::Node* cannot = coverage ? coverage->find("cannot") : nullptr;
  if (cannot == nullptr || cannot->kind != yaml::NodeKind::sequence) return;
  constexpr std::string_view kOutcomes[] = {"eligible", "ineligible", "triggered",
                                            "clear",    "computed",   "undetermined"};
  for (const yaml::Node& item : cannot->items) {
    if (item.kind != yaml::NodeKind::scalar) continue;  // reported by read_string_list
    const std::string& text = item.scalar;
    if (std::find(std::begin(kOutcomes), std::end(kOutcomes), text) != std::end(kOutcomes)) {
      continue;
    }
    const auto space = text.rfind(' ');
    const std::string part = space == std::string::npos ? text : text.substr(0, space);
    const std::string status = space == std::string::npos ? "" : text.substr(space + 1);
    bool known_part =
        part == "applies"
            ? !decision.applies.empty()
            : has_condition(decision.all, part) || has_condition(decision.none, part) ||
                  has_condition(decision.trigger, part) ||
                  std::any_of(decision.gates.begin(), decision.gates.end(),
                              [&](const auto& g) { return has_condition(g.condition, part); });
    if ((status == "passed" || status == "failed") && known_part) continue;
    reader.context().error(
        item, code::load_bad_value,
        "`" + text + "` in " + reader.what_of("coverage.cannot") +
            " is neither an outcome nor a part of the decision with `passed` or `failed`",
        "write an outcome (eligible, ineligible, triggered, clear, computed, undetermined) or "
        "`ID passed` / `ID failed` with `applies` or a condition id of this decision");
  }
}

}  // namespace

model::Decision read_decision(FileContext& context, const yaml::Node& node) {
  model::Decision out;
  out.origin = context.origin(node);
  const yaml::Node* id = node.kind == yaml::NodeKind::mapping ? node.find("id") : nullptr;
  const bool named = id != nullptr && id->kind == yaml::NodeKind::scalar;
  MappingReader reader(context, node, named ? "decision `" + id->scalar + "`" : "a decision");
  if (!reader.is_mapping()) return out;
  if (id != nullptr) {
    out.id = read_string(context, *id, reader.what_of("id")).value_or("");
    if (!out.id.empty()) check_dotted_id(context, *id, out.id, "decision id");
  }
  const KindSpec* kind = nullptr;
  if (const yaml::Node* kind_node = reader.find("kind")) {
    if (auto index = read_choice(context, *kind_node, reader.what_of("kind"), kKindNames)) {
      kind = &kKinds[*index];
      out.kind = static_cast<model::DecisionKind>(*index);
    }
  }
  check_decision_keys(reader, kind);
  read_common(reader, out);
  read_kind_parts(reader, kind, out);
  check_coverage_cannot(reader, out);
  return out;
}

void read_decisions(FileContext& context, const yaml::Node& section,
                    std::vector<model::Decision>& out) {
  if (!expect_kind(context, section, yaml::NodeKind::sequence, "`decisions`")) return;
  for (const yaml::Node& item : section.items)
    out.push_back(read_decision(context, item));
}

}  // namespace cadre::load
