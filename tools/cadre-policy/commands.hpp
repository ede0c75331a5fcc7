// The commands of cadre-policy. Each takes the arguments after its name and
// returns the process exit code: 0 success, 1 test or conformance failures,
// 2 bad input or usage.
#pragma once

#include <string>
#include <vector>

namespace cadre::tool {

int run_cel_conformance(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_test(const std::vector<std::string>& args);
int run_eval(const std::vector<std::string>& args);
int run_expr(const std::vector<std::string>& args);

}  // namespace cadre::tool
