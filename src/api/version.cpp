// The library's own version, compiled in: what a program actually runs against.
#include "cadre/version.hpp"

namespace cadre {

const char* version() noexcept {
  return CADRE_VERSION_STRING;
}

}  // namespace cadre
