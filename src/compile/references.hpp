// The ids an expression refers to: parameters, derived values, decisions and
// record kinds, found syntactically (before types are known) so that the
// compiler can order derived values and decisions by their dependencies.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cadre {

struct Reference {
  std::string id;
  int offset = 0;  ///< byte offset in the expression text
};

/// Every qualified name in `source` whose longest prefix satisfies `is_id`,
/// in order of appearance. Unparsable text gives no references (its errors
/// are reported when it is compiled).
std::vector<Reference> find_references(std::string_view source,
                                       const std::function<bool(std::string_view)>& is_id);

}  // namespace cadre
