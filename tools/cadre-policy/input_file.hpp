// Files named on the command line are checked before they are read, so that
// a file that cannot be read is reported with the system's reason ("No such
// file or directory") and no made-up position in it.
#pragma once

#include <filesystem>
#include <string>

namespace cadre::tool {

/// Why `path` cannot be read as a file, in the system's words (strerror):
/// it does not exist, is a folder, may not be read. Empty when it can be.
std::string unreadable_reason(const std::filesystem::path& path);

}  // namespace cadre::tool
