// peer_policy_hand_written FILE [--as-of YYYY-MM-DD] [--min-collective-income N]
//
// The end-to-end hand-written limit: reads JSON Lines (Boost.JSON, as a user
// would) or CSV (by the `.csv` extension), decides each record and prints one
// JSON line per record in input order: the seven outputs, null when
// undetermined. A line that cannot be read prints {"record", "line", "error"};
// the exit status is then 3, as for `cadre-policy eval`.
#include <boost/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "peer_policy.hpp"

namespace {

namespace json = boost::json;
using namespace cadre_bench;

struct Settings {
  const char* path = nullptr;
  Date as_of{2024, 12, 31};
  std::int64_t min_collective_income = 100000;
};

/// Lines of a file through one buffer that grows only for a longer line.
class LineReader {
 public:
  explicit LineReader(std::FILE* file) : file_(file), buffer_(std::size_t{1} << 20) {}

  /// The next line without its `\n` or `\r\n`; false at the end of the file.
  bool next(std::string_view& line) {
    for (;;) {
      const char* start = buffer_.data() + begin_;
      const std::size_t available = end_ - begin_;
      const auto* newline = static_cast<const char*>(std::memchr(start, '\n', available));
      if (newline != nullptr || (at_end_ && available > 0)) {
        const std::size_t length = newline != nullptr ? newline - start : available;
        line = std::string_view(start, length);
        begin_ += newline != nullptr ? length + 1 : length;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        return true;
      }
      if (at_end_) return false;
      std::memmove(buffer_.data(), start, available);
      begin_ = 0;
      end_ = available;
      if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);
      const std::size_t read = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
      end_ += read;
      at_end_ = read == 0;
    }
  }

  bool failed() const { return std::ferror(file_) != 0; }

 private:
  std::FILE* file_;
  std::vector<char> buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
  bool at_end_ = false;
};

/// Standard output through one large buffer, written with fwrite.
class Output {
 public:
  Output() { text_.reserve(kFlushAt + 4096); }
  ~Output() { flush(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  std::string& text() { return text_; }
  void line_done() {
    if (text_.size() >= kFlushAt) flush();
  }
  void flush() {
    if (std::fwrite(text_.data(), 1, text_.size(), stdout) != text_.size()) failed_ = true;
    text_.clear();
  }
  bool failed() const { return failed_ || std::fflush(stdout) != 0; }

 private:
  static constexpr std::size_t kFlushAt = std::size_t{1} << 20;
  std::string text_;
  bool failed_ = false;
};

/// Whether `text` is well-formed UTF-8 (no overlongs, surrogates or values
/// past U+10FFFF), so that an id from a CSV cell can be echoed in JSON.
bool is_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80;
      high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80;
      high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
      return false;
    }
    if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return false;
    for (std::size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return false;
    }
    i += length;
  }
  return true;
}

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xf];
      out += kHex[c & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_truth(std::string& out, std::optional<bool> value) {
  out += !value ? "null" : *value ? "true" : "false";
}

void append_decisions(std::string& out, const std::string& id, const PeerDecisions& d) {
  out += "{\"record\":";
  append_json_string(out, id);
  out += ",\"effective_grade\":";
  if (d.effective_grade) {
    out += '"';
    out += grade_name(*d.effective_grade);
    out += '"';
  } else {
    out += "null";
  }
  out += ",\"performance_pay\":";
  if (d.performance_pay) {
    char amount[48];
    out += '"';
    out.append(amount, format_fen(*d.performance_pay, amount));
    out += '"';
  } else {
    out += "null";
  }
  out += ",\"professional_eligible\":";
  append_truth(out, d.professional_eligible);
  out += ",\"tier1_allowed\":";
  append_truth(out, d.tier1_allowed);
  out += ",\"warning_talk\":";
  append_truth(out, d.warning_talk);
  out += ",\"admonish_talk\":";
  append_truth(out, d.admonish_talk);
  out += ",\"exit\":";
  if (d.exit) {
    out += '"';
    out += exit_name(*d.exit);
    out += '"';
  } else {
    out += "null";
  }
  out += "}\n";
}

void append_error(std::string& out, const std::string& id, long line, std::string_view message) {
  out += "{\"record\":";
  if (id.empty() || !is_utf8(id)) {  // a CSV cell that failed before the id was checked
    out += "null";
  } else {
    append_json_string(out, id);
  }
  out += ",\"line\":";
  out += std::to_string(line);
  out += ",\"error\":";
  append_json_string(out, message);
  out += "}\n";
}

/// Sets `field` from its text (a CSV cell, or a JSON string); false when the
/// text is not a value of the field's type.
bool set_text(PeerRecord& r, Field field, std::string_view text) {
  auto set = [](auto& slot, auto parsed) {
    slot = parsed;
    return parsed.has_value();
  };
  switch (field) {
    case Field::id:
      r.id.assign(text);
      return true;
    case Field::role:
      return set(r.role, parse_role(text));
    case Field::birth_date:
      return set(r.birth_date, parse_date(text));
    case Field::full_time_college:
      return set(r.full_time_college, parse_bool(text));
    case Field::tenure_start:
      return set(r.tenure_start, parse_date(text));
    case Field::town_rank:
      return set(r.town_rank, parse_int(text));
    case Field::town_size:
      return set(r.town_size, parse_int(text));
    case Field::collective_income:
      return set(r.collective_income, parse_int(text));
    case Field::party_org_stars:
      return set(r.party_org_stars, parse_int(text));
    case Field::grade:
      return set(r.grade, parse_grade(text));
    case Field::committee_grade:
      return set(r.committee_grade, parse_committee_grade(text));
    case Field::competency_rate:
      return set(r.competency_rate, parse_rate(text));
    case Field::missed_targets:
      return set(r.missed_targets, parse_bool(text));
    case Field::skipped_org_life:
      return set(r.skipped_org_life, parse_bool(text));
    case Field::criminal_conviction:
      return set(r.criminal_conviction, parse_bool(text));
    case Field::line_deviation:
      return set(r.line_deviation, parse_bool(text));
    case Field::base_performance_pay:
      return set(r.base_performance_pay, parse_int(text));
  }
  return false;
}

std::optional<bool>* bool_slot(PeerRecord& r, Field field) {
  switch (field) {
    case Field::full_time_college:
      return &r.full_time_college;
    case Field::missed_targets:
      return &r.missed_targets;
    case Field::skipped_org_life:
      return &r.skipped_org_life;
    case Field::criminal_conviction:
      return &r.criminal_conviction;
    case Field::line_deviation:
      return &r.line_deviation;
    default:
      return nullptr;
  }
}

std::optional<std::int64_t>* int_slot(PeerRecord& r, Field field) {
  switch (field) {
    case Field::town_rank:
      return &r.town_rank;
    case Field::town_size:
      return &r.town_size;
    case Field::collective_income:
      return &r.collective_income;
    case Field::party_org_stars:
      return &r.party_org_stars;
    case Field::base_performance_pay:
      return &r.base_performance_pay;
    default:
      return nullptr;
  }
}

/// Sets `field` from a JSON value other than null. Text is read as a CSV
/// cell would be (the engine reads "2000" for an int too).
bool set_json(PeerRecord& r, Field field, const json::value& value) {
  if (const json::string* text = value.if_string()) {
    return set_text(r, field, std::string_view(text->data(), text->size()));
  }
  if (std::optional<bool>* slot = bool_slot(r, field)) {
    if (!value.is_bool()) return false;
    *slot = value.get_bool();
    return true;
  }
  if (std::optional<std::int64_t>* slot = int_slot(r, field)) {
    if (!value.is_int64()) return false;  // a fraction, or beyond 64 bits
    *slot = value.get_int64();
    return true;
  }
  if (field != Field::competency_rate) return false;
  constexpr std::int64_t kWholeCap = 100'000'000;  // the cap of parse_rate
  if (value.is_int64()) {
    r.competency_rate = std::clamp(value.get_int64(), -kWholeCap, kWholeCap) * 10'000;
    return true;
  }
  if (value.is_uint64()) {  // beyond int64
    r.competency_rate = kWholeCap * 10'000;
    return true;
  }
  if (!value.is_double()) return false;
  // The DOM holds a double; its shortest round-trip text is the number as
  // written (up to 15 significant digits), read exactly from there on.
  char text[400];
  const auto written =
      std::to_chars(text, text + sizeof text, value.get_double(), std::chars_format::fixed);
  if (written.ec != std::errc()) return false;
  return set_text(r, field, std::string_view(text, written.ptr - text));
}

/// The record in `value`; false with `error` set when it is not one.
bool read_json_record(const json::value& value, PeerRecord& record, std::string& error) {
  const json::object* object = value.if_object();
  if (object == nullptr) {
    error = "a JSON Lines line holds one JSON object `{...}`";
    return false;
  }
  std::size_t hint = 0;
  for (const json::key_value_pair& entry : *object) {
    const std::string_view key(entry.key().data(), entry.key().size());
    const std::optional<Field> field = find_field(key, hint);
    if (!field) {
      if (key == "kind" && entry.value().is_string() && entry.value().get_string() == "cadre") {
        continue;  // the record kind, as the engine accepts it
      }
      error = "`cadre` has no field `" + std::string(key) + "`";
      return false;
    }
    hint = static_cast<std::size_t>(*field) + 1;
    if (entry.value().is_null()) continue;  // an absent fact
    if (!set_json(record, *field, entry.value())) {
      error = "`cadre." + std::string(key) + "` is not a valid " + std::string(key);
      return false;
    }
  }
  if (record.id.empty()) {
    error = "required field `cadre.id` is missing";
    return false;
  }
  return true;
}

struct Counts {
  long decided = 0;
  long failed = 0;
};

void emit(const PeerRecord& record, const Settings& settings, Output& out, Counts& counts) {
  append_decisions(out.text(), record.id,
                   decide(record, settings.as_of, settings.min_collective_income));
  ++counts.decided;
}

void emit_error(const std::string& id, long line, std::string_view message, Output& out,
                Counts& counts) {
  append_error(out.text(), id, line, message);
  ++counts.failed;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

void strip_byte_order_mark(std::string_view& line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
}

Counts decide_json_lines(LineReader& lines, const Settings& settings, Output& out) {
  Counts counts;
  // Reused across lines: the parser's stacks, and an arena that holds a
  // typical line's values without a heap allocation.
  json::parser parser;
  std::vector<unsigned char> arena(std::size_t{1} << 14);
  std::string_view line;
  std::string error;
  for (long number = 1; lines.next(line); ++number) {
    if (number == 1) strip_byte_order_mark(line);
    if (is_blank(line)) {
      out.line_done();
      continue;
    }
    PeerRecord record;
    try {
      json::monotonic_resource resource(arena.data(), arena.size());
      parser.reset(&resource);
      json::error_code ec;
      parser.write(line.data(), line.size(), ec);
      if (ec) {
        emit_error({}, number, "not valid JSON: " + ec.message(), out, counts);
      } else if (const json::value value = parser.release();
                 read_json_record(value, record, error)) {
        emit(record, settings, out, counts);
      } else {
        emit_error(record.id, number, error, out, counts);
      }
    } catch (const std::exception& e) {  // out of memory on a huge line
      emit_error(record.id, number, e.what(), out, counts);
    }
    out.line_done();
  }
  return counts;
}

/// Splits a CSV row into `cells`; a quoted cell may hold commas and `""`.
/// False when a quote is not closed on the line.
bool split_csv(std::string_view line, std::vector<std::string_view>& cells,
               std::vector<std::string>& unquoted) {
  cells.clear();
  std::size_t quoted = 0;
  std::size_t at = 0;
  for (;;) {
    if (at < line.size() && line[at] == '"') {
      if (unquoted.size() <= quoted) unquoted.emplace_back();
      std::string& text = unquoted[quoted++];
      text.clear();
      std::size_t i = at + 1;
      for (;; ++i) {
        if (i >= line.size()) return false;
        if (line[i] != '"') {
          text += line[i];
        } else if (i + 1 < line.size() && line[i + 1] == '"') {
          text += '"';
          ++i;
        } else {
          break;
        }
      }
      cells.emplace_back(text);
      at = i + 1;
      if (at < line.size() && line[at] != ',') return false;
    } else {
      const std::size_t comma = line.find(',', at);
      cells.push_back(line.substr(at, comma == std::string_view::npos ? comma : comma - at));
      at = comma;
    }
    if (at >= line.size()) return true;
    ++at;  // past the comma
  }
}

Counts decide_csv(LineReader& lines, const Settings& settings, Output& out, bool& bad_header) {
  Counts counts;
  std::string_view line;
  std::vector<std::string_view> cells;
  std::vector<std::string> unquoted;
  std::vector<Field> columns;
  long number = 1;
  for (; lines.next(line); ++number) {
    if (number == 1) strip_byte_order_mark(line);
    if (!is_blank(line)) break;
  }
  if (line.empty() || !split_csv(line, cells, unquoted)) {
    std::fprintf(stderr, "%s: no header row\n", settings.path);
    bad_header = true;
    return counts;
  }
  for (const std::string_view name : cells) {
    const std::optional<Field> field = find_field(name, columns.size());
    if (!field) {
      std::fprintf(stderr, "%s: `cadre` has no field `%.*s`\n", settings.path,
                   static_cast<int>(name.size()), name.data());
      bad_header = true;
      return counts;
    }
    columns.push_back(*field);
  }
  for (++number; lines.next(line); ++number) {
    if (is_blank(line)) continue;
    PeerRecord record;
    if (!split_csv(line, cells, unquoted)) {
      emit_error({}, number, "a quoted cell is not closed on its line", out, counts);
      out.line_done();
      continue;
    }
    if (cells.size() != columns.size()) {
      emit_error({}, number,
                 "the row has " + std::to_string(cells.size()) + " cells, the header " +
                     std::to_string(columns.size()),
                 out, counts);
      out.line_done();
      continue;
    }
    bool ok = true;
    for (std::size_t i = 0; i < cells.size() && ok; ++i) {
      if (cells[i].empty()) continue;  // an absent fact
      if (!set_text(record, columns[i], cells[i])) {
        const std::string_view name = kFieldNames[static_cast<std::size_t>(columns[i])];
        emit_error(record.id, number,
                   "`cadre." + std::string(name) + "` is not a valid " + std::string(name), out,
                   counts);
        ok = false;
      }
    }
    if (ok && record.id.empty()) {
      emit_error({}, number, "required field `cadre.id` is missing", out, counts);
      ok = false;
    } else if (ok && !is_utf8(record.id)) {
      emit_error({}, number, "`cadre.id` is not UTF-8 text", out, counts);
      ok = false;
    }
    if (ok) emit(record, settings, out, counts);
    out.line_done();
  }
  return counts;
}

bool parse_arguments(int argc, char** argv, Settings& settings) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--as-of" && i + 1 < argc) {
      const std::optional<Date> date = parse_date(argv[++i]);
      if (!date) return false;
      settings.as_of = *date;
    } else if (argument == "--min-collective-income" && i + 1 < argc) {
      const std::optional<std::int64_t> amount = parse_int(argv[++i]);
      if (!amount) return false;
      settings.min_collective_income = *amount;
    } else if (settings.path == nullptr && !argument.starts_with("--")) {
      settings.path = argv[i];
    } else {
      return false;
    }
  }
  return settings.path != nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings;
  if (!parse_arguments(argc, argv, settings)) {
    std::fprintf(stderr,
                 "usage: peer_policy_hand_written FILE [--as-of YYYY-MM-DD] "
                 "[--min-collective-income N]\n");
    return 2;
  }
  std::FILE* file = std::fopen(settings.path, "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "%s: %s\n", settings.path, std::strerror(errno));
    return 2;
  }
  try {
    LineReader lines(file);
    Output out;
    bool bad_header = false;
    const Counts counts = std::string_view(settings.path).ends_with(".csv")
                              ? decide_csv(lines, settings, out, bad_header)
                              : decide_json_lines(lines, settings, out);
    out.flush();
    const bool read_failed = lines.failed();
    std::fclose(file);
    if (read_failed || out.failed()) {
      std::fprintf(stderr, "%s: %s failed\n", settings.path, read_failed ? "reading" : "writing");
      return 2;
    }
    if (bad_header) return 2;
    std::fprintf(stderr, "%ld records decided, %ld not read\n", counts.decided, counts.failed);
    return counts.failed > 0 ? 3 : 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", settings.path, e.what());
    return 2;
  }
}
