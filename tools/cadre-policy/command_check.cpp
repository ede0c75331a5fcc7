// `cadre-policy check RULESET...`: loads, validates and compiles each rule set
// and prints its diagnostics (with the offending line and a caret), and with
// --list-unspecified every value the rules leave open. Exits 0 when there are
// no errors (warnings allowed), 2 otherwise.
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

// A note per value the rules leave open, with the reason they give: what a
// reviewer reads to see every open value of a rule set checked clean.
void list_open_values(const CompiledRuleSet& ruleset, bool quiet,
                      std::map<std::string, std::string>& cache) {
  for (const OpenValue& open : ruleset.open_values()) {
    Diagnostic note;
    note.severity = Severity::note;
    note.location = open.location;
    std::string reason = open.reason_en.empty() ? open.reason_zh : open.reason_en;
    if (!open.reason_en.empty() && !open.reason_zh.empty()) reason += " (" + open.reason_zh + ")";
    note.message = "open value `" + open.code + "`: " +
                   (reason.empty() ? std::string("no reason given (warned above)") : reason);
    if (quiet) {
      std::cout << format_diagnostic(note) << "\n";
    } else {
      std::cout << render_diagnostic(note, file_text(note.location.file, cache));
    }
  }
}

struct CheckView {
  bool quiet = false;             ///< one line per diagnostic
  bool list_unspecified = false;  ///< a note per open value
};

bool check_one(const std::string& path, const std::string& root, const CheckView& view) {
  const bool quiet = view.quiet;
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
    if (view.list_unspecified) list_open_values(*result.ruleset, quiet, cache);
    const std::size_t open = result.ruleset->open_values().size();
    std::cout << path << ": " << result.ruleset->id() << " " << result.ruleset->version() << ", "
              << result.ruleset->decision_ids().size() << " decisions, digest "
              << result.ruleset->digest().substr(0, 16) << ", " << warnings << " warning"
              << (warnings == 1 ? "" : "s");
    if (open > 0) {
      std::cout << ", " << open << " open value" << (open == 1 ? "" : "s")
                << (view.list_unspecified ? "" : " (--list-unspecified)");
    }
    std::cout << "\n";
  } else {
    std::cout << path << ": " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
              << " warning" << (warnings == 1 ? "" : "s") << "\n";
  }
  return result.ok();
}

}  // namespace

int run_check(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  po::options_description options(
      "cadre-policy check [--root DIR] [--brief] [--list-unspecified] RULESET...");
  options.add_options()("help,h", "print this help")(
      "root", po::value<std::string>()->default_value(""),
      "folder that includes and extends may not leave (default: each rule set's folder)")(
      "brief", "one line per diagnostic, without the source line")(
      "list-unspecified",
      "a note for every value the rules leave open (R-14), with the reason they give")(
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
    const CheckView view{vm.count("brief") > 0, vm.count("list-unspecified") > 0};
    all_ok = check_one(path, vm["root"].as<std::string>(), view) && all_ok;
  }
  return all_ok ? 0 : 2;
}

}  // namespace cadre::tool
