// JSON read back with positions (json_text.hpp).
#include "engine/json_text.hpp"

#include <boost/json/stream_parser.hpp>

namespace cadre::engine {

JsonRead parse_json(std::string_view text) {
  JsonRead out;
  boost::json::stream_parser parser;
  boost::json::error_code error;
  const std::size_t consumed = parser.write_some(text.data(), text.size(), error);
  if (!error && consumed < text.size()) error = boost::json::error::extra_data;
  if (!error) parser.finish(error);
  if (error) {
    out.error_offset = consumed;
    out.error = error.message();
    return out;
  }
  out.value = parser.release();
  return out;
}

SourceLocation location_in(const std::string& file, std::string_view text, std::size_t offset) {
  SourceLocation at{file, 1, 1, static_cast<int>(offset)};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

}  // namespace cadre::engine
