// Length and encoding checks on an expression text, before the lexer sees it.
#include "expr/source_check.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "expr/lexer.hpp"
#include "expr/source_map.hpp"
#include "expr/string_literal.hpp"

namespace cadre::expr {
namespace {

constexpr const char* kLimit = code::expr_limit;
constexpr const char* kEncoding = code::expr_encoding;

/// Reports each run of bytes that is not valid UTF-8, up to max_errors.
std::vector<Diagnostic> check_encoding(std::string_view source, const ParseOptions& options) {
  std::vector<Diagnostic> diagnostics;
  std::optional<SourceMap> map;
  bool in_invalid_run = false;
  std::size_t pos = 0;
  const auto max_errors = static_cast<std::size_t>(std::max(options.max_errors, 1));
  while (pos < source.size() && diagnostics.size() < max_errors) {
    const int length = utf8_sequence_length(source, pos);
    if (length > 0) {
      in_invalid_run = false;
      pos += static_cast<std::size_t>(length);
      continue;
    }
    if (!in_invalid_run) {
      if (!map) map.emplace(source);
      Diagnostic diagnostic;
      diagnostic.code = kEncoding;
      diagnostic.location = map->locate(static_cast<int>(pos));
      diagnostic.message = invalid_utf8_message(source[pos]);
      diagnostics.push_back(std::move(diagnostic));
    }
    in_invalid_run = true;
    ++pos;
  }
  return diagnostics;
}

Diagnostic too_long(std::size_t length, int limit) {
  Diagnostic diagnostic;
  diagnostic.code = kLimit;
  diagnostic.location.line = 1;
  diagnostic.location.column = 1;
  diagnostic.message = "expression is too long (" + std::to_string(length) + " bytes, limit " +
                       std::to_string(limit) + ")";
  return diagnostic;
}

}  // namespace

std::vector<Diagnostic> check_source(std::string_view source, const ParseOptions& options) {
  if (source.size() > static_cast<std::size_t>(std::max(options.max_length, 0))) {
    return {too_long(source.size(), options.max_length)};
  }
  return check_encoding(source, options);
}

}  // namespace cadre::expr
