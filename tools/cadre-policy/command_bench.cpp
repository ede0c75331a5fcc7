// `cadre-policy bench RULESET RECORDS [--as-of DATE] [--repeat N] [--no-explain]
// [--format text|json]`: how fast this machine decides these records with this
// rule set, measured the way a user's run spends its time (docs/performance.md):
//  - loading (read, check, compile the rule set) and reading the records;
//  - the population decided whole (`evaluate_batch`, what `eval --whole-file`
//    does), then also rendered as JSON Lines, with explanations off and on;
//  - each record decided on its own with the records it belongs to
//    (`Engine::evaluate`), for the latency percentiles an online caller sees;
//  - the process's peak memory.
// Each timed run is repeated and the median kept: machines are noisy.
#include <sys/resource.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "cadre/records.hpp"
#include "command_line.hpp"
#include "commands.hpp"
#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/related_records.hpp"
#include "input_file.hpp"
#include "render/decision_json.hpp"

namespace cadre::tool {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// The median of `repeat` runs of `run`, in seconds.
double median_seconds(int repeat, const std::function<void()>& run) {
  std::vector<double> times;
  for (int i = 0; i < repeat; ++i) {
    const auto start = Clock::now();
    run();
    times.push_back(seconds_since(start));
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

double peak_memory_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // KiB on Linux
}

/// Per-record times, sorted, and what they add up to.
struct Latencies {
  std::vector<double> seconds;
  double total = 0;
  double at(double fraction) const {
    if (seconds.empty()) return 0;
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(seconds.size()));
    return seconds[std::min(index, seconds.size() - 1)];
  }
};

/// One mode's figures (explanations off or on).
struct ModeFigures {
  bool explain = false;
  double population_seconds = 0;  ///< decide the population
  double rendered_seconds = 0;    ///< decide and render as JSON Lines
  Latencies latencies;            ///< one record at a time
};

struct BenchFigures {
  double load_seconds = 0;
  double read_seconds = 0;
  std::size_t records = 0;
  std::size_t readable = 0;
  std::size_t decisions = 0;  ///< per run, explanations off
  std::vector<ModeFigures> modes;
};

ModeFigures measure_mode(const Engine& engine, const RecordBatch& batch, Date as_of, bool explain,
                         int repeat) {
  ModeFigures figures;
  figures.explain = explain;
  EvaluationOptions options;
  options.explain = explain;
  figures.population_seconds =
      median_seconds(repeat, [&] { (void)engine.evaluate_batch(batch, as_of, options); });
  // Rendered as `eval` renders them.
  const render::DecisionJsonLines lines(engine.rules(), as_of.to_string(), explain);
  figures.rendered_seconds = median_seconds(repeat, [&] {
    std::string out;
    for (const RecordOutput& record : engine.evaluate_batch(batch, as_of, options)) {
      lines.append(out, record);
      out += '\n';
      if (out.size() > (std::size_t{1} << 20)) out.clear();  // as if written out
    }
  });
  const auto& model = internal::impl_of(engine.rules()).rules();
  std::vector<RecordValue> population;
  for (const InputRecord& record : batch.records)
    if (record.value) population.push_back(*record.value);
  for (const RecordValue& subject : population) {
    const std::vector<RecordValue> related = engine::ancestors(model, subject, population);
    const auto start = Clock::now();
    (void)engine.evaluate(subject, related, as_of, options);
    const double took = seconds_since(start);
    figures.latencies.seconds.push_back(took);
    figures.latencies.total += took;
  }
  std::sort(figures.latencies.seconds.begin(), figures.latencies.seconds.end());
  return figures;
}

std::string rate(std::size_t records, double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f",
                seconds > 0 ? static_cast<double>(records) / seconds : 0);
  return text;
}

std::string micros(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", seconds * 1e6);
  return text;
}

std::string millis(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", seconds * 1e3);
  return text;
}

void print_text(const BenchFigures& figures, const std::string& ruleset, const std::string& records,
                int repeat) {
  std::printf("cadre-policy bench %s %s (median of %d runs)\n", ruleset.c_str(), records.c_str(),
              repeat);
  std::printf("  load, check, compile  %s ms\n", millis(figures.load_seconds).c_str());
  std::printf("  read records          %s ms  %zu records (%zu readable), %s records/s\n",
              millis(figures.read_seconds).c_str(), figures.records, figures.readable,
              rate(figures.records, figures.read_seconds).c_str());
  std::printf("  decisions per run     %zu\n", figures.decisions);
  for (const ModeFigures& mode : figures.modes) {
    const Latencies& l = mode.latencies;
    std::printf("explanations %s\n", mode.explain ? "on" : "off");
    std::printf("  population            %s records/s  (%s ms)\n",
                rate(figures.records, mode.population_seconds).c_str(),
                millis(mode.population_seconds).c_str());
    std::printf("  population + JSON     %s records/s  (%s ms)\n",
                rate(figures.records, mode.rendered_seconds).c_str(),
                millis(mode.rendered_seconds).c_str());
    std::printf("  one record at a time  %s records/s  latency µs p50 %s  p90 %s  p99 %s  max %s\n",
                rate(l.seconds.size(), l.total).c_str(), micros(l.at(0.5)).c_str(),
                micros(l.at(0.9)).c_str(), micros(l.at(0.99)).c_str(),
                micros(l.seconds.empty() ? 0 : l.seconds.back()).c_str());
  }
  if (figures.modes.size() == 2) {
    // Throughput with explanations as a share of the throughput without.
    std::printf("explanations on / off   %.0f %% (population), %.0f %% (population + JSON)\n",
                100 * figures.modes[1].population_seconds / figures.modes[0].population_seconds,
                100 * figures.modes[1].rendered_seconds / figures.modes[0].rendered_seconds);
  }
  std::printf("peak memory             %.1f MB\n", peak_memory_mb());
}

void print_json(const BenchFigures& figures, int repeat) {
  std::printf(
      "{\"repeat\":%d,\"load_ms\":%s,\"read_ms\":%s,\"records\":%zu,\"readable\":%zu,"
      "\"decisions\":%zu,\"modes\":[",
      repeat, millis(figures.load_seconds).c_str(), millis(figures.read_seconds).c_str(),
      figures.records, figures.readable, figures.decisions);
  for (std::size_t i = 0; i < figures.modes.size(); ++i) {
    const ModeFigures& mode = figures.modes[i];
    const Latencies& l = mode.latencies;
    std::printf(
        "%s{\"explain\":%s,\"population_records_per_s\":%s,"
        "\"rendered_records_per_s\":%s,\"single_records_per_s\":%s,"
        "\"latency_us\":{\"p50\":%s,\"p90\":%s,\"p99\":%s,\"max\":%s}}",
        i > 0 ? "," : "", mode.explain ? "true" : "false",
        rate(figures.records, mode.population_seconds).c_str(),
        rate(figures.records, mode.rendered_seconds).c_str(),
        rate(l.seconds.size(), l.total).c_str(), micros(l.at(0.5)).c_str(),
        micros(l.at(0.9)).c_str(), micros(l.at(0.99)).c_str(),
        micros(l.seconds.empty() ? 0 : l.seconds.back()).c_str());
  }
  std::printf("],\"peak_memory_mb\":%.1f}\n", peak_memory_mb());
}

}  // namespace

int run_bench(const std::vector<std::string>& args) {
  namespace po = boost::program_options;
  std::string ruleset, records, as_of_text, format, root;
  int repeat = 5;
  po::options_description options(
      "cadre-policy bench RULESET RECORDS [--as-of DATE] [--repeat N] [--no-explain] "
      "[--format text|json]");
  options.add_options()("help,h", "print this help")("as-of", po::value(&as_of_text),
                                                     "evaluation date YYYY-MM-DD (default: today)")(
      "repeat", po::value(&repeat)->default_value(5), "timed runs of each measure (median kept)")(
      "no-explain", po::bool_switch(), "measure with explanations off only")(
      "format", po::value(&format)->default_value("text"), "text or json (one object)")(
      "root", po::value(&root), "folder that includes and extends may not leave")(
      "ruleset", po::value(&ruleset), "rule set")("records", po::value(&records), "records file");
  po::positional_options_description positional;
  positional.add("ruleset", 1).add("records", 1);
  int exit_code = 0;
  auto parsed = parse_arguments("bench", args, options, positional, exit_code,
                                "\nThe figures are this machine's; docs/performance.md says how "
                                "the project's are measured.\n");
  if (!parsed) return exit_code;
  if (ruleset.empty()) return usage_error("bench", "no rule set given", options);
  if (records.empty()) return usage_error("bench", "no records file given", options);
  if (repeat < 1 || repeat > 1000) {
    return usage_error("bench", "--repeat must be from 1 to 1000", options);
  }
  if (std::string problem = choice_problem("--format", format, {"text", "json"});
      !problem.empty()) {
    return usage_error("bench", problem, options);
  }
  if (std::string reason = unreadable_reason(records); !reason.empty()) {
    std::cerr << "cadre-policy bench: cannot read `" << records << "`: " << reason << "\n";
    return kExitBadInput;
  }
  const std::optional<Date> as_of =
      as_of_text.empty() ? std::optional<Date>(today()) : Date::parse(as_of_text);
  if (!as_of) {
    std::cerr << "cadre-policy bench: --as-of `" << as_of_text << "` is not a date YYYY-MM-DD\n";
    return kExitBadInput;
  }

  BenchFigures figures;
  auto start = Clock::now();
  const std::optional<CompiledRuleSet> rules = load_reporting_errors(ruleset, root);
  figures.load_seconds = seconds_since(start);
  if (!rules) return kExitBadInput;
  start = Clock::now();
  const RecordBatch batch = read_records(records, *rules);
  figures.read_seconds = seconds_since(start);
  if (has_errors(batch.diagnostics)) {
    for (const auto& d : batch.diagnostics)
      std::cerr << format_diagnostic(d) << "\n";
    return kExitBadInput;
  }
  figures.records = batch.records.size();
  for (const InputRecord& record : batch.records)
    figures.readable += record.value ? 1 : 0;
  if (figures.readable == 0) {
    std::cerr << "cadre-policy bench: no readable records in `" << records << "`\n";
    return kExitBadInput;
  }
  const Engine engine(*rules);
  EvaluationOptions quiet;
  quiet.explain = false;
  for (const RecordOutput& record : engine.evaluate_batch(batch, *as_of, quiet))
    figures.decisions += record.decisions.size();
  if (!(*parsed)["no-explain"].as<bool>())
    figures.modes.push_back(measure_mode(engine, batch, *as_of, true, repeat));
  figures.modes.push_back(measure_mode(engine, batch, *as_of, false, repeat));
  if (format == "json") {
    print_json(figures, repeat);
  } else {
    print_text(figures, ruleset, records, repeat);
  }
  return kExitSuccess;
}

}  // namespace cadre::tool
