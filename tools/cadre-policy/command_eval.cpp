// `cadre-policy eval RULESET RECORDS [--as-of DATE] [--format json|text]
// [--lang zh|en] [--output FILE] [--partial]`: decides every record of RECORDS
// (YAML, JSON, JSON Lines or CSV) and prints one JSON object per record (JSON
// Lines, shared/DESIGN.md) or a readable text. Every input record yields an
// output object; one that cannot be read carries `errors` and no decisions.
// A summary goes to stderr; a run in which some records were not evaluated
// ends with status 3 unless --partial accepts that.
#include <boost/program_options.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cadre/engine.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "eval_summary.hpp"
#include "eval_text.hpp"
#include "input_file.hpp"

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
    "     with their errors, and the summary on stderr names the first ones\n";

// Today's date where the tool runs (its local calendar day): the evaluation
// date when none is given, said on stderr and in every output line.
Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string validity_text(const CompiledRuleSet& rules) {
  auto from = rules.valid_from();
  auto to = rules.valid_to();
  return (from ? from->to_string() : std::string("…")) + " to " +
         (to ? to->to_string() : std::string("…"));
}

int evaluate(const EvalSettings& settings) {
  // The records file is checked first: the reader itself would only say that
  // it cannot be read (at a position 1:1 it does not have), not why.
  if (std::string reason = unreadable_reason(settings.records); !reason.empty()) {
    std::cerr << "cadre-policy eval: cannot read `" << settings.records << "`: " << reason << "\n";
    return kExitBadInput;
  }
  RuleSetOptions options;
  options.allowed_root = settings.root;
  auto loaded = load_ruleset(settings.ruleset, options);
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << "\n";
  }
  if (!loaded.ok()) return kExitBadInput;
  auto as_of = settings.as_of.empty() ? std::optional<Date>(today()) : Date::parse(settings.as_of);
  if (!as_of) {
    std::cerr << "cadre-policy eval: --as-of `" << settings.as_of << "` is not a date YYYY-MM-DD\n";
    return kExitBadInput;
  }
  if (settings.as_of.empty()) {
    std::cerr << "cadre-policy eval: no --as-of given: deciding as of today, " << as_of->to_string()
              << "\n";
  }
  if (!loaded.ruleset->in_force(*as_of)) {
    std::cerr << "cadre-policy eval: " << as_of->to_string() << " is outside the validity of "
              << loaded.ruleset->id() << " (" << validity_text(*loaded.ruleset) << ")";
    if (!settings.outside_validity) {
      std::cerr << "\n  help: give an --as-of within it, or --outside-validity to decide anyway "
                   "(every decision is then flagged `outside_validity`)\n";
      return kExitBadInput;
    }
    std::cerr << ": every decision is flagged `outside_validity`\n";
  }
  RecordBatch batch = read_records(settings.records, *loaded.ruleset);
  for (const auto& d : batch.diagnostics)
    std::cerr << format_diagnostic(d) << "\n";
  if (has_errors(batch.diagnostics)) return kExitBadInput;
  // An empty export is far more often a mistake upstream than a town with
  // nobody in it: it is bad input unless the caller says it may happen.
  if (batch.records.empty()) {
    std::cerr << "cadre-policy eval: no records in `" << settings.records << "`\n";
    if (!settings.allow_empty) {
      std::cerr << "  help: the file is empty, or holds only a CSV header, `null` or an empty "
                   "list; --allow-empty accepts that (exit status 0)\n";
      return kExitBadInput;
    }
  }

  // The readable records are one population: cohort allocations group them.
  Engine engine(*loaded.ruleset);
  EvaluationOptions evaluation;
  evaluation.explain = settings.explain;
  std::ostringstream out;
  // Decisions about no record (reference values of the rule set) come first.
  RecordOutput context;
  context.record = "_context";
  context.kind = "_context";
  context.decisions = engine.evaluate_context(*as_of, evaluation);
  if (!context.decisions.empty()) {
    if (settings.format == "text") {
      write_text(out, context, settings.lang == "zh");
    } else {
      out << to_json_line(context, *loaded.ruleset, *as_of) << "\n";
    }
  }
  std::vector<RecordOutput> outputs = engine.evaluate_batch(batch, *as_of, evaluation);
  for (const auto& output : outputs) {
    if (settings.format == "text") {
      write_text(out, output, settings.lang == "zh");
    } else {
      out << to_json_line(output, *loaded.ruleset, *as_of) << "\n";
    }
  }
  if (settings.output.empty()) {
    std::cout << out.str();
  } else {
    // Written whole or not at all: a temporary file renamed on success.
    std::filesystem::path target(settings.output);
    std::filesystem::path temporary = target;
    temporary += ".tmp";
    {
      std::ofstream file(temporary, std::ios::binary);
      file << out.str();
      if (!file) {
        std::cerr << "cadre-policy eval: cannot write `" << temporary.string() << "`\n";
        return kExitBadInput;
      }
    }
    std::filesystem::rename(temporary, target);
  }
  if (write_summary(std::cerr, outputs) == 0) return kExitSuccess;
  if (settings.partial) return kExitSuccess;
  std::cerr << "  help: every record is in the output, those not evaluated with their errors; "
               "--partial accepts a partial result (exit status 0)\n";
  return kExitNotEvaluated;
}

}  // namespace

int run_eval(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  EvalSettings settings;
  po::options_description options(
      "cadre-policy eval RULESET RECORDS [--as-of DATE] [--format json|text] [--lang zh|en] "
      "[--output FILE] [--partial]");
  options.add_options()("help,h", "print this help")(
      "as-of", po::value(&settings.as_of),
      "evaluation date YYYY-MM-DD (default: today, said on stderr)")(
      "outside-validity", po::bool_switch(&settings.outside_validity),
      "decide on a date outside the rule set's validity, flagging every decision")(
      "format", po::value(&settings.format)->default_value("json"), "json (JSON Lines) or text")(
      "lang", po::value(&settings.lang)->default_value("en"),
      "language of text messages: zh or en")("output", po::value(&settings.output),
                                             "write to FILE (replaced only on success)")(
      "root", po::value(&settings.root), "folder that includes and extends may not leave")(
      "no-explain", po::bool_switch(), "outcomes, values and reason codes only (faster)")(
      "partial", po::bool_switch(&settings.partial),
      "accept records that cannot be evaluated: exit status 0 instead of 3")(
      "allow-empty", po::bool_switch(&settings.allow_empty),
      "accept a records file with no records: exit status 0 instead of 2")(
      "ruleset", po::value(&settings.ruleset), "rule set")("records", po::value(&settings.records),
                                                           "records file");
  po::positional_options_description positional;
  positional.add("ruleset", 1).add("records", 1);
  int exit_code = 0;
  // The options write into `settings` directly.
  auto parsed = parse_arguments("eval", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  settings.explain = !(*parsed)["no-explain"].as<bool>();
  if (settings.ruleset.empty()) return usage_error("eval", "no rule set given", options);
  if (settings.records.empty()) return usage_error("eval", "no records file given", options);
  for (const std::string& problem : {choice_problem("--format", settings.format, {"json", "text"}),
                                     choice_problem("--lang", settings.lang, {"zh", "en"})}) {
    if (!problem.empty()) return usage_error("eval", problem, options);
  }
  return evaluate(settings);
}

}  // namespace cadre::tool
