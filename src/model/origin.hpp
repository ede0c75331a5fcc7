// Where a piece of the rule-set model came from. Model objects carry an
// OriginId; the side table maps it to a file position (and, for expressions,
// to the YAML scalar, so that an offset inside the expression maps back to
// the file's line and column).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "yaml/node.hpp"

namespace cadre::model {

using OriginId = std::int32_t;
inline constexpr OriginId kNoOrigin = -1;

struct Origin {
  std::int32_t file = -1;            ///< index into Origins::files
  yaml::Mark mark;                   ///< where the node starts
  const yaml::Node* node = nullptr;  ///< the YAML node (owned by Origins::documents)
};

/// The side table of positions, and the parsed files that own the nodes.
class Origins {
 public:
  OriginId add(std::int32_t file, const yaml::Node& node);
  std::int32_t add_document(std::unique_ptr<yaml::Document> document);

  const Origin& at(OriginId id) const { return origins_.at(static_cast<std::size_t>(id)); }
  const yaml::Document& document(std::int32_t file) const { return *documents_.at(file); }
  std::size_t document_count() const { return documents_.size(); }
  /// file:line:col of the origin (an empty location for kNoOrigin).
  SourceLocation locate(OriginId id) const;
  /// file:line:col of a byte offset inside the expression scalar at `id`.
  SourceLocation locate_in_expression(OriginId id, int offset) const;

 private:
  std::vector<Origin> origins_;
  std::vector<std::unique_ptr<yaml::Document>> documents_;
};

}  // namespace cadre::model
