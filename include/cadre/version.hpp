// The one source of the project's version; CMake parses these lines.
#pragma once

#define CADRE_VERSION_MAJOR 0
#define CADRE_VERSION_MINOR 1
#define CADRE_VERSION_PATCH 0

namespace cadre {

/// The library version as "MAJOR.MINOR.PATCH".
inline constexpr const char* kVersion = "0.1.0";

}  // namespace cadre
