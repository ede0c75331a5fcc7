// The parts of each kind of item, in model order.
#include "diff/canonical.hpp"

#include "model/queries.hpp"

namespace cadre::diff {

namespace {

// Collects parts under a prefix; empty texts are left out, so that a part
// written on one side only shows as added or removed.
class PartWriter {
 public:
  explicit PartWriter(Parts& out) : out_(out) {}

  void add(const std::string& part, const std::string& text) {
    if (!text.empty()) out_.emplace_back(part, text);
  }
  void flag(const std::string& part, bool on) {
    if (on) out_.emplace_back(part, "yes");
  }
  void text(const std::string& part, const model::Text& words) {
    add(part + ".zh", words.zh);
    add(part + ".en", words.en);
  }
  void expression(const std::string& part, const model::Expression& expression) {
    add(part, expression.text);
  }
  void cite(const std::string& prefix, const model::Citation& cite) {
    add(joined(prefix, "cite"), cite.provision);
    add(joined(prefix, "quote"), cite.quote);
  }
  void value(const std::string& part, const model::ParamValue& value) {
    if (value.unspecified) {
      add(part, "unspecified");
      text(part + ".because", value.because);
    } else if (value.is_list) {
      add(part, "[" + list(value.items) + "]");
    } else {
      add(part, value.text);
    }
  }
  void rounding(const std::string& part, const model::Rounding& round) {
    if (!round.given) return;
    add(part, std::to_string(round.places) + " " + round.mode);
    expression(part + ".by", round.by);
  }
  void flags(const std::string& prefix, const std::vector<model::ConditionalFlag>& flags) {
    for (const auto& flag : flags)
      add(prefix + "." + flag.name, flag.when.text.empty() ? "always" : flag.when.text);
  }

  void condition(const std::string& prefix, const model::Condition& condition) {
    const std::string at = condition.id.empty() ? prefix : prefix + "." + condition.id;
    if (condition.group == model::Condition::Group::leaf) {
      expression(at + ".when", condition.when);
    } else if (!condition.children.empty() || !condition.id.empty()) {
      add(at, condition.group == model::Condition::Group::all ? "all of" : "any of");
    }
    flag(at + ".soft", condition.soft);
    cite(at, condition.cite);
    text(at + ".message", condition.message);
    for (std::size_t i = 0; i < condition.children.size(); ++i) {
      const auto& child = condition.children[i];
      condition_child(at, child, i);
    }
  }

  static std::string joined(const std::string& prefix, const std::string& name) {
    return prefix.empty() ? name : prefix + "." + name;
  }

  static std::string list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
      out += (out.empty() ? "" : ", ") + item;
    return out;
  }

 private:
  // A child without an id is named by its place.
  void condition_child(const std::string& at, const model::Condition& child, std::size_t i) {
    if (child.id.empty()) {
      model::Condition named = child;
      named.id = "#" + std::to_string(i + 1);
      condition(at, named);
    } else {
      condition(at, child);
    }
  }

  Parts& out_;
};

const char* form_name(model::ParamForm form) {
  switch (form) {
    case model::ParamForm::scalar:
      return "value";
    case model::ParamForm::table:
      return "table";
    case model::ParamForm::series:
      return "series";
    case model::ParamForm::range:
      return "range";
    case model::ParamForm::unspecified:
      break;
  }
  return "unspecified";
}

const char* hit_name(model::HitPolicy hit) {
  switch (hit) {
    case model::HitPolicy::unique:
      return "unique";
    case model::HitPolicy::first:
      return "first";
    case model::HitPolicy::priority:
      return "priority";
    case model::HitPolicy::collect_sum:
      break;
  }
  return "collect_sum";
}

const char* order_name(model::EnumOrderModel order) {
  switch (order) {
    case model::EnumOrderModel::ascending:
      return "ascending";
    case model::EnumOrderModel::descending:
      return "descending";
    case model::EnumOrderModel::unordered:
      break;
  }
  return "unordered";
}

void field_parts(PartWriter& w, const std::string& prefix, const model::FieldDecl& field) {
  const std::string at = prefix + "." + field.name;
  std::string type = field.type;
  if (!field.entry.empty()) type = field.list ? "list of entries" : "entry";
  w.add(at, type.empty() ? "declared" : type);
  w.flag(at + ".required", field.required);
  w.add(at + ".ref", field.ref);
  w.add(at + ".dated_by", field.dated_by);
  w.add(at + ".unique_by", PartWriter::list(field.unique_by));
  w.text(at + ".title", field.title);
  for (const auto& entry : field.entry)
    field_parts(w, at, entry);
}

void sort_key_parts(PartWriter& w, const std::string& prefix,
                    const std::vector<model::SortKey>& keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) {
    w.add(prefix + "[" + std::to_string(i + 1) + "]",
          keys[i].expr.text + (keys[i].descending ? " (descending)" : " (ascending)"));
  }
}

void allocation_parts(PartWriter& w, const model::Allocation& a) {
  w.expression("allocation.group_by", a.group_by);
  w.expression("allocation.candidates", a.candidates);
  sort_key_parts(w, "allocation.rank_by", a.rank_by);
  sort_key_parts(w, "allocation.tie_break", a.tie_break);
  w.expression("allocation.quota_ratio", a.quota_ratio);
  w.expression("allocation.quota_base", a.quota_base);
  w.flag("allocation.base_is_members", a.base_is_members);
  w.expression("allocation.quota_count", a.quota_count);
  w.add("allocation.rounding", a.rounding);
  for (std::size_t i = 0; i < a.tier_shares.size(); ++i)
    w.expression("allocation.tiers[" + std::to_string(i + 1) + "]", a.tier_shares[i]);
  w.expression("allocation.from_record", a.from_record);
}

void table_parts(PartWriter& w, const model::DecisionTable& table) {
  w.add("table.hit", hit_name(table.hit));
  for (const auto& input : table.inputs)
    w.expression("table.inputs." + input.id, input.expr);
  for (std::size_t i = 0; i < table.rules.size(); ++i) {
    const auto& rule = table.rules[i];
    const std::string at = "table.rules[" + std::to_string(i + 1) + "]";
    for (const auto& [input, test] : rule.cells)
      w.add(at + "." + input, test);
    w.value(at + ".output", rule.output);
    w.flags(at + ".flags", rule.flags);
    if (rule.priority != 0) w.add(at + ".priority", std::to_string(rule.priority));
    w.cite(at, rule.cite);
  }
}

}  // namespace

Parts parts_of(const model::Parameter& p) {
  Parts out;
  PartWriter w(out);
  w.add("type", p.type);
  w.add("unit", p.unit);
  w.add("form", form_name(p.form));
  switch (p.form) {
    case model::ParamForm::scalar:
    case model::ParamForm::unspecified:
      w.value("value", p.value);
      break;
    case model::ParamForm::table:
      w.add("key", p.table_key);
      for (const auto& [key, value] : p.table)
        w.value("table." + key, value);
      if (p.others) w.value("table.(others)", *p.others);
      break;
    case model::ParamForm::series:
      for (const auto& entry : p.series)
        w.value("series." + entry.from.to_string(), entry.value);
      break;
    case model::ParamForm::range:
      w.value("low", p.low);
      w.value("high", p.high);
      break;
  }
  w.add("one_of", PartWriter::list(p.one_of));
  w.add("reported_as", p.reported_as);
  w.add("unset_code", p.unset_code);
  w.cite("", p.cite);
  w.text("title", p.title);
  return out;
}

Parts parts_of(const model::Switch& s) {
  Parts out;
  PartWriter w(out);
  w.add("values", PartWriter::list(s.values));
  w.add("value", s.default_value.empty() ? "unset" : s.default_value);
  w.add("unset_code", s.unset_code);
  w.cite("", s.cite);
  w.text("title", s.title);
  return out;
}

Parts parts_of(const model::NamedList& list) {
  Parts out;
  PartWriter w(out);
  if (list.size) w.add("size", std::to_string(*list.size));
  for (const auto& [code, words] : list.items) {
    w.add("items." + code, "named");
    w.text("items." + code, words);
  }
  w.cite("", list.cite);
  return out;
}

Parts parts_of(const model::Derived& d) {
  Parts out;
  PartWriter w(out);
  w.add("subject", d.subject);
  w.add("type", d.type);
  w.expression("expr", d.expr);
  if (d.aggregate) {
    const auto& a = *d.aggregate;
    w.add("aggregate.over", a.over);
    w.add("aggregate.kind", model::aggregate_kind_name(a.kind));
    w.expression("aggregate.where", a.where);
    w.expression("aggregate.value", a.value);
    w.expression("aggregate.from_record", a.from_record);
  }
  w.cite("", d.cite);
  w.text("title", d.title);
  return out;
}

Parts parts_of(const model::Decision& d) {
  Parts out;
  PartWriter w(out);
  w.add("kind", model::decision_kind_name(d.kind));
  w.add("subject", d.subject);
  w.cite("", d.cite);
  w.text("title", d.title);
  w.expression("applies", d.applies);
  if (d.for_each) w.expression("for_each", d.for_each->keys);
  w.expression("period.last_day", d.period_last_day);
  w.condition("all", d.all);
  w.condition("none", d.none);
  w.condition("trigger", d.trigger);
  for (std::size_t i = 0; i < d.gates.size(); ++i) {
    const std::string at = "gates[" + std::to_string(i + 1) + "]";
    w.condition(at, d.gates[i].condition);
    w.add(at + ".failed", d.gates[i].failed);
  }
  if (!d.gates.empty()) w.add("passed", d.passed);
  std::vector<std::string> actions;
  for (auto action : d.actions)
    actions.emplace_back(model::exit_action_name(action));
  w.add("actions", d.actions_unspecified ? "unspecified" : PartWriter::list(actions));
  w.expression("warning.held", d.warning.held);
  w.expression("warning.start", d.warning.start);
  w.expression("warning.period_months", d.warning.period_months);
  w.expression("warning.review_result", d.warning.review_result);
  w.add("warning.escalate_to", d.warning.escalate_to);
  for (const auto& component : d.components) {
    const std::string at = "components." + component.id;
    w.expression(at + ".formula", component.formula);
    w.rounding(at + ".round", component.round);
    w.cite(at, component.cite);
    w.text(at + ".title", component.title);
  }
  if (d.table) table_parts(w, *d.table);
  w.expression("formula", d.formula);
  w.rounding("round", d.round);
  if (d.allocation) allocation_parts(w, *d.allocation);
  w.flag("soft", d.soft);
  w.flag("discretionary", d.discretionary);
  w.flag("truncated_text", d.truncated_text);
  w.add("unless_switch", d.unless_switch);
  w.flags("flags", d.flags);
  w.text("message", d.message);
  w.add("coverage.cannot", PartWriter::list(d.coverage_cannot));
  w.text("coverage.because", d.coverage_because);
  return out;
}

Parts parts_of(const model::EnumDecl& e) {
  Parts out;
  PartWriter w(out);
  w.add("values", PartWriter::list(e.values));
  w.add("order", order_name(e.order));
  for (const auto& [from, to] : e.same_as)
    w.add("same_as." + from, to);
  w.flag("open", e.open);
  w.text("title", e.title);
  return out;
}

Parts parts_of(const model::RecordKind& kind) {
  Parts out;
  PartWriter w(out);
  w.add("key", kind.key);
  w.add("belongs_to", kind.parent.empty() ? "" : kind.parent + " (" + kind.parent_field + ")");
  for (const auto& field : kind.fields)
    field_parts(w, "fields", field);
  for (std::size_t i = 0; i < kind.conflicts.size(); ++i) {
    const auto& conflict = kind.conflicts[i];
    const std::string at = "conflicts[" + std::to_string(i + 1) + "]";
    w.expression(at + ".when", conflict.when);
    w.add(at + ".fields", PartWriter::list(conflict.fields));
    w.cite(at, conflict.cite);
  }
  w.text("title", kind.title);
  return out;
}

Parts validity_parts(const model::Metadata& metadata) {
  Parts out;
  PartWriter w(out);
  if (metadata.valid_from) w.add("valid.from", metadata.valid_from->to_string());
  if (metadata.valid_to) w.add("valid.to", metadata.valid_to->to_string());
  return out;
}

bool is_wording(const std::string& part) {
  if (part.starts_with("coverage.")) return true;  // what tests can show, not results
  const std::size_t dot = part.rfind('.');
  const std::string last = dot == std::string::npos ? part : part.substr(dot + 1);
  return last == "zh" || last == "en" || last == "quote" || last == "cite" || last == "unit";
}

}  // namespace cadre::diff
