// Decisions as JSON, in the contract of shared/DESIGN.md ("Contracts other
// tools rely on"): one object per record with the rule set's name, version and
// digest, the evaluation date, every decision (kind, outcome, value, reasons,
// missing, undetermined, flags) and the record's errors.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/decision.hpp"
#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::render {

using cadre::RecordError;
using cadre::RecordOutput;

/// A value as the JSON carries it: exact decimals and dates as strings,
/// unknown and errors as null.
boost::json::value value_json(const Value& value);

/// One result as the object `eval` writes under "decisions". With `rules`,
/// the parts the rule set brings too (title, quote, source, why an open value
/// is open); without (null), only what the result itself carries.
boost::json::object decision_object(const DecisionResult& decision, const CompiledRuleSet* rules);

/// One line of JSON (no trailing newline); keys in a fixed order, so the same
/// input gives byte-identical output.
std::string decision_json(const RecordOutput& output, const CompiledRuleSet& rules,
                          const std::string& as_of);

/// What a decision's line says whatever the record (title; quote and source),
/// as members of its object.
struct InfoMembers {
  std::string title;         ///< `"title":{...}`, or empty
  std::string quote_source;  ///< `"quote":"...","source":{...}`, or empty
};
InfoMembers info_members(const DecisionInfo& info);

/// The lines of one run (one rule set, one evaluation date), with what every
/// line repeats written once: appending a record's line copies those parts
/// instead of writing them again. Immutable once built; share it freely.
class DecisionJsonLines {
 public:
  /// Without `sources`, decisions carry no title, quote or source: the same
  /// on every line, they are text for people, which a run without
  /// explanations leaves to `cadre-policy doc` (docs/decisions.md).
  DecisionJsonLines(const CompiledRuleSet& rules, std::string_view as_of, bool sources = true);
  /// decision_json(output, rules, as_of), appended to `text`.
  void append(std::string& text, const RecordOutput& output) const;
  /// The members of `info`, when it is one of this rule set's decisions.
  const InfoMembers* cached(const CompiledRuleSet& rules, const DecisionInfo& info) const;

 private:
  CompiledRuleSet rules_;
  std::string run_;                   ///< `"ruleset":{...},"as_of":"..."`
  std::vector<InfoMembers> members_;  ///< by position in rules_.decisions()
  bool sources_ = true;
};

/// The same line appended to `text`, which a caller writing many records
/// reuses so that its memory is allocated once.
void append_decision_json(std::string& text, const RecordOutput& output,
                          const CompiledRuleSet& rules, std::string_view as_of);

}  // namespace cadre::render
