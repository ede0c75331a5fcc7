// `cadre-policy eval RULESET RECORDS [--as-of DATE] [--format json|text|html]
// [--lang zh|en] [--output FILE] [--partial]`: decides every record of RECORDS
// (YAML, JSON, JSON Lines or CSV) and prints one JSON object per record (JSON
// Lines, shared/DESIGN.md), a readable text, or one HTML page for the whole
// population (src/render/population_html.hpp). Every input record yields an
// output object; one that cannot be read carries `errors` and no decisions.
// A summary goes to stderr; a run in which some records were not evaluated
// ends with status 3 unless --partial accepts that.
#include <boost/program_options.hpp>
#include <ctime>
#include <iostream>
#include <optional>
#include <sstream>

#include "cadre/engine.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "eval_summary.hpp"
#include "input_file.hpp"
#include "output_file.hpp"
#include "render/decision_text.hpp"
#include "render/population_html.hpp"

namespace cadre::tool {

namespace {

struct EvalSettings {
  std::string ruleset;
  std::string records;
  std::string root;
  std::string as_of;
  std::string format;
  std::string lang;
  std::string output;
  std::string encoding = "utf-8";
  bool explain = true;
  bool outside_validity = false;
  bool partial = false;      ///< records not evaluated still give exit status 0
  bool allow_empty = false;  ///< a file with no records is not an error
};

constexpr const char* kExitStatusHelp =
    "\nexit status:\n"
    "  0  all records decided (with --partial: every record is in the output)\n"
    "  2  bad input or usage (a records file with no records too, unless --allow-empty),\n"
    "     or the output could not be written\n"
    "  3  some records were not evaluated: every record is in the output, those\n"
    "     with their errors, and the summary on stderr names the first ones\n"
    "  128+N  ended by signal N (SIGINT, SIGTERM, SIGHUP): --output FILE is left as\n"
    "     it was, and its temporary file FILE.tmp.PID is removed\n";

std::string validity_text(const CompiledRuleSet& rules) {
  auto from = rules.valid_from();
  auto to = rules.valid_to();
  return (from ? from->to_string() : std::string("…")) + " to " +
         (to ? to->to_string() : std::string("…"));
}

// The evaluation date: --as-of, or today (said on stderr), within the rule
// set's validity unless --outside-validity; nullopt after saying what is wrong.
std::optional<Date> evaluation_date(const EvalSettings& settings, const CompiledRuleSet& rules) {
  auto as_of = settings.as_of.empty() ? std::optional<Date>(today()) : Date::parse(settings.as_of);
  if (!as_of) {
    std::cerr << "cadre-policy eval: --as-of `" << settings.as_of << "` is not a date YYYY-MM-DD\n";
    return std::nullopt;
  }
  if (settings.as_of.empty()) {
    std::cerr << "cadre-policy eval: no --as-of given: deciding as of today, " << as_of->to_string()
              << "\n";
  }
  if (!rules.in_force(*as_of)) {
    std::cerr << "cadre-policy eval: " << as_of->to_string() << " is outside the validity of "
              << rules.id() << " (" << validity_text(rules) << ")";
    if (!settings.outside_validity) {
      std::cerr << "\n  help: give an --as-of within it, or --outside-validity to decide anyway "
                   "(every decision is then flagged `outside_validity`)\n";
      return std::nullopt;
    }
    std::cerr << ": every decision is flagged `outside_validity`\n";
  }
  return as_of;
}

// The records of the file, or nullopt after saying why there are none to decide.
std::optional<RecordBatch> records_to_decide(const EvalSettings& settings,
                                             const CompiledRuleSet& rules) {
  RecordReadOptions read_options;
  read_options.encoding = *parse_record_encoding(settings.encoding);
  RecordBatch batch = read_records(settings.records, rules, read_options);
  for (const auto& d : batch.diagnostics) {
    if (d.code == "records.empty") continue;  // said below, with what to do about it
    std::cerr << format_diagnostic(d) << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
  if (has_errors(batch.diagnostics)) return std::nullopt;
  // An empty export is far more often a mistake upstream than a town with
  // nobody in it: it is bad input unless the caller says it may happen.
  if (batch.records.empty()) {
    std::cerr << "cadre-policy eval: no records in `" << settings.records << "`\n";
    if (!settings.allow_empty) {
      std::cerr << "  help: the file is empty, or holds only a CSV header, `null` or an empty "
                   "list; --allow-empty accepts that (exit status 0)\n";
      return std::nullopt;
    }
  }
  return batch;
}

void write_record(Output& out, const RecordOutput& record, const EvalSettings& settings,
                  const CompiledRuleSet& rules, Date as_of) {
  if (settings.format == "text") {
    out.write(render::decision_text(record, rules, render::lang_named(settings.lang)));
  } else {
    out.write(to_json_line(record, rules, as_of));
    out.write("\n");
  }
}

int evaluate(const EvalSettings& settings) {
  // The files are checked first, before any work: the records reader would
  // only say that a file cannot be read (at a position 1:1 it does not
  // have), not why, and a bad --output would only show once all is decided.
  if (std::string reason = unreadable_reason(settings.records); !reason.empty()) {
    std::cerr << "cadre-policy eval: cannot read `" << settings.records << "`: " << reason << "\n";
    return kExitBadInput;
  }
  if (!settings.output.empty()) {
    if (std::string problem = Output::check_target(settings.output); !problem.empty()) {
      std::cerr << "cadre-policy eval: " << problem << "\n";
      return kExitBadInput;
    }
  }
  const std::optional<CompiledRuleSet> loaded =
      load_reporting_errors(settings.ruleset, settings.root);
  if (!loaded) return kExitBadInput;
  const CompiledRuleSet& rules = *loaded;
  std::optional<Date> as_of = evaluation_date(settings, rules);
  if (!as_of) return kExitBadInput;
  std::optional<RecordBatch> batch = records_to_decide(settings, rules);
  if (!batch) return kExitBadInput;

  // From here on the output is written; a file only replaces --output when
  // complete (output_file.hpp).
  Output out;
  if (!settings.output.empty()) {
    if (std::string problem = out.open_file(settings.output); !problem.empty()) {
      std::cerr << "cadre-policy eval: " << problem << "\n";
      return kExitBadInput;
    }
  }
  // The readable records are one population: cohort allocations group them.
  Engine engine(rules);
  EvaluationOptions evaluation;
  evaluation.explain = settings.explain;
  // Decisions about no record (reference values of the rule set) come first.
  RecordOutput context;
  context.record = "_context";
  context.kind = "_context";
  context.decisions = engine.evaluate_context(*as_of, evaluation);
  std::vector<RecordOutput> outputs = engine.evaluate_batch(*batch, *as_of, evaluation);
  if (settings.format == "html") {
    // One page for the whole population: its summary comes first.
    std::vector<RecordOutput> page;
    if (!context.decisions.empty()) page.push_back(context);
    page.insert(page.end(), outputs.begin(), outputs.end());
    out.write(render::population_html(page, rules, as_of->to_string(),
                                      render::lang_named(settings.lang)));
  } else {
    if (!context.decisions.empty()) write_record(out, context, settings, rules, *as_of);
    for (const auto& output : outputs)
      write_record(out, output, settings, rules, *as_of);
  }
  if (std::string problem = out.finish(); !problem.empty()) {
    std::cerr << "cadre-policy eval: " << problem << "\n";
    return kExitBadInput;
  }
  if (write_summary(std::cerr, outputs) == 0 || settings.partial) return kExitSuccess;
  std::cerr << "  help: every record is in the output, those not evaluated with their errors; "
               "--partial accepts a partial result (exit status 0)\n";
  return kExitNotEvaluated;
}

}  // namespace

int run_eval(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  EvalSettings settings;
  po::options_description options(
      "cadre-policy eval RULESET RECORDS [--as-of DATE] [--format json|text|html] [--lang zh|en] "
      "[--output FILE] [--partial]");
  options.add_options()("help,h", "print this help")(
      "as-of", po::value(&settings.as_of),
      "evaluation date YYYY-MM-DD (default: today, said on stderr)")(
      "outside-validity", po::bool_switch(&settings.outside_validity),
      "decide on a date outside the rule set's validity, flagging every decision")(
      "format", po::value(&settings.format)->default_value("json"),
      "json (JSON Lines), text, or html (one self-contained page for the population)")(
      "lang", po::value(&settings.lang),
      "language of text for people: zh or en (default: zh where the locale is Chinese, "
      "LC_ALL / LC_MESSAGES / LANG = zh_*, else en)")(
      "output", po::value(&settings.output),
      "write to FILE, replaced only by a complete output (status 0 or 3)")(
      "root", po::value(&settings.root), "folder that includes and extends may not leave")(
      "no-explain", po::bool_switch(), "outcomes, values and reason codes only (faster)")(
      "partial", po::bool_switch(&settings.partial),
      "accept records that cannot be evaluated: exit status 0 instead of 3")(
      "allow-empty", po::bool_switch(&settings.allow_empty),
      "accept a records file with no records: exit status 0 instead of 2")(
      "encoding", po::value(&settings.encoding)->default_value("utf-8"),
      "text encoding of RECORDS: utf-8, gb18030 (also gbk, gb2312) or utf-16")(
      "ruleset", po::value(&settings.ruleset), "rule set")("records", po::value(&settings.records),
                                                           "records file");
  po::positional_options_description positional;
  positional.add("ruleset", 1).add("records", 1);
  int exit_code = 0;
  // The options write into `settings` directly.
  auto parsed = parse_arguments("eval", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  settings.explain = !(*parsed)["no-explain"].as<bool>();
  if (settings.lang.empty()) settings.lang = language_from_environment();
  if (settings.ruleset.empty()) return usage_error("eval", "no rule set given", options);
  if (settings.records.empty()) return usage_error("eval", "no records file given", options);
  for (const std::string& problem :
       {choice_problem("--format", settings.format, {"json", "text", "html"}),
        choice_problem("--lang", settings.lang, {"zh", "en"})}) {
    if (!problem.empty()) return usage_error("eval", problem, options);
  }
  if (!parse_record_encoding(settings.encoding)) {
    return usage_error(
        "eval",
        "--encoding `" + settings.encoding + "` is not one of utf-8, gb18030, gbk, gb2312, utf-16",
        options);
  }
  return evaluate(settings);
}

}  // namespace cadre::tool
