// Duplicate record keys: the records are sorted by kind and key (indices
// only, stable so that each run keeps file order), and every run of two or
// more is reported on each of its records.
#include "records/duplicate_keys.hpp"

#include <algorithm>
#include <numeric>
#include <span>
#include <string>

#include "records/typed_conversion.hpp"

namespace cadre::records {

namespace {

/// Messages name at most this many other lines (a file may repeat one key
/// thousands of times).
constexpr std::size_t kLinesNamed = 5;

void report_run(std::vector<InputRecord>& records, std::span<const std::size_t> run,
                const RecordReadOptions& options) {
  const std::string& key_field = options.key_of(records[run.front()].kind);
  std::vector<int> lines;
  for (std::size_t index : run)
    lines.push_back(records[index].line);
  for (std::size_t self = 0; self < run.size(); ++self) {
    InputRecord& record = records[run[self]];
    add_issues(record, {duplicate_issue(key_field, record.id, lines, self)});
  }
}

}  // namespace

RecordIssue duplicate_issue(const std::string& key_field, const std::string& id,
                            std::span<const int> lines, std::size_t self) {
  // "line 12", "lines 3 and 12", "lines 3, 7 and 12", "lines 3, 4, 5, 6, 7
  // and 95 more": the lines of the others.
  std::vector<int> named;
  for (std::size_t i = 0; i < lines.size() && named.size() < kLinesNamed; ++i) {
    if (i != self) named.push_back(lines[i]);
  }
  const std::size_t more = lines.size() - 1 - named.size();
  std::string text = lines.size() == 2 ? "line " : "lines ";
  for (std::size_t i = 0; i < named.size(); ++i) {
    if (i > 0) text += i + 1 == named.size() && more == 0 ? " and " : ", ";
    text += std::to_string(named[i]);
  }
  if (more > 0) text += " and " + std::to_string(more) + " more";
  return {key_field, "duplicate " + key_field + " `" + id + "`: also given at " + text, lines[self],
          0};
}

void check_duplicate_keys(std::vector<InputRecord>& records, const RecordReadOptions& options) {
  std::vector<std::size_t> order(records.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  auto same = [&](std::size_t a, std::size_t b) {
    return records[a].kind == records[b].kind && records[a].id == records[b].id;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const InputRecord& x = records[a];
    const InputRecord& y = records[b];
    return x.kind != y.kind ? x.kind < y.kind : x.id < y.id;
  });
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && same(order[begin], order[end]))
      ++end;
    const InputRecord& first = records[order[begin]];
    if (end - begin > 1 && !first.kind.empty() && !first.id.empty()) {
      report_run(records, std::span(order).subspan(begin, end - begin), options);
    }
    begin = end;
  }
}

}  // namespace cadre::records
