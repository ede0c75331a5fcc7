// Cohort allocations: grouping, ranking, quotas and tiers.
#include "engine/allocation.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>

#include "engine/cohort_limit.hpp"
#include "engine/conditions.hpp"
#include "engine/outcome_builder.hpp"
#include "eval/builtins.hpp"

namespace cadre::engine {

namespace {

enum class Candidacy : std::uint8_t { yes, no, unknown };

// A member as the allocation sees it before looking at its group.
struct Entry {
  std::size_t member = 0;
  std::string id;
  std::string group;
  bool group_known = false;
  Candidacy candidacy = Candidacy::yes;
  std::vector<Value> keys;  ///< rank_by, then tie_break
  bool keys_known = true;
  std::vector<std::string> missing;  ///< what keeps its place unknown
};

bool uncertain(const Entry& entry) {
  return entry.candidacy == Candidacy::unknown ||
         (entry.candidacy == Candidacy::yes && !entry.keys_known);
}

class GroupAllocator {
 public:
  GroupAllocator(const CompiledDecision& decision, const std::vector<const RecordRun*>& members,
                 std::vector<Entry>& entries, std::vector<Decided>& out, bool explain)
      : decision_(decision), members_(members), entries_(entries), out_(out), explain_(explain) {}

  /// `floating`: records that may or may not belong to this group.
  void run(const std::vector<std::size_t>& group, const std::vector<std::size_t>& floating) {
    std::vector<std::size_t> ranked;
    std::vector<std::size_t> unsure;
    int candidates = 0;
    for (std::size_t index : group) {
      const Entry& entry = entries_[index];
      if (entry.candidacy != Candidacy::no) ++candidates;
      if (uncertain(entry)) {
        unsure.push_back(index);
      } else if (entry.candidacy == Candidacy::yes) {
        ranked.push_back(index);
      }
    }
    std::vector<std::size_t> others = unsure;  // who could stand ahead of a ranked record
    int maybe_candidates = 0;
    for (std::size_t index : floating) {
      if (entries_[index].candidacy == Candidacy::no) continue;
      others.push_back(index);
      ++maybe_candidates;
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](std::size_t a, std::size_t b) {
      return compare(entries_[a], entries_[b], key_count()) < 0;
    });
    const Activation& facts = members_[entries_[group.front()].member]->facts();
    auto size = static_cast<std::int64_t>(group.size());
    auto floats = static_cast<std::int64_t>(floating.size());
    Limit limit = tiers() ? tier_limit(decision_, facts, candidates, candidates + maybe_candidates)
                          : quota_limit(decision_, facts, size, size + floats);
    Place base;
    base.group = entries_[group.front()].group;
    base.size = static_cast<int>(group.size());
    base.candidates = candidates;
    base.unsure = static_cast<int>(others.size());
    for (std::size_t i = 0; i < ranked.size();) {
      std::size_t end = i + 1;
      while (end < ranked.size() &&
             compare(entries_[ranked[i]], entries_[ranked[end]], key_count()) == 0)
        ++end;
      for (std::size_t j = i; j < end; ++j) {
        Place place = base;
        place.ahead = static_cast<int>(i);
        place.tied = static_cast<int>(end - i);
        for (std::size_t k = i; k < end; ++k) {
          if (k != j) place.tied_with.push_back(entries_[ranked[k]].id);
        }
        place.broken_tie = broke_tie(ranked, j);
        decide_ranked(ranked[j], place, limit, others);
      }
      i = end;
    }
    for (std::size_t index : unsure)
      decide_unsure(index, base, limit, static_cast<std::int64_t>(ranked.size() + others.size()));
    for (std::size_t index : group) {
      if (entries_[index].candidacy == Candidacy::no) decide_outsider(index, base);
    }
  }

 private:
  struct Place {
    std::string group;
    int size = 0;
    int candidates = 0;
    int unsure = 0;
    int ahead = 0;
    int tied = 1;
    std::vector<std::string> tied_with;
    bool broken_tie = false;
  };

  std::size_t rank_keys() const { return decision_.rank_by.size(); }
  std::size_t key_count() const { return decision_.rank_by.size() + decision_.tie_break.size(); }

  bool descending(std::size_t key) const {
    const model::Allocation& model = *decision_.model->allocation;
    return key < model.rank_by.size() ? model.rank_by[key].descending
                                      : model.tie_break[key - model.rank_by.size()].descending;
  }

  // <0 when `a` ranks before `b` on the first `keys` keys, 0 when equal.
  int compare(const Entry& a, const Entry& b, std::size_t keys) const {
    for (std::size_t k = 0; k < keys; ++k) {
      auto order = eval::order_values(a.keys[k], b.keys[k]);
      if (!order || *order == 0) continue;
      bool before = descending(k) ? *order > 0 : *order < 0;
      return before ? -1 : 1;
    }
    return 0;
  }

  // True when the record ties others on rank_by and tie_break separated them.
  bool broke_tie(const std::vector<std::size_t>& ranked, std::size_t j) const {
    if (decision_.tie_break.empty()) return false;
    for (std::size_t k = 0; k < ranked.size(); ++k) {
      if (k == j) continue;
      const Entry& a = entries_[ranked[j]];
      const Entry& b = entries_[ranked[k]];
      if (compare(a, b, rank_keys()) == 0 && compare(a, b, key_count()) != 0) return true;
    }
    return false;
  }

  void decide_ranked(std::size_t index, const Place& place, const Limit& limit,
                     const std::vector<std::size_t>& unsure) {
    Decided& out = out_[index];
    CohortPlace cohort = cohort_of(place, limit);
    cohort.rank = place.ahead + 1;
    std::int64_t best = place.ahead + 1;
    std::int64_t worst = place.ahead + place.tied + place.unsure;
    int tier = limit.known ? limit.settled_tier(best, worst) : -1;
    if (!limit.known) {
      limit.explain_unknown(out.result);
    } else if (tier < 0) {
      undecided(out, place, limit, unsure, best, worst);
    } else if (tiers()) {
      out.result.outcome = Outcome::computed;
      out.value = Value(static_cast<std::int64_t>(tier));
      cohort.tier = tier;
    } else if (tier == 1) {
      out.result.outcome = Outcome::eligible;
      out.value = Value(true);
    } else {
      out.result.outcome = Outcome::ineligible;
      out.value = Value(false);
      cohort.rank_needed = static_cast<int>(limit.low[0]);  // passes under any rounding
    }
    finish(out, std::move(cohort), place);
  }

  bool tiers() const { return !decision_.tier_fractions.empty(); }

  // Settled neither way: say which of the three reasons could move it: the
  // rounding, a tie across a bound, unsure members that could stand ahead.
  void undecided(Decided& out, const Place& place, const Limit& limit,
                 const std::vector<std::size_t>& unsure, std::int64_t best, std::int64_t worst) {
    std::int64_t tie_end = place.ahead + place.tied;
    auto differs = [&](std::int64_t a, std::int64_t b) {
      return limit.tier(a, false) != limit.tier(b, false) ||
             limit.tier(a, true) != limit.tier(b, true);
    };
    bool membership = limit.open() && limit.undetermined.empty();
    if (limit.open() && !membership) out.result.undetermined.push_back(limit.undetermined);
    if (place.tied > 1 && differs(best, tie_end)) out.result.undetermined.push_back("tie_at_cap");
    if ((worst > tie_end && differs(tie_end, worst)) || membership) {
      for (std::size_t other : unsure) {
        for (const auto& path : entries_[other].missing) {
          if (is_reason_code(path)) {
            out.result.undetermined.push_back(path);
            continue;
          }
          // Another record's missing fact: named with that record's id.
          out.result.missing.push_back(entries_[other].id + ":" + path);
          out.result.undetermined.push_back("missing_fact:" + entries_[other].id + ":" + path);
        }
      }
    }
  }

  // A candidate whose rank is unknown could stand anywhere among the
  // candidates: settled only when every place gives the same result.
  void decide_unsure(std::size_t index, const Place& base, const Limit& limit,
                     std::int64_t candidates) {
    Decided& out = out_[index];
    bool candidate = entries_[index].candidacy == Candidacy::yes;
    int tier = candidate && limit.known ? limit.settled_tier(1, candidates) : -1;
    if (tier >= 0 && tiers()) {
      out.result.outcome = Outcome::computed;
      out.value = Value(static_cast<std::int64_t>(tier));
    } else if (tier >= 0) {
      out.result.outcome = tier == 1 ? Outcome::eligible : Outcome::ineligible;
      out.value = Value(tier == 1);
    } else {
      UnknownSet unknowns;
      unknowns.attributes = entries_[index].missing;
      add_unknowns(Value::unknown(std::move(unknowns)), out.result);
      if (!limit.known) limit.explain_unknown(out.result);
    }
    finish(out, cohort_of(base, limit), base);
  }

  void decide_outsider(std::size_t index, const Place& base) {
    Decided& out = out_[index];
    out.result.outcome = Outcome::not_applicable;
    // Later rules read a non-candidate as not allocated.
    out.value = decision_.tier_fractions.empty() ? Value(false) : Value(std::int64_t{0});
    CohortPlace cohort;
    cohort.group = base.group;
    cohort.size = base.size;
    cohort.candidates = base.candidates;
    if (explain_) {
      cohort.message_zh = "不是候选人（" + base.group + "组共" + std::to_string(base.size) + "人）";
      cohort.message_en =
          "not a candidate (" + std::to_string(base.size) + " in group " + base.group + ")";
    }
    out.result.cohort = std::move(cohort);
    Value bound = out.value;
    finish_decision(out);
    out.result.value = Value();  // the output shows no value for a non-candidate
    out.value = bound;
  }

  CohortPlace cohort_of(const Place& place, const Limit& limit) const {
    CohortPlace cohort;
    cohort.group = place.group;
    cohort.size = place.size;
    cohort.candidates = place.candidates;
    bool quota = limit.known && !tiers() && !limit.open();
    cohort.quota = quota ? static_cast<int>(limit.low[0]) : -1;
    cohort.quota_rule = limit.rule;
    return cohort;
  }

  void finish(Decided& out, CohortPlace cohort, const Place& place) {
    add_flags(decision_.flags,
              members_[entries_[static_cast<std::size_t>(&out - out_.data())].member]->facts(),
              out.result);
    cohort.tied_with = place.tied_with;
    if (place.broken_tie) {
      for (const auto& key : decision_.model->allocation->tie_break)
        cohort.tie_break.push_back(key.expr.text);
    }
    if (explain_) {
      explain(out, cohort);
      render_message(
          decision_,
          members_[entries_[static_cast<std::size_t>(&out - out_.data())].member]->facts(),
          out.result);
    }
    out.result.cohort = std::move(cohort);
    finish_decision(out);
  }

  // The cohort's explanation as a message and as a reason with a rank hint.
  void explain(Decided& out, CohortPlace& cohort) const {
    std::string zh = cohort.group + "组" + std::to_string(cohort.size) + "人，候选" +
                     std::to_string(cohort.candidates) + "人";
    std::string en = "group " + cohort.group + ": " + std::to_string(cohort.size) + " records, " +
                     std::to_string(cohort.candidates) + " candidates";
    if (cohort.rank > 0) {
      zh += "，排名第" + std::to_string(cohort.rank);
      en += "; rank " + std::to_string(cohort.rank) + " of " + std::to_string(cohort.candidates);
    }
    if (!cohort.quota_rule.empty()) {
      zh += cohort.quota >= 0 ? "；名额" + cohort.quota_rule : "；" + cohort.quota_rule;
      en += cohort.quota >= 0 ? "; quota " + cohort.quota_rule : "; " + cohort.quota_rule;
    }
    if (cohort.tier > 0) {
      zh += "；第" + std::to_string(cohort.tier) + "档";
      en += "; tier " + std::to_string(cohort.tier);
    }
    if (!cohort.tied_with.empty()) {
      std::string names;
      for (const auto& id : cohort.tied_with)
        names += (names.empty() ? "" : ", ") + id;
      zh += "；与" + names + "并列";
      en += "; tied with " + names;
    }
    if (!cohort.tie_break.empty()) {
      std::string keys;
      for (const auto& key : cohort.tie_break)
        keys += (keys.empty() ? "" : ", ") + key;
      zh += "；并列按" + keys + "区分";
      en += "; tie broken by " + keys;
    }
    cohort.message_zh = zh;
    cohort.message_en = en;
    Reason reason;
    reason.id = "cohort";
    reason.cite = decision_.model->cite.provision;
    reason.message_zh = zh;
    reason.message_en = en;
    reason.status = out.result.outcome == Outcome::undetermined ? ReasonStatus::unknown
                    : out.result.outcome == Outcome::ineligible ? ReasonStatus::failed
                                                                : ReasonStatus::passed;
    if (cohort.rank_needed > 0) {
      Hint hint;
      hint.kind = "rank";
      hint.rank = cohort.rank_needed;
      hint.message_zh = "需排名前" + std::to_string(cohort.rank_needed);
      hint.message_en = "needs rank " + std::to_string(cohort.rank_needed) + " or better";
      reason.hint = std::move(hint);
    }
    out.result.reasons.push_back(std::move(reason));
  }

  const CompiledDecision& decision_;
  const std::vector<const RecordRun*>& members_;
  std::vector<Entry>& entries_;
  std::vector<Decided>& out_;
  bool explain_;
};

enum class Placement : std::uint8_t { member, floating, out };

// Why a value that should be a bool could not be read: its unknowns, or an
// error (a reason code, so that the record's result says why).
void unread(const Value& value, const std::string& what, std::vector<std::string>& missing) {
  if (value.is_unknown()) {
    add_unknowns(value, missing);
  } else if (value.is_error()) {
    missing.push_back("error:" + what + ": " + value.as_error().message);
  } else {
    missing.push_back("error:" + what + " gave a " + value_kind_name(value.kind()));
  }
}

// Reads a member's group, candidacy and sort keys. A record whose group or
// applicability is unknown floats: it is undetermined itself, and counts as a
// possible member of every group when its group is unknown, of its own group
// when only its applicability is (`entry.group` is then set). A record of one
// town whose claim is unknown could take a place in its town's quota, never
// in another town's.
Placement read_entry(const CompiledDecision& decision, const Activation& facts, Entry& entry,
                     Decided& out) {
  Value applies =
      decision.applies.program ? decision.applies.program->evaluate(facts) : Value(true);
  if (applies.kind() == ValueKind::boolean && !applies.as_bool()) {
    out.result.outcome = Outcome::not_applicable;
    out.value = not_applicable_value(decision);
    return Placement::out;
  }
  Placement placement = Placement::member;
  if (applies.kind() != ValueKind::boolean) {
    unread(applies, "applies", entry.missing);
    out.result.reasons.push_back(applies_unknown_reason(applies, decision.model->applies.text));
    placement = Placement::floating;
  }
  Value group = decision.group_by.program ? decision.group_by.program->evaluate(facts)
                                          : Value::unknown("group_by");
  if (group.is_error()) {
    out.result.undetermined.push_back("error:" + group.as_error().message);
    return Placement::out;
  }
  if (group.is_unknown()) {
    add_unknowns(group, entry.missing);
    placement = Placement::floating;
  } else {
    entry.group = plain_text(group);
    entry.group_known = true;
  }
  if (decision.candidates.program) {
    Value candidate = decision.candidates.program->evaluate(facts);
    if (candidate.kind() == ValueKind::boolean) {
      entry.candidacy = candidate.as_bool() ? Candidacy::yes : Candidacy::no;
    } else {
      entry.candidacy = Candidacy::unknown;
      unread(candidate, "candidates", entry.missing);
    }
  }
  if (entry.candidacy == Candidacy::no) return placement;
  for (const auto* keys : {&decision.rank_by, &decision.tie_break}) {
    for (const auto& key : *keys) {
      Value value = key.program ? key.program->evaluate(facts) : Value::unknown("rank_by");
      if (value.is_exceptional()) {
        entry.keys_known = false;
        unread(value, "rank_by", entry.missing);
      }
      entry.keys.push_back(std::move(value));
    }
  }
  return placement;
}

}  // namespace

std::vector<Decided> allocate(const CompiledDecision& decision,
                              const std::vector<const RecordRun*>& members, bool explain) {
  std::vector<Decided> out;
  out.reserve(members.size());
  std::vector<Entry> entries(members.size());
  std::map<std::string, std::vector<std::size_t>> groups;  // ordered: deterministic
  // Records that may be members: of any group when their group is unknown,
  // of their own when only whether the decision applies to them is.
  std::vector<std::size_t> floating;
  std::map<std::string, std::vector<std::size_t>> maybe;
  for (std::size_t i = 0; i < members.size(); ++i) {
    out.push_back(start_decision(decision));
    Entry& entry = entries[i];
    entry.member = i;
    entry.id = members[i]->id();
    switch (read_entry(decision, members[i]->facts(), entry, out.back())) {
      case Placement::member:
        groups[entry.group].push_back(i);
        break;
      case Placement::floating: {
        (entry.group_known ? maybe[entry.group] : floating).push_back(i);
        UnknownSet unknowns;
        unknowns.attributes = entry.missing;
        add_unknowns(Value::unknown(std::move(unknowns)), out.back().result);
        finish_decision(out.back());
        break;
      }
      case Placement::out:
        finish_decision(out.back());
        break;
    }
  }
  GroupAllocator allocator(decision, members, entries, out, explain);
  for (const auto& [key, group] : groups) {
    auto own = maybe.find(key);
    if (own == maybe.end()) {
      allocator.run(group, floating);
      continue;
    }
    std::vector<std::size_t> possible;  // in population order
    std::merge(floating.begin(), floating.end(), own->second.begin(), own->second.end(),
               std::back_inserter(possible));
    allocator.run(group, possible);
  }
  return out;
}

}  // namespace cadre::engine
