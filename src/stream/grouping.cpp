// The grouping of a rule set (see grouping.hpp). An allocation's group is
// told from `group_by` when it reads a key: `village.town_id` (the parent
// field of a village: its town) or `town.id` (the key of a town), written of
// the allocation's subject or a kind it belongs to. A group value's group is
// its subject, which its members belong to.
#include "stream/grouping.hpp"

#include <algorithm>

#include "model/queries.hpp"

namespace cadre::stream {

namespace {

int kind_index(const CompiledRuleSetImpl& impl, const std::string& name) {
  auto found = std::find(impl.kinds.begin(), impl.kinds.end(), name);
  return found == impl.kinds.end() ? -1 : static_cast<int>(found - impl.kinds.begin());
}

std::string trimmed(const std::string& text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

/// The kind an allocation groups by, or -1 with the reason in `refusal`.
int allocation_group(const CompiledRuleSetImpl& impl, const Grouping& grouping,
                     const CompiledDecision& decision, std::string& refusal) {
  const std::string text = trimmed(decision.group_by.text);
  const std::size_t dot = text.find('.');
  const int kind = dot == std::string::npos ? -1 : kind_index(impl, text.substr(0, dot));
  const std::string field = dot == std::string::npos ? std::string() : text.substr(dot + 1);
  if (kind >= 0 && grouping.within(decision.subject_kind, kind)) {
    const model::RecordKind* model = model::find_record_kind(impl.rules(), impl.kinds[kind]);
    if (field == grouping.parent_field[kind] && grouping.parent[kind] >= 0) {
      return grouping.parent[kind];
    }
    if (model != nullptr && field == model->key) return kind;
  }
  refusal = "the allocation `" + decision.model->id + "` groups its records by `" + text +
            "`, which is not the key of a record they belong to: which records share a group is "
            "known only from the whole file";
  return -1;
}

}  // namespace

bool Grouping::within(int kind, int ancestor) const {
  for (int k = kind, depth = 0; k >= 0 && depth <= kinds();
       k = parent[static_cast<std::size_t>(k)], ++depth) {
    if (k == ancestor) return true;
  }
  return false;
}

Grouping grouping_of(const CompiledRuleSetImpl& impl) {
  Grouping grouping;
  const auto kinds = impl.kinds.size();
  grouping.names = impl.kinds;
  grouping.parent.assign(kinds, -1);
  grouping.parent_field.assign(kinds, "");
  grouping.held.assign(kinds, false);
  grouping.member.assign(kinds, false);
  for (std::size_t k = 0; k < kinds; ++k) {
    const model::RecordKind* model = model::find_record_kind(impl.rules(), impl.kinds[k]);
    if (model == nullptr || model->parent.empty()) continue;
    grouping.parent[k] = kind_index(impl, model->parent);
    grouping.parent_field[k] = model->parent_field;
    if (grouping.parent[k] >= 0) grouping.held[static_cast<std::size_t>(grouping.parent[k])] = true;
  }
  // The kind each group step groups by.
  std::vector<int> groups;
  for (const Step& step : impl.order) {
    if (!step.barrier) continue;
    if (step.kind == Step::Kind::derived) {
      const CompiledDerived& derived = impl.derived[step.index];
      if (derived.over_kind >= 0)
        grouping.member[static_cast<std::size_t>(derived.over_kind)] = true;
      if (!grouping.within(derived.over_kind, derived.subject_kind)) {
        // Its members belong to no group of it: each may be in any.
        grouping.refusal = "the group value `" + derived.model->id +
                           "` counts records that do not belong to its subject";
        return grouping;
      }
      groups.push_back(derived.subject_kind);
      continue;
    }
    const CompiledDecision& decision = impl.decisions[step.index];
    if (decision.subject_kind >= 0) {
      grouping.member[static_cast<std::size_t>(decision.subject_kind)] = true;
    }
    const int group = allocation_group(impl, grouping, decision, grouping.refusal);
    if (group < 0) return grouping;
    groups.push_back(group);
  }
  // The coarsest of them: every other lies within it.
  for (int candidate : groups) {
    if (candidate < 0) continue;
    bool coarsest = std::all_of(groups.begin(), groups.end(),
                                [&](int other) { return grouping.within(other, candidate); });
    if (coarsest) {
      grouping.group_kind = candidate;
      break;
    }
  }
  if (!groups.empty() && grouping.group_kind < 0) {
    std::string names;
    for (int group : groups) {
      std::string name = group >= 0 ? impl.kinds[static_cast<std::size_t>(group)] : "no record";
      if (names.find("`" + name + "`") == std::string::npos)
        names += (names.empty() ? "`" : ", `") + name + "`";
    }
    grouping.refusal = "the rule set decides over groups of " + names +
                       ", which are not all within one kind of record";
  }
  return grouping;
}

}  // namespace cadre::stream
