// Deciding a JSON Lines or CSV file of any size in bounded memory, its
// outputs written as they are decided, in input order, byte for byte what
// deciding the whole file at once gives (docs/streaming.md).
//
// The file is read more than once (so it must be a file, not a pipe):
//   1. the survey: every record read once; the records others belong to
//      (towns, villages) kept, every key noted, each group's records located;
//   2. when the rule set decides over groups (cohort allocations, group
//      values): the records others belong to are decided with their groups,
//      and their outputs wait in a temporary file for their turn;
//   3. the file cut into parts that never split a group, decided on a pool
//      of threads, and written in order through a bounded reorder window.
// A file that breaks what this needs (a group's records far apart, too many
// members with no group) is refused before anything is written, with what to
// do; never decided differently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/engine.hpp"
#include "cadre/export.hpp"
#include "cadre/records.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::stream {

struct StreamOptions {
  /// Threads deciding parts; 1: everything on the calling thread.
  std::size_t threads = 1;
  /// Records a part holds before it may be cut (a group is never split).
  std::size_t part_records = 500;
  /// Most records one part may have to hold: a group whose records lie
  /// further apart is an error (the file is not sorted by group).
  std::size_t max_part_records = 50'000;
  /// Most members with no group (each must be in every part).
  std::size_t max_guests = 10'000;
  EvaluationOptions evaluation;
};

/// Where a run stands, for a progress line.
struct StreamProgress {
  int pass = 1;  ///< 1 to `passes`
  int passes = 2;
  std::uint64_t records = 0;  ///< records done in this pass
  std::uint64_t total = 0;    ///< records in the file (0 in the first pass: not yet known)
  std::uint64_t bytes = 0;    ///< bytes read in this pass
  std::uint64_t size = 0;     ///< the file's size
};

struct StreamSink {
  /// A record's output as written.
  std::function<std::string(const RecordOutput&)> render;
  /// Called once the file is known to be decidable, before the first output.
  std::function<void()> begin;
  std::function<void(std::string_view)> write;
  std::function<void(const StreamProgress&)> progress;
};

struct StreamResult {
  /// Problems of the file as a whole; with an error, nothing was written
  /// unless `begun` (the file changed or could not be read mid-way).
  std::vector<Diagnostic> diagnostics;
  bool begun = false;
  std::uint64_t records = 0;
  std::uint64_t decided = 0;
  std::uint64_t not_evaluated = 0;
  /// The first records not evaluated, with their errors, in file order.
  std::vector<RecordOutput> first_not_evaluated;
};

/// How many records not evaluated StreamResult keeps.
inline constexpr std::size_t kFirstNotEvaluated = 5;

/// Why a rule set's records cannot be decided in parts (an allocation that
/// groups by something else than a record's key), or empty.
std::string stream_refusal(const CompiledRuleSet& rules);

/// Decides every record of `file` (JSON Lines or CSV) as evaluate_batch()
/// decides the whole file, writing each output through `sink` in file order.
StreamResult evaluate_stream(const std::filesystem::path& file, const CompiledRuleSet& rules,
                             const RecordReadOptions& read_options, Date as_of,
                             const StreamOptions& options, const StreamSink& sink);

}  // namespace cadre::stream
