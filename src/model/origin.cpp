// The side table of positions (model/origin.hpp): model objects keep an
// OriginId, and this table turns it back into file:line:col, or into the
// position of an offset inside an expression scalar.
#include "model/origin.hpp"

#include <utility>

#include "yaml/scalar_position.hpp"

namespace cadre::model {

OriginId Origins::add(std::int32_t file, const yaml::Node& node) {
  origins_.push_back(Origin{file, node.mark, &node});
  return static_cast<OriginId>(origins_.size() - 1);
}

std::int32_t Origins::add_document(std::unique_ptr<yaml::Document> document) {
  documents_.push_back(std::move(document));
  return static_cast<std::int32_t>(documents_.size() - 1);
}

SourceLocation Origins::locate(OriginId id) const {
  if (id == kNoOrigin) return {};
  const Origin& origin = at(id);
  return SourceLocation{document(origin.file).file, origin.mark.line, origin.mark.column,
                        origin.mark.offset};
}

SourceLocation Origins::locate_in_expression(OriginId id, int offset) const {
  if (id == kNoOrigin) return {};
  const Origin& origin = at(id);
  if (origin.node == nullptr) return locate(id);
  return yaml::locate_in_scalar(document(origin.file), *origin.node, offset);
}

}  // namespace cadre::model
