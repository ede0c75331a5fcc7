// Test coverage rendered (`cadre-policy test --coverage`): a table per rule
// set for people, one JSON document for machines (docs/rules.md, "Test
// coverage").
#pragma once

#include <string>
#include <vector>

#include "engine/test_coverage.hpp"

namespace cadre::render {

/// The table of one rule set: a row per decision (outcomes seen, gaps), a
/// row per part (statuses seen, gaps), and its totals line.
std::string coverage_text(const engine::RuleSetCoverage& coverage);

/// `N rules, N fully covered, N gaps` over every rule set given.
std::string coverage_totals(const std::vector<engine::RuleSetCoverage>& coverages);

/// Every rule set's coverage and the totals as one JSON object (no trailing
/// newline); keys in a fixed order.
std::string coverage_json(const std::vector<engine::RuleSetCoverage>& coverages);

}  // namespace cadre::render
