// A decision explained for a person in one language: the sentences the text
// and HTML renderers lay out, built from the same result the JSON carries
// (title, outcome in words, citation and quoted sentence, each condition as
// its message with the facts it read, hints, the pay computation as made,
// why a result is undetermined in words).
#pragma once

#include <string>
#include <vector>

#include "cadre/decision.hpp"
#include "cadre/ruleset.hpp"
#include "render/words.hpp"

namespace cadre::render {

/// One condition as a sentence; `depth` 0 for a decision's own conditions.
struct ConditionLine {
  ReasonStatus status = ReasonStatus::unknown;
  std::string text;   ///< its message (or, without one, the expression)
  std::string facts;  ///< `cadre.age = 45; hy.max_age = 35`
  std::string note;   ///< the hint, what was missing, or the error
  int depth = 0;
};

/// One pay component as computed: 2,000.00 × 1.20 = 2,400.00.
struct PayStep {
  std::string id;
  std::string formula;   ///< as written
  std::string computed;  ///< the formula with the values read put in; empty when none
  std::string amount;    ///< the amount, or ? when unknown
  std::string rounding;  ///< in words; empty when the component states none
  std::string where;     ///< `cadre.baseline_performance_pay = 2,000.00; …`
};

struct DecisionExplanation {
  std::string id;  ///< as the result carries it (`hy.excellent[2018]`)
  std::string title;
  Outcome outcome = Outcome::undetermined;
  std::string outcome_words;
  std::string value;  ///< the value in words; empty for none (undetermined, true/false outcomes)
  std::string cite;
  std::string source;  ///< the document's title
  std::string quote;
  std::string message;                    ///< the decision's own message
  std::vector<std::string> notes;         ///< flags in words
  std::vector<std::string> undetermined;  ///< why, each a sentence
  std::string possible;
  std::string range;
  std::string exact;
  std::string actions;
  std::string cohort;
  std::vector<PayStep> pay;
  std::vector<ConditionLine> conditions;
};

DecisionExplanation explain_decision(const DecisionResult& result, const CompiledRuleSet& rules,
                                     Lang lang);

}  // namespace cadre::render
