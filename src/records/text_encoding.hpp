// The text of a records file as UTF-8, before any format reads it: a file in
// another encoding is converted when the caller says which (GB18030 and
// UTF-16, by the system's iconv), and refused with how to convert it when the
// caller did not (GBK/GB18030 and UTF-16 text told apart from a stray bad
// byte). A stray byte that is not text becomes U+FFFD and is remembered, so
// that only the record holding it is in error, never the whole file.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "records/record_batch.hpp"

namespace cadre::records {

/// A byte (or, in UTF-16, a code unit) of the file that is not text in its
/// encoding. The decoded text holds U+FFFD (3 bytes) in its place.
struct BadByte {
  std::size_t offset = 0;  ///< where its U+FFFD starts in the decoded text
  std::string bytes;       ///< as found in the file
};

/// A records file's text, decoded.
struct DecodedText {
  /// UTF-8. A byte-order mark at the start, when there was one, is kept (as
  /// U+FEFF): the readers skip it.
  std::string text;
  /// Every bad byte, by increasing offset.
  std::vector<BadByte> bad_bytes;
  /// Set when the file cannot be read in the encoding given (GBK or UTF-16
  /// read as UTF-8, iconv unable to convert): a `records.encoding`
  /// diagnostic saying how to convert it. `text` is then empty.
  std::optional<Diagnostic> refusal;
};

/// `text` (the bytes of the file `file`) as UTF-8 text, read as `encoding`.
DecodedText decode_text(const std::string& file, std::string text, RecordEncoding encoding);

/// A records file decoded piece by piece, for the streamed reader: the text
/// and bad bytes decode_text() gives for the whole file, appended to a
/// window as the pieces come. Decoding is the same code; only what decode_text
/// decides from the whole file before it reads any record (a file that is
/// UTF-16, or GBK text, read as UTF-8) is known here at the end, from
/// refusal().
class TextDecoder {
 public:
  /// `watch`: keep what refusal() needs (the first pass over the file).
  TextDecoder(RecordEncoding encoding, bool watch);
  ~TextDecoder();
  TextDecoder(const TextDecoder&) = delete;
  TextDecoder& operator=(const TextDecoder&) = delete;

  /// Appends the text of `bytes`, the next piece of the file, to `out`, and
  /// its bad bytes (offsets into `out`) to `bad`. `last`: no piece follows.
  /// Bytes that the next piece may complete are kept for it.
  void decode(std::string_view bytes, bool last, std::string& out, std::vector<BadByte>& bad);

  /// Why the file cannot be read in its encoding, as decode_text() says it:
  /// iconv unable to convert from it, or UTF-16 read as UTF-8, known after
  /// the first piece; with `at_end` (once the whole file was decoded), GBK
  /// text read as UTF-8 too. Needs `watch`.
  std::optional<Diagnostic> refusal(const std::string& file, bool at_end) const;

 private:
  std::string_view start(std::string_view bytes);
  void watch_utf8(std::string_view text, std::size_t consumed);
  void watch_gb18030(std::string_view bytes, bool last);

  RecordEncoding encoding_;
  bool watch_;
  bool started_ = false;
  std::string head_;           ///< the start of the file (a kilobyte: to tell UTF-16)
  std::string carry_;          ///< bytes of a sequence the next piece completes
  void* converter_ = nullptr;  ///< iconv_t, for GB18030 and UTF-16
  const char* from_ = "";
  std::size_t unit_ = 1;
  int open_error_ = 0;
  // Watching UTF-8: the position reached (up to the first byte that is not
  // UTF-8), that byte's position and character, and whether every byte so far
  // is GB18030 text.
  int line_ = 1;
  int column_ = 1;
  std::size_t raw_offset_ = 0;
  bool found_bad_ = false;
  int bad_line_ = 0;
  int bad_column_ = 0;
  std::size_t bad_offset_ = 0;
  std::string bad_character_;
  bool gb_valid_ = true;
  bool gb_started_ = false;
  std::string gb_pending_;
};

/// "invalid UTF-8 byte 0xFF", "byte 0x81 is not GB18030 text"; with "(and N
/// more in this record)" when `more` > 0.
std::string bad_byte_message(const BadByte& bad, RecordEncoding encoding, std::size_t more = 0);

/// The bad bytes whose offsets are in [begin, end).
std::span<const BadByte> bad_bytes_in(std::span<const BadByte> bad, std::size_t begin,
                                      std::size_t end);

/// True at a U+FEFF byte-order mark (not at the start of the text, where it
/// is expected): files that were joined.
inline bool is_byte_order_mark(std::string_view text, std::size_t pos) {
  return text.substr(pos, 3) == "\xEF\xBB\xBF";
}

}  // namespace cadre::records
