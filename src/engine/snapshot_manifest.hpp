// A snapshot of a population's decisions (`cadre-policy snapshot`): a folder
// with a copy of the records file, the decisions as JSON Lines (what `eval`
// writes, one line per record) and a manifest, snapshot.json, that names the
// rule set (id, version, path as given, digest), the evaluation date, the
// files with their SHA-256 and the counts. The snapshot is self-contained:
// `cadre-policy test --snapshot DIR` decides the same records again and
// compares (docs/snapshots.md).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"

namespace cadre::engine {

/// The manifest's file name in the folder, and the decisions'.
inline constexpr const char* kManifestFile = "snapshot.json";
inline constexpr const char* kDecisionsFile = "decisions.jsonl";
/// `format` of every manifest, and the version this library writes and reads.
inline constexpr const char* kSnapshotFormat = "cadre-policy snapshot";
inline constexpr int kSnapshotFormatVersion = 1;

struct SnapshotManifest {
  std::string ruleset_id;
  std::string ruleset_version;
  std::string ruleset_path;  ///< as given when the snapshot was made
  std::string ruleset_digest;
  std::string as_of;           ///< YYYY-MM-DD
  std::string records_file;    ///< the copy's name in the folder
  std::string records_source;  ///< the records file as given
  std::string records_encoding = "utf-8";
  std::string records_sha256;
  std::string decisions_file = kDecisionsFile;
  std::string decisions_sha256;
  std::size_t records = 0;        ///< input records
  std::size_t decided = 0;        ///< of them, decided
  std::size_t not_evaluated = 0;  ///< of them, not evaluated (errors)
  std::size_t decisions = 0;      ///< decision results, those about no record included
};

/// The manifest as JSON, two-space indented, keys in a fixed order, ending
/// with a newline: the same snapshot gives the same bytes.
std::string manifest_json(const SnapshotManifest& manifest);

/// What a snapshot folder holds: its manifest, its decisions (one line per
/// record), and where its copy of the records is. Without a manifest, the
/// diagnostics say why.
struct SnapshotContents {
  std::optional<SnapshotManifest> manifest;
  std::vector<std::string> decisions;
  std::filesystem::path records;
  std::vector<Diagnostic> diagnostics;
};

/// Reads the snapshot in `dir`: the manifest (`snapshot.manifest` at the
/// line and column where JSON parsing stops), the decisions, and checks that
/// the records copy and the decisions have the SHA-256 the manifest records
/// (`snapshot.digest`). A folder or file that cannot be read is
/// `snapshot.io`.
SnapshotContents read_snapshot(const std::filesystem::path& dir);

/// True when `dir` holds a snapshot manifest (a snapshot may be replaced).
bool is_snapshot_folder(const std::filesystem::path& dir);

/// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

/// The bytes of `file`, or nullopt with the system's reason in `error`.
std::optional<std::string> read_file_bytes(const std::filesystem::path& file, std::string& error);

}  // namespace cadre::engine
