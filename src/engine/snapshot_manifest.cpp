// A snapshot's manifest written and read back, and the files it names
// checked against their SHA-256 (snapshot_manifest.hpp).
#include "engine/snapshot_manifest.hpp"
#include "compile/digest.hpp"

#include <openssl/evp.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <system_error>

#include "cadre/date.hpp"
#include "diagnostics/codes.hpp"
#include "engine/json_text.hpp"

namespace cadre::engine {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::string json_quoted(std::string_view text) {
  return json::serialize(json::value(json::string(text)));
}

// Checks the manifest's shape, one key at a time; every problem is kept.
class ManifestReader {
 public:
  ManifestReader(std::string file, std::vector<Diagnostic>& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  void error(std::string message, std::string help = {}) {
    diagnostics_.push_back({Severity::error,
                            code::snapshot_manifest,
                            {file_, 0, 0, 0},
                            std::move(message),
                            std::move(help)});
  }

  const json::object* object(const json::object& in, std::string_view key,
                             std::initializer_list<std::string_view> keys) {
    const json::value* value = find(in, key);
    if (value == nullptr) return nullptr;
    if (!value->is_object()) {
      error("`" + std::string(key) + "` is not an object");
      return nullptr;
    }
    const json::object& object = value->get_object();
    for (const auto& entry : object) {
      if (std::find(keys.begin(), keys.end(), std::string_view(entry.key())) == keys.end())
        error("unknown key `" + std::string(key) + "." + std::string(entry.key()) + "`");
    }
    return &object;
  }

  std::string text(const json::object* in, std::string_view key, std::string_view path) {
    const json::value* value = in ? find(*in, key, path) : nullptr;
    if (value == nullptr) return {};
    if (!value->is_string()) {
      error("`" + std::string(path) + "` is not a string");
      return {};
    }
    return std::string(value->get_string());
  }

  std::size_t count(const json::object* in, std::string_view key, std::string_view path) {
    const json::value* value = in ? find(*in, key, path) : nullptr;
    if (value == nullptr) return 0;
    if (value->is_uint64()) return static_cast<std::size_t>(value->get_uint64());
    if (value->is_int64() && value->get_int64() >= 0)
      return static_cast<std::size_t>(value->get_int64());
    error("`" + std::string(path) + "` is not a count (a whole number, 0 or more)");
    return 0;
  }

  // A file of the folder: a plain name, never a path out of it.
  std::string file_name(const json::object* in, std::string_view path) {
    std::string name = text(in, "file", path);
    if (name.empty() && in != nullptr && in->contains("file")) {
      error("`" + std::string(path) + "` is empty");
    } else if (!name.empty() &&
               (name.find('/') != std::string::npos || name.find('\\') != std::string::npos ||
                name == "." || name == ".." || name == kManifestFile)) {
      error("`" + std::string(path) + "` " + json_quoted(name) +
            " is not the name of a file in the snapshot folder");
      name.clear();
    }
    return name;
  }

 private:
  const json::value* find(const json::object& in, std::string_view key,
                          std::string_view path = {}) {
    const json::value* value = in.if_contains(key);
    if (value == nullptr) error("missing key `" + std::string(path.empty() ? key : path) + "`");
    return value;
  }

  std::string file_;
  std::vector<Diagnostic>& diagnostics_;
};

std::optional<SnapshotManifest> manifest_from(const json::value& value, ManifestReader& reader) {
  if (!value.is_object()) {
    reader.error("the manifest is not a JSON object");
    return std::nullopt;
  }
  const json::object& top = value.get_object();
  for (const auto& entry : top) {
    constexpr std::string_view kKeys[] = {"format",  "format_version", "ruleset", "as_of",
                                          "records", "decisions",      "counts"};
    if (std::find(std::begin(kKeys), std::end(kKeys), std::string_view(entry.key())) ==
        std::end(kKeys))
      reader.error("unknown key `" + std::string(entry.key()) + "`");
  }
  if (reader.text(&top, "format", "format") != kSnapshotFormat) {
    reader.error("this is not a cadre-policy snapshot manifest (`format` is not " +
                 json_quoted(kSnapshotFormat) + ")");
    return std::nullopt;
  }
  const std::size_t version = reader.count(&top, "format_version", "format_version");
  if (version != static_cast<std::size_t>(kSnapshotFormatVersion)) {
    reader.error("snapshot format version " + std::to_string(version) + " is not one this " +
                     "cadre-policy reads (" + std::to_string(kSnapshotFormatVersion) + ")",
                 "make the snapshot again with this version of cadre-policy");
    return std::nullopt;
  }
  SnapshotManifest out;
  const json::object* ruleset = reader.object(top, "ruleset", {"id", "version", "path", "digest"});
  out.ruleset_id = reader.text(ruleset, "id", "ruleset.id");
  out.ruleset_version = reader.text(ruleset, "version", "ruleset.version");
  out.ruleset_path = reader.text(ruleset, "path", "ruleset.path");
  out.ruleset_digest = reader.text(ruleset, "digest", "ruleset.digest");
  out.as_of = reader.text(&top, "as_of", "as_of");
  if (top.contains("as_of") && !Date::parse(out.as_of))
    reader.error("`as_of` " + json_quoted(out.as_of) + " is not a date YYYY-MM-DD");
  const json::object* records =
      reader.object(top, "records", {"file", "source", "encoding", "sha256"});
  out.records_file = reader.file_name(records, "records.file");
  out.records_source = reader.text(records, "source", "records.source");
  out.records_encoding = reader.text(records, "encoding", "records.encoding");
  out.records_sha256 = reader.text(records, "sha256", "records.sha256");
  const json::object* decisions = reader.object(top, "decisions", {"file", "sha256"});
  out.decisions_file = reader.file_name(decisions, "decisions.file");
  out.decisions_sha256 = reader.text(decisions, "sha256", "decisions.sha256");
  const json::object* counts =
      reader.object(top, "counts", {"records", "decided", "not_evaluated", "decisions"});
  out.records = reader.count(counts, "records", "counts.records");
  out.decided = reader.count(counts, "decided", "counts.decided");
  out.not_evaluated = reader.count(counts, "not_evaluated", "counts.not_evaluated");
  out.decisions = reader.count(counts, "decisions", "counts.decisions");
  return out;
}

// The bytes of a file the manifest names, checked against its digest.
std::optional<std::string> checked_file(const fs::path& file, const std::string& sha256,
                                        std::vector<Diagnostic>& diagnostics) {
  std::string reason;
  auto bytes = read_file_bytes(file, reason);
  if (!bytes) {
    diagnostics.push_back({Severity::error,
                           code::snapshot_io,
                           {file.string(), 0, 0, 0},
                           "cannot read `" + file.string() + "`: " + reason,
                           "the manifest names it: the snapshot is incomplete"});
    return std::nullopt;
  }
  if (sha256_hex(*bytes) != sha256) {
    diagnostics.push_back({Severity::error,
                           code::snapshot_digest,
                           {file.string(), 0, 0, 0},
                           "`" + file.string() +
                               "` is not the file the snapshot was made with: its SHA-256 is " +
                               sha256_hex(*bytes) + ", the manifest records " + sha256,
                           "a snapshot is not edited: make it again with `cadre-policy snapshot`"});
    return std::nullopt;
  }
  return bytes;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

std::string manifest_json(const SnapshotManifest& m) {
  auto field = [](std::string_view key, const std::string& value, bool last = false) {
    return "    " + json_quoted(key) + ": " + json_quoted(value) + (last ? "\n" : ",\n");
  };
  auto number = [](std::string_view key, std::size_t value, bool last = false) {
    return "    " + json_quoted(key) + ": " + std::to_string(value) + (last ? "\n" : ",\n");
  };
  return "{\n  \"format\": " + json_quoted(kSnapshotFormat) +
         ",\n  \"format_version\": " + std::to_string(kSnapshotFormatVersion) +
         ",\n  \"ruleset\": {\n" + field("id", m.ruleset_id) + field("version", m.ruleset_version) +
         field("path", m.ruleset_path) + field("digest", m.ruleset_digest, true) +
         "  },\n  \"as_of\": " + json_quoted(m.as_of) + ",\n  \"records\": {\n" +
         field("file", m.records_file) + field("source", m.records_source) +
         field("encoding", m.records_encoding) + field("sha256", m.records_sha256, true) +
         "  },\n  \"decisions\": {\n" + field("file", m.decisions_file) +
         field("sha256", m.decisions_sha256, true) + "  },\n  \"counts\": {\n" +
         number("records", m.records) + number("decided", m.decided) +
         number("not_evaluated", m.not_evaluated) + number("decisions", m.decisions, true) +
         "  }\n}\n";
}

SnapshotContents read_snapshot(const fs::path& dir) {
  SnapshotContents out;
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    const bool exists = fs::exists(dir, error);
    out.diagnostics.push_back(
        {Severity::error,
         code::snapshot_io,
         {dir.string(), 0, 0, 0},
         "cannot read the snapshot `" + dir.string() +
             "`: " + std::strerror(exists ? ENOTDIR : ENOENT),
         "a snapshot is the folder `cadre-policy snapshot RULESET RECORDS DIR` writes"});
    return out;
  }
  const fs::path manifest_path = dir / kManifestFile;
  std::string reason;
  auto text = read_file_bytes(manifest_path, reason);
  if (!text) {
    out.diagnostics.push_back(
        {Severity::error,
         code::snapshot_io,
         {manifest_path.string(), 0, 0, 0},
         "cannot read the snapshot manifest `" + manifest_path.string() + "`: " + reason,
         "a snapshot is the folder `cadre-policy snapshot RULESET RECORDS DIR` writes"});
    return out;
  }
  JsonRead parsed = parse_json(*text);
  if (!parsed.value) {
    out.diagnostics.push_back({Severity::error,
                               code::snapshot_manifest,
                               location_in(manifest_path.string(), *text, parsed.error_offset),
                               "the snapshot manifest is not JSON: " + parsed.error,
                               {}});
    return out;
  }
  ManifestReader reader(manifest_path.string(), out.diagnostics);
  std::optional<SnapshotManifest> manifest = manifest_from(*parsed.value, reader);
  if (!manifest || has_errors(out.diagnostics)) return out;
  auto decisions =
      checked_file(dir / manifest->decisions_file, manifest->decisions_sha256, out.diagnostics);
  out.records = dir / manifest->records_file;
  checked_file(out.records, manifest->records_sha256, out.diagnostics);
  if (!decisions || has_errors(out.diagnostics)) return out;
  out.decisions = lines_of(*decisions);
  out.manifest = std::move(manifest);
  return out;
}

bool is_snapshot_folder(const fs::path& dir) {
  std::error_code error;
  return fs::is_regular_file(dir / kManifestFile, error);
}

std::string sha256_hex(std::string_view bytes) {
  return cadre::sha256_hex(bytes);
}

std::optional<std::string> read_file_bytes(const fs::path& file, std::string& error) {
  std::error_code status;
  if (fs::is_directory(file, status)) {
    error = std::strerror(EISDIR);
    return std::nullopt;
  }
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = std::strerror(errno != 0 ? errno : ENOENT);
    return std::nullopt;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = std::strerror(EIO);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace cadre::engine
