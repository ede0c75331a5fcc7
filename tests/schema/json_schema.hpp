// A small JSON Schema validator (draft 2020-12, and the draft-07 forms), for
// the tests only: it knows the keywords docs/decisions.schema.json and
// docs/ruleset.schema.json use and refuses a schema that uses any other, so
// a schema cannot lean on a check that would never run.
//
// Supported: type (a name or a list; "integer" is a number without a
// fraction), properties, required, additionalProperties (a boolean or a
// schema), propertyNames, items, minItems, maxItems, uniqueItems,
// minProperties, maxProperties, enum, const, $ref ("#/$defs/NAME" or, draft-07,
// "#/definitions/NAME"), $defs and definitions (at the root), oneOf, anyOf,
// allOf, if/then/else, minimum, maximum, pattern (std::regex ECMAScript,
// searched, not anchored), format (accepted, not checked), boolean schemas,
// and the annotations $schema, $id, $comment, title, description, default,
// examples. Keywords beside a $ref are applied too (as 2020-12 does): a
// draft-07 schema should keep only annotations there.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace cadre::testing {

/// One failure: where (a JSON pointer; "" is the whole document) and what.
struct SchemaError {
  std::string pointer;
  std::string message;
};

/// "POINTER: MESSAGE", the whole document written as "(root)".
std::string to_string(const SchemaError& error);

struct SchemaLoad;

/// A schema that has passed the keyword check, with its patterns compiled.
class JsonSchema {
 public:
  /// Checks `document` (every keyword known, every argument well formed, every
  /// $ref resolvable, every pattern a regular expression) and keeps it.
  static SchemaLoad load(boost::json::value document);

  /// Every way `instance` breaks the schema, in document order; empty when it
  /// conforms. The pointers locate the offending parts of `instance`.
  std::vector<SchemaError> validate(const boost::json::value& instance) const;

 private:
  JsonSchema(boost::json::value document, std::map<std::string, std::regex> patterns);

  boost::json::value document_;
  std::map<std::string, std::regex> patterns_;  // by their source text
};

/// The schema, or the problems (pointers into the schema) that make it unusable.
struct SchemaLoad {
  std::optional<JsonSchema> schema;
  std::vector<SchemaError> issues;
};

/// Reads, parses and loads a schema file; an unreadable file or malformed JSON
/// is an issue too.
SchemaLoad load_schema_file(const std::string& path);

}  // namespace cadre::testing
