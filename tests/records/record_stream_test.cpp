// The streamed reader (records/record_stream.hpp) reads every record as the
// reader of a whole file does: the same kind, id, line, value, partial value
// and errors with their positions, whatever size the pieces of the file come
// in (down to one byte, so that every record, UTF-8 sequence and CSV row is
// cut at every place) and whatever the encoding. Checked on the hostile
// corpus, the streamed test populations and texts written here.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "records/duplicate_keys.hpp"
#include "records/record_limits.hpp"
#include "records/record_stream.hpp"
#include "records_test_support.hpp"

namespace cadre::records {

namespace {

namespace fs = std::filesystem;
using namespace testing;

/// A record as text: everything a reader gives of it.
std::string shown(const InputRecord& record) {
  std::string value = "unread";
  if (record.value) {
    value.clear();
    const RecordType& type = record.value->type();
    for (std::size_t i = 0; i < type.fields().size(); ++i) {
      const Value* field = record.value->field(static_cast<int>(i));
      if (field != nullptr) value += type.fields()[i].name + "=" + field->debug_string() + "; ";
    }
  }
  return record.kind + " " + record.id + " @" + std::to_string(record.line) + " {" + value +
         "} partial " + partial(record) + "\n" + errors(record);
}

/// The records of `file` read whole, after the checks of the whole file.
std::vector<std::string> read_whole(const fs::path& file, const RecordReadOptions& options) {
  RecordBatch batch = read_records(file, lookup(), options);
  std::vector<std::string> out;
  for (const Diagnostic& d : batch.diagnostics)
    out.push_back("diagnostic " + d.code + " " + std::to_string(d.location.line) + ":" +
                  std::to_string(d.location.column) + " " + d.message);
  for (const InputRecord& record : batch.records)
    out.push_back(shown(record));
  return out;
}

/// The records of `file` read as a stream in pieces of `piece` bytes, with
/// the same checks (duplicates and caps done here on the records read).
std::vector<std::string> read_streamed(const fs::path& file, const RecordReadOptions& options,
                                       std::size_t piece) {
  RecordStream stream(file, options, true, piece);
  std::vector<InputRecord> records;
  if (stream.prepare()) {
    for (RecordText text; stream.next(text);)
      records.push_back(stream.read(text, lookup()));
  }
  // A file in another encoding is refused as a whole, known at its end: the
  // records read before are not given.
  if (stream.refused()) records.clear();
  check_duplicate_keys(records, options);
  RecordBatch batch;
  batch.diagnostics = stream.diagnostics();
  batch.records = std::move(records);
  note_empty(batch, file.string());
  cap_reports(batch, file.string(), options.max_diagnostics);
  std::vector<std::string> out;
  for (const Diagnostic& d : batch.diagnostics)
    out.push_back("diagnostic " + d.code + " " + std::to_string(d.location.line) + ":" +
                  std::to_string(d.location.column) + " " + d.message);
  for (const InputRecord& record : batch.records)
    out.push_back(shown(record));
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines)
    text += line + "\n";
  return text;
}

void same_either_way(const fs::path& file, const RecordReadOptions& options) {
  INFO(file.string());
  const std::string whole = joined(read_whole(file, options));
  CHECK(!whole.empty());
  for (std::size_t piece : {1, 2, 3, 5, 64, 4096, 1 << 20}) {
    INFO("pieces of " << piece << " bytes");
    CHECK(joined(read_streamed(file, options, piece)) == whole);
  }
}

struct TempFile {
  fs::path path;
  TempFile(const std::string& name, const std::string& text) {
    path = fs::temp_directory_path() / ("cadre-stream-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << text;
  }
  ~TempFile() {
    std::error_code error;
    fs::remove(path, error);
  }
};

const fs::path kData = fs::path(CADRE_TEST_DATA_DIR);

}  // namespace

TEST_CASE("the hostile corpus reads the same streamed") {
  for (const auto& entry : fs::recursive_directory_iterator(kData / ".." / "hostile" / "records")) {
    const auto extension = entry.path().extension();
    if (extension != ".jsonl" && extension != ".csv") continue;
    same_either_way(entry.path(), strict());
    RecordReadOptions small = strict();
    small.max_record_bytes = 40;  // rows and lines over the limit, cut at every place
    same_either_way(entry.path(), small);
  }
}

TEST_CASE("texts with every hard case read the same streamed") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"crlf-bom.jsonl",
       "\xEF\xBB\xBF{\"id\": \"c1\", \"name\": \"张三\"}\r\n\r\n  \n{\"id\": \"c2\"}\r\n"
       "{\"id\": \"c1\", \"name\": \"dup\"}"},
      {"bad-bytes.jsonl",
       "{\"id\": \"c1\", \"name\": \"\xE5\xBC\xA0\xFF\xE4\xB8\"}\n{\"id\": \"c2\", \"name\": "
       "\"ok\"}\n\xEF\xBB\xBF{\"id\": \"c3\"}\n{\"id\": \"c4\", \"name\": \"\xF0\x9F\x98\x80\"}\n"},
      {"not-json.jsonl",
       "{\"id\": \"c1\", name: x}\n[1, 2]\n{\"kind\": \"village\", \"id\": \"v1\", "
       "\"star_rating\": "
       "\"four\"}\n{\"id\": \"c2\", \"grade\": \"称值\"}\n"},
      {"long.jsonl",
       "{\"id\": \"c1\", \"name\": \"" + std::string(200, 'x') + "\"}\n{\"id\": \"c2\"}\n"},
      {"quotes.csv",
       "id,name,village.id\nc1,\"a, b\",v1\nc2,\"line\nbreak\",v1\r\nc3,\"never "
       "closed,v1\nc4,ok,v1\n"
       "c5,a\"b,v1\nc6,\"x\"y,v1\n\n\nc7,,\n"},
      {"stray.csv", "id,name\nc1,\"stray\nc2,ok\nc3,\"also\"\nc4,fine\n"},
      {"ragged.csv", "id,name,years\nc1,a\nc2,b,3,4\nc3,c,5\n\xEF\xBB\xBFid,name,years\n"},
      {"bad-header.csv", "id,,name\nc1,a,b\n"},
      {"blank.csv", "\xEF\xBB\xBF  \r\n\n \n"},
      {"long-row.csv",
       "id,name\nc1," + std::string(300, 'y') + "\nc2,\"" + std::string(300, 'z') + "\nc3,ok\n"},
      {"multibyte.csv", "id,name\nc1,张三\nc2,\xE6\x9D\x8E\xFF\xE5\x9B\x9B\nc3,王五\n"},
  };
  for (const auto& [name, text] : cases) {
    TempFile file(name, text);
    same_either_way(file.path, strict());
    RecordReadOptions small = strict();
    small.max_record_bytes = 48;
    same_either_way(file.path, small);
  }
}

TEST_CASE("other encodings read the same streamed, refused or converted") {
  const std::string gbk = "id,name\nc1,\xD5\xC5\xC8\xFD\nc2,\xC0\xEE\xCB\xC4\n";  // 张三, 李四
  // `id,name` then `c1,x`, little-endian with its byte-order mark.
  const char utf16_body[] =
      "i\0d\0,\0n\0a\0m\0e\0\n\0c\0"
      "1\0,\0x\0\n\0";
  const std::string utf16 =
      std::string("\xFF\xFE", 2) + std::string(utf16_body, sizeof utf16_body - 1);
  TempFile gbk_file("gbk.csv", gbk);
  TempFile gbk_header("gbk-header.csv", "\xB1\xE0\xBA\xC5,name\nc1,x\n");  // 编号: a bad header too
  same_either_way(gbk_header.path, strict());
  TempFile utf16_file("utf16.csv", utf16);
  same_either_way(gbk_file.path, strict());
  same_either_way(utf16_file.path, strict());
  RecordReadOptions as_gbk = strict();
  as_gbk.encoding = RecordEncoding::gb18030;
  same_either_way(gbk_file.path, as_gbk);
  RecordReadOptions as_utf16 = strict();
  as_utf16.encoding = RecordEncoding::utf16;
  same_either_way(utf16_file.path, as_utf16);
  // A GBK byte pair cut off at the end, and a stray byte, in GB18030.
  TempFile broken("broken-gbk.csv", "id,name\nc1,\xD5\xC5\x80\nc2,\xD5");
  same_either_way(broken.path, as_gbk);
}

}  // namespace cadre::records
