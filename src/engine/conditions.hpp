// Evaluating conditions and condition groups into a tree of reasons with
// three-valued status: `all` fails if any part fails, else is unknown if
// any part is unknown; `any` is the dual. Messages are rendered in both languages.
#pragma once

#include "cadre/decision.hpp"
#include "cadre/expression.hpp"
#include "compile/compiled_ruleset.hpp"
#include "engine/hints.hpp"

namespace cadre::engine {

/// How much of an explanation to build: off gives statuses and missing facts
/// only (no messages, facts read or hints), which is what bulk runs need.
struct Explain {
  bool on = true;
  Date as_of;
  FactsOn facts_on;  ///< the facts on a later date, for date hints; may be empty
};

/// `if_empty` is the status of a condition that was not written at all (no
/// disqualifiers: failed; no required conditions: passed).
Reason evaluate_condition(const CompiledCondition& condition, const Activation& facts,
                          ReasonStatus if_empty, const Explain& explain);

/// A condition judged without building its explanation (bulk runs): the
/// status, whether every failed leaf is soft, and what an undetermined
/// decision would report (missing facts and reason codes, errors).
struct Verdict {
  ReasonStatus status = ReasonStatus::unknown;
  bool soft_failure = true;
};

struct VerdictNotes {
  std::vector<Value> unknowns;      ///< of the leaves that could not be decided
  std::vector<std::string> errors;  ///< evaluation errors, as messages
};

Verdict judge_condition(const CompiledCondition& condition, const Activation& facts,
                        ReasonStatus if_empty, VerdictNotes& notes);

/// The values of the probes, in order (unknown values included).
std::vector<std::pair<std::string, Value>> read_facts(const std::vector<FactProbe>& probes,
                                                      const Activation& facts);

/// Both languages of `message` rendered against the facts, appended to `zh`
/// and `en`; a placeholder that cannot be evaluated shows as `?`, and one the
/// two languages write alike is evaluated once.
void render_both(const CompiledMessage& message, const Activation& facts, std::string& zh,
                 std::string& en);

/// Plain text of a value for messages: 35, 3600.00, 2024-12-31, 优秀.
std::string plain_text(const Value& value);

}  // namespace cadre::engine
