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

/// The offset of the first byte from `pos` on that is not UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    // Most of a records file is ASCII: eight bytes at a time.
    while (pos + 8 <= text.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      pos += 8;
    }
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

/// `input` converted from `from` to UTF-8; an input unit (`unit` bytes) that
/// does not convert becomes U+FFFD.
Converted iconv_to_utf8(std::string_view input, const char* from, std::size_t unit) {
  Converted out;
  iconv_t converter = iconv_open("UTF-8", from);
  if (converter == reinterpret_cast<iconv_t>(-1)) {
    out.opened = false;
    return out;
  }
  std::string buffer(input.size() * 2 + 16, '\0');
  std::size_t written = 0;
  char* in = const_cast<char*>(input.data());  // iconv's signature; it does not write
  std::size_t in_left = input.size();
  while (in_left > 0) {
    if (buffer.size() - written < 16) buffer.resize(buffer.size() * 2);
    char* out_at = buffer.data() + written;
    std::size_t out_left = buffer.size() - written;
    const std::size_t result = iconv(converter, &in, &in_left, &out_at, &out_left);
    written = static_cast<std::size_t>(out_at - buffer.data());
    if (result != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      buffer.resize(buffer.size() * 2);
      continue;
    }
    // EILSEQ (not text) or EINVAL (cut off at the end): one unit is bad.
    const std::size_t skip = std::min(unit, in_left);
    if (buffer.size() - written < kReplacement.size()) buffer.resize(buffer.size() * 2);
    out.bad_bytes.push_back({written, std::string(in, skip)});
    buffer.replace(written, kReplacement.size(), kReplacement);
    written += kReplacement.size();
    in += skip;
    in_left -= skip;
  }
  iconv_close(converter);
  buffer.resize(written);
  out.text = std::move(buffer);
  return out;
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

DecodedText decode_utf8(const std::string& file, std::string text) {
  DecodedText decoded;
  const Utf16 order = utf16_order(text);
  if (order != Utf16::none) {
    const bool little = order == Utf16::little_endian;
    const bool marked = text.starts_with(little ? "\xFF\xFE" : "\xFE\xFF");
    decoded.refusal = refusal(
        file, yaml::Mark{1, 1, 0},
        std::string("the file is UTF-16 text (") + (little ? "little" : "big") +
            "-endian), not UTF-8",
        convert_help(file, marked ? "UTF-16" : (little ? "UTF-16LE" : "UTF-16BE"), "utf-16"));
    return decoded;
  }
  const std::size_t origin = text.starts_with(kUtf8Mark) ? 3 : 0;
  std::size_t bad = find_invalid_utf8(text, origin);
  if (bad == std::string_view::npos) {
    decoded.text = std::move(text);
    return decoded;
  }
  if (is_gb18030(text, origin)) {
    const std::string_view character = gb18030_character(text, bad);
    decoded.refusal = refusal(file, mark_of(text, bad),
                              "the file is GBK (GB18030) text, not UTF-8: bytes " +
                                  hex_bytes(character) + as_gb18030(character),
                              convert_help(file, "GB18030", "gbk"));
    return decoded;
  }
  // Stray bytes in UTF-8 text: each becomes U+FFFD, and its record an error.
  std::string& out = decoded.text;
  out.reserve(text.size() + 16);
  std::size_t copied = 0;
  for (; bad != std::string_view::npos; bad = find_invalid_utf8(text, bad + 1)) {
    out.append(text, copied, bad - copied);
    decoded.bad_bytes.push_back({out.size(), text.substr(bad, 1)});
    out += kReplacement;
    copied = bad + 1;
  }
  out.append(text, copied);
  return decoded;
}

DecodedText decode_converted(const std::string& file, std::string_view text, const char* from,
                             std::size_t unit) {
  DecodedText decoded;
  Converted converted = iconv_to_utf8(text, from, unit);
  if (!converted.opened) {
    decoded.refusal = refusal(
        file, yaml::Mark{1, 1, 0},
        std::string("this system cannot convert from ") + from + ": " + std::strerror(errno),
        "convert the file to UTF-8 with another tool");
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

}  // namespace cadre::records
