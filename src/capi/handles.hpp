// The C API's handles (include/cadre/cadre.h): what a rule set, an engine
// and a result hold behind their opaque pointers. Each holds the status and
// message of the call that made it, and never changes afterwards, except a
// result's JSON Lines text, built when first asked for. Every string handed
// out points into its handle, so it lives exactly as long as the handle.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "cadre/cadre.h"
#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"

namespace cadre::capi {

/// The status of the call that made a handle, and what went wrong.
struct Outcome {
  cadre_status status = CADRE_OK;
  std::string message;  ///< empty when the call succeeded
  /// A static message, used instead when `message` could not be stored
  /// (memory ran out while failing).
  const char* fixed = nullptr;

  const char* text() const { return fixed != nullptr ? fixed : message.c_str(); }
};

/// Diagnostics in the forms the API hands out (diagnostics_json.hpp).
struct DiagnosticTexts {
  std::size_t count = 0;
  std::string json = "[]";
  std::string text;
};

}  // namespace cadre::capi

// The handles are the C API's incomplete types, so they live at global scope.

struct cadre_ruleset {
  cadre::capi::Outcome outcome;
  std::optional<cadre::CompiledRuleSet> rules;  ///< set when it loaded
  cadre::capi::DiagnosticTexts diagnostics;
};

struct cadre_engine {
  cadre::capi::Outcome outcome;
  std::optional<cadre::Engine> engine;  ///< set when it was made from a loaded rule set
};

struct cadre_result {
  cadre::capi::Outcome outcome;
  std::vector<std::string> lines;  ///< one JSON object per input record
  std::size_t not_evaluated = 0;   ///< lines of records with errors
  cadre::capi::DiagnosticTexts diagnostics;
  std::optional<std::string> jsonl;  ///< `lines` joined, once asked for
};
