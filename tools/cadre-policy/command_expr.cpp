// `cadre-policy expr FILE`: evaluates the expressions of a sample file
// (record types, declared variables, facts, an evaluation date) and prints
// each value, unknown (with the missing facts) or error. The format is
// described in docs/expressions.md; examples/expressions.yaml is the example.
#include <fmt/core.h>

#include <boost/program_options.hpp>
#include <iostream>
#include <map>

#include "cadre/expression.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "yaml_values.hpp"

namespace cadre::tool {

namespace {

using RecordTypes = std::map<std::string, std::shared_ptr<const RecordType>>;

// A built-in type name, a declared record name, or list<…>/map<string, …> of them.
std::optional<Type> resolve_type(std::string_view text, const RecordTypes& records) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  if (auto found = records.find(std::string(text)); found != records.end()) {
    return Type::record(found->second);
  }
  if (text.starts_with("list<") && text.ends_with(">")) {
    auto element = resolve_type(text.substr(5, text.size() - 6), records);
    if (element) return Type::list(*element);
    return std::nullopt;
  }
  if (text.starts_with("map<string,") && text.ends_with(">")) {
    auto value = resolve_type(text.substr(11, text.size() - 12), records);
    if (value) return Type::map(Type::string(), *value);
    return std::nullopt;
  }
  return parse_builtin_type(text);
}

struct Problem {
  YAML::Mark mark;
  std::string message;
};

// Record types in file order: a record may use the records declared above it.
void declare_records(const YAML::Node& node, RecordTypes& records, std::vector<Problem>& problems) {
  for (const auto& record : node) {
    std::vector<FieldDecl> fields;
    for (const auto& field : record.second) {
      auto type = resolve_type(field.second.as<std::string>(), records);
      if (!type) {
        problems.push_back(
            {field.second.Mark(), "unknown type `" + field.second.as<std::string>() + "`"});
        continue;
      }
      fields.push_back({field.first.as<std::string>(), *type});
    }
    std::string name = record.first.as<std::string>();
    records[name] = std::make_shared<const RecordType>(name, std::move(fields));
  }
}

// Where an expression's line:col lies in the YAML file (exact for one-line scalars).
SourceLocation in_file(const std::string& path, const YAML::Node& node, const SourceLocation& at) {
  int quote = node.Tag() == "!" ? 1 : 0;
  SourceLocation location{path, node.Mark().line + at.line, at.column, at.offset};
  if (at.line == 1) location.column = node.Mark().column + quote + at.column;
  return location;
}

std::string describe(const Value& value, const Program& program) {
  if (value.is_unknown()) {
    std::string missing;
    for (const auto& attribute : value.as_unknown().attributes) {
      missing += (missing.empty() ? "" : ", ") + attribute;
    }
    return "unknown: missing " + missing;
  }
  if (value.is_error()) {
    SourceLocation at = program.locate(value.as_error().offset);
    return fmt::format("error at {}:{}: {}", at.line, at.column, value.as_error().message);
  }
  return value.debug_string();
}

int evaluate_file(const std::string& path) {
  YAML::Node document = YAML::LoadFile(path);
  RecordTypes records;
  std::vector<Problem> problems;
  declare_records(document["records"], records, problems);
  Environment environment;
  for (const auto& variable : document["variables"]) {
    auto type = resolve_type(variable.second.as<std::string>(), records);
    if (!type) {
      problems.push_back(
          {variable.second.Mark(), "unknown type `" + variable.second.as<std::string>() + "`"});
      continue;
    }
    environment.declare(variable.first.as<std::string>(), *type);
  }
  Activation facts(environment);
  if (document["as_of"]) facts.bind("as_of", document["as_of"].as<std::string>());
  for (const auto& fact : document["facts"]) {
    std::string problem = facts.bind(fact.first.as<std::string>(),
                                     value_from_yaml(fact.second, PlainScalars::lenient));
    if (!problem.empty()) problems.push_back({fact.first.Mark(), problem});
  }
  for (const Problem& problem : problems) {
    std::cerr << fmt::format("{}:{}:{}: error: {}\n", path, problem.mark.line + 1,
                             problem.mark.column + 1, problem.message);
  }
  bool all_compiled = problems.empty();
  for (const auto& item : document["expressions"]) {
    const YAML::Node& source = item["expr"];
    std::string text = source.as<std::string>();
    CompileResult compiled = compile(text, environment);
    std::string name = item["name"] ? item["name"].as<std::string>() : text;
    if (!compiled.ok()) {
      all_compiled = false;
      for (Diagnostic diagnostic : compiled.diagnostics) {
        diagnostic.location = in_file(path, source, diagnostic.location);
        std::cerr << render_diagnostic(diagnostic, text);
      }
      continue;
    }
    Value value = compiled.program->evaluate(facts);
    std::cout << fmt::format("{:<24} {}\n{:<24} = {}\n", name, text, "",
                             describe(value, *compiled.program));
  }
  return all_compiled ? 0 : 2;
}

}  // namespace

int run_expr(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("cadre-policy expr FILE");
  options.add_options()("help,h", "print this help")("file", po::value<std::string>(),
                                                     "sample expressions file (YAML)");
  po::positional_options_description positional;
  positional.add("file", 1);
  int exit_code = 0;
  auto parsed = parse_arguments("expr", args, options, positional, exit_code);
  if (!parsed) return exit_code;
  const po::variables_map& vm = *parsed;
  if (!vm.count("file")) {
    return usage_error("expr", "no file given", options);
  }
  std::string path = vm["file"].as<std::string>();
  try {
    return evaluate_file(path);
  } catch (const YAML::Exception& error) {
    std::cerr << fmt::format("{}:{}:{}: error: {}\n", path, error.mark.line + 1,
                             error.mark.column + 1, error.msg);
    return 2;
  }
}

}  // namespace cadre::tool
