// Evaluating a compiled rule set for one record.
//
//   cadre::Engine engine(*loaded.ruleset);
//   auto decisions = engine.evaluate({"cadre", cadre_record}, {village_record}, as_of);
//
// Every decision about the record's kind comes back with an outcome, a value,
// its reasons, the facts it missed and why it is undetermined, if it is.
#pragma once

#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/decision.hpp"
#include "cadre/export.hpp"
#include "cadre/ruleset.hpp"
#include "cadre/value.hpp"

namespace cadre {

class CADRE_API Engine {
 public:
  explicit Engine(CompiledRuleSet rules);

  const CompiledRuleSet& rules() const { return rules_; }

  /// Decides every decision about `subject`'s kind. `related` holds the
  /// records the subject belongs to (its village, its town); one that is
  /// missing makes its facts unknown. Facts dated after `as_of` are ignored.
  std::vector<DecisionResult> evaluate(const RecordValue& subject,
                                       const std::vector<RecordValue>& related, Date as_of) const;

 private:
  CompiledRuleSet rules_;
};

}  // namespace cadre
