// Evaluating a compiled rule set for one record or for a whole population.
//
//   cadre::Engine engine(*loaded.ruleset);
//   auto decisions = engine.evaluate(cadre_record, {village_record}, as_of);
//   auto everyone = engine.evaluate_population(records, as_of);
//   auto lines = engine.evaluate_batch(cadre::read_records("county.csv", rules), as_of);
//
// Every decision about the record's kind comes back with an outcome, a value,
// its reasons, the facts it missed and why it is undetermined, if it is. A
// population also decides cohort allocations (quotas and tiers over a group,
// such as at most 20% 优秀 in a town) and the decisions that read them.
#pragma once

#include <string>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/decision.hpp"
#include "cadre/export.hpp"
#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"
#include "cadre/value.hpp"

namespace cadre {

struct EvaluationOptions {
  /// Reasons with rendered messages, the facts each condition read, hints,
  /// pay breakdowns and cohort explanations. Off: outcomes, values, missing
  /// facts and reason codes only, which is what bulk runs need.
  bool explain = true;
};

/// Why an input record could not be evaluated: where in which file, which field.
struct RecordError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;
  std::string message;
};

/// One output object per input record: its decisions, or the errors that
/// kept it from being read (and no decisions).
struct RecordOutput {
  std::string record;  ///< the record's id, or "#N" (its 1-based position)
  std::string kind;    ///< its record kind, when known
  std::vector<DecisionResult> decisions;
  std::vector<RecordError> errors;
};

/// The decisions about one record of a population.
struct RecordDecisions {
  std::string record;  ///< the record's id
  std::string kind;    ///< its record kind
  std::vector<DecisionResult> decisions;
};

class CADRE_API Engine {
 public:
  explicit Engine(CompiledRuleSet rules);

  const CompiledRuleSet& rules() const { return rules_; }

  /// Decides every decision about `subject`'s kind. `related` holds the
  /// records the subject belongs to (its village, its town); one that is
  /// missing makes its facts unknown. Facts dated after `as_of` are ignored.
  /// A cohort allocation is read from the record's own facts where the rule
  /// set says how (`from_record`), else it is undetermined.
  std::vector<DecisionResult> evaluate(const RecordValue& subject,
                                       const std::vector<RecordValue>& related, Date as_of,
                                       EvaluationOptions options = {}) const;

  /// Decides the decisions about no record (reference values of the rule
  /// set, such as a city's average pay in a year).
  std::vector<DecisionResult> evaluate_context(Date as_of, EvaluationOptions options = {}) const;

  /// Decides every record of `population` (cadres, villages, towns: each
  /// record finds the records it belongs to among the others), cohort
  /// allocations included. One result per record, in input order.
  std::vector<RecordDecisions> evaluate_population(const std::vector<RecordValue>& population,
                                                   Date as_of,
                                                   EvaluationOptions options = {}) const;

  /// Decides the readable records of `batch` as one population and gives one
  /// output per input record, in input order: an unreadable record yields its
  /// errors, never nothing.
  std::vector<RecordOutput> evaluate_batch(const RecordBatch& batch, Date as_of,
                                           EvaluationOptions options = {}) const;

 private:
  CompiledRuleSet rules_;
};

}  // namespace cadre
