// Which records of a file must be decided together, read from the rule set
// alone: the record kinds others belong to (towns, villages: kept at hand
// while a file is streamed), the kinds whose records are members of a group
// (counted in a group value, ranked in a cohort allocation), and the group
// kind: the coarsest kind a group step groups by (a town, for 20 % 优秀 in a
// town). Every group step's group then lies within one record of the group
// kind, so that the records belonging to one such record, decided together,
// are decided as in the whole file.
#pragma once

#include <string>
#include <vector>

#include "compile/compiled_ruleset.hpp"

namespace cadre::stream {

struct Grouping {
  /// By kind (CompiledRuleSetImpl::kinds): the kind it belongs to (-1:
  /// none) and the field holding that record's key.
  std::vector<int> parent;
  std::vector<std::string> parent_field;
  /// Kinds other kinds belong to: their records are kept while streaming.
  std::vector<bool> held;
  /// Kinds whose records are members of a group step.
  std::vector<bool> member;
  /// The group kind; -1 when the rule set decides nothing over a group (any
  /// records can then be decided together).
  int group_kind = -1;
  /// Why the groups cannot be told from the records' keys (an allocation
  /// grouped by another expression than a key), or empty.
  std::string refusal;

  int kinds() const { return static_cast<int>(parent.size()); }
  /// True when `kind` is `ancestor` or belongs to it, through its parents.
  bool within(int kind, int ancestor) const;
  /// The name of a kind.
  std::vector<std::string> names;
};

/// The grouping of a compiled rule set.
Grouping grouping_of(const CompiledRuleSetImpl& impl);

}  // namespace cadre::stream
