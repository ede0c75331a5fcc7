// The commands of cadre-policy. Each takes the arguments after its name and
// returns the process exit code (README.md, "Exit codes").
#pragma once

#include <string>
#include <vector>

namespace cadre::tool {

/// The exit codes every command shares; other tools rely on them
/// (shared/DESIGN.md, "Contracts other tools rely on").
inline constexpr int kExitSuccess = 0;
/// Tests or conformance cases failed.
inline constexpr int kExitFailures = 1;
/// Bad input or usage: nothing was decided, or the run could not be completed.
inline constexpr int kExitBadInput = 2;
/// `eval`: every record is in the output, but some were not evaluated (they
/// carry their errors); `--partial` accepts that with kExitSuccess.
inline constexpr int kExitNotEvaluated = 3;

int run_cel_conformance(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_test(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_expr(const std::vector<std::string>& args);
int run_doc(const std::vector<std::string>& args);
int run_snapshot(const std::vector<std::string>& args);
int run_diff(const std::vector<std::string>& args);
int run_bench(const std::vector<std::string>& args);

}  // namespace cadre::tool
