// The argument parsing every command shares (Boost.Program_options): --help,
// usage errors with the command's usage text, and the exit codes for them.
#pragma once

#include <boost/program_options.hpp>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/date.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::tool {

/// The parsed arguments; nullopt when the command must stop right away, with
/// `exit_code` 0 after printing --help (the options, then `epilogue`) and 2
/// after a usage error.
std::optional<boost::program_options::variables_map> parse_arguments(
    std::string_view command, const std::vector<std::string>& args,
    const boost::program_options::options_description& options,
    const boost::program_options::positional_options_description& positional, int& exit_code,
    std::string_view epilogue = {});

/// For an option that takes one of a closed set of values: empty when
/// `value` is one of `accepted`, else the problem naming both
/// ("--format `xml` is not one of: json, text").
std::string choice_problem(std::string_view option, std::string_view value,
                           std::initializer_list<std::string_view> accepted);

/// Prints "cadre-policy COMMAND: PROBLEM" and the usage; returns 2.
/// The language of text for people when --lang is not given: `zh` where the
/// locale is Chinese (the first set of LC_ALL, LC_MESSAGES, LANG starts with
/// `zh`, as zh_CN.UTF-8 does), else `en`.
std::string language_from_environment();

/// The rule set at `path` (includes and extends confined to `root`; empty:
/// the default), or nullopt after printing its errors on stderr.
std::optional<CompiledRuleSet> load_reporting_errors(const std::string& path,
                                                     const std::string& root);

/// Today's date where the tool runs (its local calendar day): the evaluation
/// date when none is given, said on stderr and in every output line.
Date today();

int usage_error(std::string_view command, std::string_view problem,
                const boost::program_options::options_description& options);

}  // namespace cadre::tool
