// The content digest every decision carries: SHA-256 over the canonical form
// of every file of the rule set (extended files included), so that two runs
// can tell whether they used the same rules.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace cadre {

/// Lowercase hex SHA-256 of `bytes` (a records file kept in a snapshot).
std::string sha256_hex(std::string_view bytes);

/// A file of the rule set that is not on disk: a root given as text.
struct GivenFile {
  std::filesystem::path name;  ///< as `files` lists it
  std::string_view text;
};

/// Lowercase hex SHA-256 over, for each file in order, its path relative to
/// `root` (with '/' separators), a newline, its text with CRLF turned into LF,
/// and a newline. Unreadable files contribute their path only. The `given`
/// file contributes its name as given and its text.
std::string ruleset_digest(const std::vector<std::filesystem::path>& files,
                           const std::filesystem::path& root, const GivenFile* given = nullptr);

}  // namespace cadre
