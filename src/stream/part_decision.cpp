// Deciding a part (see part_decision.hpp). The population is built of
// entries that know their place in the whole file's population (readable
// records by their index, stand-ins after them), sorted by it, and decided
// with the engine's population evaluation; only the wanted entries are
// decided fully and rendered.
#include "stream/part_decision.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>

#include "engine/conditions.hpp"
#include "engine/population.hpp"
#include "engine/related_records.hpp"
#include "records/record_limits.hpp"

namespace cadre::stream {

namespace {

struct Entry {
  std::uint64_t order = 0;
  RecordValue value;
  bool wanted = false;
  std::uint64_t position = kNone;  ///< its place in the file, for its output
  std::string id;                  ///< its output's record and kind
  std::string kind;
};

int kind_of(const Grouping& grouping, const std::string& name) {
  auto found = std::find(grouping.names.begin(), grouping.names.end(), name);
  return found == grouping.names.end() ? -1 : static_cast<int>(found - grouping.names.begin());
}

std::string output_id(const InputRecord& record, std::uint64_t position) {
  return record.id.empty() ? "#" + std::to_string(position + 1) : record.id;
}

class Population {
 public:
  explicit Population(const RunContext& context) : context_(context) {}

  const Survey& survey() const { return context_.survey; }

  /// A record of the file, read in this task.
  void add(std::uint64_t position, const InputRecord& record, bool wanted) {
    entries_.push_back(
        {position, *record.value, wanted, position, output_id(record, position), record.kind});
  }

  /// A kept record (read from its text, or a stand-in's value), once.
  void add_kept(std::size_t index, bool wanted) {
    if (!present_.insert(index).second) return;
    const KeptRecord& kept = survey().kept[index];
    if (kept.value) {
      entries_.push_back({kept.order, *kept.value, false, kNone, "", ""});
      return;
    }
    InputRecord record = context_.reader.read(kept.text, context_.types);
    if (!record.value) return;  // read before: it was readable, and is
    entries_.push_back({kept.order, std::move(*record.value), wanted, kept.index,
                        output_id(record, kept.index), record.kind});
  }

  /// Marks a kept record as present already (read as a record of the part).
  void note_present(std::uint64_t position) {
    auto found = survey().kept_at.find(position);
    if (found != survey().kept_at.end()) present_.insert(found->second);
  }

  void add_groups(const std::vector<std::size_t>& groups) {
    for (std::size_t g : groups) {
      for (std::size_t kept : survey().groups[g].kept)
        add_kept(kept, false);
    }
  }

  void add_guests() {
    for (std::size_t i = 0; i < survey().kept.size(); ++i) {
      if (survey().kept[i].guest) add_kept(i, false);
    }
  }

  /// The records every entry belongs to, through the kept records.
  void add_ancestors() {
    const Grouping& grouping = survey().grouping;
    for (std::size_t e = 0; e < entries_.size(); ++e) {
      int kind = kind_of(grouping, entries_[e].value.type().name());
      std::string parent;
      const RecordValue* current = &entries_[e].value;
      bool has = false;
      if (kind >= 0 && grouping.parent[static_cast<std::size_t>(kind)] >= 0) {
        const Value* field = current->field(
            current->type().find_field(grouping.parent_field[static_cast<std::size_t>(kind)]));
        has = field != nullptr;
        if (has) parent = engine::plain_text(*field);
      }
      for (int depth = 0; depth < grouping.kinds() && has; ++depth) {
        const int up = grouping.parent[static_cast<std::size_t>(kind)];
        if (up < 0) break;
        auto found =
            survey().by_key.find(grouping.names[static_cast<std::size_t>(up)] + '\0' + parent);
        if (found == survey().by_key.end()) break;
        add_kept(found->second, false);
        const KeptRecord& kept = survey().kept[found->second];
        kind = up;
        has = kept.has_parent;
        parent = kept.parent_key;
      }
    }
  }

  /// Decides, and hands each wanted entry's output to `take` with its
  /// position, one at a time.
  void decide(const std::function<void(std::uint64_t, RecordOutput&&)>& take) {
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.order < b.order; });
    std::vector<RecordValue> population;
    std::vector<bool> wanted;
    population.reserve(entries_.size());
    for (Entry& entry : entries_) {
      population.push_back(std::move(entry.value));
      wanted.push_back(entry.wanted);
    }
    engine::evaluate_wanted(context_.impl, population, wanted, context_.as_of, context_.evaluation,
                            [&](std::size_t i, RecordDecisions&& decided) {
                              Entry& entry = entries_[i];
                              RecordOutput output;
                              output.record = std::move(entry.id);
                              output.kind = std::move(entry.kind);
                              output.decisions = std::move(decided.decisions);
                              take(entry.position, std::move(output));
                            });
  }

 private:
  const RunContext& context_;
  std::vector<Entry> entries_;
  std::set<std::size_t> present_;  ///< kept records added
};

/// A record of a part read, with the checks of the whole file (a key given
/// twice, the cap on errors).
InputRecord read_checked(const RunContext& context, const records::RecordText& text,
                         std::uint64_t position) {
  InputRecord record = context.reader.read(text, context.types);
  context.survey.ledger.check(position, record, context.options);
  records::cap_record_errors(record, context.options.max_diagnostics);
  return record;
}

RecordOutput not_evaluated(const RunContext& context, const InputRecord& record,
                           std::uint64_t position) {
  RecordOutput output;
  output.record = output_id(record, position);
  output.kind = record.kind;
  for (const auto& issue : record.errors) {
    output.errors.push_back({context.source, issue.line, issue.column, issue.field, issue.message});
  }
  return output;
}

/// Renders `output` into `rendered`, counting it.
void render_into(const RunContext& context, Rendered& rendered, std::uint64_t position,
                 RecordOutput&& output) {
  if (output.errors.empty()) {
    ++rendered.decided;
  } else {
    RecordOutput errors_only;
    errors_only.record = output.record;
    errors_only.kind = output.kind;
    errors_only.errors = output.errors;
    rendered.not_evaluated.push_back(std::move(errors_only));
  }
  rendered.outputs.emplace_back(position, context.render(output));
}

/// The outputs in file order (decided ones come in population order).
void sort_rendered(Rendered& rendered) {
  std::stable_sort(rendered.outputs.begin(), rendered.outputs.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

/// The invariant the parts rest on: a record that belongs to a group is in
/// the part that holds that group. Checked, never assumed: a record decided
/// without its group would be decided differently from the whole file.
void check_in_part(const RunContext& context, const std::vector<std::size_t>& groups,
                   const RecordValue& value, std::uint64_t position) {
  const Survey& survey = context.survey;
  const Grouping& grouping = survey.grouping;
  const int kind = kind_of(grouping, value.type().name());
  if (kind < 0 || !grouping.within(kind, grouping.group_kind)) return;
  std::string parent;
  bool has_parent = false;
  if (grouping.parent[static_cast<std::size_t>(kind)] >= 0) {
    const Value* field =
        value.field(value.type().find_field(grouping.parent_field[static_cast<std::size_t>(kind)]));
    has_parent = field != nullptr;
    if (has_parent) parent = engine::plain_text(*field);
  }
  auto group = survey.group_of(kind, engine::key_of(value), has_parent, parent);
  if (!group) return;  // a member with no group is a guest, kept; another is in no group
  auto found = survey.group_by_key.find(*group);
  if (found != survey.group_by_key.end() &&
      std::binary_search(groups.begin(), groups.end(), found->second)) {
    return;
  }
  throw std::logic_error("record " + std::to_string(position + 1) + " of the file belongs to `" +
                         *group + "`, which its part does not hold");
}

}  // namespace

Rendered decide_part(const RunContext& context, const PartTexts& part) {
  const Survey& survey = context.survey;
  const bool grouped = survey.grouping.group_kind >= 0;
  std::vector<std::size_t> groups = part.part.groups;
  std::sort(groups.begin(), groups.end());
  Population population(context);
  Rendered rendered;
  for (std::size_t i = 0; i < part.texts.size(); ++i) {
    const std::uint64_t position = part.part.begin + i;
    // Kept records of a grouped file were decided with their groups.
    if (grouped && survey.kept_at.contains(position)) continue;
    InputRecord record = read_checked(context, part.texts[i], position);
    if (!record.value) {
      render_into(context, rendered, position, not_evaluated(context, record, position));
      continue;
    }
    if (grouped) check_in_part(context, groups, *record.value, position);
    population.note_present(position);
    population.add(position, record, true);
  }
  population.add_groups(part.part.groups);
  if (grouped) population.add_guests();
  population.add_ancestors();
  population.decide([&](std::uint64_t position, RecordOutput&& output) {
    render_into(context, rendered, position, std::move(output));
  });
  sort_rendered(rendered);  // rendered.not_evaluated is in file order already
  return rendered;
}

Rendered decide_kept(const RunContext& context, const std::vector<std::size_t>& groups,
                     const std::vector<std::size_t>& wanted, const PartTexts* members) {
  const Survey& survey = context.survey;
  Population population(context);
  for (std::size_t kept : wanted)
    population.add_kept(kept, true);
  if (members != nullptr) {
    // The part's members that are not kept: counted and ranked in their
    // groups, not decided fully (they are in the second pass).
    const Grouping& grouping = survey.grouping;
    for (std::size_t i = 0; i < members->texts.size(); ++i) {
      const std::uint64_t position = members->part.begin + i;
      if (survey.kept_at.contains(position)) continue;
      InputRecord record = read_checked(context, members->texts[i], position);
      if (!record.value) continue;
      const int kind = kind_of(grouping, record.value->type().name());
      if (kind < 0 || !grouping.member[static_cast<std::size_t>(kind)]) continue;
      population.add(position, record, false);
    }
  }
  population.add_groups(groups);
  population.add_guests();
  population.add_ancestors();
  Rendered rendered;
  population.decide([&](std::uint64_t position, RecordOutput&& output) {
    render_into(context, rendered, position, std::move(output));
  });
  sort_rendered(rendered);
  return rendered;
}

}  // namespace cadre::stream
