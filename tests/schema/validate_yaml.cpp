// validate_yaml SCHEMA FILE...: checks rule-set YAML files against a JSON
// Schema as an editor would read them (yaml_json.hpp), so that CTest can
// hold every bundled rule-set file to docs/ruleset.schema.json.
// validate_yaml SCHEMA --reject FILE=POINTER[=POINTER...]...: every file must
// break the schema instead (broken files the schema must catch), with a
// failure at each POINTER given: rejected for the mistake it was made with.
//
// Prints `FILE: POINTER: MESSAGE` for each failure (--reject: the expected
// ones, or why the file is not as expected) and `N of N files valid` (or
// `rejected`) at the end.
// Exit status: 0 as expected; 1 a file not as expected (or unreadable YAML
// in the normal mode); 2 bad usage, or a schema that cannot be used.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/json.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "json_schema.hpp"
#include "yaml_json.hpp"

namespace {

using cadre::testing::JsonSchema;
using cadre::testing::SchemaError;

std::vector<SchemaError> file_errors(const JsonSchema& schema, const std::string& path) {
  try {
    return schema.validate(cadre::testing::yaml_file_to_json(path));
  } catch (const YAML::Exception& error) {
    return {{"", std::string("not YAML: ") + error.what()}};
  }
}

// Splits `FILE=POINTER=POINTER` into the file and the pointers.
std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find('='); at != std::string::npos; at = text.find('=', start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// True when the file breaks the schema at every expected pointer.
bool rejected_as_expected(const JsonSchema& schema, const std::string& arg) {
  const std::vector<std::string> parts = split(arg);
  const std::string& path = parts.front();
  std::vector<SchemaError> errors = file_errors(schema, path);
  if (errors.empty()) {
    std::cout << path << ": accepted, expected the schema to reject it\n";
    return false;
  }
  bool all_found = true;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    auto found = std::find_if(errors.begin(), errors.end(),
                              [&](const SchemaError& error) { return error.pointer == parts[i]; });
    if (found == errors.end()) {
      std::cout << path << ": no failure at " << parts[i] << "; first failure "
                << to_string(errors.front()) << "\n";
      all_found = false;
    } else {
      std::cout << path << ": rejected: " << to_string(*found) << "\n";
    }
  }
  return all_found;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool reject = false;
  if (args.size() >= 2 && args[1] == "--reject") {
    reject = true;
    args.erase(args.begin() + 1);
  }
  if (args.size() < 2) {
    std::cerr << "usage: validate_yaml SCHEMA FILE...\n"
                 "       validate_yaml SCHEMA --reject FILE=POINTER[=POINTER...]...\n";
    return 2;
  }
  cadre::testing::SchemaLoad loaded = cadre::testing::load_schema_file(args[0]);
  if (!loaded.schema) {
    for (const SchemaError& issue : loaded.issues)
      std::cerr << args[0] << ": " << to_string(issue) << "\n";
    return 2;
  }
  std::size_t as_expected = 0;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& path = args[i];
    if (reject) {
      if (rejected_as_expected(*loaded.schema, path)) ++as_expected;
      continue;
    }
    std::vector<SchemaError> errors = file_errors(*loaded.schema, path);
    for (const SchemaError& error : errors)
      std::cout << path << ": " << to_string(error) << "\n";
    if (errors.empty()) ++as_expected;
  }
  const std::size_t files = args.size() - 1;
  std::cout << as_expected << " of " << files << " files " << (reject ? "rejected" : "valid")
            << "\n";
  return as_expected == files ? 0 : 1;
}
