// validate_yaml SCHEMA [--reject] FILE...: checks rule-set YAML files against
// a JSON Schema as an editor would read them (yaml_json.hpp), so that CTest
// can hold every bundled rule-set file to docs/ruleset.schema.json.
//
// Prints `FILE: POINTER: MESSAGE` for each failure and `N files valid` at
// the end. With --reject every file must break the schema instead (broken
// files the schema must catch): each prints its first failure, and a file
// the schema accepts is the failure.
// Exit status: 0 as expected; 1 a file not as expected (or unreadable YAML
// in the normal mode); 2 bad usage, or a schema that cannot be used.
#include <yaml-cpp/yaml.h>

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

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  bool reject = false;
  if (args.size() >= 2 && args[1] == "--reject") {
    reject = true;
    args.erase(args.begin() + 1);
  }
  if (args.size() < 2) {
    std::cerr << "usage: validate_yaml SCHEMA [--reject] FILE...\n";
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
    std::vector<SchemaError> errors = file_errors(*loaded.schema, path);
    if (reject) {
      if (errors.empty()) {
        std::cout << path << ": accepted, expected the schema to reject it\n";
      } else {
        std::cout << path << ": rejected: " << to_string(errors.front()) << "\n";
        ++as_expected;
      }
      continue;
    }
    for (const SchemaError& error : errors)
      std::cout << path << ": " << to_string(error) << "\n";
    if (errors.empty()) ++as_expected;
  }
  const std::size_t files = args.size() - 1;
  std::cout << as_expected << " of " << files << " files " << (reject ? "rejected" : "valid")
            << "\n";
  return as_expected == files ? 0 : 1;
}
