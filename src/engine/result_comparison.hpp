// Two results of one decision side by side: what a test expected and what was
// decided, or what a snapshot recorded and what is decided now. Plain rows of
// text (the label, each side, whether they differ) and the reasons of each
// side, so that a person sees why; the text report and the JUnit body lay
// them out (src/render/comparison_text.hpp).
#pragma once

#include <string>
#include <vector>

#include "cadre/decision.hpp"

namespace cadre::engine {

/// One aspect of the result (outcome, value, flags, …) on both sides.
struct ComparisonRow {
  std::string label;  ///< outcome, value, flags, undetermined, missing, …
  std::string left;   ///< expected, or before; kNone when there is none
  std::string right;  ///< actual, or after
  bool differs = false;
};

/// One condition of a result's reasons, as a line.
struct ReasonLine {
  int depth = 0;        ///< 0 for a decision's own conditions; +1 inside a group
  std::string id;       ///< the condition's id; empty for a group without one
  std::string status;   ///< passed, failed, unknown; `computed` for a pay component
  std::string message;  ///< its English message, or its expression without one
  std::string facts;    ///< what it read: `cadre.age = 45; hy.max_age = 35`
};

/// A decision's result compared with another, for one record.
struct ResultComparison {
  std::string record;    ///< the record's id (`_context` for decisions about no record)
  std::string decision;  ///< the result's id: `id`, or `id[key]`
  std::string left_title = "expected";
  std::string right_title = "actual";
  std::vector<ComparisonRow> rows;
  std::vector<ReasonLine> left_reasons;
  std::vector<ReasonLine> right_reasons;
  /// The left side is a result too (a snapshot's), with reasons to show; an
  /// expectation has none.
  bool left_has_reasons = false;
};

/// How a side without a value shows.
inline constexpr const char* kNone = "—";

/// The reasons of a result as lines, depth first; a group without an id
/// (the root of `all`) is not a line of its own: its conditions are.
std::vector<ReasonLine> reason_lines(const std::vector<Reason>& reasons);

/// Why a result is what it is: its reasons (reason_lines), then each pay
/// component as computed (status `computed`: `id: formula = amount`, with
/// the parameters and facts it read).
std::vector<ReasonLine> explanation_lines(const DecisionResult& result);

/// A fact's value as shown beside its name: at most 60 characters, then `…`.
std::string shortened_value(std::string text);

/// Items joined with ", ", or kNone for none.
std::string joined_or_none(const std::vector<std::string>& items);

}  // namespace cadre::engine
