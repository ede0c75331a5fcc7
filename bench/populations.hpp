// The populations the benchmarks decide, generated deterministically so that
// runs on any machine decide the same records.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "cadre/engine.hpp"

namespace cadre_bench {

/// The rule set in `folder` (relative to the source tree), or nullopt.
std::optional<cadre::Engine> load_engine(const char* folder);

/// `size` cadres of bench/peer-policy, drawn as bench/generate_peer_records.py
/// draws them (the same sequence, the same values).
std::vector<cadre::RecordValue> peer_population(const cadre::Engine& engine, int size);

/// A bundled example population (`file`, relative to the source tree) copied
/// `copies` times: each copy's ids, and every field that names one of them,
/// get the suffix `~N`, so that its towns, villages and cohorts repeat with
/// the same sizes and the same decisions.
std::vector<cadre::RecordValue> copied_population(const cadre::Engine& engine, const char* file,
                                                  int copies);

/// The records `subject` belongs to (its village, its town) among `all`.
std::vector<cadre::RecordValue> related_records(const cadre::Engine& engine,
                                                const cadre::RecordValue& subject,
                                                const std::vector<cadre::RecordValue>& all);

}  // namespace cadre_bench
