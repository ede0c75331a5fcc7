// Diagnostics rendered for a terminal: the message, the source line and a caret.
#include <string>

#include "cadre/diagnostic.hpp"

namespace cadre {

namespace {

std::string_view line_of(std::string_view source, int line) {
  std::size_t start = 0;
  for (int current = 1; current < line; ++current) {
    std::size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  std::size_t end = source.find('\n', start);
  std::string_view text = source.substr(start, end == std::string_view::npos ? end : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// Tabs are kept so that the caret lines up under them.
std::string caret_padding(std::string_view line, int column) {
  std::string padding;
  int seen = 1;
  for (std::size_t i = 0; i < line.size() && seen < column; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    padding += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  while (seen++ < column)
    padding += ' ';
  return padding;
}

}  // namespace

std::string render_diagnostic(const Diagnostic& diagnostic, std::string_view source) {
  std::string out = format_diagnostic(diagnostic) + "\n";
  std::string_view line = line_of(source, diagnostic.location.line);
  if (diagnostic.location.line > 0 && (!line.empty() || diagnostic.location.column == 1)) {
    out += "  " + std::string(line) + "\n";
    out += "  " + caret_padding(line, diagnostic.location.column) + "^\n";
  }
  if (!diagnostic.help.empty()) out += "  help: " + diagnostic.help + "\n";
  return out;
}

}  // namespace cadre
