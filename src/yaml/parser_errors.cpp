// yaml-cpp's exceptions → diagnostics (see parser_errors.hpp).
#include "yaml/parser_errors.hpp"

#include <yaml-cpp/depthguard.h>

#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "yaml/raw_text.hpp"
#include "yaml/reader.hpp"

namespace cadre::yaml {
namespace {

/// yaml-cpp's "invalid unicode: 55296" (the code point of a `\u` or `\U`
/// escape in decimal), said in the notation of characters.
std::optional<std::string> unicode_message(const std::string& message) {
  const std::string_view prefix = YAML::ErrorMsg::INVALID_UNICODE;
  if (message.rfind(prefix, 0) != 0) return std::nullopt;
  unsigned long code = 0;
  try {
    code = std::stoul(message.substr(prefix.size()));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04lX", code);
  if (code >= 0xD800 && code <= 0xDFFF) {
    return std::string("invalid escape: ") + hex +
           " is half of a UTF-16 surrogate pair, not a character (in JSON a whole pair such as "
           "`\\uD842\\uDFB7` is one character; in YAML write `\\U00020BB7` or the "
           "character itself)";
  }
  return std::string("invalid escape: ") + hex + " is not a Unicode character";
}

/// yaml-cpp's message, with the user's text that some messages end with in
/// backticks ("unknown escape character: `q`").
std::string syntax_message(const std::string& message) {
  if (auto unicode = unicode_message(message)) return *unicode;
  for (const std::string_view prefix :
       {YAML::ErrorMsg::INVALID_ESCAPE, YAML::ErrorMsg::YAML_VERSION}) {
    if (message.size() > prefix.size() && message.rfind(prefix, 0) == 0) {
      return std::string(prefix) + backticked(std::string_view(message).substr(prefix.size()));
    }
  }
  return message;
}

/// Offset of the innermost `open` bracket left unclosed before `end`
/// (quoted text and comments skipped), or -1.
int unclosed_bracket(std::string_view text, int begin, int end, char open) {
  std::vector<std::pair<char, int>> stack;
  char quote = 0;
  for (int i = begin; i < end && i < static_cast<int>(text.size()); ++i) {
    char c = text[static_cast<std::size_t>(i)];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#') {
      while (i < end && text[static_cast<std::size_t>(i)] != '\n')
        ++i;
    } else if (c == '{' || c == '[') {
      stack.emplace_back(c, i);
    } else if ((c == '}' || c == ']') && !stack.empty()) {
      stack.pop_back();
    }
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
    if (it->first == open) return it->second;
  }
  return -1;
}

}  // namespace

void report_parser_error(const YAML::ParserException& error, TreeBuilder& builder,
                         Reporter& reporter, std::string_view text, int origin, Content content) {
  const Mark mark = reporter.mark(error.mark);
  const bool map_flow = error.msg == YAML::ErrorMsg::END_OF_MAP_FLOW;
  if (map_flow || error.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW) {
    // yaml-cpp notices only where the text goes wrong; point at the bracket.
    int opened = unclosed_bracket(text, origin, mark.offset, map_flow ? '{' : '[');
    if (opened >= 0) {
      reporter.error(kSyntaxCode, reporter.mark(opened),
                     map_flow ? "flow mapping `{` is never closed: expected `,` or `}`"
                              : "flow sequence `[` is never closed: expected `,` or `]`");
      return;
    }
  }
  if (dynamic_cast<const YAML::DeepRecursion*>(&error) != nullptr) {
    reporter.error(kLimitCode, mark, "nesting too deep for the YAML parser", depth_help(content));
  } else if (error.msg.rfind(YAML::ErrorMsg::UNKNOWN_ANCHOR, 0) == 0) {
    builder.report_alias(mark);
  } else {
    reporter.error(kSyntaxCode, mark, syntax_message(error.msg));
  }
}

}  // namespace cadre::yaml
