// Tests of the test-only JSON Schema validator (each keyword passing and
// failing, with the pointer of the failure; schemas it must refuse) and of
// docs/decisions.schema.json against hand-written output lines, valid ones and
// lines each broken in one way.
#include <doctest/doctest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "json_schema.hpp"

namespace cadre::testing {
namespace {

namespace json = boost::json;

std::string joined(const std::vector<SchemaError>& errors) {
  std::string out;
  for (const SchemaError& error : errors)
    out += (out.empty() ? "" : "\n") + to_string(error);
  return out;
}

JsonSchema schema_of(std::string_view text) {
  SchemaLoad load = JsonSchema::load(json::parse(text));
  INFO(joined(load.issues));
  REQUIRE(load.schema.has_value());
  return *load.schema;
}

// The errors of `instance` against `schema`, one "pointer: message" per line.
std::string errors(std::string_view schema, std::string_view instance) {
  return joined(schema_of(schema).validate(json::parse(instance)));
}

// Why `schema` is refused, one "pointer: message" per line.
std::string issues(std::string_view schema) {
  return joined(JsonSchema::load(json::parse(schema)).issues);
}

// ------------------------------------------------------------------ keywords

TEST_CASE("type: names, lists of names, integer as a number without a fraction") {
  CHECK(errors(R"({"type": "string"})", R"("x")") == "");
  CHECK(errors(R"({"type": "string"})", "1") == "(root): expected string, got integer");
  CHECK(errors(R"({"type": "integer"})", "3") == "");
  CHECK(errors(R"({"type": "integer"})", "3.0") == "");
  CHECK(errors(R"({"type": "integer"})", "3.5") == "(root): expected integer, got number");
  CHECK(errors(R"({"type": "number"})", "3") == "");
  CHECK(errors(R"({"type": "null"})", "null") == "");
  CHECK(errors(R"({"type": "boolean"})", "0") == "(root): expected boolean, got integer");
  CHECK(errors(R"({"type": "array"})", "{}") == "(root): expected array, got object");
  CHECK(errors(R"({"type": ["string", "null"]})", "null") == "");
  CHECK(errors(R"({"type": ["string", "null"]})", "[]") ==
        "(root): expected string or null, got array");
}

TEST_CASE("properties: each listed key that is present; pointers escape ~ and /") {
  const char* schema =
      R"({"properties": {"a": {"type": "string"}, "b/c": {"type": "string"},
                         "d~e": {"properties": {"f": {"type": "null"}}}}})";
  CHECK(errors(schema, R"({"a": "x", "other": 1})") == "");
  CHECK(errors(schema, "[1]") == "");  // properties constrain objects only
  CHECK(errors(schema, R"({"a": 1})") == "/a: expected string, got integer");
  CHECK(errors(schema, R"({"b/c": 1})") == "/b~1c: expected string, got integer");
  CHECK(errors(schema, R"({"d~e": {"f": 0}})") == "/d~0e/f: expected null, got integer");
}

TEST_CASE("required: every missing key is named at the object's pointer") {
  const char* schema = R"({"required": ["a", "b"], "properties": {"inner": {"required": ["c"]}}})";
  CHECK(errors(schema, R"({"a": 1, "b": null})") == "");
  CHECK(errors(schema, R"({"b": 1})") == "(root): missing required key `a`");
  CHECK(errors(schema, R"({"a": 1, "b": 2, "inner": {}})") == "/inner: missing required key `c`");
  CHECK(errors(schema, "{}") ==
        "(root): missing required key `a`\n(root): missing required key `b`");
}

TEST_CASE("additionalProperties: false names the unlisted key; a schema applies to it") {
  const char* closed = R"({"properties": {"a": true}, "additionalProperties": false})";
  CHECK(errors(closed, R"({"a": 1})") == "");
  CHECK(errors(closed, R"({"a": 1, "extra": 2})") == "/extra: key `extra` is not allowed");
  const char* typed = R"({"properties": {"a": true}, "additionalProperties": {"type": "integer"}})";
  CHECK(errors(typed, R"({"a": "listed", "n": 2})") == "");
  CHECK(errors(typed, R"({"a": "listed", "n": "two"})") == "/n: expected integer, got string");
  CHECK(errors(R"({"additionalProperties": true})", R"({"any": [1]})") == "");
  CHECK(errors(R"({"additionalProperties": false})", R"({"x": 1})") ==
        "/x: key `x` is not allowed");
}

TEST_CASE("items: every item, at its index") {
  const char* schema = R"({"items": {"properties": {"name": {"type": "string"}}}})";
  CHECK(errors(schema, R"([{"name": "a"}, {}])") == "");
  CHECK(errors(schema, R"([{"name": "a"}, {"name": 2}])") ==
        "/1/name: expected string, got integer");
  CHECK(errors(R"({"items": false})", "[]") == "");
  CHECK(errors(R"({"items": false})", "[7]") == "/0: no value is allowed here");
}

TEST_CASE("enum and const: JSON equality (1 equals 1.0, key order irrelevant)") {
  CHECK(errors(R"({"enum": ["a", 1, null]})", "1.0") == "");
  CHECK(errors(R"({"enum": ["a", 1, null]})", "null") == "");
  CHECK(errors(R"({"enum": ["a", 1, null]})", R"("b")") ==
        "(root): `\"b\"` is not one of \"a\", 1, null");
  CHECK(errors(R"({"const": {"x": [1, 2], "y": true}})", R"({"y": true, "x": [1, 2]})") == "");
  CHECK(errors(R"({"const": {"x": [1, 2]}})", R"({"x": [2, 1]})") ==
        "(root): expected `{\"x\":[1,2]}`, got `{\"x\":[2,1]}`");
  CHECK(errors(R"({"const": true})", "1") == "(root): expected `true`, got `1`");
}

TEST_CASE("$ref to #/$defs: recursive definitions keep the instance's pointer") {
  const char* schema = R"({
    "$ref": "#/$defs/Node",
    "$defs": {"Node": {"type": "object", "required": ["id"],
                       "properties": {"id": {"type": "string"},
                                      "children": {"items": {"$ref": "#/$defs/Node"}}}}}})";
  CHECK(errors(schema, R"({"id": "a", "children": [{"id": "b", "children": [{"id": "c"}]}]})") ==
        "");
  CHECK(errors(schema, R"({"id": "a", "children": [{"id": "b", "children": [{"id": 3}, {}]}]})") ==
        "/children/0/children/0/id: expected string, got integer\n"
        "/children/0/children/1: missing required key `id`");
}

TEST_CASE("oneOf: exactly one alternative; the failures of each are summarised") {
  const char* schema = R"({"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 10}]})";
  CHECK(errors(schema, "2") == "");
  CHECK(errors(schema, "10.5") == "");
  CHECK(errors(schema, "12") ==
        "(root): matches alternatives 0 and 1 of oneOf; exactly one must match");
  CHECK(errors(schema, R"("x")") ==
        "(root): matches no alternative of oneOf: [0] (root): expected integer, got string; "
        "[1] (root): expected number, got string");
}

TEST_CASE("anyOf: at least one alternative; a failed one leaves no error behind") {
  const char* schema = R"({"properties": {"v": {"anyOf": [{"type": "null"},
                                                          {"required": ["a", "b"]}]}}})";
  CHECK(errors(schema, R"({"v": null})") == "");
  CHECK(errors(schema, R"({"v": {"a": 1, "b": 2}})") == "");
  CHECK(errors(schema, R"({"v": {}})") ==
        "/v: matches no alternative of anyOf: [0] /v: expected null, got object; "
        "[1] /v: missing required key `a` (+1 more)");
}

TEST_CASE("minimum and minItems; other types pass untouched") {
  CHECK(errors(R"({"minimum": 0})", "0") == "");
  CHECK(errors(R"({"minimum": 0})", "-1") == "(root): `-1` is less than the minimum 0");
  CHECK(errors(R"({"minimum": 1.5})", "1.25") == "(root): `1.25` is less than the minimum 1.5");
  CHECK(errors(R"({"minimum": 0})", R"("-1")") == "");
  CHECK(errors(R"({"minItems": 2})", "[1, 2]") == "");
  CHECK(errors(R"({"minItems": 2})", "[1]") == "(root): has 1 items; at least 2 required");
  CHECK(errors(R"({"minItems": 2})", "{}") == "");
}

TEST_CASE("pattern: searched (not anchored) with ECMAScript syntax; strings only") {
  CHECK(errors(R"({"pattern": "[0-9]{2}"})", R"("ab12cd")") == "");
  CHECK(errors(R"({"pattern": "^[0-9]{2}$"})", R"("ab12cd")") ==
        "(root): `\"ab12cd\"` does not match the pattern ^[0-9]{2}$");
  CHECK(errors(R"({"pattern": "^a:.+$"})", R"("a:优秀")") == "");
  CHECK(errors(R"({"pattern": "^x$"})", "12") == "");
}

TEST_CASE("long values are cut short in messages, on a character boundary") {
  std::string long_text = "\"" + std::string(56, 'a') + "优秀优秀\"";
  std::string message = errors(R"({"enum": ["b"]})", long_text);
  CHECK(message == "(root): `\"" + std::string(56, 'a') + "...` is not one of \"b\"");
}

TEST_CASE("format and the annotations are accepted and check nothing") {
  const char* schema = R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
                           "$id": "x", "$comment": "c", "title": "t", "description": "d",
                           "format": "date"})";
  CHECK(errors(schema, R"("not a date")") == "");
}

TEST_CASE("boolean schemas: true accepts anything, false nothing") {
  CHECK(errors("true", R"({"a": [1]})") == "");
  CHECK(errors("false", "null") == "(root): no value is allowed here");
}

// ---------------------------------------------------------- refused schemas

TEST_CASE("a schema using an unsupported keyword is refused, with the keyword's pointer") {
  CHECK(issues(R"({"properties": {"a": {"type": "string", "maxLength": 3}}})") ==
        "/properties/a/maxLength: unsupported keyword `maxLength`");
  CHECK(issues(R"({"not": true, "dependencies": {}})") ==
        "/not: unsupported keyword `not`\n/dependencies: unsupported keyword `dependencies`");
  CHECK(issues(R"({"items": {"prefixItems": []}})") ==
        "/items/prefixItems: unsupported keyword `prefixItems`");
}

TEST_CASE("malformed arguments are refused") {
  CHECK(issues(R"({"type": "float"})") ==
        "/type: expected a type name or a non-empty array of type names");
  CHECK(issues(R"({"type": []})") ==
        "/type: expected a type name or a non-empty array of type names");
  CHECK(issues(R"({"required": ["a", 1]})") == "/required: expected an array of strings");
  CHECK(issues(R"({"minItems": -1})") == "/minItems: expected a non-negative integer");
  CHECK(issues(R"({"minimum": "0"})") == "/minimum: expected a number");
  CHECK(issues(R"({"enum": []})") == "/enum: expected a non-empty array");
  CHECK(issues(R"({"anyOf": []})") == "/anyOf: expected a non-empty array of schemas");
  CHECK(issues(R"({"oneOf": [1]})") == "/oneOf/0: a schema is an object or a boolean, not integer");
  CHECK(issues(R"({"properties": {"a": "string"}})") ==
        "/properties/a: a schema is an object or a boolean, not string");
  CHECK(issues(R"({"pattern": "(unclosed"})").starts_with("/pattern: not a regular expression: "));
  CHECK(issues(R"({"description": 3})") == "/description: expected a string");
}

TEST_CASE("$ref must name a root $defs entry; $defs lives only at the root") {
  CHECK(issues(R"({"$ref": "#/definitions/A"})") ==
        "/$ref: no definition `A` in the root's definitions");
  CHECK(issues(R"({"$ref": "other.json#/$defs/A"})") ==
        "/$ref: only references of the form \"#/$defs/NAME\" or \"#/definitions/NAME\" are "
        "supported");
  CHECK(issues(R"({"$ref": "#/$defs/B", "$defs": {"A": true}})") ==
        "/$ref: no definition `B` in the root's $defs");
  CHECK(issues(R"({"items": {"$defs": {"A": true}}})") ==
        "/items/$defs: $defs is supported only at the root");
  CHECK(issues(R"({"$defs": {"A": {"bogus": 1}}})") ==
        "/$defs/A/bogus: unsupported keyword `bogus`");
}

TEST_CASE("draft-07: definitions and #/definitions/NAME refs, at the root only") {
  const char* schema =
      R"({"$ref": "#/definitions/A", "definitions": {"A": {"type": "array", "items": {"$ref": "#/definitions/B"}}, "B": {"type": "integer"}}})";
  CHECK(errors(schema, "[1, 2]") == "");
  CHECK(errors(schema, R"([1, "x"])") == "/1: expected integer, got string");
  CHECK(issues(R"({"items": {"definitions": {"A": true}}})") ==
        "/items/definitions: definitions is supported only at the root");
}

TEST_CASE("maxItems, uniqueItems, maximum, minProperties, maxProperties") {
  CHECK(errors(R"({"maxItems": 2})", "[1, 2]") == "");
  CHECK(errors(R"({"maxItems": 2})", "[1, 2, 3]") == "(root): has 3 items; at most 2 allowed");
  CHECK(errors(R"({"uniqueItems": true})", R"([1, "1", 2.0])") == "");
  CHECK(errors(R"({"uniqueItems": true})", "[1, 2, 1.0]") ==
        "/2: `1` repeats item 0; items are unique");
  CHECK(errors(R"({"uniqueItems": false})", "[1, 1]") == "");
  CHECK(errors(R"({"maximum": 18})", "18") == "");
  CHECK(errors(R"({"maximum": 18})", "19") == "(root): `19` is more than the maximum 18");
  CHECK(errors(R"({"minProperties": 1})", "{}") == "(root): has 0 keys; at least 1 required");
  CHECK(errors(R"({"maxProperties": 1})", R"({"a": 1, "b": 2})") ==
        "(root): has 2 keys; at most 1 allowed");
  CHECK(errors(R"({"maxProperties": 1})", "[1, 2]") == "");
  CHECK(issues(R"({"uniqueItems": 1})") == "/uniqueItems: expected true or false");
}

TEST_CASE("propertyNames: every key as a string, the failure at the key's pointer") {
  const char* schema = R"({"propertyNames": {"pattern": "^[a-z]+$"}})";
  CHECK(errors(schema, R"({"ab": 1, "c": 2})") == "");
  CHECK(errors(schema, R"({"ab": 1, "C2": 2})") ==
        "/C2: key: `\"C2\"` does not match the pattern ^[a-z]+$");
}

TEST_CASE("allOf: every schema; if/then/else: the branch the instance's `if` picks") {
  CHECK(errors(R"({"allOf": [{"type": "integer"}, {"minimum": 3}]})", "2") ==
        "(root): `2` is less than the minimum 3");
  const char* schema =
      R"({"if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"properties": {"b": false}}})";
  CHECK(errors(schema, R"({"a": 1, "b": 2})") == "");
  CHECK(errors(schema, R"({"a": 1})") == "(root): missing required key `b`");
  CHECK(errors(schema, R"({"c": 1})") == "");
  CHECK(errors(schema, R"({"b": 1})") == "/b: no value is allowed here");
  CHECK(errors(R"({"if": {"required": ["a"]}})", "{}") == "");  // no branches: nothing
  CHECK(errors(R"({"then": false})", "{}") == "");  // without `if`, `then` is not applied
}

TEST_CASE("default and examples are annotations") {
  CHECK(errors(R"({"default": 3, "examples": ["x"], "type": "string"})", R"("y")") == "");
}

TEST_CASE("a $ref cycle ends in an error, not a crash") {
  const char* schema = R"({"$ref": "#/$defs/A", "$defs": {"A": {"$ref": "#/$defs/A"}}})";
  CHECK(errors(schema, "1") == "(root): nested deeper than 256 schemas");
}

TEST_CASE("load_schema_file: unreadable or malformed files are issues") {
  SchemaLoad missing = load_schema_file("/nonexistent/schema.json");
  CHECK_FALSE(missing.schema.has_value());
  CHECK(joined(missing.issues) == "(root): cannot be read");

  std::filesystem::path path = std::filesystem::temp_directory_path() / "json_schema_test.json";
  std::ofstream(path) << "{\"type\": ";
  SchemaLoad malformed = load_schema_file(path.string());
  std::filesystem::remove(path);
  CHECK_FALSE(malformed.schema.has_value());
  CHECK(joined(malformed.issues).starts_with("(root): not JSON: "));
}

// -------------------------------------------------- docs/decisions.schema.json

const JsonSchema& decisions_schema() {
  static const JsonSchema schema = [] {
    SchemaLoad load = load_schema_file(CADRE_DECISIONS_SCHEMA);
    INFO(joined(load.issues));
    REQUIRE(load.schema.has_value());
    return *load.schema;
  }();
  return schema;
}

constexpr std::string_view kEligible = R"json({
  "kind": "eligibility", "outcome": "eligible", "value": true, "cite": "HY-BEN-01",
  "reasons": [{"id": "", "status": "passed", "children": [
    {"id": "three_years_excellent", "status": "passed", "cite": "HY-BEN-01",
     "expression": "cadre.excellent_years >= 3",
     "message": {"zh": "连续三年评为优秀", "en": "graded 优秀 three years running"},
     "facts": {"cadre.excellent_years": 3, "hy.min_years": 3}},
    {"id": "income", "status": "failed", "soft": true,
     "expression": "village.collective_income >= hy.income_min",
     "facts": {"village.collective_income": "80000.00", "hy.income_min": "100000.00"},
     "hint": {"kind": "shortfall", "amount": "20000.00",
              "message": {"zh": "集体收入差20000元", "en": "collective income is 20,000 yuan short"}}},
    {"id": "tenure", "status": "failed", "hint": {"kind": "date", "date": "2019-03-01",
     "message": {"zh": "满3年于2019-03-01", "en": "3 years in post on 2019-03-01"}}},
    {"id": "grade", "status": "failed", "hint": {"kind": "values", "values": ["优秀", "称职"],
     "message": {"zh": "等次为优秀或称职", "en": "graded 优秀 or 称职"}}},
    {"id": "ranking", "status": "failed", "hint": {"kind": "rank", "rank": 7,
     "message": {"zh": "排名前7", "en": "rank 7 or better"}}}]}],
  "missing": [], "undetermined": [], "flags": ["discretionary", "through:2020-12-31"]})json";

constexpr std::string_view kUndetermined = R"json({
  "kind": "exit", "outcome": "undetermined", "value": null, "cite": "HY-OTHER-01",
  "reasons": [{"id": "", "status": "unknown", "children": [
    {"id": "suspected", "status": "unknown", "expression": "cadre.suspected_violation",
     "missing": ["cadre.suspected_violation"]},
    {"id": "ratio", "status": "unknown", "expression": "a / b", "error": "division by zero"}]}],
  "missing": ["cadre.suspected_violation"],
  "undetermined": ["missing_fact:cadre.suspected_violation", "conflicting_facts:cadre.birth_date",
                   "unspecified_parameter:hy.perf_multiplier.称职", "unenumerated_list:hy.red_lines",
                   "truncated_text", "ambiguous_reading:hy.referral_scope", "tie_at_cap",
                   "error:division by zero"],
  "flags": []})json";

constexpr std::string_view kPay = R"json({
  "kind": "pay", "outcome": "computed", "value": "3600.00", "cite": "HY-PAY-02",
  "reasons": [], "missing": [], "undetermined": [], "flags": ["derived"],
  "components": [
    {"id": "baseline", "formula": "cadre.baseline_performance_pay", "value": "3000.00",
     "cite": "HY-PAY-01"},
    {"id": "performance", "formula": "round(baseline * hy.perf_multiplier[grade], 2)",
     "value": "3600.00", "rounding": {"places": 2, "mode": "half_up"},
     "parameters": {"hy.perf_multiplier.优秀": "1.2"}},
    {"id": "allowance", "formula": "hy.allowance", "value": null}]})json";

constexpr std::string_view kAllocation = R"json({
  "kind": "allocation", "outcome": "eligible", "value": true, "cite": "HY-ASSESS-03",
  "reasons": [], "missing": [], "undetermined": [], "flags": [],
  "cohort": {"group": "town:t1", "size": 23, "candidates": 6, "rank": 4, "quota": 4,
             "quota_rule": "floor(0.2 × 23) = 4", "tier": 1, "tied_with": ["c7"],
             "tie_break": ["score", "birth_date"], "rank_needed": 4,
             "message": {"zh": "全镇23人中排第4名，名额4", "en": "rank 4 of 23 in the town; quota 4"}}})json";

constexpr std::string_view kRange = R"json({
  "kind": "pay", "outcome": "computed", "value": {"low": "0.14", "high": 0.33},
  "reasons": [], "missing": [], "undetermined": [], "flags": ["range", "soft"]})json";

constexpr std::string_view kNotApplicable = R"json({
  "kind": "warning", "outcome": "not_applicable", "value": null,
  "reasons": [], "missing": [], "undetermined": [], "flags": []})json";

// A record line holding the given decisions (a JSON object's text).
json::value record_line(std::string_view decisions) {
  json::value line = json::parse(R"json({"record": "c1", "kind": "cadre",
    "ruleset": {"name": "example.hy", "version": "1.0.0",
                "digest": "bedcc48bb234aac7e42afbe5dd0226ae6b63ed9a4d04c385e1e2b1cd83aa9b88"},
    "as_of": "2019-02-20", "decisions": {}, "errors": []})json");
  line.at("decisions") = json::parse(decisions);
  return line;
}

std::string decisions_of(std::initializer_list<std::pair<std::string_view, std::string_view>> all) {
  std::string out;
  for (const auto& [id, decision] : all)
    out += std::string(out.empty() ? "{" : ", ") + "\"" + std::string(id) +
           "\": " + std::string(decision);
  return out + "}";
}

// Every kind of decision in one line: the base the broken lines are made from.
json::value full_line() {
  return record_line(decisions_of({{"hy.priority", kEligible},
                                   {"hy.referral", kUndetermined},
                                   {"hy.performance_pay", kPay},
                                   {"hy.excellent_within_cap", kAllocation},
                                   {"hy.allowance_raise", kRange},
                                   {"hy.warning_status", kNotApplicable}}));
}

json::value errors_line() {
  return json::parse(R"json({"record": "#3", "kind": "",
    "ruleset": {"name": "example.hy", "version": "1.0.0",
                "digest": "bedcc48bb234aac7e42afbe5dd0226ae6b63ed9a4d04c385e1e2b1cd83aa9b88"},
    "as_of": "2019-02-20", "decisions": {},
    "errors": [{"file": "tests/data/hengyang-example/sample-records.yaml", "line": 8, "column": 3,
                "field": "birth_dat",
                "message": "`cadre` has no field `birth_dat`; did you mean `birth_date`?"},
               {"file": "records.csv", "line": 0, "column": 0, "field": "", "message": "m"}]})json");
}

TEST_CASE("the schema file loads: it uses only the keywords the validator knows") {
  SchemaLoad load = load_schema_file(CADRE_DECISIONS_SCHEMA);
  CHECK(joined(load.issues) == "");
}

TEST_CASE("valid lines: each kind of decision, a range, a record with errors") {
  struct Valid {
    const char* name;
    json::value line;
  };
  const Valid lines[] = {
      {"eligible, reasons tree, hints", record_line(decisions_of({{"d", kEligible}}))},
      {"undetermined, every reason code", record_line(decisions_of({{"d", kUndetermined}}))},
      {"pay with components", record_line(decisions_of({{"d", kPay}}))},
      {"allocation with a cohort", record_line(decisions_of({{"d", kAllocation}}))},
      {"range value", record_line(decisions_of({{"d", kRange}}))},
      {"not applicable", record_line(decisions_of({{"d", kNotApplicable}}))},
      {"no decisions at all", record_line("{}")},
      {"all of them", full_line()},
      {"errors and no decisions", errors_line()},
  };
  for (const Valid& valid : lines) {
    INFO(valid.name);
    CHECK(joined(decisions_schema().validate(valid.line)) == "");
  }
}

json::object& object_at(json::value& line, std::string_view pointer) {
  return line.at_pointer(pointer).as_object();
}

struct Broken {
  const char* name;
  std::function<void(json::value&)> breaks;
  std::string pointer;  // where the failure must be reported
};

const std::string kPayDecision = "/decisions/hy.performance_pay";
const std::string kTenure = "/decisions/hy.priority/reasons/0/children/2";

std::vector<Broken> broken_lines() {
  return {
      {"missing record key", [](json::value& l) { l.as_object().erase("kind"); }, ""},
      {"missing decision key", [](json::value& l) { object_at(l, kPayDecision).erase("flags"); },
       kPayDecision},
      {"missing ruleset digest", [](json::value& l) { object_at(l, "/ruleset").erase("digest"); },
       "/ruleset"},
      {"extra record key", [](json::value& l) { l.as_object()["warnings"] = json::array(); },
       "/warnings"},
      {"extra decision key", [](json::value& l) { object_at(l, kPayDecision)["total"] = 1; },
       kPayDecision + "/total"},
      {"extra reason key", [](json::value& l) { object_at(l, kTenure)["weight"] = 2; },
       kTenure + "/weight"},
      {"bad outcome", [](json::value& l) { object_at(l, kPayDecision)["outcome"] = "yes"; },
       kPayDecision + "/outcome"},
      {"outcome the kind cannot give",
       [](json::value& l) { object_at(l, "/decisions/hy.priority")["outcome"] = "computed"; },
       "/decisions/hy.priority"},
      {"bad kind", [](json::value& l) { object_at(l, kPayDecision)["kind"] = "bonus"; },
       kPayDecision + "/kind"},
      {"bad reason status", [](json::value& l) { object_at(l, kTenure)["status"] = "maybe"; },
       kTenure + "/status"},
      {"bad as_of date", [](json::value& l) { l.as_object()["as_of"] = "2019-2-20"; }, "/as_of"},
      {"as_of month 13", [](json::value& l) { l.as_object()["as_of"] = "2019-13-01"; }, "/as_of"},
      {"bad hint date",
       [](json::value& l) { object_at(l, kTenure + "/hint")["date"] = "1.3.2019"; },
       kTenure + "/hint/date"},
      {"date hint without its date",
       [](json::value& l) { object_at(l, kTenure + "/hint").erase("date"); }, kTenure + "/hint"},
      {"hint with another kind's key",
       [](json::value& l) { object_at(l, kTenure + "/hint")["amount"] = "1"; },
       kTenure + "/hint/amount"},
      {"uppercase digest",
       [](json::value& l) {
         object_at(l, "/ruleset")["digest"] =
             "BEDCC48BB234AAC7E42AFBE5DD0226AE6B63ED9A4D04C385E1E2B1CD83AA9B88";
       },
       "/ruleset/digest"},
      {"errors beside decisions",
       [](json::value& l) { l.at("errors") = errors_line().at("errors"); }, ""},
      {"undetermined with a value",
       [](json::value& l) { object_at(l, "/decisions/hy.referral")["value"] = false; },
       "/decisions/hy.referral"},
      {"undetermined without a reason code",
       [](json::value& l) {
         object_at(l, "/decisions/hy.referral")["undetermined"] = json::array();
       },
       "/decisions/hy.referral"},
      {"unknown reason code",
       [](json::value& l) {
         object_at(l, "/decisions/hy.referral")["undetermined"] = {"cohort:needs_population"};
       },
       "/decisions/hy.referral/undetermined/0"},
      {"bare missing_fact",
       [](json::value& l) {
         object_at(l, "/decisions/hy.referral")["undetermined"] = {"missing_fact"};
       },
       "/decisions/hy.referral/undetermined/0"},
      {"soft false", [](json::value& l) { object_at(l, kTenure)["soft"] = false; },
       kTenure + "/soft"},
      {"message without en",
       [](json::value& l) { object_at(l, kTenure + "/hint/message").erase("en"); },
       kTenure + "/hint/message"},
      {"flag not a name", [](json::value& l) { object_at(l, kPayDecision)["flags"] = {"Derived"}; },
       kPayDecision + "/flags/0"},
      {"component value not a decimal",
       [](json::value& l) { object_at(l, kPayDecision + "/components/0")["value"] = "3,000.00"; },
       kPayDecision + "/components/0/value"},
      {"component value a number",
       [](json::value& l) { object_at(l, kPayDecision + "/components/0")["value"] = 3000; },
       kPayDecision + "/components/0/value"},
      {"bad rounding mode",
       [](json::value& l) {
         object_at(l, kPayDecision + "/components/1/rounding")["mode"] = "half_even";
       },
       kPayDecision + "/components/1/rounding/mode"},
      {"cohort rank 0",
       [](json::value& l) {
         object_at(l, "/decisions/hy.excellent_within_cap/cohort")["rank"] = 0;
       },
       "/decisions/hy.excellent_within_cap/cohort/rank"},
      {"cohort without size",
       [](json::value& l) {
         object_at(l, "/decisions/hy.excellent_within_cap/cohort").erase("size");
       },
       "/decisions/hy.excellent_within_cap/cohort"},
      {"range without high",
       [](json::value& l) { object_at(l, "/decisions/hy.allowance_raise/value").erase("high"); },
       "/decisions/hy.allowance_raise/value"},
      {"value an array of objects",
       [](json::value& l) {
         object_at(l, kPayDecision)["value"] = json::array{json::object{{"a", 1}}};
       },
       kPayDecision + "/value"},
      {"not applicable with a value",
       [](json::value& l) { object_at(l, "/decisions/hy.warning_status")["value"] = "clear"; },
       "/decisions/hy.warning_status"},
  };
}

TEST_CASE("broken lines are rejected, at the pointer of what is broken") {
  for (const Broken& broken : broken_lines()) {
    INFO(broken.name);
    json::value line = full_line();
    broken.breaks(line);
    std::string found = joined(decisions_schema().validate(line));
    INFO(found);
    CHECK(found.find((broken.pointer.empty() ? "(root)" : broken.pointer) + ": ") !=
          std::string::npos);
  }
}

TEST_CASE("a broken errors line is rejected, at the pointer of what is broken") {
  const std::pair<std::string, std::function<void(json::value&)>> cases[] = {
      {"/errors/0/line", [](json::value& l) { object_at(l, "/errors/0")["line"] = -1; }},
      {"/errors/0/column", [](json::value& l) { object_at(l, "/errors/0")["column"] = 1.5; }},
      {"/errors/1", [](json::value& l) { object_at(l, "/errors/1").erase("field"); }},
      {"/errors/0", [](json::value& l) { l.at_pointer("/errors/0") = "a plain string"; }},
  };
  for (const auto& [pointer, breaks] : cases) {
    INFO(pointer);
    json::value line = errors_line();
    breaks(line);
    std::string found = joined(decisions_schema().validate(line));
    INFO(found);
    CHECK(found.starts_with(pointer + ": "));
  }
}

}  // namespace
}  // namespace cadre::testing
