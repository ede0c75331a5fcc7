// The checks on a whole expression text before it is lexed: its length, and
// that it is valid UTF-8 (the lexer relies on both).
#pragma once

#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "expr/parser.hpp"

namespace cadre::expr {

/// Diagnostics for a text longer than max_length, or else for each run of
/// bytes that is not valid UTF-8 (up to max_errors); empty when it may be parsed.
std::vector<Diagnostic> check_source(std::string_view source, const ParseOptions& options);

}  // namespace cadre::expr
