// The output of a command: standard output, or a file replaced only when
// complete (see output_file.hpp).
#include "output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <system_error>

namespace cadre::tool {

namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

// The temporary file a signal must remove. A signal handler can only reach
// data of static storage duration, through a lock-free atomic, and may only
// make async-signal-safe calls (unlink, signal, raise): hence this one global.
std::atomic<const char*> g_temporary{nullptr};
static_assert(std::atomic<const char*>::is_always_lock_free);

extern "C" void remove_temporary_and_end(int signal_number) {
  if (const char* path = g_temporary.load()) ::unlink(path);
  // End as the signal would have: a parent (a shell loop, make) then knows
  // the run was interrupted, and a shell shows status 128 + the number.
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

std::string quoted(const std::filesystem::path& path) {
  return "`" + path.string() + "`";
}

}  // namespace

Output::~Output() {
  discard();
}

std::string Output::check_target(const std::filesystem::path& target) {
  std::error_code error;
  if (std::filesystem::is_directory(target, error)) {
    return "cannot write " + quoted(target) + ": " + std::strerror(EISDIR);
  }
  std::filesystem::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  std::filesystem::file_status status = std::filesystem::status(folder, error);
  if (error)
    return "cannot write " + quoted(target) + ": " + quoted(folder) + ": " + error.message();
  if (!std::filesystem::is_directory(status)) {
    return "cannot write " + quoted(target) + ": " + quoted(folder) + ": " + std::strerror(ENOTDIR);
  }
  return {};
}

std::string Output::open_file(const std::filesystem::path& target) {
  target_ = target;
  temporary_ = target.string() + ".tmp." + std::to_string(::getpid());
  // The handlers are in place before the file exists, so that no moment
  // leaves it behind; a signal that was ignored (nohup) stays ignored.
  g_temporary.store(temporary_.c_str());
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction action = {};
    action.sa_handler = &remove_temporary_and_end;
    sigemptyset(&action.sa_mask);
    sigaction(kSignals[i], nullptr, &previous_[i]);
    if (previous_[i].sa_handler != SIG_IGN) sigaction(kSignals[i], &action, nullptr);
  }
  handlers_installed_ = true;
  int descriptor = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (descriptor >= 0) file_ = ::fdopen(descriptor, "wb");
  // Large writes: a batch's output runs to gigabytes (set before any write).
  if (descriptor >= 0 && file_ != nullptr)
    std::setvbuf(file_, nullptr, _IOFBF, std::size_t{1} << 20);
  if (descriptor < 0 || file_ == nullptr) {
    int reason = errno;
    if (descriptor >= 0) ::close(descriptor);
    file_ = nullptr;
    discard();
    return failure(reason);
  }
  return {};
}

void Output::write(std::string_view text) {
  if (error_ != 0 || file_ == nullptr || text.empty()) return;
  errno = 0;
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) error_ = errno ? errno : EIO;
}

std::string Output::finish() {
  if (file_ == nullptr) return failure(error_ != 0 ? error_ : EBADF);
  errno = 0;
  if (error_ == 0 && std::fflush(file_) != 0) error_ = errno ? errno : EIO;
  if (temporary_.empty()) return error_ == 0 ? std::string() : failure(error_);
  // On the disk before the rename, so that a crash leaves the old file or
  // the new one, never an empty one.
  if (error_ == 0 && ::fsync(::fileno(file_)) != 0) error_ = errno;
  errno = 0;
  if (std::fclose(file_) != 0 && error_ == 0) error_ = errno ? errno : EIO;
  file_ = nullptr;
  if (error_ == 0 && std::rename(temporary_.c_str(), target_.c_str()) != 0) error_ = errno;
  if (error_ != 0) {
    int reason = error_;
    discard();
    return failure(reason);
  }
  // Renamed: nothing is left to remove.
  restore_signals();
  temporary_.clear();
  return {};
}

std::string Output::failure(int error_number) const {
  return "cannot write " + (target_.empty() ? std::string("the output") : quoted(target_)) + ": " +
         std::strerror(error_number);
}

// Closes and removes the temporary file, if any; then (and only then, so
// that a signal in between still finds it) puts back the signal handlers.
void Output::discard() {
  if (file_ != nullptr && file_ != stdout) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  restore_signals();
  temporary_.clear();
}

void Output::restore_signals() {
  if (!handlers_installed_) return;
  g_temporary.store(nullptr);
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    sigaction(kSignals[i], &previous_[i], nullptr);
  }
  handlers_installed_ = false;
}

}  // namespace cadre::tool
