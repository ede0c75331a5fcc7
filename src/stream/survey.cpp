// The first pass over a streamed file (see survey.hpp). Records are parsed
// on the pool in batches and taken back in file order; at the end, what only
// the whole file tells is settled: which records were given twice (they
// become stand-ins), where each group's records lie, and which members have
// no group. A few records are read a second time for that (the members with
// no group, the records given twice that were not kept): the gathering pass.
#include "stream/survey.hpp"

#include <algorithm>
#include <set>

#include "engine/conditions.hpp"
#include "engine/related_records.hpp"
#include "engine/stand_ins.hpp"
#include "records/record_limits.hpp"
#include "yaml/raw_text.hpp"

namespace cadre::stream {

namespace {

/// A run of consecutive members of one group, or of records whose group is
/// not known yet (of one kind, belonging to one record).
struct Extent {
  bool resolved = false;
  int kind = -1;
  std::string key;  ///< the group's key when resolved, else the parent's (kind NUL key)
  bool has_parent = false;
  std::string parent_key;
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  int first_line = 0;
  int last_line = 0;
  std::string first_id;
  std::string last_id;
};

struct Parsed {
  std::vector<records::RecordText> texts;
  std::vector<InputRecord> records;
};

int kind_of(const Grouping& grouping, const std::string& name) {
  auto found = std::find(grouping.names.begin(), grouping.names.end(), name);
  return found == grouping.names.end() ? -1 : static_cast<int>(found - grouping.names.begin());
}

std::string joined(const std::string& kind, const std::string& key) {
  return kind + '\0' + key;
}

/// The text of the key of the record `value` belongs to (its parent field).
bool parent_of(const Grouping& grouping, int kind, const RecordValue& value, std::string& key) {
  if (kind < 0 || grouping.parent[static_cast<std::size_t>(kind)] < 0) return false;
  const Value* field =
      value.field(value.type().find_field(grouping.parent_field[static_cast<std::size_t>(kind)]));
  if (field == nullptr) return false;
  key = engine::plain_text(*field);
  return true;
}

/// Reads every record of `stream` in file order, parsing them on `pool`;
/// `take` gets each with its text. Returns the records read.
template <class Take>
std::uint64_t read_all(records::RecordStream& stream, const records::RecordTypeLookup& types,
                       WorkPool& pool, const SurveyLimits& limits, Take take,
                       const std::function<void(std::uint64_t)>& tick) {
  std::uint64_t index = 0;
  OrderedWork<Parsed> work(pool, limits.window, [&](Parsed&& parsed) {
    for (std::size_t i = 0; i < parsed.records.size(); ++i)
      take(index++, std::move(parsed.texts[i]), std::move(parsed.records[i]));
    tick(index);
  });
  while (true) {
    auto texts = std::make_shared<std::vector<records::RecordText>>();
    records::RecordText text;
    while (texts->size() < limits.batch && stream.next(text))
      texts->push_back(std::move(text));
    if (texts->empty()) break;
    work.give([texts, &stream, &types] {
      Parsed parsed;
      parsed.records.reserve(texts->size());
      for (const auto& one : *texts)
        parsed.records.push_back(stream.read(one, types));
      parsed.texts = std::move(*texts);
      return parsed;
    });
  }
  work.finish();
  return index;
}

class Surveyor {
 public:
  Surveyor(const CompiledRuleSetImpl& impl, const records::RecordReadOptions& options)
      : options_(options), stand_ins_(impl) {
    survey_.grouping = grouping_of(impl);
  }

  void take(std::uint64_t index, records::RecordText&& text, InputRecord&& record);
  void finish(const std::filesystem::path& file, const records::RecordTypeLookup& types,
              const SurveyLimits& limits);
  Survey result() { return std::move(survey_); }

 private:
  const Grouping& grouping() const { return survey_.grouping; }
  void note_member(std::uint64_t index, const InputRecord& record, int kind,
                   const std::string& key);
  void drop_duplicates(const records::RecordTypeLookup& types, const records::RecordStream& reader);
  void resolve_extents(const std::string& file);
  void gather(const std::filesystem::path& file, const records::RecordTypeLookup& types);
  void add_stand_ins();
  void place_kept();
  std::size_t group_named(const std::string& key);

  const records::RecordReadOptions& options_;
  Survey survey_;
  engine::StandIns stand_ins_;
  std::vector<Extent> extents_;
  std::unordered_map<std::string, std::string> early_;  ///< parent → group, found before the end
  /// Members with no group: where they are (first and last index of runs), how many.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> guests_;
  std::uint64_t guest_count_ = 0;
};

void Surveyor::take(std::uint64_t index, records::RecordText&& text, InputRecord&& record) {
  const std::string type_name = record.value ? record.value->type().name() : std::string();
  const std::string key = record.value ? engine::key_of(*record.value) : std::string();
  survey_.ledger.add(index, record, type_name, key);
  if (!record.value) {
    stand_ins_.add(record, index + 1);
    return;
  }
  const int kind = kind_of(grouping(), type_name);
  if (kind >= 0 && grouping().held[static_cast<std::size_t>(kind)]) {
    KeptRecord kept;
    kept.order = index;
    kept.index = index;
    kept.kind = kind;
    kept.key = key;
    kept.has_parent = parent_of(grouping(), kind, *record.value, kept.parent_key);
    kept.text = std::move(text);
    survey_.by_key.emplace(joined(type_name, key), survey_.kept.size());
    survey_.kept_at.emplace(index, survey_.kept.size());
    survey_.kept.push_back(std::move(kept));
    return;
  }
  if (grouping().group_kind >= 0 && kind >= 0 && grouping().within(kind, grouping().group_kind)) {
    note_member(index, record, kind, key);
  }
}

// Adds a record that belongs to a group (or should) to the runs.
void Surveyor::note_member(std::uint64_t index, const InputRecord& record, int kind,
                           const std::string& key) {
  Extent extent;
  extent.kind = kind;
  extent.has_parent = parent_of(grouping(), kind, *record.value, extent.parent_key);
  auto group = survey_.group_of(kind, key, extent.has_parent, extent.parent_key);
  if (group) {
    extent.resolved = true;
    extent.key = *group;
    if (kind != grouping().group_kind) {
      early_.emplace(joined(std::to_string(kind), extent.parent_key), *group);
    }
  } else {
    extent.key = joined(std::to_string(kind), extent.has_parent ? extent.parent_key : "\1");
  }
  if (!extents_.empty()) {
    Extent& last = extents_.back();
    if (last.resolved == extent.resolved && last.key == extent.key) {
      last.last = index;
      last.last_line = record.line;
      last.last_id = record.id;
      return;
    }
  }
  extent.first = extent.last = index;
  extent.first_line = extent.last_line = record.line;
  extent.first_id = extent.last_id = record.id;
  extents_.push_back(std::move(extent));
}

std::size_t Surveyor::group_named(const std::string& key) {
  auto [found, added] = survey_.group_by_key.try_emplace(key, survey_.groups.size());
  if (added) {
    Group group;
    group.key = key;
    survey_.groups.push_back(std::move(group));
  }
  return found->second;
}

// Kept records given twice are not readable: they leave, for stand-ins.
void Surveyor::drop_duplicates(const records::RecordTypeLookup& types,
                               const records::RecordStream& reader) {
  for (std::size_t i = 0; i < survey_.kept.size(); ++i) {
    KeptRecord& kept = survey_.kept[i];
    if (kept.index == kNone) continue;
    InputRecord record = reader.read(kept.text, types);
    survey_.ledger.check(kept.index, record, options_);
    if (record.value) continue;
    stand_ins_.add(record, kept.index + 1);
    survey_.kept_at.erase(kept.index);
    auto at = survey_.by_key.find(
        joined(grouping().names[static_cast<std::size_t>(kept.kind)], kept.key));
    if (at != survey_.by_key.end() && at->second == i) survey_.by_key.erase(at);
    kept.kind = -1;  // dropped
  }
}

void Surveyor::add_stand_ins() {
  const auto values = stand_ins_.build([&](const std::string& kind, const std::string& key) {
    return survey_.ledger.readable(kind, key);
  });
  std::uint64_t order = survey_.records;
  for (const RecordValue& value : values) {
    KeptRecord kept;
    kept.order = order++;
    kept.kind = kind_of(grouping(), value.type().name());
    kept.key = engine::key_of(value);
    kept.has_parent = parent_of(grouping(), kept.kind, value, kept.parent_key);
    kept.value = value;
    if (kept.kind >= 0 && grouping().held[static_cast<std::size_t>(kept.kind)]) {
      survey_.by_key.emplace(joined(value.type().name(), kept.key), survey_.kept.size());
    } else if (grouping().group_kind < 0 || kept.kind < 0 ||
               !grouping().within(kept.kind, grouping().group_kind)) {
      continue;  // neither belongs to a group nor has records belonging to it
    }
    survey_.kept.push_back(std::move(kept));
  }
}

// Every kept record to its group; members with no group are guests.
void Surveyor::place_kept() {
  const int group_kind = grouping().group_kind;
  for (std::size_t i = 0; i < survey_.kept.size(); ++i) {
    KeptRecord& kept = survey_.kept[i];
    if (kept.kind < 0) continue;
    if (group_kind >= 0 && grouping().within(kept.kind, group_kind)) {
      auto group = survey_.group_of(kept.kind, kept.key, kept.has_parent, kept.parent_key);
      if (group) {
        kept.group = static_cast<std::int64_t>(group_named(*group));
        survey_.groups[static_cast<std::size_t>(kept.group)].kept.push_back(i);
        continue;
      }
    }
    kept.guest = group_kind >= 0 && grouping().member[static_cast<std::size_t>(kept.kind)];
  }
  for (Group& group : survey_.groups) {
    std::sort(group.kept.begin(), group.kept.end(), [&](std::size_t a, std::size_t b) {
      return survey_.kept[a].order < survey_.kept[b].order;
    });
  }
}

void Surveyor::resolve_extents(const std::string& file) {
  for (const auto& [parent, group] : early_) {
    const std::size_t nul = parent.find('\0');
    const int kind = std::stoi(parent.substr(0, nul));
    auto now = survey_.group_of(kind, "", true, parent.substr(nul + 1));
    if (now == group) continue;
    const std::size_t parent_kind =
        static_cast<std::size_t>(grouping().parent[static_cast<std::size_t>(kind)]);
    survey_.diagnostics.push_back(records::file_diagnostic(
        file, records::kLimitCode, Severity::error,
        "the " + grouping().names[parent_kind] + " " + yaml::backticked(parent.substr(nul + 1)) +
            " belongs to " + yaml::backticked(group) + " where the file starts and to " +
            (now ? yaml::backticked(*now) : std::string("no group")) +
            " once it is read to its end (is it given twice?)",
        "correct it, or decide the file with --whole-file"));
  }
  for (Extent& extent : extents_) {
    if (extent.resolved) continue;
    auto group = survey_.group_of(extent.kind, "", extent.has_parent, extent.parent_key);
    if (group) {
      extent.resolved = true;
      extent.key = *group;
    } else if (grouping().member[static_cast<std::size_t>(extent.kind)]) {
      guests_.emplace_back(extent.first, extent.last);
      guest_count_ += extent.last - extent.first + 1;
    }
  }
  for (const Extent& extent : extents_) {
    if (!extent.resolved) continue;
    Group& group = survey_.groups[group_named(extent.key)];
    if (group.first == kNone) {
      group.first = extent.first;
      group.first_line = extent.first_line;
      group.first_id = extent.first_id;
    }
    group.last = extent.last;
    group.last_line = extent.last_line;
    group.last_id = extent.last_id;
    group.members += extent.last - extent.first + 1;
  }
}

// Reads again the records the end of the survey asks for: members with no
// group (guests, kept for every part) and records given twice that were not
// kept (their stand-ins).
void Surveyor::gather(const std::filesystem::path& file, const records::RecordTypeLookup& types) {
  std::set<std::uint64_t> wanted;
  for (const auto& [first, last] : guests_) {
    for (std::uint64_t i = first; i <= last; ++i)
      wanted.insert(i);
  }
  for (std::uint64_t index : survey_.ledger.duplicate_indices()) {
    if (!survey_.kept_at.contains(index)) wanted.insert(index);
  }
  if (wanted.empty()) return;
  records::RecordStream stream(file, options_, false);
  stream.prepare();
  records::RecordText text;
  std::uint64_t index = 0;
  for (auto next = wanted.begin(); next != wanted.end() && stream.next(text); ++index) {
    if (index != *next) continue;
    ++next;
    InputRecord record = stream.read(text, types);
    // One that could not be read has its stand-in noted already; one given
    // twice stands in too. A guest run may hold other records between its
    // members (the records they belong to are kept already).
    if (!record.value) continue;
    survey_.ledger.check(index, record, options_);
    if (!record.value) {
      stand_ins_.add(record, index + 1);
      continue;
    }
    const int kind = kind_of(grouping(), record.value->type().name());
    if (kind < 0 || !grouping().member[static_cast<std::size_t>(kind)] ||
        survey_.kept_at.contains(index)) {
      continue;
    }
    KeptRecord kept;
    kept.order = index;
    kept.index = index;
    kept.kind = kind;
    kept.key = engine::key_of(*record.value);
    kept.has_parent = parent_of(grouping(), kept.kind, *record.value, kept.parent_key);
    kept.text = std::move(text);
    kept.guest = true;
    survey_.kept_at.emplace(index, survey_.kept.size());
    survey_.kept.push_back(std::move(kept));
  }
  for (const Diagnostic& d : stream.diagnostics()) {
    if (d.severity == Severity::error) survey_.diagnostics.push_back(d);
  }
}

void Surveyor::finish(const std::filesystem::path& file, const records::RecordTypeLookup& types,
                      const SurveyLimits& limits) {
  survey_.ledger.finish();
  records::RecordStream reader(file, options_, false);
  reader.prepare();
  drop_duplicates(types, reader);
  resolve_extents(file.string());
  if (guest_count_ > limits.max_guests) {
    const Extent* first = nullptr;
    for (const Extent& extent : extents_) {
      if (!extent.resolved && grouping().member[static_cast<std::size_t>(extent.kind)]) {
        first = &extent;
        break;
      }
    }
    const std::string group = grouping().names[static_cast<std::size_t>(grouping().group_kind)];
    survey_.diagnostics.push_back(records::file_diagnostic(
        file.string(), records::kLimitCode, Severity::error,
        std::to_string(guest_count_) + " records belong to no " + group + " in the file (" +
            (first ? "the first, " + yaml::backticked(first->first_id) + " at line " +
                         std::to_string(first->first_line) + ", names " +
                         (first->has_parent ? yaml::backticked(first->parent_key)
                                            : std::string("none")) +
                         ")"
                   : std::string(")")) +
            ": each could be in any " + group + "'s group, more than " +
            std::to_string(limits.max_guests) + " such records cannot be decided in parts",
        "give the records they belong to, or decide the file with --whole-file"));
    return;
  }
  gather(file, types);
  add_stand_ins();
  survey_.ledger.release();
  place_kept();
}

}  // namespace

std::optional<std::string> Survey::group_of(int kind, const std::string& key, bool has_parent,
                                            const std::string& parent_key) const {
  const int group_kind = grouping.group_kind;
  if (kind == group_kind) return key;
  int current = kind;
  bool has = has_parent;
  std::string parent = parent_key;
  for (int depth = 0; depth < grouping.kinds() && has; ++depth) {
    const int up = grouping.parent[static_cast<std::size_t>(current)];
    if (up < 0) return std::nullopt;
    auto found = by_key.find(joined(grouping.names[static_cast<std::size_t>(up)], parent));
    if (found == by_key.end()) return std::nullopt;
    const KeptRecord& record = kept[found->second];
    if (up == group_kind) return record.key;
    current = up;
    has = record.has_parent;
    parent = record.parent_key;
  }
  return std::nullopt;
}

Survey survey_file(const std::filesystem::path& file, const records::RecordReadOptions& options,
                   const records::RecordTypeLookup& types, const CompiledRuleSetImpl& impl,
                   WorkPool& pool, const SurveyLimits& limits,
                   const std::function<void(std::uint64_t records, std::uint64_t bytes,
                                            std::uint64_t size)>& progress) {
  Surveyor surveyor(impl, options);
  records::RecordStream stream(file, options, true);
  auto failed = [&] {
    return std::any_of(stream.diagnostics().begin(), stream.diagnostics().end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
  };
  // A bad CSV header leaves every row unread: said at once, as the reader
  // of a whole file says it, before any row is read.
  std::uint64_t records = 0;
  if (stream.prepare() && !failed()) {
    records = read_all(
        stream, types, pool, limits,
        [&](std::uint64_t index, records::RecordText&& text, InputRecord&& record) {
          surveyor.take(index, std::move(text), std::move(record));
        },
        [&](std::uint64_t done) { progress(done, stream.bytes_read(), stream.file_size()); });
  } else {
    // Read to the end all the same: a file in another encoding is refused
    // for that, before its header's problems are said.
    for (records::RecordText text; stream.next(text);) {
    }
  }
  if (!failed()) surveyor.finish(file, types, limits);
  Survey survey = surveyor.result();
  survey.records = records;
  RecordBatch said;
  said.diagnostics = stream.diagnostics();
  records::cap_reports(said, file.string(), options.max_diagnostics);
  survey.diagnostics.insert(survey.diagnostics.begin(), said.diagnostics.begin(),
                            said.diagnostics.end());
  return survey;
}

}  // namespace cadre::stream
