// Statuses and the version of the C API, and the one way a handle records a
// failure (entry.hpp).
#include <utility>

#include "cadre/cadre.h"
#include "cadre/version.hpp"
#include "capi/entry.hpp"

namespace cadre::capi {

namespace {

/// What a status means, for when no message more precise could be stored.
const char* fixed_message(cadre_status status) noexcept {
  switch (status) {
    case CADRE_OK:
      return "";
    case CADRE_INVALID_ARGUMENT:
      return "invalid argument";
    case CADRE_LOAD_FAILED:
      return "the rule set did not load";
    case CADRE_RECORDS_FAILED:
      return "the records cannot be read";
    case CADRE_OUT_OF_MEMORY:
      return "out of memory";
    case CADRE_INTERNAL_ERROR:
      return "internal error";
  }
  return "unknown status";
}

}  // namespace

cadre_status fail(Outcome& outcome, cadre_status status, std::string message) noexcept {
  outcome.status = status;
  outcome.message = std::move(message);  // a move: no allocation
  outcome.fixed = nullptr;
  return status;
}

cadre_status fail(Outcome& outcome, cadre_status status, const char* message) noexcept {
  outcome.status = status;
  try {
    outcome.message = status == CADRE_INTERNAL_ERROR ? std::string("internal error: ") + message
                                                     : std::string(message);
    outcome.fixed = nullptr;
  } catch (...) {
    outcome.message.clear();
    outcome.fixed = fixed_message(status);
  }
  return status;
}

}  // namespace cadre::capi

extern "C" {

const char* cadre_status_name(int status) {
  switch (status) {
    case CADRE_OK:
      return "ok";
    case CADRE_INVALID_ARGUMENT:
      return "invalid_argument";
    case CADRE_LOAD_FAILED:
      return "load_failed";
    case CADRE_RECORDS_FAILED:
      return "records_failed";
    case CADRE_OUT_OF_MEMORY:
      return "out_of_memory";
    case CADRE_INTERNAL_ERROR:
      return "internal_error";
  }
  return "unknown";
}

const char* cadre_version(void) {
  return cadre::kVersion;
}

int32_t cadre_version_number(void) {
  return CADRE_VERSION_MAJOR * 10000 + CADRE_VERSION_MINOR * 100 + CADRE_VERSION_PATCH;
}

}  // extern "C"
