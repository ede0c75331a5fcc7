// Cutting a streamed file into parts: runs of consecutive records decided
// together, each holding every member of the groups it holds, so that a
// group is never split. Parts are cut where no group's members straddle the
// cut, once at least `part_records` records are in; a group whose members
// lie further apart than `max_part_records` (not sorted by group) cannot be
// held by one part and is a diagnostic naming it and what to do.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "stream/survey.hpp"

namespace cadre::stream {

struct Part {
  std::uint64_t begin = 0;  ///< the file's records [begin, end)
  std::uint64_t end = 0;
  std::vector<std::size_t> groups;  ///< the groups whose members it holds
};

struct PartPlan {
  std::vector<Part> parts;            ///< covering every record, in order
  std::vector<std::size_t> leafless;  ///< groups with no member in the file
  std::vector<Diagnostic> problems;
};

PartPlan cut_parts(const Survey& survey, const std::string& file, std::size_t part_records,
                   std::size_t max_part_records);

}  // namespace cadre::stream
