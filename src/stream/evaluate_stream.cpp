// The streamed evaluation of a records file (see evaluate_stream.hpp): the
// survey, the records others belong to decided with their groups, then the
// parts decided and written in order.
#include "stream/evaluate_stream.hpp"

#include <algorithm>
#include <deque>
#include <exception>
#include <system_error>

#include "core/access.hpp"
#include "records/record_limits.hpp"
#include "records/schema_options.hpp"
#include "stream/held_outputs.hpp"
#include "stream/part_decision.hpp"
#include "stream/parts.hpp"
#include "stream/survey.hpp"
#include "stream/work_pool.hpp"
#include "yaml/raw_text.hpp"

namespace cadre::stream {

namespace {

/// What tells that a file was changed between two passes.
struct Stamp {
  std::uintmax_t size = 0;
  std::filesystem::file_time_type time;
  bool operator==(const Stamp&) const = default;
};

Stamp stamp_of(const std::filesystem::path& file) {
  std::error_code error;
  Stamp stamp;
  stamp.size = std::filesystem::file_size(file, error);
  stamp.time = std::filesystem::last_write_time(file, error);
  return stamp;
}

class Run {
 public:
  Run(const std::filesystem::path& file, const CompiledRuleSet& rules,
      const RecordReadOptions& given, Date as_of, const StreamOptions& options,
      const StreamSink& sink)
      : file_(file),
        impl_(internal::impl_of(rules)),
        as_of_(as_of),
        options_(options),
        sink_(sink),
        pool_(options.threads > 1 ? options.threads : 0),
        window_(std::max<std::size_t>(2, 2 * options.threads)) {
    read_options_ = records::schema_read_options(impl_.rules().schema);
    static_cast<RecordReadOptions&>(read_options_) = given;
    read_options_.default_kind = records::default_record_kind(impl_.rules());
    types_ = [this](std::string_view kind) {
      const auto* variable = impl_.environment.find(kind);
      return variable ? variable->type.record_type_shared() : nullptr;
    };
  }

  StreamResult run();

 private:
  bool failed() const { return has_errors(result_.diagnostics); }
  void fail(std::string message, std::string help = {}) {
    result_.diagnostics.push_back(records::file_diagnostic(
        file_.string(), records::kIoCode, Severity::error, std::move(message), std::move(help)));
  }
  bool unchanged();
  bool read_part(records::RecordStream& stream, const Part& part, std::uint64_t& index,
                 PartTexts& texts);
  RunContext context(const records::RecordStream& reader) const;
  void progress(int pass, std::uint64_t records, const records::RecordStream* stream) const;
  void decide_kept_records();
  void write_outputs();
  void write(std::uint64_t position, const std::string& text);
  void tally(Rendered& rendered);

  std::filesystem::path file_;
  const CompiledRuleSetImpl& impl_;
  Date as_of_;
  const StreamOptions& options_;
  const StreamSink& sink_;
  records::RecordReadOptions read_options_;
  records::RecordTypeLookup types_;
  WorkPool pool_;
  std::size_t window_;
  Stamp stamp_;
  Survey survey_;
  PartPlan plan_;
  HeldOutputs held_;
  int passes_ = 2;
  StreamResult result_;
};

bool Run::unchanged() {
  if (stamp_of(file_) == stamp_) return true;
  fail("the file " + yaml::backticked(file_.string()) + " changed while it was read",
       "decide it again once it no longer changes: the output is incomplete");
  return false;
}

// Reads the texts of `part`'s records from `stream`, which stands at `index`.
bool Run::read_part(records::RecordStream& stream, const Part& part, std::uint64_t& index,
                    PartTexts& texts) {
  texts.part = part;
  texts.texts.clear();
  texts.texts.reserve(part.end - part.begin);
  records::RecordText text;
  while (index < part.end && stream.next(text)) {
    if (index++ >= part.begin) texts.texts.push_back(std::move(text));
  }
  if (index == part.end) return true;
  for (const Diagnostic& d : stream.diagnostics()) {
    if (d.severity == Severity::error) result_.diagnostics.push_back(d);
  }
  if (!failed()) unchanged();
  if (!failed())
    fail("the file " + yaml::backticked(file_.string()) + " changed while it was read");
  return false;
}

RunContext Run::context(const records::RecordStream& reader) const {
  return RunContext{impl_,         survey_,        reader, types_,
                    read_options_, file_.string(), as_of_, options_.evaluation,
                    sink_.render};
}

void Run::progress(int pass, std::uint64_t records, const records::RecordStream* stream) const {
  if (!sink_.progress) return;
  StreamProgress now;
  now.pass = pass;
  now.passes = passes_;
  now.records = records;
  now.total = pass == 1 ? 0 : survey_.records;
  now.bytes = stream != nullptr ? stream->bytes_read() : 0;
  now.size = stream != nullptr ? stream->file_size() : 0;
  sink_.progress(now);
}

// The records others belong to, and the members with no group, decided with
// their groups; their outputs wait for their turn.
void Run::decide_kept_records() {
  records::RecordStream stream(file_, read_options_, false);
  stream.prepare();
  const RunContext shared = context(stream);
  // The records a unit has passed when it is done (parts only), for progress.
  std::deque<std::uint64_t> passed;
  OrderedWork<Rendered> work(pool_, window_, [&](Rendered&& rendered) {
    for (const auto& [position, text] : rendered.outputs)
      held_.put(position, text);
    const std::uint64_t done = passed.front();
    passed.pop_front();
    if (done != kNone) progress(2, done, &stream);
  });
  auto wanted_of = [&](const std::vector<std::size_t>& groups) {
    std::vector<std::size_t> wanted;
    for (std::size_t g : groups) {
      for (std::size_t kept : survey_.groups[g].kept) {
        if (survey_.kept[kept].index != kNone) wanted.push_back(kept);
      }
    }
    return wanted;
  };
  std::uint64_t index = 0;
  for (const Part& part : plan_.parts) {
    auto texts = std::make_shared<PartTexts>();
    if (!read_part(stream, part, index, *texts)) return;
    if (part.groups.empty()) continue;
    auto wanted = wanted_of(part.groups);
    passed.push_back(part.end);
    work.give([&shared, texts, wanted = std::move(wanted)] {
      return decide_kept(shared, texts->part.groups, wanted, texts.get());
    });
  }
  // Groups with no member in the file, a few at a time.
  for (std::size_t from = 0; from < plan_.leafless.size();) {
    std::vector<std::size_t> groups;
    std::size_t records = 0;
    while (from < plan_.leafless.size() && (groups.empty() || records < options_.part_records)) {
      records += survey_.groups[plan_.leafless[from]].kept.size();
      groups.push_back(plan_.leafless[from++]);
    }
    auto wanted = wanted_of(groups);
    passed.push_back(kNone);
    work.give([&shared, groups = std::move(groups), wanted = std::move(wanted)] {
      return decide_kept(shared, groups, wanted, nullptr);
    });
  }
  // Records in no group (the guests, those the groups belong to).
  std::vector<std::size_t> rest;
  for (std::size_t i = 0; i < survey_.kept.size(); ++i) {
    const KeptRecord& kept = survey_.kept[i];
    if (kept.kind >= 0 && kept.group < 0 && kept.index != kNone) rest.push_back(i);
  }
  for (std::size_t from = 0; from < rest.size(); from += options_.part_records) {
    const std::size_t to = std::min(rest.size(), from + options_.part_records);
    std::vector<std::size_t> wanted(rest.begin() + static_cast<std::ptrdiff_t>(from),
                                    rest.begin() + static_cast<std::ptrdiff_t>(to));
    passed.push_back(kNone);
    work.give(
        [&shared, wanted = std::move(wanted)] { return decide_kept(shared, {}, wanted, nullptr); });
  }
  work.finish();
  held_.seal();
  if (!held_.failure().empty()) fail(held_.failure());
}

void Run::write(std::uint64_t position, const std::string& text) {
  // The outputs decided before their turn come in between.
  std::string held;
  while (held_.next_position() < position) {
    if (!held_.take(held)) return fail(held_.failure());
    ++result_.decided;
    sink_.write(held);
  }
  sink_.write(text);
}

void Run::tally(Rendered& rendered) {
  result_.decided += rendered.decided;
  result_.not_evaluated += rendered.not_evaluated.size();
  for (RecordOutput& output : rendered.not_evaluated) {
    if (result_.first_not_evaluated.size() < kFirstNotEvaluated)
      result_.first_not_evaluated.push_back(std::move(output));
  }
}

void Run::write_outputs() {
  records::RecordStream stream(file_, read_options_, false);
  stream.prepare();
  const RunContext shared = context(stream);
  std::uint64_t written = 0;
  OrderedWork<Rendered> work(pool_, window_, [&](Rendered&& rendered) {
    tally(rendered);
    for (const auto& [position, text] : rendered.outputs)
      write(position, text);
    written += rendered.outputs.size();
    progress(passes_, written, &stream);
  });
  std::uint64_t index = 0;
  for (const Part& part : plan_.parts) {
    auto texts = std::make_shared<PartTexts>();
    if (!read_part(stream, part, index, *texts)) {
      work.abandon();
      return;
    }
    work.give([&shared, texts] { return decide_part(shared, *texts); });
  }
  work.finish();
  write(survey_.records, "");  // the outputs held for the end
  records::RecordText extra;
  if (stream.next(extra) || !unchanged()) {
    if (!failed())
      fail("the file " + yaml::backticked(file_.string()) + " changed while it was read");
  }
}

StreamResult Run::run() {
  const Grouping grouping = grouping_of(impl_);
  passes_ = grouping.group_kind >= 0 ? 3 : 2;
  if (const std::string& refusal = grouping.refusal; !refusal.empty()) {
    result_.diagnostics.push_back(records::file_diagnostic(
        file_.string(), records::kFormatCode, Severity::error,
        "the records cannot be decided in parts: " + refusal, "decide the file with --whole-file"));
    return std::move(result_);
  }
  stamp_ = stamp_of(file_);
  SurveyLimits limits;
  limits.max_guests = options_.max_guests;
  limits.window = window_;
  survey_ = survey_file(file_, read_options_, types_, impl_, pool_, limits,
                        [&](std::uint64_t records, std::uint64_t bytes, std::uint64_t size) {
                          if (!sink_.progress) return;
                          StreamProgress now;
                          now.pass = 1;
                          now.passes = passes_;
                          now.records = records;
                          now.bytes = bytes;
                          now.size = size;
                          sink_.progress(now);
                        });
  result_.diagnostics = survey_.diagnostics;
  result_.records = survey_.records;
  if (failed()) return std::move(result_);
  if (survey_.records == 0) {
    result_.diagnostics.push_back(records::file_diagnostic(
        file_.string(), records::kEmptyCode, Severity::warning,
        "no records in " + yaml::backticked(file_.string()),
        "a records file holds records: YAML or JSON items, JSON Lines lines, CSV rows below the "
        "header"));
    return std::move(result_);
  }
  plan_ = cut_parts(survey_, file_.string(), options_.part_records, options_.max_part_records);
  result_.diagnostics.insert(result_.diagnostics.end(), plan_.problems.begin(),
                             plan_.problems.end());
  if (failed() || !unchanged()) return std::move(result_);
  if (survey_.grouping.group_kind >= 0) decide_kept_records();
  if (failed() || !unchanged()) return std::move(result_);
  result_.begun = true;
  if (sink_.begin) sink_.begin();
  write_outputs();
  return std::move(result_);
}

}  // namespace

std::string stream_refusal(const CompiledRuleSet& rules) {
  return grouping_of(internal::impl_of(rules)).refusal;
}

StreamResult evaluate_stream(const std::filesystem::path& file, const CompiledRuleSet& rules,
                             const RecordReadOptions& read_options, Date as_of,
                             const StreamOptions& options, const StreamSink& sink) {
  try {
    Run run(file, rules, read_options, as_of, options, sink);
    return run.run();
  } catch (const std::exception& error) {
    // Not a problem of the input: a failure of this program, said as one.
    StreamResult result;
    result.begun = true;  // the output, if any, is not to be trusted
    result.diagnostics.push_back(records::file_diagnostic(
        file.string(), records::kIoCode, Severity::error,
        std::string("internal error while deciding the file in parts: ") + error.what(),
        "decide it with --whole-file, and report this"));
    return result;
  }
}

}  // namespace cadre::stream
