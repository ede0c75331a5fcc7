// `cadre-policy check RULESET...`: loads, validates and compiles each rule set
// and prints its diagnostics (with the offending line and a caret). Exits 0
// when there are no errors (warnings allowed), 2 otherwise.
#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>

#include "cadre/ruleset.hpp"
#include "command_line.hpp"
#include "commands.hpp"

namespace cadre::tool {

namespace {

// The text of a diagnostic's file, read once, for the caret line.
const std::string& file_text(const std::string& file, std::map<std::string, std::string>& cache) {
  auto found = cache.find(file);
  if (found != cache.end()) return found->second;
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return cache.emplace(file, std::move(text)).first->second;
}

bool check_one(const std::string& path, const std::string& root, bool quiet) {
  RuleSetOptions options;
  options.allowed_root = root;
  RuleSetLoadResult result = load_ruleset(path, options);
  std::map<std::string, std::string> cache;
  int errors = 0;
  int warnings = 0;
  for (Diagnostic diagnostic : result.diagnostics) {
    errors += diagnostic.severity == Severity::error;
    warnings += diagnostic.severity == Severity::warning;
    // The stable code ends the first line (docs/diagnostics.md).
    if (!diagnostic.code.empty()) diagnostic.message += " [" + diagnostic.code + "]";
    if (quiet) {
      std::cout << format_diagnostic(diagnostic) << "\n";
    } else {
      std::cout << render_diagnostic(diagnostic, file_text(diagnostic.location.file, cache));
    }
  }
  if (result.ok()) {
    std::cout << path << ": " << result.ruleset->id() << " " << result.ruleset->version() << ", "
              << result.ruleset->decision_ids().size() << " decisions, digest "
              << result.ruleset->digest().substr(0, 16) << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s") << "\n";
  } else {
    std::cout << path << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
              << " warning" << (warnings == 1 ? "" : "s") << "\n";
  }
  return result.ok();
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options("cadre-policy check [--root DIR] [--brief] RULESET...");
  options.add_options()("help,h", "print this help")(
      "root", po::value<std::string>()->default_value(""),
      "folder that includes and extends may not leave (default: each rule set's folder)")(
      "brief", "one line per diagnostic, without the source line")(
      "ruleset", po::value<std::vector<std::string>>(), "rule set folder or ruleset.yaml");
  po::positional_options_description positional;
  positional.add("ruleset", -1);
  int exit_code = 0;
  auto parsed = parse_arguments("check", args, options, positional, exit_code);
  if (!parsed) return exit_code;
  const po::variables_map& vm = *parsed;
  if (!vm.count("ruleset")) {
    return usage_error("check", "no rule set given", options);
  }
  bool all_ok = true;
  for (const auto& path : vm["ruleset"].as<std::vector<std::string>>()) {
    all_ok = check_one(path, vm["root"].as<std::string>(), vm.count("brief") > 0) && all_ok;
  }
  return all_ok ? 0 : 2;
}

}  // namespace cadre::tool
