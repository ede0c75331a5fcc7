// Result by result, then per decision, then the money.
#include "diff/population_diff.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/conditions.hpp"
#include "engine/related_records.hpp"
#include "model/queries.hpp"

namespace cadre::diff {

namespace {

std::string decision_of(const std::string& result) {
  return result.substr(0, result.find('['));
}

std::string value_text(const DecisionResult& result) {
  if (result.range) {
    return engine::plain_text(result.range->first) + " – " +
           engine::plain_text(result.range->second);
  }
  return engine::plain_text(result.value);
}

std::vector<std::string> sorted(std::vector<std::string> codes) {
  std::sort(codes.begin(), codes.end());
  return codes;
}

ResultChange::What compare(const DecisionResult& before, const DecisionResult& after, bool& same) {
  using What = ResultChange::What;
  same = false;
  const bool open_before = before.outcome == Outcome::undetermined;
  const bool open_after = after.outcome == Outcome::undetermined;
  if (open_before && open_after) {
    same = sorted(before.undetermined) == sorted(after.undetermined);
    return What::undetermined_reasons;
  }
  if (open_before) return What::became_determined;
  if (open_after) return What::became_undetermined;
  if (before.outcome != after.outcome) return What::outcome;
  same = value_text(before) == value_text(after);
  return What::value;
}

void count_change(DecisionTally& tally, ResultChange::What what) {
  using What = ResultChange::What;
  switch (what) {
    case What::outcome:
      ++tally.outcome;
      break;
    case What::value:
      ++tally.value;
      break;
    case What::became_undetermined:
      ++tally.became_undetermined;
      break;
    case What::became_determined:
      ++tally.became_determined;
      break;
    case What::undetermined_reasons:
      ++tally.undetermined_reasons;
      break;
    case What::added:
      ++tally.added;
      break;
    case What::removed:
      ++tally.removed;
      break;
  }
}

// Money sums of one (decision, component, group).
struct Sums {
  Decimal before, after, delta;
  int results = 0, undetermined_before = 0, undetermined_after = 0;
};

void add_to(Decimal& total, const Decimal& amount) {
  DecimalResult sum = Decimal::add(total, amount);
  if (sum.ok()) total = sum.value;  // beyond 10^38 yuan: not a population of cadres
}

// The amount a pay result gives for `component` ("" for its value), or
// nullptr when it gives none (not applicable, or undetermined).
const Value* amount_of(const DecisionResult& result, const std::string& component) {
  const Value* amount = &result.value;
  if (!component.empty()) {
    amount = nullptr;
    for (const auto& line : result.components) {
      if (line.id == component) amount = &line.amount;
    }
  }
  if (amount == nullptr || amount->kind() != ValueKind::decimal) return nullptr;
  return amount;
}

class Money {
 public:
  void add(const std::string& decision, const std::string& group, const DecisionResult* before,
           const DecisionResult* after) {
    std::vector<std::string> components{""};
    for (const auto* result : {before, after}) {
      if (result == nullptr) continue;
      for (const auto& line : result->components) {
        if (std::find(components.begin(), components.end(), line.id) == components.end())
          components.push_back(line.id);
      }
    }
    for (const auto& component : components) {
      add_to_group(decision, component, "", before, after);
      if (!group.empty()) add_to_group(decision, component, group, before, after);
      auto& order = components_[decision];
      if (std::find(order.begin(), order.end(), component) == order.end())
        order.push_back(component);
    }
    if (!group.empty()) groups_.insert(group);
  }

  // Per pay decision: the whole population (total, then components), then
  // each group the same way.
  std::vector<MoneyLine> lines(const std::vector<std::string>& decisions,
                               const std::map<std::string, std::string>& group_names) const {
    std::vector<MoneyLine> out;
    for (const auto& decision : decisions) {
      auto order = components_.find(decision);
      if (order == components_.end()) continue;
      std::vector<std::string> groups{""};
      groups.insert(groups.end(), groups_.begin(), groups_.end());
      for (const auto& group : groups) {
        for (const auto& component : order->second) {
          auto found = sums_.find({decision, component, group});
          if (found == sums_.end()) continue;
          const Sums& s = found->second;
          MoneyLine line;
          line.decision = decision;
          line.component = component;
          line.group = group;
          if (auto name = group_names.find(group); name != group_names.end())
            line.group_name = name->second;
          line.before = s.before.to_string();
          line.after = s.after.to_string();
          line.delta = s.delta.to_string();
          line.results = s.results;
          line.undetermined_before = s.undetermined_before;
          line.undetermined_after = s.undetermined_after;
          out.push_back(std::move(line));
        }
      }
    }
    return out;
  }

 private:
  void add_to_group(const std::string& decision, const std::string& component,
                    const std::string& group, const DecisionResult* before,
                    const DecisionResult* after) {
    Sums& s = sums_[{decision, component, group}];
    const Value* old_amount = before ? amount_of(*before, component) : nullptr;
    const Value* new_amount = after ? amount_of(*after, component) : nullptr;
    if (old_amount) add_to(s.before, old_amount->as_decimal());
    if (new_amount) add_to(s.after, new_amount->as_decimal());
    if (before && before->outcome == Outcome::undetermined) ++s.undetermined_before;
    if (after && after->outcome == Outcome::undetermined) ++s.undetermined_after;
    if (old_amount && new_amount) {
      ++s.results;
      DecimalResult delta = Decimal::subtract(new_amount->as_decimal(), old_amount->as_decimal());
      if (delta.ok()) add_to(s.delta, delta.value);
    }
  }

  std::map<std::tuple<std::string, std::string, std::string>, Sums> sums_;
  std::map<std::string, std::vector<std::string>> components_;
  std::set<std::string> groups_;
};

}  // namespace

std::string default_group_kind(const CompiledRuleSet& rules) {
  const auto& kinds = internal::impl_of(rules).rules().schema.records;
  std::string top;
  for (const auto& kind : kinds) {
    if (kind.id == "town") return "town";
  }
  for (const auto& kind : kinds) {
    if (!kind.parent.empty()) top = kind.parent;
  }
  return top;
}

std::vector<RecordGroup> record_groups(const CompiledRuleSet& rules, const RecordBatch& batch,
                                       const std::string& group_kind) {
  std::vector<RecordValue> all;
  std::vector<std::size_t> position;  // batch index → index in `all`, or npos
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  for (const auto& record : batch.records) {
    const auto& value = record.value ? record.value : record.partial;
    position.push_back(value ? all.size() : kNone);
    if (value) all.push_back(*value);
  }
  const auto ancestors = engine::ancestor_indices(internal::impl_of(rules).rules(), all);
  auto group_of = [&](std::size_t index) -> RecordGroup {
    const RecordValue& record = all[index];
    const RecordValue* group = record.type().name() == group_kind ? &record : nullptr;
    for (std::size_t up : ancestors[index]) {
      if (group == nullptr && all[up].type().name() == group_kind) group = &all[up];
    }
    if (group == nullptr) return {};
    RecordGroup out{engine::key_of(*group), ""};
    int name = group->type().find_field("name");
    if (name >= 0 && group->field(name) && group->field(name)->kind() == ValueKind::string)
      out.name = group->field(name)->as_string();
    return out;
  };
  std::vector<RecordGroup> out;
  for (std::size_t i = 0; i < batch.records.size(); ++i)
    out.push_back(position[i] == kNone || group_kind.empty() ? RecordGroup{}
                                                             : group_of(position[i]));
  return out;
}

PopulationImpact compare_population(const CompiledRuleSet& base,
                                    const std::vector<RecordOutput>& before,
                                    const CompiledRuleSet& variant,
                                    const std::vector<RecordOutput>& after,
                                    const std::vector<RecordGroup>& groups) {
  PopulationImpact out;
  // Tallies in the variant's decision order, then those only the base has.
  std::vector<std::string> order;
  std::map<std::string, DecisionTally> tallies;
  auto tally = [&](const std::string& decision) -> DecisionTally& {
    auto [at, inserted] = tallies.try_emplace(decision);
    if (inserted) {
      const DecisionInfo* info = variant.decision(decision);
      if (info == nullptr) info = base.decision(decision);
      at->second.id = decision;
      if (info != nullptr) {
        at->second.kind = info->kind;
        at->second.title_zh = info->title_zh;
        at->second.title_en = info->title_en;
        at->second.cite = info->cite;
      }
    }
    return at->second;
  };
  for (const auto& info : variant.decisions())
    order.push_back(info.id);
  for (const auto& info : base.decisions()) {
    if (variant.decision(info.id) == nullptr) order.push_back(info.id);
  }
  std::map<std::string, std::string> group_names;
  Money money;
  const std::size_t count = std::min(before.size(), after.size());
  for (std::size_t i = 0; i < count; ++i) {
    const RecordOutput& old_output = before[i];
    const RecordOutput& new_output = after[i];
    const bool context = new_output.record == "_context";
    if (!context) ++out.records_read;
    if (!old_output.errors.empty()) ++out.records_with_errors_base;
    if (!new_output.errors.empty()) ++out.records_with_errors_variant;
    if (!old_output.errors.empty() || !new_output.errors.empty()) continue;
    const RecordGroup group = i < groups.size() ? groups[i] : RecordGroup{};
    if (!group.id.empty() && !group.name.empty()) group_names[group.id] = group.name;
    std::map<std::string, const DecisionResult*> old_results;
    for (const auto& result : old_output.decisions)
      old_results[result.id] = &result;
    bool affected = false;
    auto record_change = [&](ResultChange::What what, const DecisionResult* from,
                             const DecisionResult* to) {
      ResultChange change;
      change.what = what;
      change.record = new_output.record;
      change.kind = new_output.kind;
      change.group = group.id;
      change.result = (to ? to : from)->id;
      change.decision = decision_of(change.result);
      if (from) change.before = *from;
      if (to) change.after = *to;
      count_change(tally(change.decision), what);
      out.changes.push_back(std::move(change));
      ++out.results_changed;
      affected = true;
    };
    std::set<std::string> seen;
    for (const auto& result : new_output.decisions) {
      seen.insert(result.id);
      const std::string decision = decision_of(result.id);
      DecisionTally& t = tally(decision);
      if (result.outcome == Outcome::undetermined) ++t.undetermined_after;
      auto found = old_results.find(result.id);
      const DecisionResult* old_result = found == old_results.end() ? nullptr : found->second;
      if (result.kind == "pay") money.add(decision, group.id, old_result, &result);
      if (old_result == nullptr) {
        record_change(ResultChange::What::added, nullptr, &result);
        continue;
      }
      if (old_result->outcome == Outcome::undetermined) ++t.undetermined_before;
      ++t.compared;
      ++out.results_compared;
      bool same = false;
      const auto what = compare(*old_result, result, same);
      if (same) {
        ++t.unchanged;
        continue;
      }
      if (what == ResultChange::What::outcome) {
        const std::string move =
            std::string(outcome_name(old_result->outcome)) + " → " + outcome_name(result.outcome);
        auto& moves = t.moves;
        auto at = std::find_if(moves.begin(), moves.end(),
                               [&](const auto& entry) { return entry.first == move; });
        if (at == moves.end()) {
          moves.emplace_back(move, 1);
        } else {
          ++at->second;
        }
      }
      record_change(what, old_result, &result);
    }
    for (const auto& result : old_output.decisions) {
      if (seen.count(result.id)) continue;
      DecisionTally& t = tally(decision_of(result.id));
      if (result.outcome == Outcome::undetermined) ++t.undetermined_before;
      if (result.kind == "pay") money.add(decision_of(result.id), group.id, &result, nullptr);
      record_change(ResultChange::What::removed, &result, nullptr);
    }
    if (affected && !context) ++out.records_affected;
  }
  std::vector<std::string> pay_decisions;
  for (const auto& decision : order) {
    auto found = tallies.find(decision);
    if (found == tallies.end()) continue;
    auto& moves = found->second.moves;
    std::stable_sort(moves.begin(), moves.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (found->second.kind == "pay") pay_decisions.push_back(decision);
    out.decisions.push_back(std::move(found->second));
  }
  out.money = money.lines(pay_decisions, group_names);
  return out;
}

}  // namespace cadre::diff
