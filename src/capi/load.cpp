// Rule sets through the C API: loading from a path or from text, and what a
// loaded (or failed) rule set tells. A failed load still gives its handle,
// which holds the diagnostics that say why.
#include <string>

#include "cadre/cadre.h"
#include "cadre/ruleset.hpp"
#include "capi/diagnostics_json.hpp"
#include "capi/entry.hpp"

namespace cadre::capi {

namespace {

/// Keeps the outcome of a load in its handle; `named` is how the message
/// names the rule set.
cadre_status keep(cadre_ruleset& handle, RuleSetLoadResult loaded, const std::string& named) {
  handle.diagnostics = describe(loaded.diagnostics);
  if (loaded.ruleset) {
    handle.rules = std::move(*loaded.ruleset);
    return CADRE_OK;
  }
  std::size_t errors = 0;
  for (const Diagnostic& diagnostic : loaded.diagnostics)
    errors += diagnostic.severity == Severity::error ? 1 : 0;
  std::string message = "rule set `" + named + "` did not load: " + std::to_string(errors) +
                        (errors == 1 ? " error" : " errors");
  if (std::string first = first_error(loaded.diagnostics); !first.empty()) {
    message += "; the first: " + first;
  }
  return fail(handle.outcome, CADRE_LOAD_FAILED, std::move(message));
}

bool given(const char* text) {
  return text != nullptr && *text != '\0';
}

}  // namespace

}  // namespace cadre::capi

using namespace cadre::capi;

extern "C" {

cadre_status cadre_ruleset_load(const char* path, const char* allowed_root, cadre_ruleset** out) {
  return create(out, [&](cadre_ruleset& handle) {
    if (path == nullptr) return null_argument(handle.outcome, "path");
    cadre::RuleSetOptions options;
    if (given(allowed_root)) options.allowed_root = allowed_root;
    return keep(handle, cadre::load_ruleset(path, options), path);
  });
}

cadre_status cadre_ruleset_load_string(const char* yaml, const char* name, const char* base_folder,
                                       cadre_ruleset** out) {
  return create(out, [&](cadre_ruleset& handle) {
    if (yaml == nullptr) return null_argument(handle.outcome, "yaml");
    cadre::RuleSetText text;
    text.name = given(name) ? name : "ruleset.yaml";
    text.yaml = yaml;
    if (given(base_folder)) text.base_folder = base_folder;
    const std::string named = text.name;
    return keep(handle, cadre::load_ruleset_text(std::move(text)), named);
  });
}

void cadre_ruleset_free(cadre_ruleset* ruleset) {
  delete ruleset;
}

cadre_status cadre_ruleset_status(const cadre_ruleset* ruleset) {
  return ruleset != nullptr ? ruleset->outcome.status : CADRE_INVALID_ARGUMENT;
}

const char* cadre_ruleset_message(const cadre_ruleset* ruleset) {
  return ruleset != nullptr ? ruleset->outcome.text() : kNullHandle;
}

const char* cadre_ruleset_id(const cadre_ruleset* ruleset) {
  return ruleset != nullptr && ruleset->rules ? ruleset->rules->id().c_str() : "";
}

const char* cadre_ruleset_version(const cadre_ruleset* ruleset) {
  return ruleset != nullptr && ruleset->rules ? ruleset->rules->version().c_str() : "";
}

const char* cadre_ruleset_digest(const cadre_ruleset* ruleset) {
  return ruleset != nullptr && ruleset->rules ? ruleset->rules->digest().c_str() : "";
}

size_t cadre_ruleset_diagnostic_count(const cadre_ruleset* ruleset) {
  return ruleset != nullptr ? ruleset->diagnostics.count : 0;
}

const char* cadre_ruleset_diagnostics_json(const cadre_ruleset* ruleset) {
  return ruleset != nullptr ? ruleset->diagnostics.json.c_str() : "[]";
}

const char* cadre_ruleset_diagnostics_text(const cadre_ruleset* ruleset) {
  return ruleset != nullptr ? ruleset->diagnostics.text.c_str() : "";
}

}  // extern "C"
