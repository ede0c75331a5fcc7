// Engines through the C API: one per loaded rule set, immutable, shared
// between threads. An engine asked of a rule set that did not load is still
// made, holding why it cannot decide.
#include <string>

#include "cadre/cadre.h"
#include "cadre/engine.hpp"
#include "capi/entry.hpp"

using namespace cadre::capi;

extern "C" {

cadre_status cadre_engine_new(const cadre_ruleset* ruleset, cadre_engine** out) {
  return create(out, [&](cadre_engine& handle) {
    if (ruleset == nullptr) return null_argument(handle.outcome, "ruleset");
    if (!ruleset->rules) {
      return fail(handle.outcome, CADRE_INVALID_ARGUMENT,
                  std::string("the rule set did not load: ") + ruleset->outcome.text());
    }
    handle.engine.emplace(*ruleset->rules);  // shares the compiled rules: the rule set may go
    return CADRE_OK;
  });
}

void cadre_engine_free(cadre_engine* engine) {
  delete engine;
}

cadre_status cadre_engine_status(const cadre_engine* engine) {
  return engine != nullptr ? engine->outcome.status : CADRE_INVALID_ARGUMENT;
}

const char* cadre_engine_message(const cadre_engine* engine) {
  return engine != nullptr ? engine->outcome.text() : kNullHandle;
}

}  // extern "C"
