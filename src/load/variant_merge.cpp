// Applying a variant to its base (load_state.hpp: merge_variant). A variant
// states its differences explicitly: it overrides parameters, sets switches,
// replaces and disables decisions of its base, and adds new elements (and new
// fields of the base's record kinds). Naming an id the base lacks, or
// redefining one it has outside `variant`, is an error; a variant that
// changes nothing gets a warning.
#include <algorithm>
#include <map>
#include <set>

#include "load/load_state.hpp"
#include "load/mapping_reader.hpp"
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

template <typename Element>
Element* find_id(std::vector<Element>& elements, std::string_view id) {
  const auto found =
      std::find_if(elements.begin(), elements.end(), [&](const Element& e) { return e.id == id; });
  return found == elements.end() ? nullptr : &*found;
}

template <typename Element>
std::vector<std::string_view> ids_of(const std::vector<Element>& elements) {
  std::vector<std::string_view> ids;
  for (const Element& element : elements)
    ids.push_back(element.id);
  return ids;
}

class Merger {
 public:
  Merger(LoadState& state, model::RuleSet& base) : state_(state), base_(base) {}

  void override_parameters(const std::vector<model::Parameter>& changes);
  void supply_enums(const std::vector<model::EnumDecl>& changes);
  void supply_lists(const std::vector<model::NamedList>& changes);
  void set_switches(const model::VariantChanges& changes);
  void replace_decisions(const std::vector<model::Decision>& changes);
  void disable_decisions(const std::vector<std::pair<std::string, model::OriginId>>& changes);
  /// Reports and drops the variant's parameters, derived values and decisions
  /// whose ids the base has (before any change: a disabled decision's id is
  /// still taken).
  void drop_redefined_values(model::RuleSet& own);
  /// Adds the variant's own elements.
  void add_new(model::RuleSet& own);

 private:
  void drop_crossed_types(model::Schema& own);
  void unknown(model::OriginId origin, std::string_view action, std::string_view id,
               std::vector<std::string_view> candidates);
  void check_values(const model::Parameter& target, const model::Parameter& change);
  void apply(model::Parameter& target, const model::Parameter& change);
  template <typename Element>
  void add_all(std::vector<Element>& to, std::vector<Element>& from, std::string_view kind,
               std::string_view help);
  void add_records(std::vector<model::RecordKind>& records);
  void redefines(model::OriginId origin, std::string message, std::string help);

  LoadState& state_;
  model::RuleSet& base_;
};

void Merger::unknown(model::OriginId origin, std::string_view action, std::string_view id,
                     std::vector<std::string_view> candidates) {
  state_.report(Severity::error, code::load_variant_unknown_id, state_.origins.locate(origin),
                "cannot " + std::string(action) + " `" + std::string(id) +
                    "`: the base rule set does not define it",
                did_you_mean(id, candidates));
}

void Merger::redefines(model::OriginId origin, std::string message, std::string help) {
  state_.report(Severity::error, code::load_variant_redefines, state_.origins.locate(origin),
                std::move(message), std::move(help));
}

std::vector<const yaml::Node*> pointers(const std::vector<yaml::Node>& nodes) {
  std::vector<const yaml::Node*> out;
  for (const yaml::Node& node : nodes)
    out.push_back(&node);
  return out;
}

void Merger::check_values(const model::Parameter& target, const model::Parameter& change) {
  std::vector<const model::ParamValue*> values = {&change.value, &change.low, &change.high};
  for (const auto& entry : change.table)
    values.push_back(&entry.second);
  for (const auto& entry : change.series)
    values.push_back(&entry.value);
  for (const model::ParamValue* value : values) {
    if (value->origin == model::kNoOrigin || value->unspecified) continue;
    const yaml::Node& node = *state_.origins.at(value->origin).node;
    // A list's items are reported one by one, where each is written.
    const bool items = node.kind == yaml::NodeKind::sequence && target.type.starts_with("list<");
    for (const yaml::Node* part : items ? pointers(node.items) : std::vector{&node}) {
      const std::string_view expected =
          value_mismatch(items ? std::string_view(target.type).substr(5, target.type.size() - 6)
                               : std::string_view(target.type),
                         *part);
      if (expected.empty()) continue;
      const std::string found = part->kind == yaml::NodeKind::scalar
                                    ? "`" + part->scalar + "`"
                                    : std::string(kind_name(part->kind));
      SourceLocation at = state_.origins.locate(value->origin);
      at.line = part->mark.line;
      at.column = part->mark.column;
      at.offset = part->mark.offset;
      state_.report(Severity::error, target.type == "date" ? code::load_date : code::load_type, at,
                    "expected " + std::string(expected) + (items ? " for an item" : "") +
                        " in the override of parameter `" + target.id + "` (of type `" +
                        target.type + "`), found " + found);
    }
  }
}

void Merger::apply(model::Parameter& target, const model::Parameter& change) {
  check_values(target, change);
  if (change.form == model::ParamForm::table) {
    // A table the base leaves unspecified as a whole is filled in entry by
    // entry; the keys not filled stay open, for the base's reason.
    if (target.form == model::ParamForm::unspecified && !target.table_key.empty()) {
      target.form = model::ParamForm::table;
      if (!target.others) target.others = target.value;
      target.value = {};
    }
    if (target.form != model::ParamForm::table) {
      state_.report(Severity::error, code::load_variant_form, state_.origins.locate(change.origin),
                    "cannot override parameter `" + target.id +
                        "` with `table`: it is not a table in the base rule set",
                    "override it with `value`, `series`, `range` or `unspecified: true`");
      return;
    }
    for (const auto& [key, value] : change.table) {
      const auto found =
          std::find_if(target.table.begin(), target.table.end(),
                       [&key = key](const auto& entry) { return entry.first == key; });
      if (found != target.table.end())
        found->second = value;
      else
        target.table.emplace_back(key, value);
    }
    if (change.others) target.others = change.others;
  } else {
    target.form = change.form;
    target.value = change.value;
    target.series = change.series;
    target.low = change.low;
    target.high = change.high;
    target.table.clear();
    target.table_key.clear();
    target.others.reset();
  }
  if (!change.cite.provision.empty()) target.cite = change.cite;
  if (!change.title.zh.empty() || !change.title.en.empty()) target.title = change.title;
}

void Merger::override_parameters(const std::vector<model::Parameter>& changes) {
  for (const model::Parameter& change : changes) {
    if (model::Parameter* target = find_id(base_.parameters, change.id)) {
      apply(*target, change);
    } else {
      unknown(change.origin, "override parameter", change.id, ids_of(base_.parameters));
    }
  }
}

// An open scale of the base (a team-grade scale the city does not fix) is
// supplied or extended by the variant: its values, best first, must keep the
// base's values in the base's order.
void Merger::supply_enums(const std::vector<model::EnumDecl>& changes) {
  for (const model::EnumDecl& change : changes) {
    model::EnumDecl* target = find_id(base_.schema.enums, change.id);
    if (target == nullptr) {
      unknown(change.origin, "supply enum", change.id, ids_of(base_.schema.enums));
      continue;
    }
    if (!target->open) {
      redefines(change.origin,
                "enum `" + change.id + "` of the base rule set is not open: its values are fixed",
                "only an enum declared `open: true` can be supplied by a variant");
      continue;
    }
    std::size_t next = 0;
    bool kept = true;
    for (const std::string& value : target->values) {
      auto found = std::find(change.values.begin() + static_cast<std::ptrdiff_t>(next),
                             change.values.end(), value);
      if (found == change.values.end()) {
        kept = false;
        break;
      }
      next = static_cast<std::size_t>(found - change.values.begin()) + 1;
    }
    if (!kept) {
      state_.report(Severity::error, code::load_bad_value, state_.origins.locate(change.origin),
                    "the values of enum `" + change.id + "` must keep the base's values " +
                        quoted_list(std::vector<std::string_view>(target->values.begin(),
                                                                  target->values.end())) +
                        ", in that order",
                    "a variant places further values on the scale; it cannot drop or reorder "
                    "the base's");
      continue;
    }
    target->values = change.values;
    if (change.order != model::EnumOrderModel::unordered) target->order = change.order;
    target->open = change.open;
  }
}

// A list the text names without enumerating it all (「九不选」) is enumerated
// by a local rule set: its items are added to the base's, which stay;
// the text's count still bounds them.
void Merger::supply_lists(const std::vector<model::NamedList>& changes) {
  for (const model::NamedList& change : changes) {
    model::NamedList* target = find_id(base_.lists, change.id);
    if (target == nullptr) {
      unknown(change.origin, "enumerate list", change.id, ids_of(base_.lists));
      continue;
    }
    if (change.size && change.size != target->size) {
      redefines(change.origin,
                "list `" + change.id + "` of the base rule set has the size the text gives",
                "a variant names the items of a list; it cannot change how many there are");
      continue;
    }
    for (const auto& item : change.items) {
      const bool known = std::any_of(target->items.begin(), target->items.end(),
                                     [&](const auto& named) { return named.first == item.first; });
      if (known) {
        redefines(change.origin,
                  "item `" + item.first + "` of list `" + change.id +
                      "` is already named by the base rule set",
                  "a variant adds the items the text does not name");
        continue;
      }
      target->items.push_back(item);
    }
    if (target->size && static_cast<int>(target->items.size()) > *target->size) {
      state_.report(Severity::error, code::load_bad_value, state_.origins.locate(change.origin),
                    "list `" + change.id + "` has " + std::to_string(target->items.size()) +
                        " items with the variant's, but the text counts " +
                        std::to_string(*target->size));
    }
  }
}

void Merger::set_switches(const model::VariantChanges& changes) {
  for (std::size_t i = 0; i < changes.switches.size(); ++i) {
    const auto& [id, value] = changes.switches[i];
    model::Switch* target = find_id(base_.switches, id);
    if (target == nullptr) {
      unknown(changes.switch_origins[i], "set switch", id, ids_of(base_.switches));
      continue;
    }
    if (std::find(target->values.begin(), target->values.end(), value) != target->values.end()) {
      target->default_value = value;
      continue;
    }
    const std::vector<std::string_view> values(target->values.begin(), target->values.end());
    std::string help = did_you_mean(value, values);
    state_.report(Severity::error, code::load_bad_value,
                  state_.origins.locate(changes.switch_value_origins[i]),
                  "`" + value + "` is not a value of switch `" + id + "`",
                  help.empty() ? "expected one of " + quoted_list(values) : help);
  }
}

void Merger::replace_decisions(const std::vector<model::Decision>& changes) {
  for (const model::Decision& change : changes) {
    if (model::Decision* target = find_id(base_.decisions, change.id)) {
      *target = change;
    } else {
      unknown(change.origin, "replace decision", change.id, ids_of(base_.decisions));
    }
  }
}

void Merger::disable_decisions(
    const std::vector<std::pair<std::string, model::OriginId>>& changes) {
  std::set<std::string_view> done;  // a repeated id is reported as a duplicate, not as unknown
  for (const auto& [id, origin] : changes) {
    if (!done.insert(id).second) continue;
    const auto found = std::find_if(base_.decisions.begin(), base_.decisions.end(),
                                    [&id = id](const model::Decision& d) { return d.id == id; });
    if (found != base_.decisions.end()) {
      base_.decisions.erase(found);
    } else {
      unknown(origin, "disable decision", id, ids_of(base_.decisions));
    }
  }
}

template <typename Element>
void Merger::add_all(std::vector<Element>& to, std::vector<Element>& from, std::string_view kind,
                     std::string_view help) {
  for (Element& element : from) {
    if (find_id(to, element.id) != nullptr) {
      redefines(element.origin,
                std::string(kind) + " `" + element.id + "` is already defined by the base rule set",
                std::string(help));
      continue;
    }
    to.push_back(std::move(element));
  }
}

void Merger::drop_redefined_values(model::RuleSet& own) {
  std::map<std::string, std::string_view> base_kinds;
  for (const auto& p : base_.parameters)
    base_kinds.emplace(p.id, "parameter");
  for (const auto& d : base_.derived)
    base_kinds.emplace(d.id, "derived value");
  for (const auto& d : base_.decisions)
    base_kinds.emplace(d.id, "decision");
  const auto drop = [&](auto& elements, std::string_view kind, std::string_view help) {
    std::erase_if(elements, [&](const auto& element) {
      const auto found = base_kinds.find(element.id);
      if (found == base_kinds.end()) return false;
      if (found->second == kind) {
        redefines(
            element.origin,
            std::string(kind) + " `" + element.id + "` is already defined by the base rule set",
            std::string(help));
      } else {
        redefines(
            element.origin,
            std::string(kind) + " `" + element.id + "` uses the id of a " +
                std::string(found->second) + " of the base rule set",
            "parameters, derived values and decisions share one namespace; choose another id");
      }
      return true;
    });
  };
  drop(own.parameters, "parameter", "override it under `variant.parameters`");
  drop(own.derived, "derived value",
       "a variant cannot change a derived value of its base; choose another id");
  drop(own.decisions, "decision", "replace it under `variant.replace`");
}

/// New record kinds, and new fields of the base's record kinds.
void Merger::add_records(std::vector<model::RecordKind>& records) {
  for (model::RecordKind& record : records) {
    model::RecordKind* target = find_id(base_.schema.records, record.id);
    if (target == nullptr) {
      base_.schema.records.push_back(std::move(record));
      continue;
    }
    if ((!record.parent.empty() &&
         (record.parent != target->parent || record.parent_field != target->parent_field)) ||
        (record.key != "id" && record.key != target->key)) {
      redefines(record.origin,
                "record kind `" + record.id +
                    "` of the base rule set cannot change its `key` or "
                    "`belongs_to`",
                "a variant may only add fields to a record kind of its base");
    }
    for (model::FieldDecl& field : record.fields) {
      if (std::any_of(target->fields.begin(), target->fields.end(),
                      [&](const model::FieldDecl& f) { return f.name == field.name; })) {
        redefines(field.origin,
                  "field `" + field.name + "` of record kind `" + record.id +
                      "` is already defined by the base rule set",
                  "a variant may only add fields to a record kind of its base");
        continue;
      }
      target->fields.push_back(std::move(field));
    }
    // Facts of the base's kind that cannot all be true, as this document reads them.
    std::move(record.conflicts.begin(), record.conflicts.end(),
              std::back_inserter(target->conflicts));
  }
}

/// Enums and record kinds share one namespace (both name types).
void Merger::drop_crossed_types(model::Schema& own) {
  std::erase_if(own.enums, [&](const model::EnumDecl& decl) {
    if (find_id(base_.schema.records, decl.id) == nullptr) return false;
    redefines(decl.origin,
              "enum `" + decl.id + "` uses the id of a record kind of the base rule set",
              "enums and record kinds share one namespace; choose another id");
    return true;
  });
  std::erase_if(own.records, [&](const model::RecordKind& record) {
    if (find_id(base_.schema.enums, record.id) == nullptr) return false;
    redefines(record.origin,
              "record kind `" + record.id + "` uses the id of an enum of the base rule set",
              "enums and record kinds share one namespace; choose another id");
    return true;
  });
}

void Merger::add_new(model::RuleSet& own) {
  drop_crossed_types(own.schema);
  // drop_redefined_values() has left no clash for these three: no help needed.
  add_all(base_.parameters, own.parameters, "parameter", "");
  add_all(base_.derived, own.derived, "derived value", "");
  add_all(base_.decisions, own.decisions, "decision", "");
  add_all(base_.switches, own.switches, "switch", "set it under `variant.switches`");
  add_all(base_.lists, own.lists, "list",
          "a variant cannot change a list of its base; choose another id");
  add_all(base_.schema.enums, own.schema.enums, "enum",
          "a variant cannot change an enum of its base; choose another id");
  add_records(own.schema.records);
  add_all(base_.sources, own.sources, "source",
          "the base rule set's sources can be cited as they are");
}

/// True when the variant states a difference: a change under `variant`, or a
/// new (or attempted) parameter, switch, list, derived value, decision, enum,
/// record kind or field. Tests and sources are not differences of the rules.
bool states_differences(const model::RuleSet& own) {
  const model::VariantChanges& changes = own.variant;
  return !changes.parameters.empty() || !changes.enums.empty() || !changes.lists.empty() ||
         !changes.switches.empty() || !changes.replace.empty() || !changes.disable.empty() ||
         !own.parameters.empty() || !own.switches.empty() || !own.lists.empty() ||
         !own.derived.empty() || !own.decisions.empty() || !own.schema.enums.empty() ||
         !own.schema.records.empty();
}

model::Metadata merge_metadata(model::Metadata own, const model::Metadata& base) {
  if (own.title.zh.empty() && own.title.en.empty()) own.title = base.title;
  if (own.jurisdiction.empty()) own.jurisdiction = base.jurisdiction;
  if (!own.valid_from) {
    own.valid_from = base.valid_from;
    own.valid_to = base.valid_to;
  }
  return own;
}

void append_changes(model::VariantChanges& to, model::VariantChanges from) {
  std::move(from.parameters.begin(), from.parameters.end(), std::back_inserter(to.parameters));
  std::move(from.enums.begin(), from.enums.end(), std::back_inserter(to.enums));
  std::move(from.lists.begin(), from.lists.end(), std::back_inserter(to.lists));
  std::move(from.switches.begin(), from.switches.end(), std::back_inserter(to.switches));
  std::move(from.switch_origins.begin(), from.switch_origins.end(),
            std::back_inserter(to.switch_origins));
  std::move(from.replace.begin(), from.replace.end(), std::back_inserter(to.replace));
  std::move(from.disable.begin(), from.disable.end(), std::back_inserter(to.disable));
}

}  // namespace

model::RuleSet merge_variant(LoadState& state, model::RuleSet base, model::RuleSet own) {
  if (!states_differences(own)) {
    state.report(Severity::warning, code::load_variant_empty,
                 state.origins.locate(own.metadata.extends_origin),
                 "variant `" + own.metadata.id + "` changes nothing in the rule set it extends",
                 "state its differences under `variant`, or add parameters, decisions or fields");
  }
  Merger merger(state, base);
  const model::VariantChanges& changes = own.variant;
  merger.drop_redefined_values(own);
  merger.override_parameters(changes.parameters);
  merger.supply_enums(changes.enums);
  merger.supply_lists(changes.lists);
  merger.set_switches(changes);
  merger.replace_decisions(changes.replace);
  merger.disable_decisions(changes.disable);
  merger.add_new(own);
  base.metadata = merge_metadata(std::move(own.metadata), base.metadata);
  base.tests = std::move(own.tests);
  append_changes(base.variant, std::move(own.variant));
  return base;
}

}  // namespace cadre::load
