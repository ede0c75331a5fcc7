// `cadre-policy eval RULESET RECORDS [--as-of DATE] [--format json|text|html]
// [--lang zh|en] [--output FILE] [--partial] [--threads N] [--whole-file]
// [--quiet]`: decides every record of RECORDS (YAML, JSON, JSON Lines or CSV)
// and prints one JSON object per record (JSON Lines, shared/DESIGN.md), a
// readable text, or one HTML page for the whole population
// (src/render/population_html.hpp). Every input record yields an output
// object; one that cannot be read carries `errors` and no decisions. A JSON
// Lines or CSV file is streamed (src/stream, docs/streaming.md): decided in
// parts, in bounded memory, written as it goes, the same bytes as the whole
// file gives. A summary goes to stderr; a run in which some records were not
// evaluated ends with status 3 unless --partial accepts that.
#include <boost/program_options.hpp>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "cadre/engine.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "eval_summary.hpp"
#include "input_file.hpp"
#include "output_file.hpp"
#include "progress_line.hpp"
#include "records/read_records.hpp"
#include "render/decision_json.hpp"
#include "render/decision_text.hpp"
#include "render/population_html.hpp"
#include "stream/evaluate_stream.hpp"

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
  bool whole_file = false;   ///< read JSON Lines and CSV whole, not as a stream
  bool quiet = false;        ///< no progress line, no summary when all is decided
  std::size_t threads = 0;   ///< 0: the hardware's
  std::size_t part_records = 500;
  std::size_t max_part_records = 50'000;
};

constexpr const char* kExitStatusHelp =
    "\nJSON Lines and CSV files of any size are streamed: read more than once, decided in parts\n"
    "that never split a group (a cohort's town, with its villages) on --threads threads, and\n"
    "written in input order as they are decided, byte for byte what --whole-file gives. Put\n"
    "each group's records together (sort by town); the records they belong to (towns,\n"
    "villages) may come anywhere. A file that cannot be decided so is refused before anything\n"
    "is written, saying why. YAML, JSON, a pipe and --format html are read whole.\n"
    "See docs/streaming.md.\n"
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

std::string rendered(const RecordOutput& record, const EvalSettings& settings,
                     const CompiledRuleSet& rules, const render::DecisionJsonLines& lines) {
  if (settings.format == "text") {
    return render::decision_text(record, rules, render::lang_named(settings.lang));
  }
  // Lines of one run are about the same size: room for the last one's, and
  // more, saves growing the string step by step (a line with explanations
  // runs to kilobytes).
  thread_local std::size_t last_size = 1024;
  std::string text;
  text.reserve(last_size + last_size / 4);
  lines.append(text, record);
  text += '\n';
  last_size = text.size();
  return text;
}

void write_record(Output& out, const RecordOutput& record, const EvalSettings& settings,
                  const CompiledRuleSet& rules, const render::DecisionJsonLines& lines) {
  out.write(rendered(record, settings, rules, lines));
}

// JSON Lines and CSV files are streamed (docs/streaming.md): decided in parts
// in bounded memory, written as they go; not an HTML page (one page for the
// whole population), not with --whole-file, not a pipe (read more than once).
bool streamed(const EvalSettings& settings) {
  if (settings.whole_file || settings.format == "html") return false;
  const RecordFormat format = records::format_from_extension(settings.records);
  if (format != RecordFormat::json_lines && format != RecordFormat::csv) return false;
  std::error_code error;
  return std::filesystem::is_regular_file(settings.records, error);
}

void say_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d.code == "records.empty") continue;  // said by the caller, with what to do about it
    std::cerr << format_diagnostic(d) << "\n";
    if (!d.help.empty()) std::cerr << "  help: " << d.help << "\n";
  }
}

/// The exit status once all is written: 0, or 3 when records were not
/// evaluated (unless --partial).
int finish_run(Output& out, const EvalSettings& settings, std::uint64_t records,
               std::uint64_t not_evaluated, const std::vector<RecordOutput>& first) {
  if (std::string problem = out.finish(); !problem.empty()) {
    std::cerr << "cadre-policy eval: " << problem << "\n";
    return kExitBadInput;
  }
  if (!settings.quiet || not_evaluated > 0) write_summary(std::cerr, records, not_evaluated, first);
  if (not_evaluated == 0 || settings.partial) return kExitSuccess;
  std::cerr << "  help: every record is in the output, those not evaluated with their errors; "
               "--partial accepts a partial result (exit status 0)\n";
  return kExitNotEvaluated;
}

int evaluate_streamed(const EvalSettings& settings, const CompiledRuleSet& rules, Date as_of,
                      const render::DecisionJsonLines& lines, Output& out,
                      const RecordOutput& context) {
  RecordReadOptions read_options;
  read_options.encoding = *parse_record_encoding(settings.encoding);
  stream::StreamOptions options;
  options.threads = settings.threads;
  options.part_records = settings.part_records;
  options.max_part_records = settings.max_part_records;
  options.evaluation.explain = settings.explain;
  ProgressLine progress(!settings.quiet);
  stream::StreamSink sink;
  sink.render = [&](const RecordOutput& record) {
    return rendered(record, settings, rules, lines);
  };
  sink.begin = [&] {
    if (!context.decisions.empty()) write_record(out, context, settings, rules, lines);
  };
  sink.write = [&](std::string_view text) { out.write(text); };
  sink.progress = [&](const stream::StreamProgress& now) { progress.update(now); };
  stream::StreamResult result =
      stream::evaluate_stream(settings.records, rules, read_options, as_of, options, sink);
  progress.clear();
  say_diagnostics(result.diagnostics);
  if (has_errors(result.diagnostics)) {
    if (result.begun) std::cerr << "cadre-policy eval: the output is incomplete\n";
    return kExitBadInput;
  }
  if (result.records == 0) {
    std::cerr << "cadre-policy eval: no records in `" << settings.records << "`\n";
    if (!settings.allow_empty) {
      std::cerr << "  help: the file is empty, or holds only a CSV header, `null` or an empty "
                   "list; --allow-empty accepts that (exit status 0)\n";
      return kExitBadInput;
    }
    if (!context.decisions.empty()) write_record(out, context, settings, rules, lines);
  }
  return finish_run(out, settings, result.records, result.not_evaluated,
                    result.first_not_evaluated);
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
  const render::DecisionJsonLines lines(rules, as_of->to_string(), settings.explain);
  if (streamed(settings)) return evaluate_streamed(settings, rules, *as_of, lines, out, context);
  std::optional<RecordBatch> batch = records_to_decide(settings, rules);
  if (!batch) return kExitBadInput;
  std::vector<RecordOutput> outputs = engine.evaluate_batch(*batch, *as_of, evaluation);
  if (settings.format == "html") {
    // One page for the whole population: its summary comes first.
    std::vector<RecordOutput> page;
    if (!context.decisions.empty()) page.push_back(context);
    page.insert(page.end(), outputs.begin(), outputs.end());
    out.write(render::population_html(page, rules, as_of->to_string(),
                                      render::lang_named(settings.lang)));
  } else {
    if (!context.decisions.empty()) write_record(out, context, settings, rules, lines);
    for (const auto& output : outputs)
      write_record(out, output, settings, rules, lines);
  }
  std::vector<RecordOutput> first;
  std::size_t not_evaluated = 0;
  for (const RecordOutput& output : outputs) {
    if (output.errors.empty()) continue;
    if (++not_evaluated <= kListedRecords) first.push_back(output);
  }
  return finish_run(out, settings, outputs.size(), not_evaluated, first);
}

}  // namespace

int run_eval(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  EvalSettings settings;
  po::options_description options(
      "cadre-policy eval RULESET RECORDS [--as-of DATE] [--format json|text|html] [--lang zh|en] "
      "[--output FILE] [--partial] [--threads N] [--whole-file] [--quiet]");
  options.add_options()("help,h", "print this help")(
      "as-of", po::value(&settings.as_of),
      "evaluation date YYYY-MM-DD (default: today, said on stderr)")(
      "outside-validity", po::bool_switch(&settings.outside_validity),
      "decide on a date outside the rule set's validity, flagging every decision")(
      "format", po::value(&settings.format)->default_value("json"),
      "json (JSON Lines), text, or html (one self-contained page for the population; the file "
      "is then read whole)")(
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
      "whole-file", po::bool_switch(&settings.whole_file),
      "read a JSON Lines or CSV file whole and decide it as one population (at most 256 MiB), "
      "instead of streaming it in parts")(
      "threads", po::value(&settings.threads)->value_name("N"),
      "streamed: decide parts on N threads (default: one per core; 1: no pool)")(
      "part-records", po::value(&settings.part_records)->value_name("N")->default_value(500),
      "streamed: records decided together, at least (a group is never split)")(
      "max-part-records",
      po::value(&settings.max_part_records)->value_name("N")->default_value(50000),
      "streamed: most records a group may span in the file (a town's records spread wider "
      "are an error: sort the file by town)")(
      "quiet,q", po::bool_switch(&settings.quiet),
      "no progress line and no summary when every record is decided")(
      "ruleset", po::value(&settings.ruleset), "rule set")("records", po::value(&settings.records),
                                                           "records file");
  po::positional_options_description positional;
  positional.add("ruleset", 1).add("records", 1);
  int exit_code = 0;
  // The options write into `settings` directly.
  auto parsed = parse_arguments("eval", args, options, positional, exit_code, kExitStatusHelp);
  if (!parsed) return exit_code;
  settings.explain = !(*parsed)["no-explain"].as<bool>();
  if (parsed->count("threads") == 0)
    settings.threads = std::max(1U, std::thread::hardware_concurrency());
  if (settings.threads == 0 || settings.threads > 1024) {
    return usage_error("eval",
                       "--threads " + std::to_string(settings.threads) +
                           " is not a number of threads from 1 to 1024",
                       options);
  }
  if (settings.part_records == 0 || settings.max_part_records < settings.part_records) {
    return usage_error("eval", "--part-records must be at least 1 and at most --max-part-records",
                       options);
  }
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
