// The first pass over a streamed file: what must be known of the whole file
// before any record is decided. The records others belong to (towns,
// villages: few beside the cadres) are kept as their text; every key is
// noted (duplicates name each other's lines); records that cannot be read
// leave their stand-ins; and the records of each group are located, so that
// the file can be cut into parts that never split a group (parts.hpp).
// Bounded by the held records, the groups and the runs of records of one
// group, plus the key ledger's few dozen bytes a record.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "compile/compiled_ruleset.hpp"
#include "records/key_ledger.hpp"
#include "records/record_stream.hpp"
#include "stream/grouping.hpp"
#include "stream/work_pool.hpp"

namespace cadre::stream {

inline constexpr std::uint64_t kNone = ~std::uint64_t{0};

/// A record kept for the whole run: one that others belong to (its text,
/// or its value when it stands in for records that could not be read), or a
/// member with no group (a guest, present in every part).
struct KeptRecord {
  std::uint64_t order = 0;      ///< its place in the whole file's population
  std::uint64_t index = kNone;  ///< its place in the file (stand-ins: kNone)
  int kind = -1;
  std::string key;         ///< the text of its `id`, by which others find it
  std::string parent_key;  ///< the key of the record it belongs to ("": none)
  bool has_parent = false;
  records::RecordText text;          ///< a record of the file
  std::optional<RecordValue> value;  ///< a stand-in
  std::int64_t group = -1;           ///< its group (Survey::groups), -1: none
  bool guest = false;                ///< a member with no group: in every part
};

/// The records belonging to one record of the group kind.
struct Group {
  std::string key;
  /// Where its readable members that are not kept lie in the file (kNone:
  /// nowhere), with the first and the last one named for diagnostics.
  std::uint64_t first = kNone;
  std::uint64_t last = 0;
  int first_line = 0;
  int last_line = 0;
  std::string first_id;
  std::string last_id;
  std::uint64_t members = 0;      ///< runs of members noted (see Extent)
  std::vector<std::size_t> kept;  ///< its kept records (Survey::kept), in order
};

struct Survey {
  Grouping grouping;
  std::uint64_t records = 0;
  std::vector<KeptRecord> kept;  ///< readable ones in file order, then stand-ins
  /// Kept records by kind and key (`kind` NUL `key`): the first of each.
  std::unordered_map<std::string, std::size_t> by_key;
  std::vector<Group> groups;
  std::unordered_map<std::string, std::size_t> group_by_key;
  /// Records of the file that are kept, by index (held ones and guests).
  std::unordered_map<std::uint64_t, std::size_t> kept_at;
  records::KeyLedger ledger;
  /// File-level problems: a CSV header, an encoding, groups that are not
  /// together, too many records without a group.
  std::vector<Diagnostic> diagnostics;

  /// The key of the group record `kind`/`parent_key` leads to (through the
  /// kept records), or nullopt; a record of the group kind is its own group.
  std::optional<std::string> group_of(int kind, const std::string& key, bool has_parent,
                                      const std::string& parent_key) const;
};

/// What limits a survey.
struct SurveyLimits {
  std::size_t max_guests = 10'000;  ///< members with no group, kept for every part
  std::size_t batch = 256;          ///< records read by one task
  std::size_t window = 4;           ///< tasks in flight
};

/// Reads the whole file once (its records parsed on `pool`) and returns what
/// the parts need; `progress` is told the records and bytes read.
Survey survey_file(const std::filesystem::path& file, const records::RecordReadOptions& options,
                   const records::RecordTypeLookup& types, const CompiledRuleSetImpl& impl,
                   WorkPool& pool, const SurveyLimits& limits,
                   const std::function<void(std::uint64_t records, std::uint64_t bytes,
                                            std::uint64_t size)>& progress);

}  // namespace cadre::stream
