// Where a command writes its result: standard output, or a file given with
// --output that is replaced only by a complete result. The text goes first to
// FILE.tmp.PID in FILE's folder (unique to the process, so that a file left
// behind by a run killed outright never meets a later run) and is renamed
// over FILE when complete. Until then SIGINT, SIGTERM and SIGHUP remove the
// temporary file and end the process by that signal (a shell sees status
// 128 + its number); an early return or an exception removes it too.
#pragma once

#include <signal.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace cadre::tool {

class Output {
 public:
  /// Writes to standard output until open_file() is called.
  Output() = default;
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  /// Removes an unfinished temporary file and restores the signal handlers.
  ~Output();

  /// Why `target` cannot be written, without touching it: it is a folder, or
  /// its folder does not exist or is not a folder. Empty when it can be.
  static std::string check_target(const std::filesystem::path& target);

  /// Creates the temporary file for `target` and writes there from now on.
  /// Empty on success, else why not ("cannot write `out.jsonl`: Permission
  /// denied").
  std::string open_file(const std::filesystem::path& target);

  /// Appends `text`; the first failure is kept and reported by finish().
  void write(std::string_view text);

  /// Ends the output: flushes standard output, or syncs the temporary file
  /// and renames it over the target. Empty when all was written, else why
  /// not (and the target is left as it was).
  std::string finish();

 private:
  std::string failure(int error_number) const;
  void discard();
  void restore_signals();

  std::FILE* file_ = stdout;
  std::filesystem::path target_;
  std::string temporary_;  ///< the temporary file while there is one
  int error_ = 0;          ///< errno of the first failed write
  struct sigaction previous_[3] = {};
  bool handlers_installed_ = false;
};

}  // namespace cadre::tool
