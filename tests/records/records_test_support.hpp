// Shared fixtures of the record-reader tests: a small schema shaped like the
// rule sets' (cadre → village → town, history lists, enums, money) and
// compact text forms of a batch so that checks compare plain strings.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "records/read_records.hpp"

namespace cadre::records::testing {

inline std::shared_ptr<const EnumType> grade_enum() {
  static const auto type = std::make_shared<const EnumType>(
      "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
      EnumOrder::descending);
  return type;
}

/// An open scale: the rule set does not fix it (a variant supplies it).
inline std::shared_ptr<const EnumType> team_grade_enum() {
  static const auto type = std::make_shared<const EnumType>(
      "team_grade", std::vector<std::string>{"好", "较好", "一般", "差"}, EnumOrder::descending,
      true);
  return type;
}

inline std::shared_ptr<const RecordType> village_type() {
  static const auto unit = std::make_shared<const EnumType>(
      "unit_kind", std::vector<std::string>{"village", "community"}, EnumOrder::unordered);
  static const auto type = std::make_shared<const RecordType>(
      "village", std::vector<FieldDecl>{{"id", Type::string()},
                                        {"kind", Type::enumeration(unit)},
                                        {"star_rating", Type::integer()}});
  return type;
}

inline std::shared_ptr<const RecordType> assessment_type() {
  static const auto type = std::make_shared<const RecordType>(
      "cadre.assessments", std::vector<FieldDecl>{{"year", Type::integer()},
                                                  {"grade", Type::enumeration(grade_enum())}});
  return type;
}

inline std::shared_ptr<const RecordType> cadre_type() {
  static const auto type = std::make_shared<const RecordType>(
      "cadre", std::vector<FieldDecl>{
                   {"id", Type::string()},
                   {"name", Type::string()},
                   {"birth_date", Type::date()},
                   {"salary", Type::decimal()},
                   {"score", Type::real()},
                   {"years", Type::integer()},
                   {"party_member", Type::boolean()},
                   {"grade", Type::enumeration(grade_enum())},
                   {"village", Type::record(village_type())},
                   {"assessments", Type::list(Type::record(assessment_type()))},
                   {"tags", Type::list(Type::string())},
                   {"allowances", Type::map(Type::string(), Type::decimal())},
                   {"note", Type::dyn()},
                   {"team_grade", Type::enumeration(team_grade_enum())},
                   {"team_grades", Type::list(Type::enumeration(team_grade_enum()))},
               });
  return type;
}

inline std::shared_ptr<const RecordType> town_type() {
  static const auto type = std::make_shared<const RecordType>(
      "town",
      std::vector<FieldDecl>{{"id", Type::string()}, {"village_cadre_count", Type::integer()}});
  return type;
}

inline RecordTypeLookup lookup() {
  return [](std::string_view kind) -> std::shared_ptr<const RecordType> {
    if (kind == "cadre") return cadre_type();
    if (kind == "village") return village_type();
    if (kind == "town") return town_type();
    return nullptr;
  };
}

inline RecordReadOptions cadre_default() {
  RecordReadOptions options;
  options.default_kind = "cadre";
  return options;
}

/// cadre_default() with the required fields of a schema: a cadre's id and
/// name, the year of each assessment, a village's id.
inline RecordReadOptions strict() {
  RecordReadOptions options = cadre_default();
  options.required = {
      {"cadre", {"id", "name"}}, {"cadre.assessments", {"year"}}, {"village", {"id"}}};
  return options;
}

inline RecordBatch read(std::string name, std::string text,
                        const RecordReadOptions& options = cadre_default()) {
  return read_records_text(std::move(name), std::move(text), RecordFormat::automatic, lookup(),
                           options);
}

/// The field `name` of a record value, rendered; "absent" when not set.
inline std::string field(const std::optional<RecordValue>& record, std::string_view name) {
  if (!record) return "unread";
  int index = record->type().find_field(name);
  if (index < 0) return "no such field";
  const Value* value = record->field(index);
  return value == nullptr ? "absent" : value->debug_string();
}

/// The field `name` of a read record, rendered; "absent" when not set.
inline std::string field(const InputRecord& record, std::string_view name) {
  return field(record.value, name);
}

/// The fields set in a record's partial value, "name=value" joined by "; ";
/// "none" when it has no partial value.
inline std::string partial(const InputRecord& record) {
  if (!record.partial) return "none";
  std::string text;
  const RecordType& type = record.partial->type();
  for (std::size_t i = 0; i < type.fields().size(); ++i) {
    const Value* value = record.partial->field(static_cast<int>(i));
    if (value == nullptr) continue;
    if (!text.empty()) text += "; ";
    text += type.fields()[i].name + "=" + value->debug_string();
  }
  return type.name() + " {" + text + "}";
}

/// "line:column field: message", one line per error.
inline std::string errors(const InputRecord& record) {
  std::string text;
  for (const RecordIssue& issue : record.errors) {
    if (!text.empty()) text += "\n";
    text += std::to_string(issue.line) + ":" + std::to_string(issue.column) + " " + issue.field +
            ": " + issue.message;
  }
  return text;
}

/// "code line:column message", one line per diagnostic.
inline std::string diagnostics(const RecordBatch& batch) {
  std::string text;
  for (const Diagnostic& diagnostic : batch.diagnostics) {
    if (!text.empty()) text += "\n";
    text += diagnostic.code + " " + std::to_string(diagnostic.location.line) + ":" +
            std::to_string(diagnostic.location.column) + " " + diagnostic.message;
  }
  return text;
}

}  // namespace cadre::records::testing
