// The public record reader: the rule set's schema types the records (and
// says their keys and required fields), and records that do not say their
// kind take the kind most decisions are about.
#include <algorithm>
#include <cctype>

#include "cadre/records.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "records/read_records.hpp"
#include "records/schema_options.hpp"

namespace cadre {

std::optional<RecordEncoding> parse_record_encoding(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "utf-8" || lower == "utf8") return RecordEncoding::utf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312" || lower == "cp936") {
    return RecordEncoding::gb18030;
  }
  if (lower == "utf-16" || lower == "utf16") return RecordEncoding::utf16;
  return std::nullopt;
}

namespace {

/// The readers' view of the rule set's schema: its record types, keys,
/// required fields and default kind, with the caller's options.
struct SchemaReading {
  records::RecordTypeLookup types;
  records::RecordReadOptions options;
};

SchemaReading schema_reading(const CompiledRuleSet& rules, const RecordReadOptions& given) {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules);
  SchemaReading reading;
  reading.types = [&impl](std::string_view kind) {
    const auto* variable = impl.environment.find(kind);
    return variable ? variable->type.record_type_shared() : nullptr;
  };
  reading.options = records::schema_read_options(impl.rules().schema);
  static_cast<RecordReadOptions&>(reading.options) = given;
  reading.options.default_kind = records::default_record_kind(impl.rules());
  return reading;
}

}  // namespace

RecordBatch read_records(const std::filesystem::path& file, const CompiledRuleSet& rules,
                         const RecordReadOptions& given) {
  const SchemaReading reading = schema_reading(rules, given);
  RecordBatch batch = records::read_records(file, reading.types, reading.options);
  batch.source = file.string();
  return batch;
}

RecordBatch read_records(const std::filesystem::path& file, const CompiledRuleSet& rules,
                         RecordFormat format) {
  RecordReadOptions options;
  options.format = format;
  return read_records(file, rules, options);
}

RecordBatch read_records_text(std::string name, std::string text, const CompiledRuleSet& rules,
                              const RecordReadOptions& given) {
  const SchemaReading reading = schema_reading(rules, given);
  std::string source = name;
  RecordBatch batch = records::read_records_text(std::move(name), std::move(text), given.format,
                                                 reading.types, reading.options);
  batch.source = std::move(source);
  return batch;
}

}  // namespace cadre
