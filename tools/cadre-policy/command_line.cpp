// Shared argument parsing for the commands.
#include "command_line.hpp"

#include <cstdlib>
#include <ctime>
#include <iostream>

#include "commands.hpp"

namespace cadre::tool {

namespace po = boost::program_options;

std::string choice_problem(std::string_view option, std::string_view value,
                           std::initializer_list<std::string_view> accepted) {
  std::string list;
  for (std::string_view choice : accepted) {
    if (choice == value) return {};
    list += (list.empty() ? "" : ", ") + std::string(choice);
  }
  return std::string(option) + " `" + std::string(value) + "` is not one of: " + list;
}

int usage_error(std::string_view command, std::string_view problem,
                const po::options_description& options) {
  std::cerr << "cadre-policy " << command << ": " << problem << "\n" << options;
  return kExitBadInput;
}

std::optional<po::variables_map> parse_arguments(
    std::string_view command, const std::vector<std::string>& args,
    const po::options_description& options, const po::positional_options_description& positional,
    int& exit_code, std::string_view epilogue) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& error) {
    exit_code = usage_error(command, error.what(), options);
    return std::nullopt;
  }
  if (vm.count("help")) {
    std::cout << options << epilogue;
    exit_code = kExitSuccess;
    return std::nullopt;
  }
  return vm;
}

std::string language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).starts_with("zh") ? "zh" : "en";
  }
  return "en";
}

Date today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return *Date::from_ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::optional<CompiledRuleSet> load_reporting_errors(const std::string& path,
                                                     const std::string& root) {
  RuleSetOptions options;
  options.allowed_root = root;
  auto loaded = load_ruleset(path, options);
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == Severity::error) std::cerr << format_diagnostic(d) << "\n";
  }
  if (!loaded.ok()) return std::nullopt;
  return std::move(*loaded.ruleset);
}

}  // namespace cadre::tool
