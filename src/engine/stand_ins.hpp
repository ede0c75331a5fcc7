// Stand-ins for the records of a file that could not be read (or were given
// twice): such a record still belongs to its group. Its stand-in holds only
// its key and the key of the record it belongs to, when every reading of it
// agrees on them; all its other facts are unknown, so that nothing is guessed
// from a broken record and no group loses a member. Collected record by
// record, so that a file read in one piece and one read as a stream give the
// same stand-ins.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/records.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::engine {

class StandIns {
 public:
  explicit StandIns(const CompiledRuleSetImpl& impl) : impl_(impl) {}

  /// Notes the input record at 1-based `position` of its file: one that
  /// could not be read but has something read (`partial`) is a reading of
  /// its key (its id, or `#position` when it has none).
  void add(const InputRecord& input, std::size_t position);

  /// True when no record was noted.
  bool empty() const { return readings_.empty(); }

  /// Says whether a readable record of a kind has a key: its stand-in is then
  /// not needed.
  using Readable = std::function<bool(const std::string& kind, const std::string& key)>;

  /// One stand-in per key, ordered by kind and key, leaving out the keys of
  /// readable records.
  std::vector<RecordValue> build(const Readable& readable) const;

 private:
  struct Readings {
    std::shared_ptr<const RecordType> type;  ///< of the first reading
    std::string id;
    int parent = -1;             ///< the field holding the key of the record it belongs to
    std::optional<Value> group;  ///< that key, in the first reading
    bool agreed = false;         ///< every reading gives it
  };

  const CompiledRuleSetImpl& impl_;
  std::map<std::pair<std::string, std::string>, Readings> readings_;  // ordered: deterministic
};

}  // namespace cadre::engine
