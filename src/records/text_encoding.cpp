// Decoding a records file (see text_encoding.hpp). UTF-8 is checked in one
// pass with a fast path for ASCII; GB18030 and UTF-16 are converted by glibc's
// iconv, a byte it cannot convert becoming U+FFFD.
#include "records/text_encoding.hpp"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "yaml/encoding.hpp"
#include "yaml/scalar_position.hpp"

namespace cadre::records {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kUtf8Mark = "\xEF\xBB\xBF";     // U+FEFF

unsigned char byte_at(std::string_view text, std::size_t pos) {
  return static_cast<unsigned char>(text[pos]);
}

/// The first position from `pos` where the 8 bytes up to `limit` are not all
/// ASCII: most of a records file is ASCII, read eight bytes at a time.
std::size_t skip_ascii_words(std::string_view text, std::size_t pos, std::size_t limit) {
  while (pos + 8 <= limit) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + pos, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
    pos += 8;
  }
  return pos;
}

/// The offset of the first byte from `pos` on that is not UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    pos = skip_ascii_words(text, pos, text.size());
    if (pos >= text.size()) break;
    const auto length = static_cast<std::size_t>(yaml::utf8_sequence(text, static_cast<int>(pos)));
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

/// True when every byte of `text` from `pos` on belongs to GB18030 text:
/// ASCII, or a lead byte 0x81–0xFE with a second byte 0x40–0x7E or
/// 0x80–0xFE, or a four-byte sequence (lead, 0x30–0x39, lead, 0x30–0x39).
bool is_gb18030(std::string_view text, std::size_t pos) {
  auto in = [](unsigned byte, unsigned low, unsigned high) { return byte >= low && byte <= high; };
  while (pos < text.size()) {
    const unsigned lead = byte_at(text, pos);
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    if (!in(lead, 0x81, 0xFE) || pos + 1 >= text.size()) return false;
    const unsigned second = byte_at(text, pos + 1);
    if (in(second, 0x40, 0x7E) || in(second, 0x80, 0xFE)) {
      pos += 2;
    } else if (in(second, 0x30, 0x39) && pos + 3 < text.size() &&
               in(byte_at(text, pos + 2), 0x81, 0xFE) && in(byte_at(text, pos + 3), 0x30, 0x39)) {
      pos += 4;
    } else {
      return false;
    }
  }
  return true;
}

enum class Utf16 { none, little_endian, big_endian };

/// UTF-16 by its byte-order mark, or by NUL bytes every other byte (the
/// ASCII of UTF-16 text: `i\0d\0`) in its first kilobyte.
Utf16 utf16_order(std::string_view text) {
  if (text.starts_with("\xFF\xFE")) return Utf16::little_endian;
  if (text.starts_with("\xFE\xFF")) return Utf16::big_endian;
  const std::size_t pairs = std::min<std::size_t>(text.size(), 1024) / 2;
  std::size_t low_nul = 0;
  std::size_t high_nul = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    const bool first = text[2 * i] == '\0';
    const bool second = text[2 * i + 1] == '\0';
    if (first != second) ++(second ? low_nul : high_nul);
  }
  const std::size_t needed = std::max<std::size_t>(2, pairs * 3 / 10);
  if (low_nul >= needed && high_nul == 0) return Utf16::little_endian;
  if (high_nul >= needed && low_nul == 0) return Utf16::big_endian;
  return Utf16::none;
}

std::string hex_bytes(std::string_view bytes) {
  std::string text;
  for (char c : bytes) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "%s0x%02X", text.empty() ? "" : " ",
                  static_cast<unsigned>(static_cast<unsigned char>(c)));
    text += hex;
  }
  return text;
}

struct Converted {
  std::string text;
  std::vector<BadByte> bad_bytes;
  bool opened = true;  ///< false when iconv has no converter for the encoding
};

/// Converts `input` with `converter` to UTF-8 at the end of `out`; an input
/// unit (`unit` bytes) that does not convert becomes U+FFFD and a bad byte
/// (its offset into `out`). Unless `last`, a sequence cut off at the end of
/// `input` is left there, for the next piece of the file to complete.
void iconv_append(iconv_t converter, std::string_view& input, std::size_t unit, bool last,
                  std::string& out, std::vector<BadByte>& bad) {
  std::size_t written = out.size();
  out.resize(written + input.size() * 2 + 16);
  char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write
  std::size_t in_left = input.size();
  while (in_left > 0) {
    if (out.size() - written < 16) out.resize(out.size() * 2);
    char* out_at = out.data() + written;
    std::size_t out_left = out.size() - written;
    const std::size_t result = iconv(converter, &in, &in_left, &out_at, &out_left);
    written = static_cast<std::size_t>(out_at - out.data());
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    if (errno == EINVAL && !last) break;  // completed by the next piece
    // EILSEQ (not text) or EINVAL (cut off at the end): one unit is bad.
    const std::size_t skip = std::min(unit, in_left);
    if (out.size() - written < kReplacement.size()) out.resize(out.size() * 2);
    bad.push_back({written, std::string(in, skip)});
    out.replace(written, kReplacement.size(), kReplacement);
    written += kReplacement.size();
    in += skip;
    in_left -= skip;
  }
  out.resize(written);
  input = input.substr(input.size() - in_left);
}

/// `input` converted from `from` to UTF-8; an input unit (`unit` bytes) that
/// does not convert becomes U+FFFD.
Converted iconv_to_utf8(std::string_view input, const char* from, std::size_t unit) {
  Converted out;
  iconv_t converter = iconv_open("UTF-8", from);
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    out.opened = false;
    return out;
  }
  iconv_append(converter, input, unit, true, out.text, out.bad_bytes);
  iconv_close(converter);
  return out;
}

/// Appends `text[from, end)` to `out`, each byte that is not UTF-8 as U+FFFD
/// and a bad byte (its offset into `out`), and returns `end`: the end of the
/// text if `last`, else the first sequence that the next piece of the file
/// may still complete (within 3 bytes of the end), which is left unread.
std::size_t utf8_append(std::string_view text, std::size_t from, bool last, std::string& out,
                        std::vector<BadByte>& bad) {
  const std::size_t limit = last ? text.size() : std::max<std::size_t>(text.size(), 3) - 3;
  std::size_t copied = from;
  std::size_t pos = from;
  while (pos < limit) {
    pos = skip_ascii_words(text, pos, limit);
    if (pos >= limit) break;
    const auto length = static_cast<std::size_t>(yaml::utf8_sequence(text, static_cast<int>(pos)));
    if (length > 0) {
      pos += length;
      continue;
    }
    out.append(text, copied, pos - copied);
    bad.push_back({out.size(), std::string(text.substr(pos, 1))});
    out += kReplacement;
    copied = ++pos;
  }
  out.append(text, copied, pos - copied);
  return pos;
}

/// The mark of byte `offset` of `text`.
yaml::Mark mark_of(std::string_view text, std::size_t offset) {
  const int origin = text.starts_with(kUtf8Mark) ? 3 : 0;
  return yaml::advance_mark(text, yaml::Mark{1, 1, origin}, static_cast<int>(offset));
}

Diagnostic refusal(const std::string& file, const yaml::Mark& at, std::string message,
                   std::string help) {
  return {Severity::error, std::string(kEncodingCode),
          SourceLocation{file, at.line, at.column, at.offset}, std::move(message), std::move(help)};
}

std::string convert_help(const std::string& file, std::string_view iconv_name,
                         std::string_view option) {
  return "convert it: `iconv -f " + std::string(iconv_name) + " -t UTF-8 " + file + " > " + file +
         ".utf8`, or read it with the encoding `" + std::string(option) + "`";
}

/// What `bytes` (GB18030) read as, for the message: "`张`", or empty.
std::string as_gb18030(std::string_view bytes) {
  Converted converted = iconv_to_utf8(bytes, "GB18030", 1);
  if (!converted.opened || !converted.bad_bytes.empty()) return {};
  return " (`" + converted.text + "` in GBK)";
}

/// The bytes of the GB18030 character at `pos` (a lead byte).
std::string_view gb18030_character(std::string_view text, std::size_t pos) {
  const bool four =
      pos + 1 < text.size() && byte_at(text, pos + 1) >= 0x30 && byte_at(text, pos + 1) <= 0x39;
  return text.substr(pos, four ? 4 : 2);
}

/// A file whose start (`head`, its first kilobyte) is UTF-16, read as UTF-8.
std::optional<Diagnostic> utf16_refusal(const std::string& file, std::string_view head) {
  const Utf16 order = utf16_order(head);
  if (order == Utf16::none) return std::nullopt;
  const bool little = order == Utf16::little_endian;
  const bool marked = head.starts_with(little ? "\xFF\xFE" : "\xFE\xFF");
  return refusal(
      file, yaml::Mark{1, 1, 0},
      std::string("the file is UTF-16 text (") + (little ? "little" : "big") +
          "-endian), not UTF-8",
      convert_help(file, marked ? "UTF-16" : (little ? "UTF-16LE" : "UTF-16BE"), "utf-16"));
}

/// A GBK file read as UTF-8: its first character that is not UTF-8, at `at`.
Diagnostic gbk_refusal(const std::string& file, const yaml::Mark& at, std::string_view character) {
  return refusal(file, at,
                 "the file is GBK (GB18030) text, not UTF-8: bytes " + hex_bytes(character) +
                     as_gb18030(character),
                 convert_help(file, "GB18030", "gbk"));
}

DecodedText decode_utf8(const std::string& file, std::string text) {
  DecodedText decoded;
  if (auto refused = utf16_refusal(file, text)) {
    decoded.refusal = std::move(refused);
    return decoded;
  }
  const std::size_t origin = text.starts_with(kUtf8Mark) ? 3 : 0;
  std::size_t bad = find_invalid_utf8(text, origin);
  if (bad == std::string_view::npos) {
    decoded.text = std::move(text);
    return decoded;
  }
  if (is_gb18030(text, origin)) {
    decoded.refusal = gbk_refusal(file, mark_of(text, bad), gb18030_character(text, bad));
    return decoded;
  }
  // Stray bytes in UTF-8 text: each becomes U+FFFD, and its record an error.
  decoded.text.reserve(text.size() + 16);
  utf8_append(text, 0, true, decoded.text, decoded.bad_bytes);
  return decoded;
}

Diagnostic refusal_to_convert(const std::string& file, const char* from, int error) {
  return refusal(
      file, yaml::Mark{1, 1, 0},
      std::string("this system cannot convert from ") + from + ": " + std::strerror(error),
      "convert the file to UTF-8 with another tool");
}

DecodedText decode_converted(const std::string& file, std::string_view text, const char* from,
                             std::size_t unit) {
  DecodedText decoded;
  Converted converted = iconv_to_utf8(text, from, unit);
  if (!converted.opened) {
    decoded.refusal = refusal_to_convert(file, from, errno);
    return decoded;
  }
  decoded.text = std::move(converted.text);
  decoded.bad_bytes = std::move(converted.bad_bytes);
  return decoded;
}

}  // namespace

DecodedText decode_text(const std::string& file, std::string text, RecordEncoding encoding) {
  switch (encoding) {
    case RecordEncoding::gb18030:
      return decode_converted(file, text, "GB18030", 1);
    case RecordEncoding::utf16: {
      Utf16 order = utf16_order(text);
      std::string_view body = text;
      if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF")) body.remove_prefix(2);
      // Without a byte-order mark or NUL bytes to tell, little-endian (Windows).
      return decode_converted(file, body, order == Utf16::big_endian ? "UTF-16BE" : "UTF-16LE", 2);
    }
    case RecordEncoding::utf8:
      break;
  }
  return decode_utf8(file, std::move(text));
}

std::string bad_byte_message(const BadByte& bad, RecordEncoding encoding, std::size_t more) {
  std::string message;
  switch (encoding) {
    case RecordEncoding::utf8:
      message = "invalid UTF-8 byte " + hex_bytes(bad.bytes);
      break;
    case RecordEncoding::gb18030:
      message = "byte " + hex_bytes(bad.bytes) + " is not GB18030 text";
      break;
    case RecordEncoding::utf16:
      message = bad.bytes.size() == 1 ? "byte " + hex_bytes(bad.bytes) + " is not UTF-16 text"
                                      : "bytes " + hex_bytes(bad.bytes) + " are not UTF-16 text";
      break;
  }
  if (more > 0) message += " (and " + std::to_string(more) + " more in this record)";
  return message;
}

std::span<const BadByte> bad_bytes_in(std::span<const BadByte> bad, std::size_t begin,
                                      std::size_t end) {
  auto first = std::lower_bound(bad.begin(), bad.end(), begin,
                                [](const BadByte& b, std::size_t at) { return b.offset < at; });
  auto last = std::lower_bound(first, bad.end(), end,
                               [](const BadByte& b, std::size_t at) { return b.offset < at; });
  return {first, last};
}

namespace {

constexpr std::size_t kHeadBytes = 1024;  // what utf16_order() looks at

iconv_t as_iconv(void* converter) {
  return static_cast<iconv_t>(converter);
}

}  // namespace

TextDecoder::TextDecoder(RecordEncoding encoding, bool watch)
    : encoding_(encoding), watch_(watch) {}

TextDecoder::~TextDecoder() {
  if (converter_ != nullptr) iconv_close(as_iconv(converter_));
}

// Once the first kilobyte is known: the byte order of UTF-16 and the
// converter; returns the bytes to decode (a UTF-16 byte-order mark cut off).
std::string_view TextDecoder::start(std::string_view bytes) {
  started_ = true;
  if (encoding_ == RecordEncoding::utf8) return bytes;
  if (encoding_ == RecordEncoding::gb18030) {
    from_ = "GB18030";
  } else {
    const Utf16 order = utf16_order(head_);
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) bytes.remove_prefix(2);
    // Without a byte-order mark or NUL bytes to tell, little-endian (Windows).
    from_ = order == Utf16::big_endian ? "UTF-16BE" : "UTF-16LE";
    unit_ = 2;
  }
  iconv_t converter = iconv_open("UTF-8", from_);
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    open_error_ = errno;
  } else {
    converter_ = converter;
  }
  return bytes;
}

void TextDecoder::decode(std::string_view bytes, bool last, std::string& out,
                         std::vector<BadByte>& bad) {
  std::string joined;
  if (!started_) {
    head_.append(bytes);
    if (head_.size() < kHeadBytes && !last) return;
    joined = std::move(head_);
    head_ = joined.substr(0, kHeadBytes);
    bytes = start(joined);
  }
  if (!carry_.empty()) {
    // The few bytes of a character cut off by the last piece, then this one.
    joined.reserve(carry_.size() + bytes.size());
    joined.assign(carry_).append(bytes);
    bytes = joined;
  }
  if (encoding_ == RecordEncoding::utf8) {
    const std::size_t consumed = utf8_append(bytes, 0, last, out, bad);
    if (watch_) {
      watch_utf8(bytes, consumed);
      watch_gb18030(bytes.substr(0, consumed), last);
    }
    carry_ = std::string(bytes.substr(consumed));
    return;
  }
  if (converter_ == nullptr) return;  // refused: iconv cannot convert
  iconv_append(as_iconv(converter_), bytes, unit_, last, out, bad);
  carry_ = std::string(bytes);
}

// Follows the UTF-8 text up to its first byte that is not UTF-8, as
// decode_utf8() finds it on the whole file: where that byte is, and the
// GB18030 character it would begin.
void TextDecoder::watch_utf8(std::string_view text, std::size_t consumed) {
  if (found_bad_) return;
  std::size_t from = 0;
  if (raw_offset_ == 0 && text.starts_with(kUtf8Mark)) from = 3;  // columns start after it
  const std::size_t bad = find_invalid_utf8(text, from);
  const std::size_t to = bad < consumed ? bad : consumed;
  const yaml::Mark at = yaml::advance_mark(
      text.substr(0, to), {line_, column_, static_cast<int>(from)}, static_cast<int>(to));
  line_ = at.line;
  column_ = at.column;
  if (bad < consumed) {
    found_bad_ = true;
    bad_line_ = line_;
    bad_column_ = column_;
    bad_offset_ = raw_offset_ + bad;
    bad_character_ = std::string(gb18030_character(text, bad));
  }
  raw_offset_ += consumed;
}

// Whether every byte from the start (after a byte-order mark) is GB18030
// text, as is_gb18030() tells on the whole file; a character cut off by the
// end of a piece waits for the next.
void TextDecoder::watch_gb18030(std::string_view bytes, bool last) {
  if (!gb_valid_) return;
  // A character cut off by the last piece is joined to this one; else the
  // piece is read where it is.
  std::string joined;
  if (!gb_pending_.empty()) {
    joined = gb_pending_ + std::string(bytes);
    gb_pending_.clear();
  }
  const std::string_view text = joined.empty() ? bytes : std::string_view(joined);
  std::size_t pos = 0;
  if (!gb_started_) {
    gb_started_ = true;
    if (text.starts_with(kUtf8Mark)) pos = 3;
  }
  auto in = [](unsigned byte, unsigned low, unsigned high) { return byte >= low && byte <= high; };
  auto wait = [&] {
    if (last) return false;
    gb_pending_ = std::string(text.substr(pos));
    return true;
  };
  while (pos < text.size()) {
    pos = skip_ascii_words(text, pos, text.size());
    if (pos >= text.size()) break;
    const unsigned lead = byte_at(text, pos);
    if (lead < 0x80) {
      ++pos;
      continue;
    }
    if (!in(lead, 0x81, 0xFE)) break;
    if (pos + 1 >= text.size()) {
      if (wait()) return;
      break;
    }
    const unsigned second = byte_at(text, pos + 1);
    if (in(second, 0x40, 0x7E) || in(second, 0x80, 0xFE)) {
      pos += 2;
      continue;
    }
    if (!in(second, 0x30, 0x39)) break;
    if (pos + 3 >= text.size()) {
      if (wait()) return;
      break;
    }
    if (!in(byte_at(text, pos + 2), 0x81, 0xFE) || !in(byte_at(text, pos + 3), 0x30, 0x39)) break;
    pos += 4;
  }
  gb_valid_ = pos >= text.size();
}

std::optional<Diagnostic> TextDecoder::refusal(const std::string& file, bool at_end) const {
  if (encoding_ != RecordEncoding::utf8) {
    if (!started_ || converter_ != nullptr) return std::nullopt;
    return refusal_to_convert(file, from_, open_error_);
  }
  if (!started_ || !watch_) return std::nullopt;
  if (auto refused = utf16_refusal(file, head_)) return refused;
  if (!at_end || !found_bad_ || !gb_valid_) return std::nullopt;
  return gbk_refusal(file, yaml::Mark{bad_line_, bad_column_, static_cast<int>(bad_offset_)},
                     bad_character_);
}

}  // namespace cadre::records
