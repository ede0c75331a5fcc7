// What every entry point of the C API does around its work: make its handle
// (or say that none can be made), and turn every exception into a status and
// a message on that handle, since no C++ exception may reach a C caller.
#pragma once

#include <exception>
#include <new>
#include <string>

#include "capi/handles.hpp"

namespace cadre::capi {

/// Records a failure on `outcome` and returns `status`. Never throws: when
/// the message cannot be stored, a static one for the status stands in.
cadre_status fail(Outcome& outcome, cadre_status status, std::string message) noexcept;
cadre_status fail(Outcome& outcome, cadre_status status, const char* message) noexcept;

/// Runs `body`, which returns the call's status, and stores that status in
/// `outcome`; an exception becomes CADRE_OUT_OF_MEMORY or
/// CADRE_INTERNAL_ERROR with its message.
template <class Body>
cadre_status guarded(Outcome& outcome, Body&& body) noexcept {
  try {
    outcome.status = body();
    return outcome.status;
  } catch (const std::bad_alloc&) {
    return fail(outcome, CADRE_OUT_OF_MEMORY, "out of memory");
  } catch (const std::exception& error) {
    return fail(outcome, CADRE_INTERNAL_ERROR, error.what());
  } catch (...) {
    return fail(outcome, CADRE_INTERNAL_ERROR, "an unknown exception");
  }
}

/// Makes a Handle, hands it out through `out` and runs `body(handle)` guarded.
/// With no `out`, nothing is made and the call is refused; when memory runs
/// out before the handle exists, *out is NULL and the status says so.
template <class Handle, class Body>
cadre_status create(Handle** out, Body&& body) noexcept {
  if (out == nullptr) return CADRE_INVALID_ARGUMENT;
  *out = nullptr;
  Handle* handle = nullptr;
  try {
    handle = new Handle();
  } catch (...) {  // only std::bad_alloc: the handles' members do not throw otherwise
    return CADRE_OUT_OF_MEMORY;
  }
  *out = handle;
  return guarded(handle->outcome, [&] { return body(*handle); });
}

/// A refusal of a NULL argument, `name` being the parameter's name (inside
/// `guarded`: building the message may throw).
inline cadre_status null_argument(Outcome& outcome, const char* name) {
  return fail(outcome, CADRE_INVALID_ARGUMENT, std::string("`") + name + "` is NULL");
}

/// What string getters give for a NULL handle.
inline constexpr const char* kNullHandle = "the handle is NULL";

}  // namespace cadre::capi
