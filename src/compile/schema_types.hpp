// Expression types for a rule set's schema: its enumerations and record kinds
// (with the inline record types of history-list entries), and the resolution
// of type text such as "date", "list<assessment>" or "cadre_grade".
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/type.hpp"
#include "model/ruleset.hpp"

namespace cadre {

class SchemaTypes {
 public:
  /// Builds the types; problems (unknown type names, records that contain
  /// themselves) are added to `diagnostics`.
  SchemaTypes(const model::Schema& schema, const model::Origins& origins,
              std::vector<Diagnostic>& diagnostics);

  /// Built-in types, enumerations and record kinds, inside list<…> and map<string, …>.
  std::optional<Type> resolve(std::string_view text) const;
  const std::shared_ptr<const EnumType>* find_enum(std::string_view id) const;
  const std::shared_ptr<const RecordType>* find_record(std::string_view id) const;
  const std::map<std::string, std::shared_ptr<const EnumType>>& enums() const { return enums_; }

 private:
  std::shared_ptr<const RecordType> build_record(const std::string& name,
                                                 const std::vector<model::FieldDecl>& fields,
                                                 const std::vector<std::string>& keys = {});
  std::optional<Type> field_type(const std::string& record, const model::FieldDecl& field);

  const model::Schema& schema_;
  const model::Origins& origins_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, std::shared_ptr<const EnumType>> enums_;
  std::map<std::string, std::shared_ptr<const RecordType>> records_;
  std::vector<std::string> building_;  // record kinds being built, to detect containment cycles
};

}  // namespace cadre
