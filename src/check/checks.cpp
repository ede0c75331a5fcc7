// The ordered table of check passes and the loop that runs them.
#include "check/checks.hpp"

#include "check/pass_context.hpp"

namespace cadre::check {

namespace {

// Schema first (later passes name enumeration values), then the metadata of
// every element, then the decisions themselves.
constexpr Pass kPasses[] = {
    {"enums", check_enums},
    {"citations", check_citations},
    {"parameters", check_parameters},
    {"references", check_references},
    {"conditions", check_conditions},
    {"decision_tables", check_decision_tables},
    {"test_records", check_test_records},
    {"messages", check_messages},
};

}  // namespace

std::span<const Pass> passes() {
  return kPasses;
}

void run_checks(const CompiledRuleSetImpl& ruleset, std::vector<Diagnostic>& diagnostics) {
  PassContext context(ruleset, diagnostics);
  for (const Pass& pass : kPasses)
    pass.run(context);
}

}  // namespace cadre::check
