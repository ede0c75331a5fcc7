// The validator behind json_schema.hpp. One table lists the keywords: what
// argument each takes (checked when the schema is loaded) and the check it
// applies to an instance (run when an instance is validated).
#include "json_schema.hpp"

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string_view>

namespace cadre::testing {

namespace {

namespace json = boost::json;

constexpr std::string_view kDefsPrefix = "#/$defs/";
constexpr std::string_view kDefinitionsPrefix = "#/definitions/";  // draft-07

// The definitions a $ref names: `$defs` (2020-12) or `definitions` (draft-07).
std::string_view defs_key(std::string_view ref) {
  return ref.starts_with(kDefsPrefix) ? "$defs" : "definitions";
}

std::string_view ref_name(std::string_view ref) {
  return ref.substr(ref.starts_with(kDefsPrefix) ? kDefsPrefix.size() : kDefinitionsPrefix.size());
}
constexpr int kMaxDepth = 256;  // deeper than any real output; stops a $ref cycle

// ---------------------------------------------------------------- JSON helpers

std::string child(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

// Compact JSON text; a double in its shortest form (1.25, not Boost's 1.25E0).
std::string json_text(const json::value& value) {
  if (!value.is_double()) return json::serialize(value);
  char buffer[32];  // the shortest form of a double takes at most 24
  std::to_chars_result written =
      std::to_chars(std::begin(buffer), std::end(buffer), value.get_double());
  return std::string(buffer, written.ptr);
}

// The instance as it appears in a message: compact, in backticks, and cut
// short (on a UTF-8 character boundary) when long.
std::string shown(const json::value& value) {
  constexpr std::size_t kLimit = 60;
  std::string text = json_text(value);
  if (text.size() > kLimit) {
    std::size_t cut = kLimit - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;
    text = text.substr(0, cut) + "...";
  }
  return "`" + text + "`";
}

bool is_number(const json::value& value) {
  return value.is_int64() || value.is_uint64() || value.is_double();
}

// JSON Schema counts 1.0 as an integer: the kind of number, not its spelling.
bool is_integer(const json::value& value) {
  if (value.is_int64() || value.is_uint64()) return true;
  return value.is_double() && std::isfinite(value.get_double()) &&
         std::trunc(value.get_double()) == value.get_double();
}

double number_of(const json::value& value) {
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  return value.get_double();
}

std::string type_name(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "integer";
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "unknown";
}

bool has_type(const json::value& value, std::string_view name) {
  if (name == "integer") return is_integer(value);
  if (name == "number") return is_number(value);
  return type_name(value) == name;
}

bool is_type_name(std::string_view name) {
  for (std::string_view known :
       {"null", "boolean", "integer", "number", "string", "array", "object"}) {
    if (name == known) return true;
  }
  return false;
}

// JSON equality as JSON Schema defines it: 1 equals 1.0, key order is irrelevant.
bool json_equal(const json::value& a, const json::value& b) {
  if (is_number(a) && is_number(b)) {
    if (a.is_double() || b.is_double()) return number_of(a) == number_of(b);
    return a == b;  // Boost.JSON compares int64 with uint64 exactly
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    const json::array& left = a.get_array();
    const json::array& right = b.get_array();
    if (left.size() != right.size()) return false;
    for (std::size_t i = 0; i < left.size(); ++i) {
      if (!json_equal(left[i], right[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    const json::object& left = a.get_object();
    const json::object& right = b.get_object();
    if (left.size() != right.size()) return false;
    for (const auto& [key, value] : left) {
      const json::value* other = right.if_contains(key);
      if (other == nullptr || !json_equal(value, *other)) return false;
    }
    return true;
  }
  return a == b;
}

// ------------------------------------------------------------------ validation

class Validation;

// Where a keyword is applied: the schema object holding it and the instance.
struct Site {
  const json::object& schema;
  const json::value& instance;
  const std::string& pointer;
};

using Check = void (*)(Validation&, const Site&, const json::value& argument);

class Validation {
 public:
  Validation(const json::value& root, const std::map<std::string, std::regex>& patterns)
      : root_(root), patterns_(patterns) {}

  void run(const json::value& schema, const json::value& instance, const std::string& pointer);

  // Runs `schema` apart, so that a failed alternative of anyOf/oneOf leaves no error behind.
  std::vector<SchemaError> trial(const json::value& schema, const json::value& instance,
                                 const std::string& pointer) {
    Validation apart(root_, patterns_);
    apart.depth_ = depth_;
    apart.run(schema, instance, pointer);
    return apart.take_errors();
  }

  void fail(const std::string& pointer, std::string message) {
    errors_.push_back({pointer, std::move(message)});
  }

  // Load checked that every pattern compiles and every $ref resolves.
  const std::regex& pattern(const json::string& source) const {
    return patterns_.at(std::string(source));
  }
  const json::value& definition(const json::string& ref) const {
    return root_.get_object().at(defs_key(ref)).get_object().at(ref_name(ref));
  }

  std::vector<SchemaError> take_errors() { return std::move(errors_); }

 private:
  const json::value& root_;
  const std::map<std::string, std::regex>& patterns_;
  std::vector<SchemaError> errors_;
  int depth_ = 0;
};

void check_type(Validation& validation, const Site& site, const json::value& argument) {
  if (argument.is_string()) {
    if (!has_type(site.instance, argument.get_string())) {
      validation.fail(site.pointer, "expected " + std::string(argument.get_string()) + ", got " +
                                        type_name(site.instance));
    }
    return;
  }
  std::string names;
  for (const json::value& name : argument.get_array()) {
    if (has_type(site.instance, name.get_string())) return;
    names += (names.empty() ? "" : " or ") + std::string(name.get_string());
  }
  validation.fail(site.pointer, "expected " + names + ", got " + type_name(site.instance));
}

void check_properties(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_object()) return;
  const json::object& instance = site.instance.get_object();
  for (const auto& [key, schema] : argument.get_object()) {
    if (const json::value* value = instance.if_contains(key))
      validation.run(schema, *value, child(site.pointer, key));
  }
}

void check_required(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_object()) return;
  for (const json::value& key : argument.get_array()) {
    if (!site.instance.get_object().contains(key.get_string()))
      validation.fail(site.pointer, "missing required key `" + std::string(key.get_string()) + "`");
  }
}

void check_additional_properties(Validation& validation, const Site& site,
                                 const json::value& argument) {
  if (!site.instance.is_object()) return;
  const json::value* listed = site.schema.if_contains("properties");
  for (const auto& [key, value] : site.instance.get_object()) {
    if (listed != nullptr && listed->get_object().contains(key)) continue;
    if (argument.is_bool() && !argument.get_bool()) {
      validation.fail(child(site.pointer, key), "key `" + std::string(key) + "` is not allowed");
    } else {
      validation.run(argument, value, child(site.pointer, key));
    }
  }
}

void check_items(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_array()) return;
  const json::array& items = site.instance.get_array();
  for (std::size_t i = 0; i < items.size(); ++i)
    validation.run(argument, items[i], child(site.pointer, i));
}

void check_enum(Validation& validation, const Site& site, const json::value& argument) {
  std::string allowed;
  for (const json::value& option : argument.get_array()) {
    if (json_equal(site.instance, option)) return;
    allowed += (allowed.empty() ? "" : ", ") + json_text(option);
  }
  validation.fail(site.pointer, shown(site.instance) + " is not one of " + allowed);
}

void check_const(Validation& validation, const Site& site, const json::value& argument) {
  if (!json_equal(site.instance, argument))
    validation.fail(site.pointer, "expected " + shown(argument) + ", got " + shown(site.instance));
}

void check_ref(Validation& validation, const Site& site, const json::value& argument) {
  validation.run(validation.definition(argument.get_string()), site.instance, site.pointer);
}

// "[0] /kind: ...; [1] ...": the first error of each failed alternative, which
// is usually enough to see which one was meant.
std::string alternatives_summary(const std::vector<std::vector<SchemaError>>& failures) {
  std::string out;
  for (std::size_t i = 0; i < failures.size(); ++i) {
    if (failures[i].empty()) continue;
    out += (out.empty() ? "[" : "; [") + std::to_string(i) + "] " + to_string(failures[i][0]);
    if (failures[i].size() > 1) out += " (+" + std::to_string(failures[i].size() - 1) + " more)";
  }
  return out;
}

// Runs each alternative apart; returns the indices that passed and fills `failures`.
std::vector<std::size_t> passing_alternatives(Validation& validation, const Site& site,
                                              const json::value& argument,
                                              std::vector<std::vector<SchemaError>>& failures) {
  std::vector<std::size_t> passed;
  const json::array& alternatives = argument.get_array();
  for (std::size_t i = 0; i < alternatives.size(); ++i) {
    failures.push_back(validation.trial(alternatives[i], site.instance, site.pointer));
    if (failures.back().empty()) passed.push_back(i);
  }
  return passed;
}

void check_any_of(Validation& validation, const Site& site, const json::value& argument) {
  std::vector<std::vector<SchemaError>> failures;
  if (passing_alternatives(validation, site, argument, failures).empty()) {
    validation.fail(site.pointer,
                    "matches no alternative of anyOf: " + alternatives_summary(failures));
  }
}

void check_one_of(Validation& validation, const Site& site, const json::value& argument) {
  std::vector<std::vector<SchemaError>> failures;
  std::vector<std::size_t> passed = passing_alternatives(validation, site, argument, failures);
  if (passed.empty()) {
    validation.fail(site.pointer,
                    "matches no alternative of oneOf: " + alternatives_summary(failures));
  } else if (passed.size() > 1) {
    validation.fail(site.pointer, "matches alternatives " + std::to_string(passed[0]) + " and " +
                                      std::to_string(passed[1]) +
                                      " of oneOf; exactly one must match");
  }
}

void check_minimum(Validation& validation, const Site& site, const json::value& argument) {
  if (is_number(site.instance) && number_of(site.instance) < number_of(argument)) {
    validation.fail(site.pointer,
                    shown(site.instance) + " is less than the minimum " + json_text(argument));
  }
}

void check_min_items(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_array()) return;
  std::size_t size = site.instance.get_array().size();
  auto minimum = static_cast<std::size_t>(number_of(argument));
  if (size < minimum) {
    validation.fail(site.pointer, "has " + std::to_string(size) + " items; at least " +
                                      std::to_string(minimum) + " required");
  }
}

void check_max_items(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_array()) return;
  std::size_t size = site.instance.get_array().size();
  auto maximum = static_cast<std::size_t>(number_of(argument));
  if (size > maximum) {
    validation.fail(site.pointer, "has " + std::to_string(size) + " items; at most " +
                                      std::to_string(maximum) + " allowed");
  }
}

void check_unique_items(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_array() || !argument.get_bool()) return;
  const json::array& items = site.instance.get_array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t k = i + 1; k < items.size(); ++k) {
      if (json_equal(items[i], items[k])) {
        validation.fail(child(site.pointer, k), shown(items[k]) + " repeats item " +
                                                    std::to_string(i) + "; items are unique");
        break;
      }
    }
  }
}

void check_maximum(Validation& validation, const Site& site, const json::value& argument) {
  if (is_number(site.instance) && number_of(site.instance) > number_of(argument)) {
    validation.fail(site.pointer,
                    shown(site.instance) + " is more than the maximum " + json_text(argument));
  }
}

void check_min_properties(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_object()) return;
  std::size_t size = site.instance.get_object().size();
  if (size < static_cast<std::size_t>(number_of(argument))) {
    validation.fail(site.pointer, "has " + std::to_string(size) + " keys; at least " +
                                      json_text(argument) + " required");
  }
}

void check_max_properties(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_object()) return;
  std::size_t size = site.instance.get_object().size();
  if (size > static_cast<std::size_t>(number_of(argument))) {
    validation.fail(site.pointer, "has " + std::to_string(size) + " keys; at most " +
                                      json_text(argument) + " allowed");
  }
}

// Each key, as a string instance, against the schema; errors at the key's pointer.
void check_property_names(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_object()) return;
  for (const auto& [key, value] : site.instance.get_object()) {
    std::string pointer = child(site.pointer, key);
    for (const SchemaError& error : validation.trial(argument, json::string(key), pointer))
      validation.fail(pointer, "key: " + error.message);
  }
}

void check_all_of(Validation& validation, const Site& site, const json::value& argument) {
  for (const json::value& schema : argument.get_array())
    validation.run(schema, site.instance, site.pointer);
}

// `then` when the instance passes `if`, `else` when it does not (both optional).
void check_if(Validation& validation, const Site& site, const json::value& argument) {
  bool holds = validation.trial(argument, site.instance, site.pointer).empty();
  if (const json::value* branch = site.schema.if_contains(holds ? "then" : "else"))
    validation.run(*branch, site.instance, site.pointer);
}

void check_pattern(Validation& validation, const Site& site, const json::value& argument) {
  if (!site.instance.is_string()) return;
  const json::string& text = site.instance.get_string();
  if (!std::regex_search(text.begin(), text.end(), validation.pattern(argument.get_string()))) {
    validation.fail(site.pointer, shown(site.instance) + " does not match the pattern " +
                                      std::string(argument.get_string()));
  }
}

// ---------------------------------------------------------------- the keywords

// What a keyword's argument must be; checked when a schema is loaded.
enum class Argument {
  schema,       // a schema (object or boolean)
  schema_map,   // an object of schemas
  schema_list,  // a non-empty array of schemas
  string_list,  // an array of strings
  type,         // a type name or a non-empty array of them
  value_list,   // a non-empty array of any values
  value,        // any value
  boolean,
  number,
  count,    // an integer >= 0
  pattern,  // a string that std::regex (ECMAScript) accepts
  text,     // a string
  ref,      // "#/$defs/NAME" with NAME defined at the root
};

struct Keyword {
  std::string_view name;
  Argument argument;
  Check check;  // nullptr: an annotation, or $defs (used only through $ref)
};

constexpr Keyword kKeywords[] = {
    {"$schema", Argument::text, nullptr},
    {"$id", Argument::text, nullptr},
    {"$comment", Argument::text, nullptr},
    {"title", Argument::text, nullptr},
    {"description", Argument::text, nullptr},
    {"format", Argument::text, nullptr},
    {"default", Argument::value, nullptr},
    {"examples", Argument::value, nullptr},
    {"$defs", Argument::schema_map, nullptr},
    {"definitions", Argument::schema_map, nullptr},
    {"$ref", Argument::ref, check_ref},
    {"type", Argument::type, check_type},
    {"enum", Argument::value_list, check_enum},
    {"const", Argument::value, check_const},
    {"properties", Argument::schema_map, check_properties},
    {"required", Argument::string_list, check_required},
    {"additionalProperties", Argument::schema, check_additional_properties},
    {"items", Argument::schema, check_items},
    {"minItems", Argument::count, check_min_items},
    {"maxItems", Argument::count, check_max_items},
    {"uniqueItems", Argument::boolean, check_unique_items},
    {"minProperties", Argument::count, check_min_properties},
    {"maxProperties", Argument::count, check_max_properties},
    {"propertyNames", Argument::schema, check_property_names},
    {"minimum", Argument::number, check_minimum},
    {"maximum", Argument::number, check_maximum},
    {"pattern", Argument::pattern, check_pattern},
    {"anyOf", Argument::schema_list, check_any_of},
    {"oneOf", Argument::schema_list, check_one_of},
    {"allOf", Argument::schema_list, check_all_of},
    {"if", Argument::schema, check_if},
    {"then", Argument::schema, nullptr},  // applied by `if`
    {"else", Argument::schema, nullptr},
};

const Keyword* find_keyword(std::string_view name) {
  for (const Keyword& keyword : kKeywords) {
    if (keyword.name == name) return &keyword;
  }
  return nullptr;
}

void Validation::run(const json::value& schema, const json::value& instance,
                     const std::string& pointer) {
  if (schema.is_bool()) {
    if (!schema.get_bool()) fail(pointer, "no value is allowed here");
    return;
  }
  if (depth_ >= kMaxDepth) {
    fail(pointer, "nested deeper than " + std::to_string(kMaxDepth) + " schemas");
    return;
  }
  ++depth_;
  const Site site{schema.get_object(), instance, pointer};
  for (const auto& [name, argument] : site.schema) {
    const Keyword* keyword = find_keyword(name);
    if (keyword->check != nullptr) keyword->check(*this, site, argument);
  }
  --depth_;
}

// ------------------------------------------------------- checking the schema

// Walks a schema document and reports every keyword or argument the validator
// would not handle faithfully; compiles the patterns on the way.
class SchemaCheck {
 public:
  explicit SchemaCheck(const json::value& root) : root_(root) {}

  void schema(const json::value& schema, const std::string& pointer) {
    if (schema.is_bool()) return;
    if (!schema.is_object()) {
      issue(pointer, "a schema is an object or a boolean, not " + type_name(schema));
      return;
    }
    for (const auto& [name, argument] : schema.get_object()) {
      const Keyword* keyword = find_keyword(name);
      std::string at = child(pointer, name);
      if (keyword == nullptr) {
        issue(at, "unsupported keyword `" + std::string(name) + "`");
      } else if ((name == "$defs" || name == "definitions") && !pointer.empty()) {
        issue(at, std::string(name) + " is supported only at the root");
      } else {
        check_argument(keyword->argument, argument, at);
      }
    }
  }

  std::vector<SchemaError> issues;
  std::map<std::string, std::regex> patterns;

 private:
  void issue(const std::string& pointer, std::string message) {
    issues.push_back({pointer, std::move(message)});
  }

  void check_argument(Argument kind, const json::value& argument, const std::string& at) {
    switch (kind) {
      case Argument::schema:
        return schema(argument, at);
      case Argument::schema_map:
        return schema_map(argument, at);
      case Argument::schema_list:
        return schema_list(argument, at);
      case Argument::string_list:
        return string_list(argument, at);
      case Argument::type:
        return type(argument, at);
      case Argument::value_list:
        if (!argument.is_array() || argument.get_array().empty())
          issue(at, "expected a non-empty array");
        return;
      case Argument::value:
        return;
      case Argument::boolean:
        if (!argument.is_bool()) issue(at, "expected true or false");
        return;
      case Argument::number:
        if (!is_number(argument)) issue(at, "expected a number");
        return;
      case Argument::count:
        if (!is_integer(argument) || number_of(argument) < 0)
          issue(at, "expected a non-negative integer");
        return;
      case Argument::pattern:
        return pattern(argument, at);
      case Argument::text:
        if (!argument.is_string()) issue(at, "expected a string");
        return;
      case Argument::ref:
        return ref(argument, at);
    }
  }

  void schema_map(const json::value& argument, const std::string& at) {
    if (!argument.is_object()) return issue(at, "expected an object of schemas");
    for (const auto& [key, value] : argument.get_object())
      schema(value, child(at, key));
  }

  void schema_list(const json::value& argument, const std::string& at) {
    if (!argument.is_array() || argument.get_array().empty())
      return issue(at, "expected a non-empty array of schemas");
    const json::array& schemas = argument.get_array();
    for (std::size_t i = 0; i < schemas.size(); ++i)
      schema(schemas[i], child(at, i));
  }

  void string_list(const json::value& argument, const std::string& at) {
    if (!argument.is_array()) return issue(at, "expected an array of strings");
    for (const json::value& item : argument.get_array()) {
      if (!item.is_string()) return issue(at, "expected an array of strings");
    }
  }

  void type(const json::value& argument, const std::string& at) {
    if (argument.is_string() && is_type_name(argument.get_string())) return;
    if (argument.is_array() && !argument.get_array().empty()) {
      bool all_known = true;
      for (const json::value& name : argument.get_array())
        all_known = all_known && name.is_string() && is_type_name(name.get_string());
      if (all_known) return;
    }
    issue(at, "expected a type name or a non-empty array of type names");
  }

  void pattern(const json::value& argument, const std::string& at) {
    if (!argument.is_string()) return issue(at, "expected a string");
    std::string source(argument.get_string());
    try {
      patterns.emplace(source, std::regex(source, std::regex::ECMAScript));
    } catch (const std::regex_error& error) {
      issue(at, "not a regular expression: " + std::string(error.what()));
    }
  }

  void ref(const json::value& argument, const std::string& at) {
    if (!argument.is_string() || !(argument.get_string().starts_with(kDefsPrefix) ||
                                   argument.get_string().starts_with(kDefinitionsPrefix))) {
      return issue(at,
                   "only references of the form \"#/$defs/NAME\" or \"#/definitions/NAME\" "
                   "are supported");
    }
    const std::string_view key = defs_key(argument.get_string());
    std::string_view name = ref_name(argument.get_string());
    const json::value* defs = root_.is_object() ? root_.get_object().if_contains(key) : nullptr;
    if (defs == nullptr || !defs->is_object() || !defs->get_object().contains(name))
      issue(at, "no definition `" + std::string(name) + "` in the root's " + std::string(key));
  }

  const json::value& root_;
};

}  // namespace

std::string to_string(const SchemaError& error) {
  return (error.pointer.empty() ? "(root)" : error.pointer) + ": " + error.message;
}

JsonSchema::JsonSchema(boost::json::value document, std::map<std::string, std::regex> patterns)
    : document_(std::move(document)), patterns_(std::move(patterns)) {}

SchemaLoad JsonSchema::load(boost::json::value document) {
  SchemaCheck check(document);
  check.schema(document, "");
  SchemaLoad out;
  if (check.issues.empty()) {
    out.schema = JsonSchema(std::move(document), std::move(check.patterns));
  } else {
    out.issues = std::move(check.issues);
  }
  return out;
}

std::vector<SchemaError> JsonSchema::validate(const boost::json::value& instance) const {
  Validation validation(document_, patterns_);
  validation.run(document_, instance, "");
  return validation.take_errors();
}

SchemaLoad load_schema_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, {{"", "cannot be read"}}};
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code error;
  json::value document = json::parse(text.str(), error);
  if (error) return {std::nullopt, {{"", "not JSON: " + error.message()}}};
  return JsonSchema::load(std::move(document));
}

}  // namespace cadre::testing
