// validate_jsonl SCHEMA FILE: checks every line of a JSON Lines file against
// a JSON Schema, so that CTest can hold `cadre-policy eval`'s real output to
// docs/decisions.schema.json.
//
// Prints `line N: POINTER: MESSAGE` for each failure (the whole line's pointer
// written as "(root)") and `N lines valid` at the end.
// Exit status: 0 every line valid; 1 a line invalid, not JSON or blank, or no
// lines at all (an empty output proves nothing); 2 bad usage, or a schema or
// file that cannot be used.
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "json_schema.hpp"

namespace {

using cadre::testing::JsonSchema;
using cadre::testing::SchemaError;

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// The failures of one line, as "(root)"-style errors; empty when it conforms.
std::vector<SchemaError> line_errors(const JsonSchema& schema, const std::string& line) {
  if (is_blank(line)) return {{"", "blank line"}};
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(line, error);
  if (error) return {{"", "not JSON: " + error.message()}};
  return schema.validate(value);
}

int validate_file(const JsonSchema& schema, std::istream& in) {
  std::size_t number = 0;
  std::size_t valid = 0;
  std::string line;
  while (std::getline(in, line)) {
    ++number;
    std::vector<SchemaError> errors = line_errors(schema, line);
    for (const SchemaError& error : errors)
      std::cout << "line " << number << ": " << cadre::testing::to_string(error) << '\n';
    if (errors.empty()) ++valid;
  }
  if (number == 0) {
    std::cout << "no lines\n";
    return 1;
  }
  std::cout << valid << " lines valid";
  if (valid < number) std::cout << ", " << number - valid << " invalid";
  std::cout << '\n';
  return valid == number ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: validate_jsonl SCHEMA FILE\n";
    return 2;
  }
  try {
    cadre::testing::SchemaLoad load = cadre::testing::load_schema_file(argv[1]);
    for (const SchemaError& issue : load.issues)
      std::cerr << argv[1] << ": " << cadre::testing::to_string(issue) << '\n';
    if (!load.schema) return 2;
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) {
      std::cerr << argv[2] << ": cannot be read\n";
      return 2;
    }
    return validate_file(*load.schema, in);
  } catch (const std::exception& error) {
    std::cerr << "validate_jsonl: " << error.what() << '\n';
    return 2;
  }
}
