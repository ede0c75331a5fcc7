// `cadre-policy diff BASE VARIANT [RECORDS] [--as-of DATE] [--format
// text|json|html] [--lang zh|en] [--output FILE] [--group-by KIND]
// [--exit-code]`: what a variant changes of its base (src/diff/compare.hpp):
// the rule-set difference, the decisions that can change and those that
// cannot, and with RECORDS the impact on that population, record by record,
// with the money by pay component and by group. The renderers are in
// src/render/impact.hpp.
#include <boost/program_options.hpp>
#include <iostream>

#include "cadre/ruleset.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "diff/compare.hpp"
#include "input_file.hpp"
#include "output_file.hpp"
#include "render/impact.hpp"

namespace cadre::tool {

namespace {

struct DiffSettings {
  std::string base, variant, records;
  std::string as_of;
  std::string format;
  std::string lang;
  std::string output;
  std::string root;
  std::string group_by;
  std::string encoding;
  bool exit_code = false;
};

constexpr const char* kExitStatusHelp =
    "\nWithout RECORDS: the rule-set difference and the static impact (which decisions\n"
    "can change, and which provably cannot). With RECORDS (read for both rule sets;\n"
    "fields only the variant declares are skipped by the base, and named): every\n"
    "result that differs, per decision and per record, with the money by pay\n"
    "component and by group (--group-by, default: town). Undetermined results are\n"
    "counted apart, never as changes of value (docs/diff.md).\n"
    "\nexit status:\n"
    "  0  compared (with --exit-code: and nothing differs)\n"
    "  1  with --exit-code: the variant changes the rule set, or a result of RECORDS\n"
    "  2  bad input or usage: a rule set did not load, RECORDS cannot be read, a bad\n"
    "     date, or the output could not be written\n";

std::optional<CompiledRuleSet> load(const std::string& path, const std::string& root) {
  auto loaded = load_reporting_errors(path, root);
  if (!loaded) std::cerr << "cadre-policy diff: rule set `" << path << "` did not load\n";
  return loaded;
}

bool differs(const diff::VariantImpact& impact) {
  if (impact.population) return impact.population->results_changed > 0;
  return !impact.items.empty();
}

int compare(const DiffSettings& settings) {
  if (!settings.records.empty()) {
    if (std::string reason = unreadable_reason(settings.records); !reason.empty()) {
      std::cerr << "cadre-policy diff: cannot read `" << settings.records << "`: " << reason
                << "\n";
      return kExitBadInput;
    }
  }
  if (!settings.output.empty()) {
    if (std::string problem = Output::check_target(settings.output); !problem.empty()) {
      std::cerr << "cadre-policy diff: " << problem << "\n";
      return kExitBadInput;
    }
  }
  auto base = load(settings.base, settings.root);
  auto variant = load(settings.variant, settings.root);
  if (!base || !variant) return kExitBadInput;
  diff::CompareOptions options;
  options.records = settings.records;
  options.group_kind = settings.group_by;
  options.read.encoding = *parse_record_encoding(settings.encoding);
  if (!settings.records.empty()) {
    auto as_of =
        settings.as_of.empty() ? std::optional<Date>(today()) : Date::parse(settings.as_of);
    if (!as_of) {
      std::cerr << "cadre-policy diff: --as-of `" << settings.as_of
                << "` is not a date YYYY-MM-DD\n";
      return kExitBadInput;
    }
    if (settings.as_of.empty()) {
      std::cerr << "cadre-policy diff: no --as-of given: deciding as of today, "
                << as_of->to_string() << "\n";
    }
    options.as_of = *as_of;
  }
  diff::Comparison comparison =
      diff::compare_rule_sets(*base, settings.base, *variant, settings.variant, options);
  for (const auto& d : comparison.diagnostics) {
    if (d.code == "records.empty") continue;
    std::cerr << format_diagnostic(d) << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
  if (!settings.records.empty() && !comparison.impact.population) {
    std::cerr << "cadre-policy diff: the records of `" << settings.records
              << "` could not be read: no comparison written\n";
    return kExitBadInput;
  }
  const render::Lang lang = render::lang_named(settings.lang);
  Output out;
  if (!settings.output.empty()) {
    if (std::string problem = out.open_file(settings.output); !problem.empty()) {
      std::cerr << "cadre-policy diff: " << problem << "\n";
      return kExitBadInput;
    }
  }
  if (settings.format == "json") {
    out.write(render::impact_json(comparison.impact));
  } else if (settings.format == "html") {
    out.write(render::impact_html(comparison.impact, lang));
  } else {
    out.write(render::impact_text(comparison.impact, lang));
  }
  if (std::string problem = out.finish(); !problem.empty()) {
    std::cerr << "cadre-policy diff: " << problem << "\n";
    return kExitBadInput;
  }
  if (const auto& population = comparison.impact.population; population) {
    std::cerr << "cadre-policy diff: " << population->records_read << " records, "
              << population->results_compared << " results compared, "
              << population->results_changed << " changed\n";
  }
  return settings.exit_code && differs(comparison.impact) ? kExitFailures : kExitSuccess;
}

}  // namespace

int run_diff(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  DiffSettings settings;
  po::options_description options(
      "cadre-policy diff BASE VARIANT [RECORDS] [--as-of DATE] [--format text|json|html] "
      "[--lang zh|en] [--output FILE]");
  options.add_options()("help,h", "print this help")(
      "as-of", po::value(&settings.as_of),
      "evaluation date of RECORDS, YYYY-MM-DD (default: today, said on stderr)")(
      "format", po::value(&settings.format)->default_value("text"),
      "text, json (one document) or html (one self-contained page)")(
      "lang", po::value(&settings.lang),
      "language of text and html: zh or en (default: zh where the locale is Chinese, "
      "LC_ALL / LC_MESSAGES / LANG = zh_*, else en)")(
      "output", po::value(&settings.output), "write to FILE, replaced only by a complete report")(
      "group-by", po::value(&settings.group_by),
      "record kind to total money by (default: town, when the schema has it)")(
      "exit-code", po::bool_switch(&settings.exit_code),
      "exit 1 when the variant changes anything (a result of RECORDS, or the rule set)")(
      "encoding", po::value(&settings.encoding)->default_value("utf-8"),
      "text encoding of RECORDS: utf-8, gb18030 (also gbk, gb2312) or utf-16")(
      "root", po::value(&settings.root), "folder that includes and extends may not leave")(
      "base", po::value(&settings.base), "the rule set compared with")(
      "variant", po::value(&settings.variant), "the rule set compared")(
      "records", po::value(&settings.records), "records file");
  po::positional_options_description positional;
  positional.add("base", 1).add("variant", 1).add("records", 1);
  int exit_code = 0;
  auto parsed = parse_arguments("diff", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  if (settings.lang.empty()) settings.lang = language_from_environment();
  if (settings.base.empty() || settings.variant.empty())
    return usage_error("diff", "give two rule sets: BASE and VARIANT", options);
  for (const std::string& problem :
       {choice_problem("--format", settings.format, {"text", "json", "html"}),
        choice_problem("--lang", settings.lang, {"zh", "en"})}) {
    if (!problem.empty()) return usage_error("diff", problem, options);
  }
  if (!parse_record_encoding(settings.encoding)) {
    return usage_error(
        "diff",
        "--encoding `" + settings.encoding + "` is not one of utf-8, gb18030, gbk, gb2312, utf-16",
        options);
  }
  return compare(settings);
}

}  // namespace cadre::tool
