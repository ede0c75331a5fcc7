// Undetermined sources: every expression a decision evaluates, and what the
// names in it may leave unknown.
#include "engine/undetermined_sources.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "compile/references.hpp"
#include "model/queries.hpp"

namespace cadre::engine {

namespace {

// The ids of the rule set by name, built once per question.
struct Index {
  explicit Index(const CompiledRuleSetImpl& impl) : rules(impl.rules()) {
    for (const auto& parameter : impl.parameters)
      parameters.emplace(parameter.model->id, &parameter);
    for (const auto& derived : rules.derived)
      derived_values.emplace(derived.id, &derived);
    for (const auto& decision : rules.decisions)
      decisions.emplace(decision.id, &decision);
    for (std::size_t i = 0; i < rules.switches.size(); ++i) {
      const Value* value = i < impl.switch_values.size() ? &impl.switch_values[i] : nullptr;
      switches.emplace("switches." + rules.switches[i].id, Setting{&rules.switches[i], value});
    }
    for (const auto& kind : rules.schema.records)
      kinds.emplace(kind.id, &kind);
    for (const auto& decl : rules.schema.enums) {
      if (decl.open) open_enums.push_back(decl.id);
    }
  }

  // `kind.field`, exactly one level below a declared record kind.
  const model::FieldDecl* field(std::string_view name, const model::RecordKind** kind) const {
    auto dot = name.find('.');
    if (dot == std::string_view::npos || name.find('.', dot + 1) != std::string_view::npos) {
      return nullptr;
    }
    auto found = kinds.find(std::string(name.substr(0, dot)));
    if (found == kinds.end()) return nullptr;
    const auto field_name = name.substr(dot + 1);
    for (const auto& field : found->second->fields) {
      if (field.name != field_name) continue;
      if (kind != nullptr) *kind = found->second;
      return &field;
    }
    return nullptr;
  }

  bool names_something(std::string_view name) const {
    const std::string key(name);
    return parameters.contains(key) || derived_values.contains(key) || decisions.contains(key) ||
           switches.contains(key) || field(name, nullptr) != nullptr;
  }

  const model::RuleSet& rules;
  std::map<std::string, const CompiledParameter*> parameters;
  std::map<std::string, const model::Derived*> derived_values;
  std::map<std::string, const model::Decision*> decisions;
  /// A switch and its value in this rule set (unknown when unset).
  struct Setting {
    const model::Switch* declared = nullptr;
    const Value* value = nullptr;
    bool unset() const { return value == nullptr || value->is_unknown(); }
    bool is_true() const {
      if (unset()) return false;
      if (value->kind() == ValueKind::boolean) return value->as_bool();
      if (value->kind() == ValueKind::enumeration) return value->as_enum().name() == "true";
      return value->kind() == ValueKind::string && value->as_string() == "true";
    }
  };
  std::map<std::string, Setting> switches;
  std::map<std::string, const model::RecordKind*> kinds;
  std::vector<std::string> open_enums;
};

// True when `type` (`team_grade`, `list<team_grade>`) names `id` as a word.
bool type_names(const std::string& type, const std::string& id) {
  for (auto at = type.find(id); at != std::string::npos; at = type.find(id, at + 1)) {
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    bool starts = at == 0 || !word(type[at - 1]);
    bool ends = at + id.size() == type.size() || !word(type[at + id.size()]);
    if (starts && ends) return true;
  }
  return false;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : separator) + item;
  return out;
}

class Collector {
 public:
  Collector(const Index& index, std::string subject)
      : index_(index), subject_(std::move(subject)) {}

  void decision(const model::Decision& decision);
  std::vector<std::string> codes() const { return {codes_.begin(), codes_.end()}; }

 private:
  void scan(const model::Expression& expression, const std::string& subject);
  void scan(const model::Condition& condition, const std::string& subject);
  /// `present`: the read is guarded by has() of it (guarded_read).
  void field(const model::RecordKind& kind, const model::FieldDecl& field,
             const std::string& subject, bool lookup, bool present);
  void parameter(const CompiledParameter& parameter);
  void derived(const model::Derived& derived, const std::string& subject);
  void lists(const std::string& text);

  const Index& index_;
  std::string subject_;
  std::set<std::string> codes_;
  std::set<std::string> visited_;
};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The path read at `offset`: `id` and the fields selected after it
// (`cadre.young_programme.since`), without a method called on it (`.at(`).
std::string read_path(const std::string& text, std::size_t offset, const std::string& id) {
  std::size_t end = offset + id.size();
  std::size_t kept = end;
  while (end < text.size() && text[end] == '.') {
    std::size_t next = end + 1;
    while (next < text.size() && word_char(text[next]))
      ++next;
    if (next == end + 1 || (next < text.size() && text[next] == '(')) break;
    end = kept = next;
  }
  return text.substr(offset, kept - offset);
}

// True when the read at `offset` cannot leave the expression unknown for
// want of it: it is the argument of `has(…)` (a presence test: true or
// false, never unknown), or it comes right after `has(path…) &&` or
// `has(path…) ?` of the path it reads, which only reach it when the fact is
// there. For the subject's own facts only: another record (its village) may
// be absent whole.
bool guarded_read(const std::string& text, std::size_t offset, const std::string& id) {
  auto before = [&](std::size_t end) {
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1])))
      --end;
    return end;
  };
  auto opens_has = [&](std::size_t at) {
    std::size_t open = before(at);
    return open >= 4 && text.compare(open - 4, 4, "has(") == 0 &&
           (open == 4 || !word_char(text[open - 5]));
  };
  if (opens_has(offset)) return true;
  std::size_t end = before(offset);
  if (end >= 2 && text.compare(end - 2, 2, "&&") == 0) {
    end = before(end - 2);
  } else if (end >= 1 && text[end - 1] == '?') {
    end = before(end - 1);
  } else {
    return false;
  }
  if (end == 0 || text[end - 1] != ')') return false;
  // The argument of that `has(` must be `id` or a path below it.
  std::size_t close = end - 1;
  std::size_t start = before(close);
  while (start > 0 && (word_char(text[start - 1]) || text[start - 1] == '.'))
    --start;
  const std::string_view argument(text.data() + start, before(close) - start);
  const std::string path = read_path(text, offset, id);
  const bool covers = argument.starts_with(path) &&
                      (argument.size() == path.size() || argument[path.size()] == '.');
  return covers && opens_has(start);
}

void Collector::scan(const model::Condition& condition, const std::string& subject) {
  scan(condition.when, subject);
  for (const auto& child : condition.children)
    scan(child, subject);
}

// Every name the expression reads, and the lists it asks about.
void Collector::scan(const model::Expression& expression, const std::string& subject) {
  if (expression.empty()) return;
  const std::string& text = expression.text;
  lists(text);
  auto references =
      find_references(text, [&](std::string_view name) { return index_.names_something(name); });
  for (const auto& reference : references) {
    const std::string& id = reference.id;
    if (auto found = index_.parameters.find(id); found != index_.parameters.end()) {
      parameter(*found->second);
    } else if (auto value = index_.derived_values.find(id); value != index_.derived_values.end()) {
      derived(*value->second, subject);
    } else if (auto other = index_.decisions.find(id); other != index_.decisions.end()) {
      // A decision read by another: what leaves it undetermined, and a
      // requirement still pending.
      if (!other->second->period_last_day.empty()) codes_.insert("pending:" + id);
      decision(*other->second);
    } else if (auto setting = index_.switches.find(id); setting != index_.switches.end()) {
      const Index::Setting& read = setting->second;
      if (read.unset()) {
        const model::Switch& declared = *read.declared;
        codes_.insert((declared.unset_code.empty() ? "ambiguous_reading" : declared.unset_code) +
                      ":" + declared.id);
      }
    } else {
      const model::RecordKind* kind = nullptr;
      if (const model::FieldDecl* read = index_.field(id, &kind)) {
        const auto after = static_cast<std::size_t>(reference.offset) + id.size();
        bool lookup = after <= text.size() && text.compare(after, 4, ".at(") == 0;
        const bool present = !lookup && kind->id == subject &&
                             guarded_read(text, static_cast<std::size_t>(reference.offset), id);
        field(*kind, *read, subject, lookup, present);
      }
    }
  }
}

// `listed(x, 'id')` of a list the text does not enumerate in full.
void Collector::lists(const std::string& text) {
  for (const auto& list : index_.rules.lists) {
    if (list.complete()) continue;
    if (text.find("'" + list.id + "'") != std::string::npos ||
        text.find("\"" + list.id + "\"") != std::string::npos) {
      codes_.insert("unenumerated_list:" + list.id);
    }
  }
}

void Collector::field(const model::RecordKind& kind, const model::FieldDecl& field,
                      const std::string& subject, bool lookup, bool present) {
  const std::string path = kind.id + "." + field.name;
  // A record other than the subject (its village, its town) may be absent
  // from the population; the subject's own key is always there.
  if (!present && (kind.id != subject || (!field.required && field.name != kind.key))) {
    codes_.insert("missing_fact:" + path);
  }
  for (const auto& entry : field.entry) {
    if (!present && !entry.required) codes_.insert("missing_fact:" + path + "[]." + entry.name);
  }
  if (!field.unique_by.empty()) codes_.insert("conflicting_facts:" + path);
  if (lookup) codes_.insert("missing_fact:" + path + "[…]");
  for (const auto& conflict : kind.conflicts) {
    if (std::find(conflict.fields.begin(), conflict.fields.end(), field.name) !=
        conflict.fields.end()) {
      codes_.insert("conflicting_facts:" + joined(conflict.fields, ","));
    }
  }
  for (const auto& open : index_.open_enums) {
    bool named = type_names(field.type, open);
    for (const auto& entry : field.entry)
      named = named || type_names(entry.type, open);
    if (named) codes_.insert("unspecified_parameter:" + open);
  }
}

// A parameter left open in whole or in part: unspecified, a range, an
// unspecified entry of a table or series, or a table keyed by an enumeration
// that does not give every value.
void Collector::parameter(const CompiledParameter& parameter) {
  const model::Parameter& model = *parameter.model;
  bool open = model.form == model::ParamForm::unspecified ||
              model.form == model::ParamForm::range || model.value.unspecified;
  for (const auto& [key, value] : model.table)
    open = open || value.unspecified;
  for (const auto& entry : model.series)
    open = open || entry.value.unspecified;
  if (model.form == model::ParamForm::table && !model.table_key.empty()) {
    for (const auto& decl : index_.rules.schema.enums) {
      if (decl.id != model.table_key) continue;
      for (const auto& value : decl.values) {
        open = open || std::none_of(model.table.begin(), model.table.end(),
                                    [&](const auto& entry) { return entry.first == value; });
      }
    }
  }
  if (!open) return;
  if (!parameter.code.empty()) {
    codes_.insert(parameter.code);
  } else {
    codes_.insert("unspecified_parameter:" +
                  (model.reported_as.empty() ? model.id : model.reported_as));
  }
}

void Collector::derived(const model::Derived& derived, const std::string& subject) {
  if (!visited_.insert("derived " + derived.id).second) return;
  if (!derived.aggregate) {
    scan(derived.expr, subject);
    return;
  }
  // A group value: its members' facts, and whether each member's group is
  // known (every link from the member up to the group).
  const model::Aggregate& aggregate = *derived.aggregate;
  scan(aggregate.where, aggregate.over);
  scan(aggregate.value, aggregate.over);
  std::string kind_id = aggregate.over;
  for (int depth = 0; depth < 16 && kind_id != derived.subject; ++depth) {
    auto kind = index_.kinds.find(kind_id);
    if (kind == index_.kinds.end() || kind->second->parent.empty()) break;
    const model::RecordKind& member = *kind->second;
    for (const auto& field : member.fields) {
      if (field.name == member.parent_field && !field.required) {
        codes_.insert("missing_fact:" + member.id + "." + field.name);
      }
    }
    kind_id = member.parent;
  }
}

void Collector::decision(const model::Decision& decision) {
  if (!visited_.insert("decision " + decision.id).second) return;
  const std::string& subject = subject_;
  scan(decision.applies, subject);
  scan(decision.all, subject);
  scan(decision.none, subject);
  scan(decision.trigger, subject);
  for (const auto& gate : decision.gates)
    scan(gate.condition, subject);
  if (decision.for_each) scan(decision.for_each->keys, subject);
  // A warning's review result only chooses between its statuses.
  scan(decision.warning.held, subject);
  scan(decision.warning.start, subject);
  scan(decision.warning.period_months, subject);
  for (const auto& component : decision.components)
    scan(component.formula, subject);
  if (decision.table) {
    for (const auto& input : decision.table->inputs)
      scan(input.expr, subject);
    for (const auto& rule : decision.table->rules) {
      scan(model::Expression{rule.output.text, rule.output.origin}, subject);
      // A rule whose value the text leaves open has no program to give it.
      if (rule.output.unspecified) codes_.insert("error:the rule's value did not compile");
    }
  }
  scan(decision.formula, subject);
  scan(decision.round.by, subject);
  if (decision.truncated_text) {
    auto setting = index_.switches.find("switches." + decision.unless_switch);
    bool lifted = setting != index_.switches.end() && setting->second.is_true();
    if (!lifted) codes_.insert("truncated_text");
  }
  if (!decision.allocation) return;
  const model::Allocation& allocation = *decision.allocation;
  for (const auto* expression :
       {&allocation.group_by, &allocation.candidates, &allocation.quota_ratio,
        &allocation.quota_base, &allocation.quota_count}) {
    scan(*expression, subject);
  }
  for (const auto& key : allocation.rank_by)
    scan(key.expr, subject);
  for (const auto& key : allocation.tie_break)
    scan(key.expr, subject);
  for (const auto& share : allocation.tier_shares)
    scan(share, subject);
  if (allocation.tie_break.empty()) codes_.insert("tie_at_cap");
  const bool shares = !allocation.quota_ratio.empty() || !allocation.tier_shares.empty();
  if (shares && (allocation.rounding.empty() || allocation.rounding == "exact")) {
    codes_.insert("unspecified_parameter:" + decision.id + ".rounding");
  }
}

}  // namespace

std::vector<std::string> undetermined_sources(const CompiledRuleSetImpl& rules,
                                              const model::Decision& decision) {
  Index index(rules);
  Collector collector(index, decision.subject);
  collector.decision(decision);
  return collector.codes();
}

}  // namespace cadre::engine
