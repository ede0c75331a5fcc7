// `cadre-policy doc RULESET [--format md|html] [--lang zh|en] [--output FILE]
// [--root DIR]`: publishes a rule set as the document policy staff review
// its encoding with, against the source text (src/render/ruleset_document.hpp):
// sources, parameters and their dates, readings, every rule in words, the
// values the text leaves open, and per provision the rules and their tests.
// Markdown or one self-contained HTML page; the same rule set gives the same
// bytes. Exits 0, or 2 when the rule set does not load or the output cannot
// be written.
#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/ruleset.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "output_file.hpp"
#include "render/ruleset_document.hpp"
#include "render/ruleset_document_formats.hpp"

namespace cadre::tool {

namespace {

struct DocSettings {
  std::string ruleset;
  std::string format;
  std::string lang;
  std::string output;
  std::string root;
};

constexpr const char* kExitStatusHelp =
    "\nexit status:\n"
    "  0  the document was written\n"
    "  2  bad usage, a rule set that does not load (its errors on stderr), or the\n"
    "     output could not be written\n";

int publish(const DocSettings& settings) {
  if (!settings.output.empty()) {
    if (std::string problem = Output::check_target(settings.output); !problem.empty()) {
      std::cerr << "cadre-policy doc: " << problem << "\n";
      return kExitBadInput;
    }
  }
  const std::optional<CompiledRuleSet> loaded =
      load_reporting_errors(settings.ruleset, settings.root);
  if (!loaded) {
    std::cerr << "cadre-policy doc: rule set `" << settings.ruleset
              << "` did not load: no document written\n";
    return kExitBadInput;
  }
  const render::RuleSetDocument document =
      render::ruleset_document(*loaded, render::lang_named(settings.lang));
  Output out;
  if (!settings.output.empty()) {
    if (std::string problem = out.open_file(settings.output); !problem.empty()) {
      std::cerr << "cadre-policy doc: " << problem << "\n";
      return kExitBadInput;
    }
  }
  out.write(settings.format == "html" ? render::ruleset_document_html(document)
                                      : render::ruleset_document_markdown(document));
  if (std::string problem = out.finish(); !problem.empty()) {
    std::cerr << "cadre-policy doc: " << problem << "\n";
    return kExitBadInput;
  }
  return kExitSuccess;
}

}  // namespace

int run_doc(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  DocSettings settings;
  po::options_description options(
      "cadre-policy doc RULESET [--format md|html] [--lang zh|en] [--output FILE] [--root DIR]");
  options.add_options()("help,h", "print this help")(
      "format", po::value(&settings.format)->default_value("md"),
      "md (Markdown) or html (one self-contained page)")(
      "lang", po::value(&settings.lang),
      "language of the document: zh or en (default: zh where the locale is Chinese, "
      "LC_ALL / LC_MESSAGES / LANG = zh_*, else en)")(
      "output", po::value(&settings.output), "write to FILE, replaced only by a complete document")(
      "root", po::value(&settings.root), "folder that includes and extends may not leave")(
      "ruleset", po::value(&settings.ruleset), "rule set folder or ruleset.yaml");
  po::positional_options_description positional;
  positional.add("ruleset", 1);
  int exit_code = 0;
  auto parsed = parse_arguments("doc", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  if (settings.lang.empty()) settings.lang = language_from_environment();
  if (settings.ruleset.empty()) return usage_error("doc", "no rule set given", options);
  for (const std::string& problem : {choice_problem("--format", settings.format, {"md", "html"}),
                                     choice_problem("--lang", settings.lang, {"zh", "en"})}) {
    if (!problem.empty()) return usage_error("doc", problem, options);
  }
  return publish(settings);
}

}  // namespace cadre::tool
