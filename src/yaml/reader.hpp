// The reader: YAML text → located tree (node.hpp), the first stage of loading
// a rule set and the only code that sees yaml-cpp. It is stricter than
// yaml-cpp and safe on hostile input: it checks the encoding and the nesting
// before yaml-cpp runs, builds the tree from parser events (never YAML::Load,
// so that aliases are never expanded and every key is seen with its mark), and
// reports each problem as a diagnostic with file:line:col.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "diagnostics/codes.hpp"
#include "yaml/node.hpp"

namespace cadre::yaml {

/// The diagnostic codes of this stage: a closed set, stable across releases.
inline constexpr std::string_view kIoCode = code::yaml_io;              ///< the file cannot be read
inline constexpr std::string_view kEncodingCode = code::yaml_encoding;  ///< not UTF-8 text
inline constexpr std::string_view kLimitCode = code::yaml_limit;    ///< over a ReadOptions limit
inline constexpr std::string_view kSyntaxCode = code::yaml_syntax;  ///< yaml-cpp rejects the text
inline constexpr std::string_view kDocumentsCode = code::yaml_documents;  ///< a second document
inline constexpr std::string_view kAliasCode = code::yaml_alias;          ///< an alias (`*name`)
inline constexpr std::string_view kTagCode = code::yaml_tag;  ///< an explicit tag (`!!binary`)
inline constexpr std::string_view kKeyCode =
    code::yaml_key;  ///< a mapping key that is not a scalar
inline constexpr std::string_view kDuplicateKeyCode = code::yaml_duplicate_key;  ///< a repeated key

inline constexpr std::array<std::string_view, 9> kDiagnosticCodes = {
    kIoCode,    kEncodingCode, kLimitCode, kSyntaxCode,      kDocumentsCode,
    kAliasCode, kTagCode,      kKeyCode,   kDuplicateKeyCode};

/// What a file read holds, for the words of messages ("aliases are not
/// supported in rule sets", "… in records files").
enum class Content : std::uint8_t { rule_set, records };

/// Limits that keep a hostile or broken file from exhausting time, memory or
/// stack; each refusal is a `yaml.limit` diagnostic.
struct ReadOptions {
  /// Largest text accepted, in bytes.
  std::size_t max_bytes = 16 << 20;
  /// Deepest nesting of sequences and mappings (a root collection is level 1).
  int max_depth = 64;
  /// Most nodes in the tree (keys, values, items and collections all count).
  std::size_t max_nodes = 1'000'000;
  /// Largest single value (a scalar on one line, or a quoted one), in bytes:
  /// a longer one is refused from the raw text, before yaml-cpp would hold it
  /// several times over.
  std::size_t max_scalar_bytes = 16 << 20;
  /// What the file holds, for the words of messages.
  Content content = Content::rule_set;
};

/// "rule sets" or "records files", as messages name the files read.
std::string_view files_named(Content content);

/// The tree, when the text could be read to the end, and every problem found.
/// A document can come with errors (duplicate keys, aliases, tags, bad keys, a
/// second document): its tree is then still usable for further checks, with
/// an alias read as null, an entry with a bad key left out and the second
/// document ignored. Encoding, limit, syntax and I/O errors leave no document.
struct ReadResult {
  std::optional<Document> document;
  std::vector<Diagnostic> diagnostics;
};

/// Reads one YAML document from `text`; `file_name` goes into the diagnostics
/// and the Document. A UTF-8 byte-order mark at the start is skipped (offsets
/// still count it). Anchors (`&name`) are accepted and ignored; aliases are
/// errors and never expanded. The non-specific tag `!` is accepted and has no
/// effect; any other tag is an error.
ReadResult read_yaml(std::string file_name, std::string text, const ReadOptions& options = {});

/// Reads the file at `path` (a missing or unreadable file is a `yaml.io`
/// diagnostic at 1:1) and then as read_yaml().
ReadResult read_yaml_file(const std::filesystem::path& path, const ReadOptions& options = {});

}  // namespace cadre::yaml
