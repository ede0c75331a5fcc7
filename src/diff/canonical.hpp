// A rule set's items as flat lists of (part, text), so that two rule sets
// can be compared part by part whatever their files look like: an item is
// the same when every part reads the same, wherever it is written. Parts are
// named by the ids inside the item (`all.days_in_village.when`,
// `components.performance.formula`, `table.称职`), not by position, so that a
// condition moved within its group is not a change.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/ruleset.hpp"

namespace cadre::diff {

using Parts = std::vector<std::pair<std::string, std::string>>;

Parts parts_of(const model::Parameter& parameter);
Parts parts_of(const model::Switch& item);
Parts parts_of(const model::NamedList& list);
Parts parts_of(const model::Derived& derived);
Parts parts_of(const model::Decision& decision);
Parts parts_of(const model::EnumDecl& enumeration);
Parts parts_of(const model::RecordKind& kind);
/// The rule set's validity (the only metadata that changes results).
Parts validity_parts(const model::Metadata& metadata);

/// A part whose change alters words only: a title, message, quote, reason
/// given for an open value, or citation. Results cannot change with it.
bool is_wording(const std::string& part);

}  // namespace cadre::diff
