// The text of a records file as UTF-8, before any format reads it: a file in
// another encoding is converted when the caller says which (GB18030 and
// UTF-16, by the system's iconv), and refused with how to convert it when the
// caller did not (GBK/GB18030 and UTF-16 text told apart from a stray bad
// byte). A stray byte that is not text becomes U+FFFD and is remembered, so
// that only the record holding it is in error, never the whole file.
#pragma once

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
