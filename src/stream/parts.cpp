// Cutting a file into parts (see parts.hpp): the groups' spans sorted by
// where they start; spans that overlap make one block that no cut may enter.
#include "stream/parts.hpp"

#include <algorithm>
#include <numeric>

#include "records/record_limits.hpp"
#include "yaml/raw_text.hpp"

namespace cadre::stream {

namespace {

std::string thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

Diagnostic too_wide(const Survey& survey, const std::string& file, const Group& widest, bool alone,
                    std::size_t max_part_records) {
  const std::string kind =
      survey.grouping.names[static_cast<std::size_t>(survey.grouping.group_kind)];
  const std::uint64_t span = widest.last - widest.first + 1;
  std::string message =
      alone ? "the " + kind + " " + yaml::backticked(widest.key) + " has " +
                  thousands(widest.members) + " records (lines " +
                  std::to_string(widest.first_line) + " to " + std::to_string(widest.last_line) +
                  "), more than one part may hold (" + thousands(max_part_records) + ")"
            : "the records of the " + kind + " " + yaml::backticked(widest.key) +
                  " are not together: line " + std::to_string(widest.first_line) + " (" +
                  yaml::backticked(widest.first_id) + ") and line " +
                  std::to_string(widest.last_line) + " (" + yaml::backticked(widest.last_id) +
                  ") are " + thousands(span) +
                  " records apart with other records between them, more than one part may hold (" +
                  thousands(max_part_records) + ")";
  Diagnostic diagnostic = records::file_diagnostic(
      file, records::kLimitCode, Severity::error, std::move(message),
      "a " + kind + "'s records are decided together: sort the file by " + kind + " (each " + kind +
          "'s records one after another), raise --max-part-records, or " +
          "decide the file with --whole-file");
  // At the record that lies too far.
  diagnostic.location.line = alone ? widest.first_line : widest.last_line;
  diagnostic.location.column = 1;
  return diagnostic;
}

}  // namespace

PartPlan cut_parts(const Survey& survey, const std::string& file, std::size_t part_records,
                   std::size_t max_part_records) {
  PartPlan plan;
  part_records = std::max<std::size_t>(part_records, 1);
  std::vector<std::size_t> spans;
  for (std::size_t g = 0; g < survey.groups.size(); ++g) {
    (survey.groups[g].first == kNone ? plan.leafless : spans).push_back(g);
  }
  std::sort(spans.begin(), spans.end(), [&](std::size_t a, std::size_t b) {
    return survey.groups[a].first < survey.groups[b].first;
  });
  Part part;
  // Cuts the current part wherever it holds part_records, at cuts in [from, to].
  auto cut_until = [&](std::uint64_t from, std::uint64_t to) {
    while (true) {
      const std::uint64_t cut = std::max(from, part.begin + part_records);
      if (cut > to || cut <= part.begin) return;
      part.end = cut;
      plan.parts.push_back(std::move(part));
      part = Part{cut, 0, {}};
    }
  };
  std::uint64_t block_start = 0;
  std::uint64_t block_end = 0;  // one past the block's last record
  std::size_t widest = 0;
  std::size_t block_groups = 0;
  auto check_block = [&] {
    if (block_groups == 0 || block_end - block_start <= max_part_records) return true;
    plan.problems.push_back(
        too_wide(survey, file, survey.groups[widest], block_groups == 1, max_part_records));
    return false;
  };
  for (std::size_t g : spans) {
    const Group& group = survey.groups[g];
    if (group.first >= block_end) {
      // The block before is closed: a cut may fall anywhere up to here.
      if (!check_block()) return plan;
      cut_until(block_end, group.first);
      block_start = group.first;
      block_groups = 0;
      widest = g;
    }
    block_end = std::max(block_end, group.last + 1);
    ++block_groups;
    if (group.last - group.first > survey.groups[widest].last - survey.groups[widest].first) {
      widest = g;
    }
    part.groups.push_back(g);
  }
  if (!check_block()) return plan;
  if (survey.records > 0) cut_until(block_end, survey.records - 1);
  part.end = survey.records;
  plan.parts.push_back(std::move(part));
  return plan;
}

}  // namespace cadre::stream
