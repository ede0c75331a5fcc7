// The JSON's words for the kinds of src/diff/variant_impact.hpp.
#include "diff/variant_impact.hpp"

namespace cadre::diff {

const char* item_kind_name(ItemKind kind) {
  switch (kind) {
    case ItemKind::metadata:
      return "metadata";
    case ItemKind::enumeration:
      return "enumeration";
    case ItemKind::record_kind:
      return "record_kind";
    case ItemKind::parameter:
      return "parameter";
    case ItemKind::switch_value:
      return "switch";
    case ItemKind::list:
      return "list";
    case ItemKind::derived:
      return "derived";
    case ItemKind::decision:
      break;
  }
  return "decision";
}

const char* change_name(Change change) {
  switch (change) {
    case Change::added:
      return "added";
    case Change::removed:
      return "removed";
    case Change::changed:
      break;
  }
  return "changed";
}

const char* reach_status_name(DecisionReach::Status status) {
  using Status = DecisionReach::Status;
  switch (status) {
    case Status::changed:
      return "changed";
    case Status::added:
      return "added";
    case Status::removed:
      return "removed";
    case Status::reads_changed:
      return "reads_changed";
    case Status::wording:
      return "wording";
    case Status::cannot_change:
      break;
  }
  return "cannot_change";
}

const char* what_name(ResultChange::What what) {
  using What = ResultChange::What;
  switch (what) {
    case What::outcome:
      return "outcome";
    case What::value:
      return "value";
    case What::became_undetermined:
      return "became_undetermined";
    case What::became_determined:
      return "became_determined";
    case What::undetermined_reasons:
      return "undetermined_reasons";
    case What::added:
      return "added";
    case What::removed:
      break;
  }
  return "removed";
}

}  // namespace cadre::diff
