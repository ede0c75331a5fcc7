// Reading JSON written by the tool back (a snapshot's manifest and its
// decisions): Boost.JSON, with the position of the first problem as a
// line and column of the text, for diagnostics.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/diagnostic.hpp"

namespace cadre::engine {

struct JsonRead {
  std::optional<boost::json::value> value;
  std::size_t error_offset = 0;  ///< byte offset of the problem, when there is no value
  std::string error;             ///< what is wrong, when there is no value
};

/// Parses one JSON text; a problem names its offset.
JsonRead parse_json(std::string_view text);

/// The 1-based line and column (in code points) of byte `offset` of `text`.
SourceLocation location_in(const std::string& file, std::string_view text, std::size_t offset);

}  // namespace cadre::engine
