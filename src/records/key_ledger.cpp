// The keys of a streamed file (see key_ledger.hpp): one entry a record, the
// key texts in one arena, sorted once at the end like check_duplicate_keys()
// sorts a batch (by kind, then key, file order kept within a key).
#include "records/key_ledger.hpp"

#include <algorithm>
#include <numeric>

#include "records/duplicate_keys.hpp"
#include "records/typed_conversion.hpp"

namespace cadre::records {

std::uint16_t KeyLedger::kind_number(const std::string& kind) {
  auto found = kind_numbers_.find(kind);
  if (found != kind_numbers_.end()) return found->second;
  const auto number = static_cast<std::uint16_t>(kinds_.size());
  kinds_.push_back(kind);
  kind_numbers_.emplace(kind, number);
  return number;
}

void KeyLedger::add(std::uint64_t index, const InputRecord& record,
                    const std::string& readable_kind, const std::string& readable_key) {
  const bool compared = !record.kind.empty() && !record.id.empty();
  const bool readable = record.value.has_value();
  const bool same = readable && readable_kind == record.kind && readable_key == record.id;
  if (readable && !same) other_noted_.push_back({index, {readable_kind, readable_key}});
  if (!compared && !same) return;
  Entry entry;
  entry.at = text_.size();
  entry.size = static_cast<std::uint32_t>(record.id.size());
  entry.line = static_cast<std::uint32_t>(record.line);
  entry.index = index;
  entry.kind = kind_number(record.kind);
  entry.compared = compared;
  entry.readable_same = same;
  text_ += record.id;
  entries_.push_back(entry);
}

bool KeyLedger::less(const Entry& a, const Entry& b) const {
  if (a.kind != b.kind) return kinds_[a.kind] < kinds_[b.kind];
  const int order = key(a).compare(key(b));
  return order != 0 ? order < 0 : a.index < b.index;
}

void KeyLedger::finish() {
  sorted_.resize(entries_.size());
  std::iota(sorted_.begin(), sorted_.end(), std::uint32_t{0});
  std::sort(sorted_.begin(), sorted_.end(),
            [&](std::uint32_t a, std::uint32_t b) { return less(entries_[a], entries_[b]); });
  for (std::size_t begin = 0; begin < sorted_.size();) {
    const Entry& first = entries_[sorted_[begin]];
    std::size_t end = begin + 1;
    while (end < sorted_.size() && entries_[sorted_[end]].kind == first.kind &&
           key(entries_[sorted_[end]]) == key(first))
      ++end;
    std::vector<int> lines;
    std::vector<std::uint64_t> indices;
    for (std::size_t i = begin; i < end; ++i) {
      const Entry& entry = entries_[sorted_[i]];
      if (!entry.compared) continue;
      lines.push_back(static_cast<int>(entry.line));
      indices.push_back(entry.index);
    }
    if (lines.size() > 1) {
      const auto run = static_cast<std::uint32_t>(runs_.size());
      for (std::size_t self = 0; self < indices.size(); ++self)
        duplicates_[indices[self]] = {run, static_cast<std::uint32_t>(self)};
      runs_.push_back(std::move(lines));
      // Records given twice are not readable (each has an error).
      for (std::size_t i = begin; i < end; ++i) {
        Entry& entry = entries_[sorted_[i]];
        if (entry.compared) entry.readable_same = false;
      }
    }
    begin = end;
  }
  for (auto& [index, key_pair] : other_noted_) {
    if (!duplicates_.contains(index)) other_readable_.insert(std::move(key_pair));
  }
  other_noted_.clear();
}

void KeyLedger::check(std::uint64_t index, InputRecord& record,
                      const RecordReadOptions& options) const {
  auto found = duplicates_.find(index);
  if (found == duplicates_.end()) return;
  add_issues(record, {duplicate_issue(options.key_of(record.kind), record.id,
                                      runs_[found->second.run], found->second.self)});
}

bool KeyLedger::readable(const std::string& kind, const std::string& key_text) const {
  if (other_readable_.contains({kind, key_text})) return true;
  auto number = kind_numbers_.find(kind);
  if (number == kind_numbers_.end()) return false;
  Entry probe;
  probe.kind = number->second;
  auto at =
      std::lower_bound(sorted_.begin(), sorted_.end(), probe, [&](std::uint32_t a, const Entry& b) {
        const Entry& entry = entries_[a];
        if (entry.kind != b.kind) return kinds_[entry.kind] < kinds_[b.kind];
        return key(entry) < std::string_view(key_text);
      });
  for (; at != sorted_.end(); ++at) {
    const Entry& entry = entries_[*at];
    if (entry.kind != probe.kind || key(entry) != key_text) break;
    if (entry.readable_same) return true;
  }
  return false;
}

std::vector<std::uint64_t> KeyLedger::duplicate_indices() const {
  std::vector<std::uint64_t> indices;
  for (const auto& [index, duplicate] : duplicates_)
    indices.push_back(index);
  return indices;
}

void KeyLedger::release() {
  std::string().swap(text_);
  std::vector<Entry>().swap(entries_);
  std::vector<std::uint32_t>().swap(sorted_);
  other_readable_.clear();
  other_noted_.clear();
}

}  // namespace cadre::records
