// Outputs decided before their turn: the records others belong to (towns,
// villages) are decided with their groups' members before the output is
// written, but are written in their place in the file, often before those
// members. Their outputs wait in a temporary file (deleted when closed), so
// that memory holds only an index entry per record.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace cadre::stream {

class HeldOutputs {
 public:
  HeldOutputs();
  ~HeldOutputs();
  HeldOutputs(const HeldOutputs&) = delete;
  HeldOutputs& operator=(const HeldOutputs&) = delete;

  /// Keeps the output of the record at `position`; false when it could not
  /// be written (failure() says why).
  bool put(std::uint64_t position, std::string_view text);

  /// Once every output is in: ready to be taken in file order.
  void seal();

  /// The position of the next output to take, or ~0 when none is left.
  std::uint64_t next_position() const;

  /// The next output, in file order; false when it cannot be read back.
  bool take(std::string& text);

  const std::string& failure() const { return failure_; }

 private:
  struct Entry {
    std::uint64_t position = 0;
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
  };
  std::FILE* file_ = nullptr;
  std::uint64_t written_ = 0;
  std::vector<Entry> entries_;
  std::size_t next_ = 0;
  std::string failure_;
};

}  // namespace cadre::stream
