// `cadre-policy expr FILE`: evaluates the expressions of a sample file
// (record types, declared variables, facts, an evaluation date) and prints
// each value, unknown (with the missing facts) or error. The format is
// described in README.md ("Command-line tool"); examples/expressions.yaml is
// the example. The file is read by the project's strict YAML reader
// (src/yaml: duplicate keys, aliases and tags are errors), and every problem
// is reported at its file:line:col with the line and a caret.
#include <fmt/core.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <span>

#include "cadre/expression.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "input_file.hpp"
#include "yaml/reader.hpp"
#include "yaml/scalar_position.hpp"
#include "yaml_values.hpp"

namespace cadre::tool {

namespace {

using RecordTypes = std::map<std::string, std::shared_ptr<const RecordType>>;

constexpr std::string_view kSections[] = {"as_of", "records", "variables", "facts", "expressions"};
constexpr std::string_view kExpressionKeys[] = {"name", "expr"};

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

std::string key_list(std::span<const std::string_view> keys) {
  std::string list;
  for (std::string_view key : keys)
    list += (list.empty() ? "`" : ", `") + std::string(key) + "`";
  return list;
}

// One sample file being read: its tree, the problems found in it so far,
// and what it declares.
class Sample {
 public:
  explicit Sample(const yaml::Document& document) : document_(document) {}

  void error(const yaml::Node& at, std::string message, std::string help = {}) {
    problems_.push_back({Severity::error,
                         "expr.sample",
                         {document_.file, at.mark.line, at.mark.column, at.mark.offset},
                         std::move(message),
                         std::move(help)});
  }

  // Keys of `mapping` outside `allowed` are errors.
  void check_keys(const yaml::Node& mapping, std::span<const std::string_view> allowed) {
    for (const auto& [key, value] : mapping.entries) {
      if (std::find(allowed.begin(), allowed.end(), key.scalar) == allowed.end()) {
        error(key, "unknown key `" + key.scalar + "`", "the keys are " + key_list(allowed));
      }
    }
  }

  // A section that must be a mapping, or nullptr (absent, or reported).
  const yaml::Node* mapping(const yaml::Node& root, std::string_view section,
                            std::string_view what) {
    const yaml::Node* node = root.find(section);
    if (node == nullptr || node->kind == yaml::NodeKind::null) return nullptr;
    if (node->kind == yaml::NodeKind::mapping) return node;
    error(*node, "`" + std::string(section) + "` must be a mapping of " + std::string(what));
    return nullptr;
  }

  // The type a scalar names, or nullopt (reported).
  std::optional<Type> type(const yaml::Node& node) {
    if (node.kind != yaml::NodeKind::scalar) {
      error(node, "a type must be a name (`int`, `decimal`, `list<assessment>`, …)");
      return std::nullopt;
    }
    auto resolved = resolve_type(node.scalar, records_);
    if (!resolved) error(node, "unknown type `" + node.scalar + "`");
    return resolved;
  }

  // Record types in file order: a record may use the records declared above it.
  void declare_records(const yaml::Node& root) {
    const yaml::Node* section = mapping(root, "records", "record names to their fields");
    if (section == nullptr) return;
    for (const auto& [name, body] : section->entries) {
      if (body.kind != yaml::NodeKind::mapping) {
        error(body, "record `" + name.scalar + "` must be a mapping of field names to types");
        continue;
      }
      std::vector<FieldDecl> fields;
      for (const auto& [field, field_type] : body.entries) {
        if (auto resolved = type(field_type)) fields.push_back({field.scalar, *resolved});
      }
      records_[name.scalar] = std::make_shared<const RecordType>(name.scalar, std::move(fields));
    }
  }

  void declare_variables(const yaml::Node& root, Environment& environment) {
    const yaml::Node* section = mapping(root, "variables", "variable names to types");
    if (section == nullptr) return;
    for (const auto& [name, variable_type] : section->entries) {
      if (auto resolved = type(variable_type)) environment.declare(name.scalar, *resolved);
    }
  }

  void bind_facts(const yaml::Node& root, Activation& facts) {
    if (const yaml::Node* as_of = root.find("as_of");
        as_of != nullptr && as_of->kind != yaml::NodeKind::null) {
      std::string problem = facts.bind("as_of", value_from_yaml(*as_of, PlainScalars::lenient));
      if (!problem.empty()) error(*as_of, problem);
    }
    const yaml::Node* section = mapping(root, "facts", "variable names to values");
    if (section == nullptr) return;
    for (const auto& [name, value] : section->entries) {
      std::string problem = facts.bind(name.scalar, value_from_yaml(value, PlainScalars::lenient));
      if (!problem.empty()) error(name, problem);
    }
  }

  // The expressions to evaluate: each item's `expr` scalar and its name.
  std::vector<std::pair<std::string, const yaml::Node*>> expressions(const yaml::Node& root) {
    std::vector<std::pair<std::string, const yaml::Node*>> found;
    const yaml::Node* section = root.find("expressions");
    if (section == nullptr || section->kind == yaml::NodeKind::null) return found;
    if (section->kind != yaml::NodeKind::sequence) {
      error(*section, "`expressions` must be a list of {name, expr}");
      return found;
    }
    for (const yaml::Node& item : section->items) {
      if (item.kind != yaml::NodeKind::mapping) {
        error(item, "an expression must be a mapping {name, expr}");
        continue;
      }
      check_keys(item, kExpressionKeys);
      const yaml::Node* expr = item.find("expr");
      const yaml::Node* name = item.find("name");
      if (expr == nullptr) {
        error(item, "an expression needs `expr`");
      } else if (expr->kind != yaml::NodeKind::scalar) {
        error(*expr, "`expr` must be the text of an expression",
              "quote it if it starts with `[`, `{` or `*`");
      } else if (name != nullptr && name->kind != yaml::NodeKind::scalar) {
        error(*name, "`name` must be text");
      } else {
        found.emplace_back(name != nullptr ? name->scalar : expr->scalar, expr);
      }
    }
    return found;
  }

  // Compile problems of an expression, placed in the file.
  void compile_problems(const yaml::Node& expr, const std::vector<Diagnostic>& diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      diagnostic.location = yaml::locate_in_scalar(document_, expr, diagnostic.location.offset);
      problems_.push_back(std::move(diagnostic));
    }
  }

  // Prints the problems in file order, each with its line and a caret.
  bool report() {
    std::stable_sort(problems_.begin(), problems_.end(), [](const auto& a, const auto& b) {
      return std::pair(a.location.line, a.location.column) <
             std::pair(b.location.line, b.location.column);
    });
    for (const Diagnostic& problem : problems_)
      std::cerr << render_diagnostic(problem, document_.text);
    return problems_.empty();
  }

 private:
  const yaml::Document& document_;
  std::vector<Diagnostic> problems_;
  RecordTypes records_;
};

// The text of a file the reader gave no document for (a syntax error), for
// the line under a diagnostic.
std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
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
  yaml::ReadResult read = yaml::read_yaml_file(path);
  // The reader's errors come first: with them the tree is not what the file
  // meant (a key given twice, an alias read as null), so nothing is evaluated.
  bool read_cleanly = read.document && !has_errors(read.diagnostics);
  if (!read.diagnostics.empty()) {
    std::string text = read.document ? read.document->text : file_text(path);
    for (const Diagnostic& diagnostic : read.diagnostics)
      std::cerr << render_diagnostic(diagnostic, text);
  }
  if (!read_cleanly) return kExitBadInput;
  const yaml::Node& root = read.document->root;
  Sample sample(*read.document);
  if (root.kind != yaml::NodeKind::mapping) {
    sample.error(root, "a sample file is a mapping of " + key_list(kSections));
    sample.report();
    return kExitBadInput;
  }
  sample.check_keys(root, kSections);
  sample.declare_records(root);
  Environment environment;
  sample.declare_variables(root, environment);
  Activation facts(environment);
  sample.bind_facts(root, facts);
  std::string values;
  for (const auto& [name, expr] : sample.expressions(root)) {
    CompileResult compiled = compile(expr->scalar, environment);
    if (!compiled.ok()) {
      sample.compile_problems(*expr, compiled.diagnostics);
      continue;
    }
    Value value = compiled.program->evaluate(facts);
    values += fmt::format("{:<24} {}\n{:<24} = {}\n", name, expr->scalar, "",
                          describe(value, *compiled.program));
  }
  std::cout << values;
  return sample.report() ? kExitSuccess : kExitBadInput;
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
  if (std::string reason = unreadable_reason(path); !reason.empty()) {
    std::cerr << "cadre-policy expr: cannot read `" << path << "`: " << reason << "\n";
    return kExitBadInput;
  }
  return evaluate_file(path);
}

}  // namespace cadre::tool
