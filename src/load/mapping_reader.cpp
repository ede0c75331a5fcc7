// The strict mapping reader (mapping_reader.hpp): key tables, kinds, and the
// typed reads of one key's value.
#include "load/mapping_reader.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace cadre::load {

SourceLocation FileContext::locate(const yaml::Node& node) const {
  return SourceLocation{path(), node.mark.line, node.mark.column, node.mark.offset};
}

void FileContext::error(const yaml::Node& at, std::string_view code, std::string message,
                        std::string help) {
  diagnostics_.push_back(Diagnostic{Severity::error, std::string(code), locate(at),
                                    std::move(message), std::move(help)});
}

MappingReader::MappingReader(FileContext& context, const yaml::Node& node, std::string what,
                             const yaml::Node* anchor)
    : context_(context),
      node_(node),
      anchor_(anchor != nullptr ? *anchor : node),
      what_(std::move(what)) {
  expect_kind(context_, node_, yaml::NodeKind::mapping, what_);
}

MappingReader::MappingReader(FileContext& context, const yaml::Node& node, std::string what,
                             std::span<const KeySpec> keys, const yaml::Node* anchor)
    : MappingReader(context, node, std::move(what), anchor) {
  check_keys(keys);
}

std::string MappingReader::what_of(std::string_view key) const {
  return "`" + std::string(key) + "` of " + what_;
}

void MappingReader::check_keys(std::span<const KeySpec> keys) {
  if (!is_mapping()) return;
  for (const yaml::Node* key : keys_outside(keys))
    report_unknown_key(*key, keys);
  for (const KeySpec& spec : keys) {
    if (spec.presence == Presence::required && !has(spec.name)) report_missing_key(spec.name);
  }
}

std::vector<const yaml::Node*> MappingReader::keys_outside(std::span<const KeySpec> keys) const {
  std::vector<const yaml::Node*> outside;
  if (!is_mapping()) return outside;
  for (const auto* entry : unique_entries(node_)) {
    const bool known = std::any_of(keys.begin(), keys.end(), [&](const KeySpec& spec) {
      return spec.name == entry->first.scalar;
    });
    if (!known) outside.push_back(&entry->first);
  }
  return outside;
}

void MappingReader::report_unknown_key(const yaml::Node& key, std::span<const KeySpec> candidates) {
  std::vector<std::string_view> names;
  for (const KeySpec& spec : candidates)
    names.push_back(spec.name);
  std::string help = did_you_mean(key.scalar, names);
  if (help.empty()) help = "expected one of " + quoted_list(names);
  context_.error(key, code::load_unknown_key, "unknown key `" + key.scalar + "` in " + what_,
                 std::move(help));
}

void MappingReader::report_missing_key(std::string_view key) {
  context_.error(anchor_, code::load_missing_key,
                 "missing key `" + std::string(key) + "` in " + what_);
}

const yaml::Node* MappingReader::find(std::string_view key) const {
  return is_mapping() ? node_.find(key) : nullptr;
}

const yaml::Node* MappingReader::find_key(std::string_view key) const {
  return is_mapping() ? key_of(node_, key) : nullptr;
}

const yaml::Node* key_of(const yaml::Node& mapping, std::string_view key) {
  for (const auto& [entry_key, value] : mapping.entries) {
    if (entry_key.scalar == key) return &entry_key;
  }
  return nullptr;
}

std::optional<std::string> MappingReader::string(std::string_view key) {
  const yaml::Node* value = find(key);
  if (value == nullptr) return std::nullopt;
  return read_string(context_, *value, what_of(key));
}

bool MappingReader::boolean(std::string_view key) {
  const yaml::Node* value = find(key);
  if (value == nullptr) return false;
  return read_bool(context_, *value, what_of(key)).value_or(false);
}

std::optional<std::int64_t> MappingReader::integer(std::string_view key) {
  const yaml::Node* value = find(key);
  if (value == nullptr) return std::nullopt;
  return read_int(context_, *value, what_of(key));
}

std::optional<Date> MappingReader::date(std::string_view key) {
  const yaml::Node* value = find(key);
  if (value == nullptr) return std::nullopt;
  return read_date(context_, *value, what_of(key));
}

model::Expression MappingReader::expression(std::string_view key) {
  const yaml::Node* value = find(key);
  if (value == nullptr) return {};
  return read_expression(context_, *value, what_of(key));
}

model::Text MappingReader::text(std::string_view key) {
  const yaml::Node* value = find(key);
  if (value == nullptr) return {};
  return read_text(context_, *value, what_of(key));
}

model::Citation MappingReader::citation() {
  model::Citation citation;
  if (const yaml::Node* cite = find("cite")) {
    citation.provision = read_string(context_, *cite, what_of("cite")).value_or("");
    citation.origin = context_.origin(*cite);
  }
  citation.quote = string("quote").value_or("");
  return citation;
}

std::vector<const std::pair<yaml::Node, yaml::Node>*> unique_entries(const yaml::Node& mapping) {
  std::vector<const std::pair<yaml::Node, yaml::Node>*> entries;
  std::set<std::string_view> seen;
  for (const auto& entry : mapping.entries) {
    if (seen.insert(entry.first.scalar).second) entries.push_back(&entry);
  }
  return entries;
}

void for_each_entry(FileContext& context, const yaml::Node& section, std::string_view what,
                    const std::function<void(const yaml::Node&, const yaml::Node&)>& visit) {
  if (!expect_kind(context, section, yaml::NodeKind::mapping, what)) return;
  for (const auto* entry : unique_entries(section))
    visit(entry->first, entry->second);
}

}  // namespace cadre::load
