// Counting, summing and testing the members of each group.
#include "engine/group_values.hpp"

#include <algorithm>

#include "engine/outcome_builder.hpp"
#include "eval/builtins.hpp"

namespace cadre::engine {

namespace {

// Members that may or may not count are enumerated up to this many, so that
// a sum lists the values it could take (2^6 = 64 at most).
constexpr std::size_t kMaxEnumerated = 6;

// One member's part in one group.
struct Part {
  const Member* member = nullptr;
  bool certain = true;  ///< counts for sure (else: may count)
  Value value;          ///< `value` of the member (not for counts)
};

// A member's missing facts named with its id (`c7:cadre.score`); reason
// codes and facts already named with an id stay as they are.
void name_unknowns(const Value& value, const std::string& id, UnknownSet& into) {
  if (!value.is_unknown()) return;
  for (const auto& attribute : value.as_unknown().attributes) {
    bool named = is_reason_code(attribute) || attribute.find(':') != std::string::npos;
    into.attributes.push_back(named ? attribute : id + ":" + attribute);
  }
}

Value evaluate(const CompiledExpression& expression, const RecordRun& run) {
  return expression.program ? expression.program->evaluate(run.facts()) : Value(true);
}

Value add(const Value& a, const Value& b) {
  const Value args[] = {a, b};
  return eval::call_builtin(expr::FunctionId::add, args);
}

bool before(const Value& a, const Value& b) {
  auto order = eval::order_values(a, b);
  return order && *order < 0;
}

class GroupComputer {
 public:
  explicit GroupComputer(const CompiledDerived& derived) : kind_(derived.model->aggregate->kind) {}

  GroupValue compute(const std::vector<Part>& parts, const UnknownSet& unsure) {
    switch (kind_) {
      case model::AggregateKind::count:
        return count(parts, unsure);
      case model::AggregateKind::sum:
        return sum(parts, unsure);
      case model::AggregateKind::min:
      case model::AggregateKind::max:
        return extreme(parts, unsure);
      case model::AggregateKind::any:
      case model::AggregateKind::all:
        return quantifier(parts, unsure);
      case model::AggregateKind::list:
        return list(parts, unsure);
    }
    return {};
  }

 private:
  static GroupValue unknown(const UnknownSet& unsure, std::vector<Value> possible = {}) {
    UnknownSet set = unsure;
    if (set.attributes.empty()) set.attributes.emplace_back("members");
    return {Value::unknown(std::move(set)), std::move(possible)};
  }

  GroupValue count(const std::vector<Part>& parts, const UnknownSet& unsure) {
    std::int64_t low = 0, high = 0;
    for (const Part& part : parts) {
      if (part.value.is_error()) return {part.value, {}};
      high += 1;
      if (part.certain) low += 1;
    }
    if (low == high) return {Value(low), {}};
    std::vector<Value> possible;
    for (std::int64_t n = low; n <= high && possible.size() <= 64; ++n)
      possible.emplace_back(n);
    if (possible.size() > 64) possible.clear();
    return unknown(unsure, std::move(possible));
  }

  GroupValue sum(const std::vector<Part>& parts, const UnknownSet& unsure) {
    Value total = std::int64_t{0};
    std::vector<Value> maybe;
    bool values_known = true;
    UnknownSet missing = unsure;
    for (const Part& part : parts) {
      if (part.value.is_exceptional()) {
        values_known = false;
        name_unknowns(part.value, part.member->run->id(), missing);
        if (part.value.is_error()) return {part.value, {}};
        continue;
      }
      if (!part.certain) {
        maybe.push_back(part.value);
        continue;
      }
      total = add(total, part.value);
      if (total.is_error()) return {total, {}};
    }
    if (!values_known) return unknown(missing);
    if (maybe.empty()) return {total, {}};
    if (maybe.size() > kMaxEnumerated) return unknown(missing);
    // Each member that may count adds its value or nothing.
    std::vector<Value> possible;
    for (std::size_t subset = 0; subset < (std::size_t{1} << maybe.size()); ++subset) {
      Value value = total;
      for (std::size_t k = 0; k < maybe.size(); ++k) {
        if ((subset >> k) & 1U) value = add(value, maybe[k]);
      }
      if (value.is_error()) return unknown(missing);
      bool seen = std::any_of(possible.begin(), possible.end(),
                              [&](const Value& other) { return values_equal(other, value); });
      if (!seen) possible.push_back(value);
    }
    std::sort(possible.begin(), possible.end(), before);
    return unknown(missing, std::move(possible));
  }

  GroupValue extreme(const std::vector<Part>& parts, const UnknownSet& unsure) {
    const bool lowest = kind_ == model::AggregateKind::min;
    std::optional<Value> best;
    UnknownSet missing = unsure;
    bool known = unsure.attributes.empty();
    for (const Part& part : parts) {
      if (part.value.is_error()) return {part.value, {}};
      if (part.value.is_unknown()) {
        known = false;
        name_unknowns(part.value, part.member->run->id(), missing);
        continue;
      }
      if (!part.certain) continue;
      if (!best || (lowest ? before(part.value, *best) : before(*best, part.value))) {
        best = part.value;
      }
    }
    if (!known) return unknown(missing);
    if (!best)
      return {Value::error(std::string("no members to take the ") +
                           (lowest ? "minimum" : "maximum") + " of"),
              {}};
    return {*best, {}};
  }

  GroupValue quantifier(const std::vector<Part>& parts, const UnknownSet& unsure) {
    // any: true once a certain member's value is true; all: false once one is false.
    const bool decisive = kind_ == model::AggregateKind::any;
    UnknownSet missing = unsure;
    bool open = !unsure.attributes.empty();
    for (const Part& part : parts) {
      if (part.value.kind() == ValueKind::boolean) {
        if (part.value.as_bool() == decisive && part.certain) return {Value(decisive), {}};
        if (part.value.as_bool() == decisive) open = true;
        continue;
      }
      if (part.value.is_error()) return {part.value, {}};
      open = true;
      name_unknowns(part.value, part.member->run->id(), missing);
    }
    if (!open) return {Value(!decisive), {}};
    return unknown(missing, {Value(false), Value(true)});
  }

  GroupValue list(const std::vector<Part>& parts, const UnknownSet& unsure) {
    if (!unsure.attributes.empty()) return unknown(unsure);
    ListValue items;
    UnknownSet missing;
    for (const Part& part : parts) {
      if (part.value.is_error()) return {part.value, {}};
      name_unknowns(part.value, part.member->run->id(), missing);
      items.push_back(part.value);
    }
    if (!missing.attributes.empty()) return unknown(missing);
    return {Value(std::move(items)), {}};
  }

  model::AggregateKind kind_;
};

}  // namespace

std::vector<GroupValue> group_values(const CompiledDerived& derived, std::size_t groups,
                                     const std::vector<Member>& members) {
  const bool counts = derived.model->aggregate->kind == model::AggregateKind::count;
  // Each member's `where` and `value` once; a member of unknown group is a
  // possible part of every group.
  std::vector<std::vector<Part>> parts(groups);
  std::vector<Part> floating;
  std::vector<UnknownSet> unsure(groups);
  UnknownSet floating_unsure;
  // Members in each group, counted or not: a group whose members all fail
  // `where` has members (a count of 0), not none.
  std::vector<std::size_t> in_group(groups, 0);
  for (const Member& member : members) {
    if (member.group >= 0) ++in_group[static_cast<std::size_t>(member.group)];
    Value where = evaluate(derived.where, *member.run);
    if (where.is_error()) {
      Part part{&member, true, where};
      if (member.group >= 0) parts[static_cast<std::size_t>(member.group)].push_back(part);
      continue;
    }
    if (where.kind() == ValueKind::boolean && !where.as_bool()) continue;
    Part part{&member, where.kind() == ValueKind::boolean && member.group >= 0, Value(true)};
    if (!counts) part.value = evaluate(derived.value, *member.run);
    UnknownSet& why =
        member.group >= 0 ? unsure[static_cast<std::size_t>(member.group)] : floating_unsure;
    if (!where.is_unknown() && member.group >= 0) {
      parts[static_cast<std::size_t>(member.group)].push_back(std::move(part));
      continue;
    }
    name_unknowns(where, member.run->id(), why);
    if (member.group < 0) {
      floating_unsure.attributes.push_back(member.membership);
      floating.push_back(std::move(part));
    } else {
      parts[static_cast<std::size_t>(member.group)].push_back(std::move(part));
    }
  }
  GroupComputer computer(derived);
  std::vector<GroupValue> out;
  out.reserve(groups);
  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<Part> all = parts[g];
    all.insert(all.end(), floating.begin(), floating.end());
    UnknownSet why = unsure[g];
    why.attributes.insert(why.attributes.end(), floating_unsure.attributes.begin(),
                          floating_unsure.attributes.end());
    std::sort(why.attributes.begin(), why.attributes.end());
    why.attributes.erase(std::unique(why.attributes.begin(), why.attributes.end()),
                         why.attributes.end());
    GroupValue value = computer.compute(all, why);
    value.members = in_group[g] + floating.size();
    out.push_back(std::move(value));
  }
  return out;
}

void reconcile(const CompiledDerived& derived, const Value& carried, GroupValue& value) {
  if (carried.is_exceptional()) return;
  if (value.members == 0) {
    value.value = carried;
    value.possible.clear();
    return;
  }
  bool agrees = value.value.is_unknown()
                    ? std::any_of(value.possible.begin(), value.possible.end(),
                                  [&](const Value& v) { return values_equal(v, carried); })
                    : !value.value.is_error() && values_equal(value.value, carried);
  if (agrees) {
    value.value = carried;
    value.possible.clear();
    return;
  }
  value.value = Value::unknown("conflicting_facts:" + derived.model->id);
  value.possible.clear();
}

}  // namespace cadre::engine
