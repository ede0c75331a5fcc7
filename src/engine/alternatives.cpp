// Deciding at each possible value of a small closed unknown.
#include "engine/alternatives.hpp"

#include <algorithm>

#include "core/access.hpp"
#include "engine/conditions.hpp"
#include "engine/facts.hpp"
#include "engine/outcome_builder.hpp"
#include "eval/builtins.hpp"

namespace cadre::engine {

namespace {

// At most this many combinations are tried: beyond it the result keeps its
// reasons without a list of possible values.
constexpr std::size_t kMaxCombinations = 64;

// One unknown input and the values it can take.
struct Unknown {
  int slot = -1;
  int field = -1;  ///< a field of the record in `slot`; -1: the slot itself
  std::string name;
  std::vector<Value> values;
  std::string code;  ///< the reason code it accounts for (a switch, a parameter)
};

std::vector<Value> domain_of(const Type& type) {
  if (type.kind() == TypeKind::boolean) return {Value(false), Value(true)};
  const auto enumeration = type.enum_type_shared();
  if (!enumeration || enumeration->is_open()) return {};
  std::vector<Value> values;
  for (int i = 0; i < static_cast<int>(enumeration->values().size()); ++i)
    values.emplace_back(EnumValue{enumeration, i});
  return values;
}

// `cadre.outstanding_performance`: a top-level field, absent from the record
// of that kind, whose type has a small closed domain.
bool missing_field(const CompiledRuleSetImpl& rules, const Activation& facts,
                   const std::string& path, Unknown& out) {
  auto dot = path.find('.');
  if (dot == std::string::npos || path.find_first_of(":[", 0) != std::string::npos) return false;
  std::string name = path.substr(dot + 1);
  if (name.find('.') != std::string::npos) return false;
  auto slot = rules.record_slots.find(path.substr(0, dot));
  if (slot == rules.record_slots.end()) return false;
  const Value* record = internal::bound_slot(facts, slot->second);
  if (record == nullptr || record->kind() != ValueKind::record) return false;
  const RecordType& type = record->as_record().type();
  int field = type.find_field(name);
  if (field < 0 || record->as_record().has(field)) return false;
  out.values = domain_of(type.fields()[static_cast<std::size_t>(field)].type);
  out.slot = slot->second;
  out.field = field;
  out.name = path;
  return !out.values.empty();
}

bool has_code(const DecisionResult& result, const std::string& code) {
  return std::find(result.undetermined.begin(), result.undetermined.end(), code) !=
         result.undetermined.end();
}

std::string code_of(const Value& unknown) {
  if (!unknown.is_unknown() || unknown.as_unknown().attributes.empty()) return {};
  return unknown.as_unknown().attributes.front();
}

// The unknowns behind the result that can be enumerated; empty when some
// reason cannot be (a missing amount, a text cut short).
std::vector<Unknown> enumerable(const CompiledRuleSetImpl& rules, const CompiledDecision& decision,
                                const DecisionResult& result, const Activation& facts,
                                const PossibleValues& possible) {
  std::vector<Unknown> unknowns;
  // Group values bound at barriers that this decision reads.
  bool group_unknown = false;
  for (std::size_t position : decision.upstream) {
    const Step& step = rules.order[position];
    if (!step.barrier) continue;
    int slot = step.kind == Step::Kind::derived ? rules.derived[step.index].slot
                                                : rules.decisions[step.index].slot;
    const Value* bound = internal::bound_slot(facts, slot);
    if (bound == nullptr || !bound->is_unknown()) continue;
    auto found = std::find_if(possible.begin(), possible.end(),
                              [&](const auto& entry) { return entry.first == slot; });
    if (found == possible.end() || found->second.empty()) return {};
    const std::string& id = step.kind == Step::Kind::derived
                                ? rules.derived[step.index].model->id
                                : rules.decisions[step.index].model->id;
    unknowns.push_back({slot, -1, id, found->second, {}});
    group_unknown = true;
  }
  for (const auto& path : result.missing) {
    Unknown unknown;
    if (missing_field(rules, facts, path, unknown)) {
      unknowns.push_back(std::move(unknown));
    } else if (!group_unknown) {
      return {};  // a fact no enumeration can stand in for
    }
  }
  for (std::size_t i = 0; i < rules.switch_values.size(); ++i) {
    std::string code = code_of(rules.switch_values[i]);
    // A switch with one value names a reading a rule set may take, not every
    // reading: unset, it decides nothing (its code stays uncovered).
    if (code.empty() || !has_code(result, code) || rules.switch_possible[i].size() < 2) continue;
    const auto& id = rules.rules().switches[i].id;
    unknowns.push_back({rules.switch_slots.at(id), -1, id, rules.switch_possible[i], code});
  }
  for (const auto& parameter : rules.parameters) {
    if (parameter.possible.empty() || !has_code(result, parameter.code)) continue;
    const Value* bound = internal::bound_slot(facts, parameter.slot);
    if (bound == nullptr || !bound->is_unknown()) continue;
    unknowns.push_back(
        {parameter.slot, -1, parameter.model->id, parameter.possible, parameter.code});
  }
  // Every reason code must be one of the enumerated unknowns.
  for (const auto& code : result.undetermined) {
    if (code.starts_with("missing_fact:")) continue;
    bool covered = std::any_of(unknowns.begin(), unknowns.end(),
                               [&](const Unknown& u) { return u.code == code; });
    if (!covered && !group_unknown) return {};
  }
  return unknowns;
}

void substitute(Activation& facts, const Unknown& unknown, const Value& value) {
  if (unknown.field < 0) {
    internal::bind_slot(facts, unknown.slot, value);
    return;
  }
  RecordValue record = internal::bound_slot(facts, unknown.slot)->as_record();
  record.set(unknown.field, value);
  internal::bind_slot(facts, unknown.slot, Value(std::move(record)));
}

bool same(const Value& a, const Value& b) {
  if (a.kind() == ValueKind::null || b.kind() == ValueKind::null) return a.kind() == b.kind();
  if (a.is_exceptional() || b.is_exceptional()) return false;
  return values_equal(a, b);
}

bool before(const Value& a, const Value& b) {
  auto order = eval::order_values(a, b);
  if (order) return *order < 0;
  return plain_text(a) < plain_text(b);
}

// The missing facts and reason codes of `from` added to `into`; true when
// one of them is new.
bool merge_reasons(const DecisionResult& from, DecisionResult& into) {
  bool added = false;
  for (const auto& path : from.missing) {
    if (std::find(into.missing.begin(), into.missing.end(), path) != into.missing.end()) continue;
    into.missing.push_back(path);
    added = true;
  }
  for (const auto& code : from.undetermined) {
    if (has_code(into, code)) continue;
    into.undetermined.push_back(code);
    added = true;
  }
  return added;
}

}  // namespace

void decide_alternatives(const CompiledRuleSetImpl& rules, const CompiledDecision& decision,
                         const Activation& facts, const PossibleValues& possible,
                         const DecideAt& decide_at, bool explain, Decided& decided) {
  DecisionResult& result = decided.result;
  if (result.outcome != Outcome::undetermined || result.range) return;
  // The reasons to enumerate: the result's, then those its combinations meet
  // (a rounding switch read only when a count is 4, a fact read only under
  // one reading): each round adds them, while they can be enumerated.
  DecisionResult reasons;
  reasons.missing = result.missing;
  reasons.undetermined = result.undetermined;
  constexpr int kMaxRounds = 4;
  std::vector<Unknown> unknowns;
  std::vector<Decided> outcomes;
  for (int round = 0;; ++round) {
    unknowns = enumerable(rules, decision, reasons, facts, possible);
    if (unknowns.empty()) break;
    std::size_t combinations = 1;
    for (const auto& unknown : unknowns) {
      combinations *= unknown.values.size();
      if (combinations > kMaxCombinations) break;
    }
    if (combinations > kMaxCombinations) break;
    outcomes.clear();
    outcomes.reserve(combinations);
    DecisionResult open;  // what the combinations still undetermined miss
    for (std::size_t combination = 0; combination < combinations; ++combination) {
      Activation changed = facts;
      std::size_t rest = combination;
      for (const auto& unknown : unknowns) {
        substitute(changed, unknown, unknown.values[rest % unknown.values.size()]);
        rest /= unknown.values.size();
      }
      outcomes.push_back(decide_at(changed));
      if (outcomes.back().result.outcome == Outcome::undetermined)
        merge_reasons(outcomes.back().result, open);
    }
    if (open.undetermined.empty()) break;  // every combination decided
    outcomes.clear();
    // Some combination is undetermined: what it misses is needed too. Try
    // again with it when it can be enumerated.
    if (!merge_reasons(open, reasons) || round + 1 == kMaxRounds) break;
  }
  // The result needs every reason met on the way (never fewer than its own).
  result.missing = reasons.missing;
  result.undetermined = reasons.undetermined;
  tidy(result);
  if (outcomes.empty()) {
    finish_decision(decided);
    return;
  }
  const Decided& first = outcomes.front();
  bool agree = std::all_of(outcomes.begin(), outcomes.end(), [&](const Decided& other) {
    return other.result.outcome == first.result.outcome && same(other.value, first.value);
  });
  std::string names;
  for (const auto& unknown : unknowns)
    names += (names.empty() ? "" : ", ") + unknown.name;
  if (agree) {
    // The unknowns do not matter: every possible value gives this result.
    result.outcome = first.result.outcome;
    result.missing.clear();
    result.undetermined.clear();
    result.exact.clear();
    for (const auto& flag : first.result.flags)
      result.flags.push_back(flag);
    decided.value = first.value;
    if (explain) {
      Reason every;
      every.id = "every_case";
      every.status = ReasonStatus::passed;
      every.message_zh = "无论" + names + "取何值，结论相同";
      every.message_en = "the same for every possible value of " + names;
      result.reasons.push_back(std::move(every));
    }
    finish_decision(decided);
    return;
  }
  finish_decision(decided);
  // Different results: still undetermined, with the values it could take.
  bool values = std::all_of(outcomes.begin(), outcomes.end(), [](const Decided& other) {
    return other.result.outcome == Outcome::computed && !other.value.is_exceptional();
  });
  if (!values) return;
  for (const auto& other : outcomes) {
    bool known = std::any_of(result.possible.begin(), result.possible.end(),
                             [&](const Value& v) { return same(v, other.value); });
    if (!known) result.possible.push_back(other.value);
  }
  std::sort(result.possible.begin(), result.possible.end(), before);
}

}  // namespace cadre::engine
