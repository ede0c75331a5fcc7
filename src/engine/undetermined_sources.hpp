// What could leave a decision undetermined, read from the compiled rule set
// alone (no records): the facts it reads that a record may lack, the
// parameters and switches the rule set leaves open, lists it does not
// enumerate, truncated text, ties and open roundings of an allocation —
// through the derived values and decisions it reads too. Test coverage asks
// a decision that could be undetermined to have been seen undetermined.
//
// The analysis is syntactic and errs towards "may": a fact read in a branch
// that is never taken still counts, and the engine may decide a result at
// every possible value of a small closed unknown (docs/rules.md, "Possible
// values") where this says it may be undetermined.
#pragma once

#include <string>
#include <vector>

#include "compile/compiled_ruleset.hpp"

namespace cadre::engine {

/// The reason codes that could make `decision` undetermined, in the
/// vocabulary of docs/decisions.md (`missing_fact:cadre.birth_date`,
/// `unspecified_parameter:ps.min_collective_income`, `ambiguous_reading:…`,
/// `conflicting_facts:…`, `unenumerated_list:…`, `truncated_text`,
/// `tie_at_cap`, `pending:…`), sorted and unique; empty when every fact it
/// reads is certain to be known.
std::vector<std::string> undetermined_sources(const CompiledRuleSetImpl& rules,
                                              const model::Decision& decision);

}  // namespace cadre::engine
