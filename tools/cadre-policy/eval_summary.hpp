// The summary `eval` prints on stderr after deciding: how many records were
// read, decided and not evaluated, with where the first of the latter went
// wrong (shared/DESIGN.md: "A summary goes to stderr").
#pragma once

#include <cstdint>
#include <ostream>
#include <string_view>
#include <vector>

#include "cadre/engine.hpp"

namespace cadre::tool {

/// At most this many records not evaluated are listed, each at its first error.
inline constexpr std::size_t kListedRecords = 5;

/// Writes the summary of `outputs` (one per input record) to `out`:
///   cadre-policy eval: 11 records read, 4 decided, 7 not evaluated
///   data.jsonl:4:72: error: proposed_excellent: … (and 1 more error)
///   … and 2 more records not evaluated
/// and returns how many records were not evaluated. `command` names the
/// command that decided them (`snapshot` writes the same summary).
std::size_t write_summary(std::ostream& out, const std::vector<RecordOutput>& outputs,
                          std::string_view command = "eval");

/// The same summary from counts: `records` read, `not_evaluated` of them
/// not evaluated, the first of those (at most kListedRecords used) with
/// their errors.
void write_summary(std::ostream& out, std::uint64_t records, std::uint64_t not_evaluated,
                   const std::vector<RecordOutput>& first_not_evaluated,
                   std::string_view command = "eval");

}  // namespace cadre::tool
