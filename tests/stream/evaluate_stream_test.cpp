// The streamed evaluation through its API (src/stream/evaluate_stream.hpp):
// the same outputs as evaluate_batch on the whole file, and what it refuses
// rather than decide differently: too many members with no group, a file
// that changes while it is read.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cadre/engine.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"
#include "stream/evaluate_stream.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kRoot = fs::path(CADRE_TEST_DATA_DIR) / ".." / "..";

struct Streamed {
  cadre::stream::StreamResult result;
  std::string out;
};

Streamed stream_file(const fs::path& file, const cadre::CompiledRuleSet& rules,
                     cadre::stream::StreamOptions options, std::function<void()> begin = nullptr) {
  const cadre::Date as_of = *cadre::Date::parse("2019-03-15");
  Streamed streamed;
  cadre::stream::StreamSink sink;
  sink.render = [&](const cadre::RecordOutput& output) {
    return cadre::to_json_line(output, rules, as_of) + "\n";
  };
  sink.begin = std::move(begin);
  sink.write = [&](std::string_view text) { streamed.out += text; };
  streamed.result = cadre::stream::evaluate_stream(file, rules, {}, as_of, options, sink);
  return streamed;
}

std::string whole(const fs::path& file, const cadre::CompiledRuleSet& rules) {
  const cadre::Date as_of = *cadre::Date::parse("2019-03-15");
  const cadre::Engine engine(rules);
  std::string out;
  for (const auto& output : engine.evaluate_batch(cadre::read_records(file, rules), as_of))
    out += cadre::to_json_line(output, rules, as_of) + "\n";
  return out;
}

struct Scratch {
  fs::path path;
  explicit Scratch(const std::string& name)
      : path(fs::temp_directory_path() /
             ("cadre-stream-" + std::to_string(::getpid()) + "-" + name)) {}
  ~Scratch() {
    std::error_code error;
    fs::remove(path, error);
  }
};

}  // namespace

TEST_CASE("a streamed file gives the whole file's outputs, on any number of threads") {
  auto loaded = cadre::load_ruleset(kRoot / "rules" / "hengyang");
  REQUIRE(loaded.ok());
  const fs::path file = kRoot / "tests" / "data" / "stream" / "hengyang.jsonl";
  const std::string expected = whole(file, *loaded.ruleset);
  for (std::size_t threads : {1, 2, 5}) {
    for (std::size_t part : {1, 7, 1000}) {
      INFO(threads << " threads, parts of " << part);
      cadre::stream::StreamOptions options;
      options.threads = threads;
      options.part_records = part;
      Streamed streamed = stream_file(file, *loaded.ruleset, options);
      CHECK(streamed.result.diagnostics.empty());
      CHECK(streamed.result.records == 63);
      CHECK(streamed.result.decided == 63);
      CHECK(streamed.out == expected);
    }
  }
}

TEST_CASE("more members with no group than the limit are refused before any output") {
  auto loaded = cadre::load_ruleset(kRoot / "rules" / "hengyang");
  REQUIRE(loaded.ok());
  Scratch file("orphans.jsonl");
  {
    std::ofstream out(file.path);
    out << R"({"kind": "town", "id": "T1", "village_cadre_count": 3})"
           "\n"
        << R"({"kind": "village", "id": "V1", "town_id": "T1"})"
           "\n";
    for (int i = 0; i < 3; ++i)
      out << R"({"kind": "cadre", "id": "c)" << i
          << R"(", "village_id": "V9"})"
             "\n";
  }
  cadre::stream::StreamOptions options;
  options.max_guests = 2;
  bool begun = false;
  Streamed streamed = stream_file(file.path, *loaded.ruleset, options, [&] { begun = true; });
  REQUIRE(streamed.result.diagnostics.size() == 1);
  CHECK(streamed.result.diagnostics[0].message.starts_with(
      "3 records belong to no town in the file (the first, `c0` at line 3, names `V9`)"));
  CHECK_FALSE(begun);
  CHECK(streamed.out.empty());
  // Within the limit, they are in every part, as in the whole file.
  options.max_guests = 3;
  options.part_records = 1;
  streamed = stream_file(file.path, *loaded.ruleset, options);
  CHECK(streamed.result.diagnostics.empty());
  CHECK(streamed.out == whole(file.path, *loaded.ruleset));
}

TEST_CASE("a file that changes between two readings is an error, never another result") {
  auto loaded = cadre::load_ruleset(kRoot / "rules" / "hengyang");
  REQUIRE(loaded.ok());
  Scratch file("changing.jsonl");
  fs::copy_file(kRoot / "tests" / "data" / "stream" / "hengyang.jsonl", file.path);
  cadre::stream::StreamOptions options;
  Streamed streamed = stream_file(file.path, *loaded.ruleset, options, [&] {
    std::ofstream(file.path, std::ios::app) << R"({"kind": "cadre", "id": "late"})"
                                               "\n";
  });
  CHECK(streamed.result.begun);
  REQUIRE_FALSE(streamed.result.diagnostics.empty());
  CHECK(streamed.result.diagnostics.back().message.find("changed while it was read") !=
        std::string::npos);
}
