// cadre-policy: the command-line tool. Dispatches to one file per command.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/version.hpp"
#include "commands.hpp"

namespace {

struct Command {
  std::string_view name;
  int (*run)(const std::vector<std::string>&);
  std::string_view summary;
};

constexpr Command kCommands[] = {
    {"check", &cadre::tool::run_check,
     "validate rule sets; print diagnostics; exit 0 (clean or warnings) or 2"},
    {"eval", &cadre::tool::run_eval,
     "decide every record of a records file; JSON Lines (or text) per record"},
    {"test", &cadre::tool::run_test,
     "run the test cases of rule sets and test files; ends with `N passed, N failed` (or why "
     "not all ran)"},
    {"diff", &cadre::tool::run_diff,
     "what a variant changes of its base: items, decisions that can change, and with records "
     "the impact"},
    {"snapshot", &cadre::tool::run_snapshot,
     "freeze a population's decisions in a folder, for `test --snapshot` to compare later"},
    {"doc", &cadre::tool::run_doc,
     "publish a rule set as a document to review against the source text (Markdown or HTML)"},
    {"expr", &cadre::tool::run_expr,
     "evaluate the expressions of a sample file against its facts and print their values"},
    {"bench", &cadre::tool::run_bench,
     "measure how fast a rule set decides a records file: throughput, latency, peak memory"},
    {"cel-conformance", &cadre::tool::run_cel_conformance,
     "run CEL conformance files; ends with `N passed, N failed`"},
};

void print_usage(std::FILE* out) {
  std::fprintf(out, "usage: cadre-policy COMMAND [ARGS...]\n\ncommands:\n");
  for (const Command& command : kCommands) {
    std::fprintf(out, "  %-17s %s\n", command.name.data(), command.summary.data());
  }
  std::fprintf(out, "\n`cadre-policy COMMAND --help` describes a command's arguments.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return 0;
  }
  if (name == "--version") {
    std::printf("cadre-policy %s\n", cadre::version());
    return 0;
  }
  std::vector<std::string> args(argv + 2, argv + argc);
  for (const Command& command : kCommands) {
    if (command.name != name) continue;
    try {
      return command.run(args);
    } catch (const std::exception& error) {
      std::fprintf(stderr, "cadre-policy %s: internal error: %s\n", argv[1], error.what());
      return 2;
    }
  }
  std::fprintf(stderr, "cadre-policy: unknown command `%s`\n\n", argv[1]);
  print_usage(stderr);
  return 2;
}
