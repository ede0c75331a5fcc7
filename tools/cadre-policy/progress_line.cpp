// The progress line of a streamed `eval` (see progress_line.hpp).
#include "progress_line.hpp"

#include <unistd.h>

#include <cstdio>

namespace cadre::tool {

namespace {

constexpr auto kFirstAfter = std::chrono::seconds(1);
constexpr auto kEvery = std::chrono::milliseconds(250);

const char* pass_name(int pass, int passes) {
  if (pass == 1) return "reading";
  return pass < passes ? "deciding groups" : "deciding";
}

}  // namespace

ProgressLine::ProgressLine(bool enabled)
    : enabled_(enabled && ::isatty(STDERR_FILENO) == 1), started_(Clock::now()) {}

std::string ProgressLine::thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return digits;
}

std::string ProgressLine::duration(double seconds) {
  const auto whole = static_cast<long long>(seconds + 0.5);
  char text[32];
  if (whole >= 3600) {
    std::snprintf(text, sizeof text, "%lldh %02lldm", whole / 3600, whole % 3600 / 60);
  } else if (whole >= 60) {
    std::snprintf(text, sizeof text, "%lldm %02llds", whole / 60, whole % 60);
  } else {
    std::snprintf(text, sizeof text, "%llds", whole);
  }
  return text;
}

void ProgressLine::update(const stream::StreamProgress& progress) {
  if (!enabled_) return;
  const Clock::time_point now = Clock::now();
  if (progress.pass != pass_) {
    pass_ = progress.pass;
    pass_started_ = now;
  }
  if (now - started_ < kFirstAfter || now - drawn_ < kEvery) return;
  drawn_ = now;
  const double seconds = std::chrono::duration<double>(now - pass_started_).count();
  std::string line =
      "cadre-policy eval: " + std::string(pass_name(progress.pass, progress.passes)) + " (pass " +
      std::to_string(progress.pass) + " of " + std::to_string(progress.passes) +
      "): " + thousands(progress.records);
  if (progress.total > 0) line += " of " + thousands(progress.total);
  line += " records";
  if (seconds > 0.5) {
    line += ", " + thousands(static_cast<std::uint64_t>(progress.records / seconds)) + "/s";
  }
  // When the pass ends: from the records left once the survey has counted
  // them (the reading runs ahead of the deciding), else from the bytes left.
  if (seconds > 0.5 && progress.total > 0 && progress.records > 0) {
    const double left =
        static_cast<double>(progress.total - std::min(progress.records, progress.total));
    line += ", pass ends in " + duration(left / (static_cast<double>(progress.records) / seconds));
  } else if (seconds > 0.5 && progress.size > 0 && progress.bytes > 0) {
    const double left =
        static_cast<double>(progress.size - std::min(progress.bytes, progress.size));
    line += ", pass ends in " + duration(left / (static_cast<double>(progress.bytes) / seconds));
  }
  const std::size_t width = line.size();
  if (line.size() < width_) line.append(width_ - line.size(), ' ');
  width_ = width;
  std::fprintf(stderr, "\r%s", line.c_str());
  std::fflush(stderr);
}

void ProgressLine::clear() {
  if (width_ == 0) return;
  std::fprintf(stderr, "\r%s\r", std::string(width_ + 8, ' ').c_str());
  std::fflush(stderr);
  width_ = 0;
}

}  // namespace cadre::tool
