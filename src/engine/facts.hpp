// Binding the facts of one evaluation: the evaluation date, every parameter
// as in force on it, the switches, and the records (the subject and the
// records it belongs to, with history entries dated after `as_of` removed:
// they are not yet known).
#pragma once

#include <vector>

#include "cadre/expression.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::engine {

/// The value of a parameter on `as_of`: a series gives the entry in force.
Value parameter_on(const CompiledParameter& parameter, Date as_of);

/// Binds everything except derived values and decisions; no subject (null)
/// leaves every record's facts unknown.
void bind_facts(const CompiledRuleSetImpl& rules, Activation& facts, const RecordValue* subject,
                const std::vector<RecordValue>& related, Date as_of);

}  // namespace cadre::engine
