// Pay components with their rounding, and cohort allocations (a quota of a
// group's size, or tiers by share, given out by rank).
#include <algorithm>
#include <map>

#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kComponentKeys[] = {{"id", Presence::required},
                                      {"formula", Presence::required},
                                      {"round"},
                                      {"cite"},
                                      {"quote"},
                                      {"title"}};
constexpr KeySpec kRoundingKeys[] = {{"places", Presence::required}, {"mode"}, {"by"}};
constexpr KeySpec kFlagKeys[] = {{"flag", Presence::required}, {"when"}};
constexpr KeySpec kAllocationKeys[] = {{"group_by", Presence::required},
                                       {"candidates"},
                                       {"rank_by"},
                                       {"tie_break"},
                                       {"quota"},
                                       {"tiers"},
                                       {"rounding"},
                                       {"from_record"}};
constexpr KeySpec kSortKeyKeys[] = {{"expr", Presence::required}, {"order"}};
constexpr KeySpec kQuotaKeys[] = {{"ratio"}, {"of"}, {"rounding"}, {"count"}};

constexpr std::string_view kRoundingModes[] = {"half_up", "floor", "ceiling"};
constexpr std::string_view kQuotaRoundings[] = {"floor", "ceil", "half_up", "exact"};
/// In the order of SortKey::descending (false, true).
constexpr std::string_view kOrders[] = {"asc", "desc"};

std::vector<model::SortKey> read_sort_keys(FileContext& context, const yaml::Node& node,
                                           const std::string& what) {
  std::vector<model::SortKey> keys;
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return keys;
  for (const yaml::Node& item : node.items) {
    MappingReader reader(context, item, "an item of " + what, kSortKeyKeys);
    model::SortKey key;
    key.expr = reader.expression("expr");
    if (const yaml::Node* order = reader.find("order")) {
      if (auto index = read_choice(context, *order, reader.what_of("order"), kOrders)) {
        key.descending = *index == 1;
      }
    }
    keys.push_back(std::move(key));
  }
  return keys;
}

void read_quota(FileContext& context, const yaml::Node& node, const std::string& what,
                model::Allocation& out) {
  MappingReader reader(context, node, what, kQuotaKeys);
  if (!reader.is_mapping()) return;
  out.quota_ratio = reader.expression("ratio");
  out.quota_count = reader.expression("count");
  if (reader.has("ratio") == reader.has("count")) {
    context.error(reader.has("count") ? *reader.find_key("count") : node,
                  reader.has("count") ? code::load_conflicting_keys : code::load_missing_key,
                  what + (reader.has("count") ? " has both `ratio` and `count`"
                                              : " needs `ratio` (with `rounding`) or `count`"));
  }
  if (reader.has("ratio") && !reader.has("rounding")) reader.report_missing_key("rounding");
  // A ratio of what: the text's base (the town's village cadres), or the
  // records of the group that happen to be in the population. The rule says which.
  if (reader.has("ratio") && !reader.has("of")) {
    context.error(node, code::load_missing_key, "missing key `of` in " + what,
                  "a ratio is of a base: `of: town.village_cadre_count` (the group's declared "
                  "size, as the text counts it) or `of: members` (the group's records in the "
                  "population)");
  }
  if (reader.has("of") && !reader.has("ratio")) {
    context.error(*reader.find_key("of"), code::load_conflicting_keys,
                  "`of` is only allowed with `ratio`, in " + what);
  }
  if (const yaml::Node* of = reader.find("of")) {
    if (of->is_plain_scalar() && of->scalar == "members") {
      out.base_is_members = true;
    } else {
      out.quota_base = read_expression(context, *of, reader.what_of("of"));
    }
  }
  if (reader.has("count") && reader.has("rounding") && !reader.has("ratio")) {
    context.error(*reader.find_key("rounding"), code::load_conflicting_keys,
                  "`rounding` is only allowed with `ratio`, in " + what);
  }
  if (const yaml::Node* rounding = reader.find("rounding")) {
    if (auto index = read_choice(context, *rounding, reader.what_of("rounding"), kQuotaRoundings)) {
      out.rounding = std::string(kQuotaRoundings[*index]);
    }
  }
}

std::vector<model::Expression> read_tiers(FileContext& context, const yaml::Node& node,
                                          const std::string& what) {
  std::vector<model::Expression> tiers;
  if (!expect_kind(context, node, yaml::NodeKind::sequence, what)) return tiers;
  if (node.items.empty()) context.error(node, code::load_bad_value, "empty " + what);
  for (const yaml::Node& item : node.items) {
    tiers.push_back(read_expression(context, item, "an item of " + what));
  }
  return tiers;
}

model::PayComponent read_component(FileContext& context, const yaml::Node& node,
                                   const std::string& what,
                                   std::map<std::string, SourceLocation>& seen) {
  model::PayComponent out;
  out.origin = context.origin(node);
  MappingReader reader(context, node, "a component of " + what, kComponentKeys);
  out.id = reader.string("id").value_or("");
  if (!out.id.empty() && check_name(context, *reader.find("id"), out.id, "component id")) {
    const auto [first, inserted] = seen.emplace(out.id, context.locate(*reader.find("id")));
    if (!inserted) {
      context.error(*reader.find("id"), code::load_duplicate_id,
                    "duplicate component `" + out.id + "` in " + what,
                    "first defined at " + std::to_string(first->second.line) + ":" +
                        std::to_string(first->second.column));
    }
  }
  out.formula = reader.expression("formula");
  if (const yaml::Node* round = reader.find("round")) {
    out.round = read_rounding(context, *round, reader.what_of("round"));
  }
  out.cite = reader.citation();
  out.title = reader.text("title");
  return out;
}

}  // namespace

std::vector<model::PayComponent> read_components(FileContext& context, const yaml::Node& node,
                                                 std::string_view what) {
  std::vector<model::PayComponent> components;
  const std::string name(what);
  if (!expect_kind(context, node, yaml::NodeKind::sequence, name)) return components;
  if (node.items.empty()) context.error(node, code::load_bad_value, "empty " + name);
  std::map<std::string, SourceLocation> seen;
  for (const yaml::Node& item : node.items) {
    components.push_back(read_component(context, item, name, seen));
  }
  return components;
}

model::Rounding read_rounding(FileContext& context, const yaml::Node& node, std::string_view what) {
  model::Rounding out;
  MappingReader reader(context, node, std::string(what), kRoundingKeys);
  if (!reader.is_mapping()) return out;
  out.given = true;
  if (auto places = reader.integer("places")) {
    if (*places < 0 || *places > 18) {
      context.error(*reader.find("places"), code::load_bad_value,
                    "`places` of " + std::string(what) + " must be between 0 and 18, found `" +
                        std::to_string(*places) + "`");
    } else {
      out.places = static_cast<int>(*places);
    }
  }
  if (const yaml::Node* mode = reader.find("mode")) {
    if (auto index = read_choice(context, *mode, reader.what_of("mode"), kRoundingModes)) {
      out.mode = std::string(kRoundingModes[*index]);
    }
  }
  if (const yaml::Node* by = reader.find("by")) {
    if (reader.has("mode")) {
      context.error(*reader.find_key("by"), code::load_conflicting_keys,
                    std::string(what) + " has both `mode` and `by`",
                    "`by` reads the mode from an expression (a switch); `mode` states it");
    }
    out.by = read_expression(context, *by, reader.what_of("by"));
  }
  return out;
}

std::vector<model::ConditionalFlag> read_flags(FileContext& context, const yaml::Node& node,
                                               std::string_view what) {
  std::vector<model::ConditionalFlag> flags;
  const std::string name(what);
  if (!expect_kind(context, node, yaml::NodeKind::sequence, name)) return flags;
  for (const yaml::Node& item : node.items) {
    model::ConditionalFlag flag;
    flag.origin = context.origin(item);
    const yaml::Node* name_node = &item;
    if (item.kind == yaml::NodeKind::mapping) {
      MappingReader reader(context, item, "a flag of " + name, kFlagKeys);
      name_node = reader.find("flag");
      flag.when = reader.expression("when");
      if (name_node == nullptr) continue;
    }
    auto text = read_string(context, *name_node, "a flag of " + name);
    if (!text || !check_name(context, *name_node, *text, "flag")) continue;
    flag.name = *text;
    if (std::any_of(flags.begin(), flags.end(),
                    [&](const auto& f) { return f.name == flag.name; })) {
      context.error(*name_node, code::load_duplicate_value,
                    "duplicate flag `" + flag.name + "` in " + name);
      continue;
    }
    flags.push_back(std::move(flag));
  }
  return flags;
}

std::optional<model::Allocation> read_allocation(FileContext& context, const yaml::Node& node,
                                                 std::string_view what) {
  MappingReader reader(context, node, std::string(what), kAllocationKeys);
  if (!reader.is_mapping()) return std::nullopt;
  model::Allocation out;
  out.origin = context.origin(node);
  out.group_by = reader.expression("group_by");
  out.candidates = reader.expression("candidates");
  out.from_record = reader.expression("from_record");
  if (const yaml::Node* rank_by = reader.find("rank_by")) {
    out.rank_by = read_sort_keys(context, *rank_by, reader.what_of("rank_by"));
  }
  if (const yaml::Node* tie_break = reader.find("tie_break")) {
    out.tie_break = read_sort_keys(context, *tie_break, reader.what_of("tie_break"));
  }
  if (reader.has("quota") == reader.has("tiers")) {
    context.error(reader.has("tiers") ? *reader.find_key("tiers") : node,
                  reader.has("tiers") ? code::load_conflicting_keys : code::load_missing_key,
                  reader.has("tiers") ? reader.what() + " has both `quota` and `tiers`"
                                      : "missing key `quota` or `tiers` in " + reader.what());
  }
  if (const yaml::Node* quota = reader.find("quota")) {
    read_quota(context, *quota, reader.what_of("quota"), out);
  }
  if (const yaml::Node* tiers = reader.find("tiers")) {
    out.tier_shares = read_tiers(context, *tiers, reader.what_of("tiers"));
  }
  // Tiers state their rounding beside them; a quota inside `quota`.
  if (const yaml::Node* rounding = reader.find("rounding")) {
    if (reader.has("quota")) {
      context.error(*reader.find_key("rounding"), code::load_conflicting_keys,
                    "`rounding` of a quota goes inside `quota`, in " + reader.what());
    } else if (auto index =
                   read_choice(context, *rounding, reader.what_of("rounding"), kQuotaRoundings)) {
      out.rounding = std::string(kQuotaRoundings[*index]);
    }
  }
  return out;
}

}  // namespace cadre::load
