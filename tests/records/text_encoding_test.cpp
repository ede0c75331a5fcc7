// Tests of the text encoding of records files: GBK (GB18030) and UTF-16 text
// refused with how to convert it, or read when the encoding is given; stray
// bytes that are not text as errors of their records only.
#include <doctest/doctest.h>

#include "records/text_encoding.hpp"
#include "records_test_support.hpp"

namespace cadre::records {
namespace {

using testing::diagnostics;
using testing::errors;
using testing::field;

/// The bytes of a literal, NUL bytes included.
template <std::size_t N>
std::string bytes(const char (&literal)[N]) {
  return std::string(literal, N - 1);
}

// "id,name\nc1,张三\n" in GBK, UTF-16LE (with a byte-order mark) and UTF-16BE.
const std::string kGbk = "id,name\nc1,\xD5\xC5\xC8\xFD\n";
const std::string kUtf16Le = bytes(
    "\xFF\xFEi\0d\0,\0n\0a\0m\0e\0\n\0c\0"
    "1\0,\0\x20\x5F\x09\x4E\n\0");
const std::string kUtf16BeNoMark = bytes(
    "\0i\0d\0,\0n\0a\0m\0e\0\n\0c\0"
    "1\0,\x5F\x20\x4E\x09\0\n");

RecordReadOptions with(RecordEncoding encoding) {
  RecordReadOptions options = testing::cadre_default();
  options.encoding = encoding;
  return options;
}

TEST_CASE("GBK text read as UTF-8 is refused with how to convert it") {
  RecordBatch batch = testing::read("r.csv", kGbk);
  CHECK(batch.records.empty());
  CHECK(diagnostics(batch) ==
        "records.encoding 2:4 the file is GBK (GB18030) text, not UTF-8: bytes 0xD5 0xC5 (`张` "
        "in GBK)");
  CHECK(batch.diagnostics[0].help ==
        "convert it: `iconv -f GB18030 -t UTF-8 r.csv > r.csv.utf8`, or read it with the "
        "encoding `gbk`");
}

TEST_CASE("UTF-16 text read as UTF-8 is refused, by its byte-order mark or its NUL bytes") {
  RecordBatch batch = testing::read("r.csv", kUtf16Le);
  CHECK(diagnostics(batch) ==
        "records.encoding 1:1 the file is UTF-16 text (little-endian), not UTF-8");
  CHECK(batch.diagnostics[0].help ==
        "convert it: `iconv -f UTF-16 -t UTF-8 r.csv > r.csv.utf8`, or read it with the encoding "
        "`utf-16`");
  batch = testing::read("r.jsonl", kUtf16BeNoMark);
  CHECK(diagnostics(batch) ==
        "records.encoding 1:1 the file is UTF-16 text (big-endian), not UTF-8");
  CHECK(batch.diagnostics[0].help.starts_with("convert it: `iconv -f UTF-16BE -t UTF-8"));
}

TEST_CASE("with its encoding given, GBK and UTF-16 text is read") {
  RecordBatch gbk = testing::read("r.csv", kGbk, with(RecordEncoding::gb18030));
  CHECK(diagnostics(gbk) == "");
  REQUIRE(gbk.records.size() == 1);
  CHECK(field(gbk.records[0], "name") == "\"张三\"");
  for (const std::string& text : {kUtf16Le, kUtf16BeNoMark}) {
    RecordBatch utf16 = testing::read("r.csv", text, with(RecordEncoding::utf16));
    CHECK(diagnostics(utf16) == "");
    REQUIRE(utf16.records.size() == 1);
    CHECK(field(utf16.records[0], "name") == "\"张三\"");
  }
}

TEST_CASE("a byte that is not text in the encoding given is an error of its record") {
  RecordBatch batch = testing::read("r.csv", "id,name\nc1,\xD5\xC5\nc2,\xFF\nc3,x\n",
                                    with(RecordEncoding::gb18030));
  REQUIRE(batch.records.size() == 3);
  CHECK(errors(batch.records[0]) == "");
  CHECK(errors(batch.records[1]) == "3:4 name: byte 0xFF is not GB18030 text");
  CHECK(errors(batch.records[2]) == "");
  std::string odd = kUtf16Le + "x";  // half a code unit at the end
  batch = testing::read("r.csv", odd, with(RecordEncoding::utf16));
  REQUIRE(batch.records.size() == 2);
  CHECK(errors(batch.records[1]) ==
        "3:1 : the row has 1 cell but the header has 2 columns\n3:1 id: byte 0x78 is not UTF-16 "
        "text");
}

TEST_CASE("stray bytes in UTF-8 text become U+FFFD, each remembered") {
  DecodedText decoded = decode_text("r",
                                    "a\xFF"
                                    "b\xC3\x28",
                                    RecordEncoding::utf8);
  CHECK_FALSE(decoded.refusal);
  CHECK(decoded.text ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD(");
  REQUIRE(decoded.bad_bytes.size() == 2);
  CHECK(decoded.bad_bytes[0].offset == 1);
  CHECK(decoded.bad_bytes[1].offset == 5);
  CHECK(bad_byte_message(decoded.bad_bytes[1], RecordEncoding::utf8) == "invalid UTF-8 byte 0xC3");
  // Valid UTF-8, a byte-order mark at the start, and ASCII: as they are.
  CHECK(decode_text("r", "\xEF\xBB\xBFid\n张三\n", RecordEncoding::utf8).text ==
        "\xEF\xBB\xBFid\n张三\n");
}

TEST_CASE("the encoding names a user may give") {
  CHECK(parse_record_encoding("UTF-8") == RecordEncoding::utf8);
  CHECK(parse_record_encoding("utf8") == RecordEncoding::utf8);
  CHECK(parse_record_encoding("GBK") == RecordEncoding::gb18030);
  CHECK(parse_record_encoding("gb18030") == RecordEncoding::gb18030);
  CHECK(parse_record_encoding("gb2312") == RecordEncoding::gb18030);
  CHECK(parse_record_encoding("utf-16") == RecordEncoding::utf16);
  CHECK(parse_record_encoding("latin1") == std::nullopt);
}

}  // namespace
}  // namespace cadre::records
