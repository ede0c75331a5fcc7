// Deciding one part of a streamed file: its records, with the records of its
// groups that are kept (towns, villages, stand-ins), the members with no
// group (guests) and the records they all belong to, as one population in
// the order the whole file would give them, so that each record is decided
// as it would be in the whole file. Tasks run on several threads and share
// the survey, the compiled rule set and the reader, all read only.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/engine.hpp"
#include "compile/compiled_ruleset.hpp"
#include "records/record_stream.hpp"
#include "stream/parts.hpp"
#include "stream/survey.hpp"

namespace cadre::stream {

/// What every task reads, never writes.
struct RunContext {
  const CompiledRuleSetImpl& impl;
  const Survey& survey;
  const records::RecordStream& reader;  ///< read() only: what the header fixed
  const records::RecordTypeLookup& types;
  const records::RecordReadOptions& options;
  std::string source;  ///< the file, as record errors name it
  Date as_of;
  EvaluationOptions evaluation;
  /// A record's output as written (a JSON line, a text block).
  std::function<std::string(const RecordOutput&)> render;
};

/// The outputs of a task, by the records' places in the file.
struct Rendered {
  std::vector<std::pair<std::uint64_t, std::string>> outputs;  ///< in file order
  std::uint64_t decided = 0;
  std::vector<RecordOutput> not_evaluated;  ///< their errors, in file order
};

/// The records of a part, as cut from the file: [part.begin, part.end).
struct PartTexts {
  Part part;
  std::vector<records::RecordText> texts;
};

/// Decides the records of a part that are not kept (kept ones are decided
/// by decide_kept) and renders them.
Rendered decide_part(const RunContext& context, const PartTexts& part);

/// Decides and renders kept records: `wanted` (indices into Survey::kept,
/// records of the file), with their groups' other members (`members`, the
/// part's texts, when the groups have members in the file) and the guests.
Rendered decide_kept(const RunContext& context, const std::vector<std::size_t>& groups,
                     const std::vector<std::size_t>& wanted, const PartTexts* members);

}  // namespace cadre::stream
