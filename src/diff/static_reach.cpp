// From the items that differ to the decisions that read them.
#include "diff/static_reach.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "compile/references.hpp"
#include "model/queries.hpp"

namespace cadre::diff {

namespace {

// What differs, by the name an expression reads it by.
struct Touched {
  std::map<std::string, std::string> logic;    ///< name read → the item's id
  std::map<std::string, std::string> wording;  ///< the same, for changes of words only
  std::set<std::string> lists_logic, lists_wording;
  bool validity = false;  ///< every rule is outside or inside its dates otherwise
};

// The fields of every record kind typed by `enumeration` (directly, as a
// list, or in a list's entries), as `kind.field`.
void fields_of_enum(const model::RuleSet& rules, const std::string& enumeration,
                    std::set<std::string>& out) {
  auto typed = [&](const model::FieldDecl& field) {
    return field.type == enumeration || field.type == "list<" + enumeration + ">";
  };
  for (const auto& kind : rules.schema.records) {
    for (const auto& field : kind.fields) {
      bool reads = typed(field);
      for (const auto& entry : field.entry)
        reads = reads || typed(entry);
      if (reads) out.insert(kind.id + "." + field.name);
    }
  }
}

// `fields.<name>…` → `<kind>.<name>`; a change of the kind's key or parent
// concerns every read of the kind.
void fields_of_kind_change(const model::RuleSet& base, const model::RuleSet& variant,
                           const ItemChange& change, std::set<std::string>& out) {
  if (change.change != Change::changed) {
    out.insert(change.id);
    return;
  }
  for (const auto& field : change.fields) {
    if (field.path.starts_with("fields.")) {
      const std::string rest = field.path.substr(7);
      out.insert(change.id + "." + rest.substr(0, rest.find('.')));
    } else if (field.path.starts_with("conflicts")) {
      for (const auto* rules : {&base, &variant}) {
        const model::RecordKind* kind = model::find_record_kind(*rules, change.id);
        if (kind == nullptr) continue;
        for (const auto& conflict : kind->conflicts) {
          for (const auto& name : conflict.fields)
            out.insert(change.id + "." + name);
        }
      }
    } else if (field.path == "key" || field.path == "belongs_to") {
      out.insert(change.id);
    }
  }
}

Touched touched_by(const model::RuleSet& base, const model::RuleSet& variant,
                   const std::vector<ItemChange>& items) {
  Touched out;
  for (const auto& change : items) {
    auto& names = change.wording_only ? out.wording : out.logic;
    std::set<std::string> read_as;
    switch (change.kind) {
      case ItemKind::metadata:
        out.validity = out.validity || !change.wording_only;
        break;
      case ItemKind::enumeration:
        fields_of_enum(base, change.id, read_as);
        fields_of_enum(variant, change.id, read_as);
        break;
      case ItemKind::record_kind:
        fields_of_kind_change(base, variant, change, read_as);
        break;
      case ItemKind::switch_value:
        read_as.insert("switches." + change.id);
        break;
      case ItemKind::list:
        (change.wording_only ? out.lists_wording : out.lists_logic).insert(change.id);
        break;
      case ItemKind::parameter:
      case ItemKind::derived:
      case ItemKind::decision:
        read_as.insert(change.id);
        break;
    }
    for (const auto& name : read_as)
      names.emplace(name, change.id);
  }
  return out;
}

// A rule (derived value or decision) and what it reads.
struct Node {
  std::vector<std::string> rules;    ///< derived values and decisions its expressions read
  std::vector<std::string> logic;    ///< items that differ, read by its expressions
  std::vector<std::string> wording;  ///< items whose words differ, or read by its messages
};

void message_texts(const model::Condition& condition, std::vector<const std::string*>& out) {
  out.push_back(&condition.message.zh);
  out.push_back(&condition.message.en);
  for (const auto& child : condition.children)
    message_texts(child, out);
}

class Reader {
 public:
  Reader(const model::RuleSet& rules, const Touched& touched) : touched_(touched) {
    for (const auto& d : rules.derived)
      rule_ids_.insert(d.id);
    for (const auto& d : rules.decisions)
      rule_ids_.insert(d.id);
  }

  Node node(const std::vector<const model::Expression*>& expressions,
            const std::vector<const std::string*>& messages,
            const std::vector<std::string>& named) const {
    Node out;
    for (const auto* expression : expressions)
      read(expression->text, out, /*words_only=*/false);
    for (const auto* message : messages)
      read(*message, out, /*words_only=*/true);
    for (const auto& name : named)
      add_name(name, out, false);
    return out;
  }

 private:
  void read(const std::string& text, Node& out, bool words_only) const {
    if (text.empty()) return;
    auto known = [&](std::string_view name) {
      const std::string key(name);
      return rule_ids_.count(key) > 0 || touched_.logic.count(key) > 0 ||
             touched_.wording.count(key) > 0;
    };
    for (const Reference& reference : find_references(text, known))
      add_name(reference.id, out, words_only);
    for (const auto& list : touched_.lists_logic) {
      if (names_list(text, list)) (words_only ? out.wording : out.logic).push_back(list);
    }
    for (const auto& list : touched_.lists_wording) {
      if (names_list(text, list)) out.wording.push_back(list);
    }
  }

  void add_name(const std::string& name, Node& out, bool words_only) const {
    if (auto found = touched_.logic.find(name); found != touched_.logic.end()) {
      (words_only ? out.wording : out.logic).push_back(found->second);
    }
    if (auto found = touched_.wording.find(name); found != touched_.wording.end()) {
      out.wording.push_back(found->second);
    }
    if (!words_only && rule_ids_.count(name) > 0) out.rules.push_back(name);
  }

  static bool names_list(const std::string& text, const std::string& list) {
    return text.find("'" + list + "'") != std::string::npos ||
           text.find("\"" + list + "\"") != std::string::npos;
  }

  const Touched& touched_;
  std::set<std::string> rule_ids_;
};

std::map<std::string, Node> graph(const model::RuleSet& rules, const Touched& touched) {
  Reader reader(rules, touched);
  std::map<std::string, Node> out;
  for (const auto& derived : rules.derived)
    out[derived.id] = reader.node(model::expressions_of(derived), {}, {});
  for (const auto& decision : rules.decisions) {
    std::vector<const std::string*> messages{&decision.message.zh, &decision.message.en};
    message_texts(decision.all, messages);
    message_texts(decision.none, messages);
    message_texts(decision.trigger, messages);
    for (const auto& gate : decision.gates)
      message_texts(gate.condition, messages);
    std::vector<std::string> named;
    if (!decision.warning.escalate_to.empty()) named.push_back(decision.warning.escalate_to);
    if (!decision.unless_switch.empty()) named.push_back("switches." + decision.unless_switch);
    out[decision.id] = reader.node(model::expressions_of(decision), messages, named);
  }
  return out;
}

// The chains from `start` to the items that differ, through the rules it
// reads (breadth first: the shortest chain to each item).
std::vector<std::vector<std::string>> chains(const std::map<std::string, Node>& nodes,
                                             const std::string& start, bool logic) {
  std::map<std::string, std::string> came_from;
  std::vector<std::string> queue{start};
  came_from[start] = "";
  std::vector<std::vector<std::string>> out;
  std::set<std::string> reached;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const std::string current = queue[i];
    auto found = nodes.find(current);
    if (found == nodes.end()) continue;
    for (const auto& item : logic ? found->second.logic : found->second.wording) {
      if (item == start || !reached.insert(item).second) continue;
      std::vector<std::string> chain{item};
      for (std::string at = current; !at.empty(); at = came_from[at])
        chain.push_back(at);
      std::reverse(chain.begin(), chain.end());
      out.push_back(std::move(chain));
    }
    for (const auto& next : found->second.rules) {
      if (came_from.emplace(next, current).second) queue.push_back(next);
    }
  }
  return out;
}

}  // namespace

StaticImpact static_reach(const model::RuleSet& base, const model::RuleSet& variant,
                          const std::vector<ItemChange>& items) {
  const Touched touched = touched_by(base, variant, items);
  std::map<std::string, const ItemChange*> decision_changes;
  for (const auto& change : items) {
    if (change.kind == ItemKind::decision) decision_changes[change.id] = &change;
  }
  StaticImpact out;
  auto reach = [&](const model::Decision& decision, const std::map<std::string, Node>& nodes) {
    DecisionReach one;
    one.id = decision.id;
    one.kind = model::decision_kind_name(decision.kind);
    one.title_zh = decision.title.zh;
    one.title_en = decision.title.en;
    one.cite = decision.cite.provision;
    auto change = decision_changes.find(decision.id);
    using Status = DecisionReach::Status;
    if (change != decision_changes.end() && change->second->change != Change::changed) {
      one.status = change->second->change == Change::added ? Status::added : Status::removed;
    } else if (change != decision_changes.end() && !change->second->wording_only) {
      one.status = Status::changed;
    } else if (touched.validity) {
      one.status = Status::reads_changed;
      one.through.push_back({decision.id, "valid"});
    } else if (auto logic = chains(nodes, decision.id, true); !logic.empty()) {
      one.status = Status::reads_changed;
      one.through = std::move(logic);
    } else if (auto words = chains(nodes, decision.id, false);
               !words.empty() || change != decision_changes.end()) {
      one.status = Status::wording;
      one.through = std::move(words);
    }
    const bool can = one.status == Status::changed || one.status == Status::added ||
                     one.status == Status::removed || one.status == Status::reads_changed;
    ++(can ? out.can_change : out.cannot_change);
    out.decisions.push_back(std::move(one));
  };
  const auto variant_nodes = graph(variant, touched);
  for (const auto& decision : variant.decisions)
    reach(decision, variant_nodes);
  const auto base_nodes = graph(base, touched);
  for (const auto& decision : base.decisions) {
    auto change = decision_changes.find(decision.id);
    if (change != decision_changes.end() && change->second->change == Change::removed)
      reach(decision, base_nodes);
  }
  return out;
}

}  // namespace cadre::diff
