// Writing JSON straight into a string, for the output of `eval`: one pass, no
// tree, no allocation beyond the string's own growth (a caller that reuses
// the string allocates nothing once it has grown). The bytes are those
// Boost.JSON's serializer writes for the same values, so that the contract's
// output does not change with the way it is written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cadre::render {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// A member's name; its value comes next.
  void key(std::string_view name);
  /// A name written in the code (`"outcome"`): plain ASCII, nothing to
  /// escape, so it is copied as it is.
  template <std::size_t N>
  void key(const char (&name)[N]) {
    separate();
    out_ += '"';
    out_.append(name, N - 1);
    out_ += "\":";
    after_key_ = true;
  }
  /// Members written before (`"a":1,"b":2`, from a writer of their own), as
  /// they are; nothing when empty.
  void members(std::string_view written);

  /// `"name":"text"`, and the same only when `text` is not empty.
  template <std::size_t N>
  void member(const char (&name)[N], std::string_view text) {
    key(name);
    string(text);
  }
  template <std::size_t N>
  void member_if_any(const char (&name)[N], std::string_view text) {
    if (!text.empty()) member(name, text);
  }
  /// `"name":number`.
  template <std::size_t N>
  void member(const char (&name)[N], std::int64_t number) {
    key(name);
    integer(number);
  }

  void string(std::string_view text);
  void integer(std::int64_t number);
  void boolean(bool value);
  void null();
  void real(double number);

 private:
  void open(char bracket);
  void close(char bracket);
  /// A comma before every value of a container but its first.
  void separate();

  std::string& out_;
  bool first_ = true;       ///< no value yet in the open container
  bool after_key_ = false;  ///< a key was written: its value takes no comma
};

/// `text` as a JSON string, quotes included, appended to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace cadre::render
