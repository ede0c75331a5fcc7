// The outputs waiting for their turn (see held_outputs.hpp).
#include "stream/held_outputs.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace cadre::stream {

HeldOutputs::HeldOutputs() = default;

HeldOutputs::~HeldOutputs() {
  if (file_ != nullptr) std::fclose(file_);
}

bool HeldOutputs::put(std::uint64_t position, std::string_view text) {
  if (!failure_.empty()) return false;
  if (file_ == nullptr) {
    errno = 0;
    file_ = std::tmpfile();
    if (file_ == nullptr) {
      failure_ = std::string("cannot create a temporary file: ") + std::strerror(errno);
      return false;
    }
  }
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) {
    failure_ = std::string("cannot write a temporary file: ") + std::strerror(errno);
    return false;
  }
  entries_.push_back({position, written_, text.size()});
  written_ += text.size();
  return true;
}

void HeldOutputs::seal() {
  std::sort(entries_.begin(), entries_.end(),
            [](const Entry& a, const Entry& b) { return a.position < b.position; });
  if (file_ != nullptr && std::fflush(file_) != 0) {
    failure_ = std::string("cannot write a temporary file: ") + std::strerror(errno);
  }
}

std::uint64_t HeldOutputs::next_position() const {
  return next_ < entries_.size() ? entries_[next_].position : ~std::uint64_t{0};
}

bool HeldOutputs::take(std::string& text) {
  const Entry& entry = entries_[next_++];
  text.resize(entry.size);
  if (entry.size == 0) return true;
  if (std::fseek(file_, static_cast<long>(entry.offset), SEEK_SET) != 0 ||
      std::fread(text.data(), 1, text.size(), file_) != text.size()) {
    failure_ = std::string("cannot read back a temporary file: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace cadre::stream
