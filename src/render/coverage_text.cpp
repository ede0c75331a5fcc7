// Test coverage as a table: one row per decision and per part, columns
// padded to the widest cell, a decision's further gaps on lines of their own.
#include <algorithm>
#include <array>

#include "render/coverage.hpp"

namespace cadre::render {

namespace {

using engine::CoverageGap;
using engine::DecisionCoverage;
using engine::PartCoverage;
using engine::RuleSetCoverage;

/// Reasons a decision could be undetermined, shown in its gap before "+N more".
constexpr std::size_t kSourcesShown = 3;

struct Row {
  std::string name;
  std::string seen;
  std::vector<std::string> gaps;
};

// Characters, not bytes: ids are ASCII, but messages may hold `…`.
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::string padded(const std::string& text, std::size_t to) {
  return text + std::string(to > width(text) ? to - width(text) : 0, ' ');
}

std::string outcomes_seen(const DecisionCoverage& decision) {
  std::string out;
  for (std::size_t i = 0; i < decision.outcomes.size(); ++i) {
    if (decision.outcomes[i] == 0) continue;
    out += (out.empty() ? "" : ", ") + std::string(outcome_name(static_cast<Outcome>(i))) + " " +
           std::to_string(decision.outcomes[i]);
  }
  return out.empty() ? "not tested" : out;
}

std::string statuses_seen(const PartCoverage& part) {
  std::string out;
  const std::array<std::pair<const char*, int>, 3> counts = {
      {{"passed", part.passed}, {"failed", part.failed}, {"unknown", part.unknown}}};
  for (const auto& [name, count] : counts) {
    if (count > 0)
      out += (out.empty() ? "" : ", ") + std::string(name) + " " + std::to_string(count);
  }
  return out.empty() ? "not seen" : out;
}

std::string part_name(const PartCoverage& part) {
  return part.id.empty() ? part.section : part.section + " " + part.id;
}

std::string undetermined_gap(const DecisionCoverage& decision) {
  const auto& sources = decision.undetermined_sources;
  std::string shown;
  for (std::size_t i = 0; i < sources.size() && i < kSourcesShown; ++i)
    shown += (i == 0 ? "" : ", ") + sources[i];
  if (sources.size() > kSourcesShown) {
    shown += " +" + std::to_string(sources.size() - kSourcesShown) + " more";
  }
  return "never undetermined, could be: " + shown;
}

std::vector<Row> rows_of(const DecisionCoverage& decision) {
  std::vector<Row> rows;
  rows.push_back({decision.id, outcomes_seen(decision), {}});
  if (!decision.cannot.empty()) {
    // Not a gap: what the decision declares no test can show, and why.
    std::string items;
    for (const auto& item : decision.cannot)
      items += (items.empty() ? "" : ", ") + item;
    rows.front().seen += " (cannot be: " + items + ": " + decision.cannot_because_en + ")";
  }
  for (const auto& part : decision.parts)
    rows.push_back({"  " + part_name(part), statuses_seen(part), {}});
  for (const CoverageGap& gap : decision.gaps) {
    switch (gap.kind) {
      case CoverageGap::Kind::outcome:
        rows.front().gaps.push_back(gap.outcome == Outcome::undetermined
                                        ? undetermined_gap(decision)
                                        : "never " + std::string(outcome_name(gap.outcome)));
        break;
      case CoverageGap::Kind::part_passed:
        rows[gap.part + 1].gaps.emplace_back("never passed");
        break;
      case CoverageGap::Kind::part_failed:
        rows[gap.part + 1].gaps.emplace_back("never failed");
        break;
      case CoverageGap::Kind::seen_though_impossible:
        rows.front().gaps.push_back("seen, though declared impossible: " + gap.item);
        break;
    }
  }
  return rows;
}

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string totals_line(std::size_t rules, std::size_t covered, std::size_t gaps) {
  return plural(rules, "rule", "rules") + ", " + std::to_string(covered) + " fully covered, " +
         plural(gaps, "gap", "gaps");
}

}  // namespace

std::string coverage_text(const RuleSetCoverage& coverage) {
  std::vector<Row> rows{{"rule / part", "seen", {"gaps"}}};
  for (const auto& decision : coverage.decisions) {
    auto more = rows_of(decision);
    rows.insert(rows.end(), more.begin(), more.end());
  }
  std::size_t name_width = 0, seen_width = 0;
  for (const auto& row : rows) {
    name_width = std::max(name_width, width(row.name));
    seen_width = std::max(seen_width, width(row.seen));
  }
  std::string out =
      "coverage of " + coverage.path + " (" + coverage.id + " " + coverage.version + ")\n";
  if (!coverage.counted_from.empty()) {
    out += "  counting the tests of";
    for (std::size_t i = 0; i < coverage.counted_from.size(); ++i)
      out += (i == 0 ? " " : ", ") + coverage.counted_from[i];
    out += " for the rules they share\n";
  }
  for (const auto& row : rows) {
    std::string line = "  " + padded(row.name, name_width) + "  ";
    if (row.gaps.empty()) {
      line += row.seen;
    } else {
      line += padded(row.seen, seen_width) + "  " + row.gaps.front();
    }
    out += line + "\n";
    for (std::size_t i = 1; i < row.gaps.size(); ++i) {
      out += "  " + std::string(name_width + 2 + seen_width + 2, ' ') + row.gaps[i] + "\n";
    }
  }
  return out + "  " +
         totals_line(coverage.decisions.size(), coverage.fully_covered(), coverage.gaps()) + "\n";
}

std::string coverage_totals(const std::vector<RuleSetCoverage>& coverages) {
  std::size_t rules = 0, covered = 0, gaps = 0;
  for (const auto& coverage : coverages) {
    rules += coverage.decisions.size();
    covered += coverage.fully_covered();
    gaps += coverage.gaps();
  }
  return totals_line(rules, covered, gaps);
}

}  // namespace cadre::render
