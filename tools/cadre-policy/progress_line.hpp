// A progress line on stderr for a long `eval` of a streamed file: records
// done, their rate and the time left, redrawn in place with `\r` and cleared
// at the end. Only on a terminal, only once the run has taken a second, never
// with --quiet: a log or a pipe never sees it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "stream/evaluate_stream.hpp"

namespace cadre::tool {

class ProgressLine {
 public:
  /// Draws nothing unless `enabled` (no --quiet) and stderr is a terminal.
  explicit ProgressLine(bool enabled);
  ~ProgressLine() { clear(); }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  void update(const stream::StreamProgress& progress);

  /// Erases the line, if one was drawn.
  void clear();

  /// "1,234,567": digits in groups of three.
  static std::string thousands(std::uint64_t n);
  /// "2h 05m", "3m 07s", "41s".
  static std::string duration(double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  Clock::time_point started_;
  Clock::time_point drawn_;
  Clock::time_point pass_started_;
  int pass_ = 0;
  std::size_t width_ = 0;  ///< of the line drawn
};

}  // namespace cadre::tool
