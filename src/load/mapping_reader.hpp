// The strict reader every section of a rule set is read with: one YAML mapping
// at a time, its allowed keys given as a table, and typed reads of scalars.
// Every unknown key, missing key, wrong node kind and malformed scalar becomes
// a diagnostic with file:line:col; a read never stops the caller: it returns
// what it could read (or nothing) and the caller goes on, so that all problems
// are reported at once.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/diagnostic.hpp"
#include "diagnostics/codes.hpp"
#include "load/names.hpp"
#include "model/origin.hpp"
#include "model/ruleset.hpp"
#include "yaml/node.hpp"

namespace cadre::load {

/// The file being read: where its diagnostics go and where the origins of its
/// nodes are registered.
class FileContext {
 public:
  FileContext(model::Origins& origins, std::vector<Diagnostic>& diagnostics, std::int32_t file)
      : origins_(origins), diagnostics_(diagnostics), file_(file) {}

  /// The path of the file as the user wrote it (relative to the current directory).
  const std::string& path() const { return origins_.document(file_).file; }
  /// Registers `node` (owned by this file's document) in the side table.
  model::OriginId origin(const yaml::Node& node) { return origins_.add(file_, node); }
  SourceLocation locate(const yaml::Node& node) const;

  void error(const yaml::Node& at, std::string_view code, std::string message,
             std::string help = {});

 private:
  model::Origins& origins_;
  std::vector<Diagnostic>& diagnostics_;
  std::int32_t file_;
};

enum class Presence : std::uint8_t { optional, required };

/// One allowed key of a mapping.
struct KeySpec {
  std::string_view name;
  Presence presence = Presence::optional;
};

/// One mapping, checked against its key table. `what` names it in messages,
/// e.g. "parameter `hy.warning_period`".
class MappingReader {
 public:
  /// Checks the node kind only; the caller checks the keys (see check_keys).
  /// Missing keys are reported at `anchor` (the entry's key) when given.
  MappingReader(FileContext& context, const yaml::Node& node, std::string what,
                const yaml::Node* anchor = nullptr);
  /// Checks the node kind and the keys against `keys`.
  MappingReader(FileContext& context, const yaml::Node& node, std::string what,
                std::span<const KeySpec> keys, const yaml::Node* anchor = nullptr);

  bool is_mapping() const { return node_.kind == yaml::NodeKind::mapping; }
  const yaml::Node& node() const { return node_; }
  const yaml::Node& anchor() const { return anchor_; }
  const std::string& what() const { return what_; }
  FileContext& context() { return context_; }
  /// "`key` of <what>", for messages about one value.
  std::string what_of(std::string_view key) const;

  /// Reports keys not in `keys` (with a "did you mean") and absent required keys.
  void check_keys(std::span<const KeySpec> keys);
  /// The key nodes not in `keys`, each key once, in file order.
  std::vector<const yaml::Node*> keys_outside(std::span<const KeySpec> keys) const;
  void report_unknown_key(const yaml::Node& key, std::span<const KeySpec> candidates);
  void report_missing_key(std::string_view key);

  /// The value of `key`, or nullptr when absent (or the node is not a mapping).
  const yaml::Node* find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }
  /// The key node of `key`, or nullptr.
  const yaml::Node* find_key(std::string_view key) const;

  std::optional<std::string> string(std::string_view key);
  /// `true`/`false`; false when absent.
  bool boolean(std::string_view key);
  std::optional<std::int64_t> integer(std::string_view key);
  std::optional<Date> date(std::string_view key);
  model::Expression expression(std::string_view key);
  model::Text text(std::string_view key);
  /// `cite` and `quote`.
  model::Citation citation();

 private:
  FileContext& context_;
  const yaml::Node& node_;
  const yaml::Node& anchor_;
  std::string what_;
};

// ---- reads of single nodes ---------------------------------------------------

/// "a mapping", "a sequence", "a scalar", "nothing": how messages name a kind.
std::string_view kind_name(yaml::NodeKind kind);
/// Reports a node of the wrong kind; true when the kind is right.
bool expect_kind(FileContext& context, const yaml::Node& node, yaml::NodeKind kind,
                 std::string_view what);

std::optional<std::string> read_string(FileContext& context, const yaml::Node& node,
                                       std::string_view what);
std::optional<bool> read_bool(FileContext& context, const yaml::Node& node, std::string_view what);
std::optional<std::int64_t> read_int(FileContext& context, const yaml::Node& node,
                                     std::string_view what);
/// Strict YYYY-MM-DD and a real day ("load.date" otherwise).
std::optional<Date> read_date(FileContext& context, const yaml::Node& node, std::string_view what);
/// Exact decimal text, kept as written ("1.20").
std::optional<std::string> read_decimal(FileContext& context, const yaml::Node& node,
                                        std::string_view what);
/// A non-empty scalar, with its origin set to the scalar node.
model::Expression read_expression(FileContext& context, const yaml::Node& node,
                                  std::string_view what);
/// `{zh, en}`, with the origins of both scalars.
model::Text read_text(FileContext& context, const yaml::Node& node, std::string_view what);
/// A sequence of strings; duplicates are reported ("load.duplicate_value").
std::vector<std::string> read_string_list(FileContext& context, const yaml::Node& node,
                                          std::string_view what);
/// One of `allowed` ("load.bad_value" with a "did you mean" otherwise).
std::optional<std::size_t> read_choice(FileContext& context, const yaml::Node& node,
                                       std::string_view what,
                                       std::span<const std::string_view> allowed);

/// Reports a bad name ("load.bad_id"): `what` names the thing, e.g. "field name".
/// True when `text` is a name (see names.hpp).
bool check_name(FileContext& context, const yaml::Node& at, std::string_view text,
                std::string_view what);
/// The same for ids made of names joined by `.`, e.g. "parameter id".
bool check_dotted_id(FileContext& context, const yaml::Node& at, std::string_view text,
                     std::string_view what);

/// The key node of `key` in `mapping`, or nullptr.
const yaml::Node* key_of(const yaml::Node& mapping, std::string_view key);
/// The entries of a mapping, each key once (the reader reports repeated keys).
std::vector<const std::pair<yaml::Node, yaml::Node>*> unique_entries(const yaml::Node& mapping);
/// Calls `visit(key, value)` for each entry of an id-keyed section (each key
/// once), after checking that the section is a mapping.
void for_each_entry(FileContext& context, const yaml::Node& section, std::string_view what,
                    const std::function<void(const yaml::Node&, const yaml::Node&)>& visit);

}  // namespace cadre::load
