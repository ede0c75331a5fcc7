// Checking an input file before reading it (see input_file.hpp).
#include "input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cadre::tool {

std::string unreadable_reason(const std::filesystem::path& path) {
  // Opening it asks the system what the read will (permissions included);
  // O_NONBLOCK keeps a named pipe from blocking here.
  int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (descriptor < 0) return std::strerror(errno);
  struct stat status = {};
  int reason = 0;
  if (::fstat(descriptor, &status) != 0) {
    reason = errno;
  } else if (S_ISDIR(status.st_mode)) {
    reason = EISDIR;
  }
  ::close(descriptor);
  return reason == 0 ? std::string() : std::strerror(reason);
}

}  // namespace cadre::tool
