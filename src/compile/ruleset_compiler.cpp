// The rule-set compiler's orchestration: declarations, dependency order,
// compilation in that order, digest.
#include "compile/ruleset_compiler.hpp"

#include <algorithm>
#include <functional>

#include "compile/decision_compiler.hpp"
#include "compile/digest.hpp"
#include "compile/parameter_values.hpp"
#include "compile/references.hpp"
#include "compile/schema_types.hpp"
#include "model/queries.hpp"

namespace cadre {

namespace {

using model::OriginId;

// Every expression text inside a decision, for dependency extraction.
void collect(const model::Condition& condition, std::vector<const model::Expression*>& out) {
  out.push_back(&condition.when);
  for (const auto& child : condition.children)
    collect(child, out);
}

std::vector<const model::Expression*> expressions_of(const model::Decision& d) {
  std::vector<const model::Expression*> out{&d.applies, &d.formula, &d.warning.start,
                                            &d.warning.period_months, &d.warning.review_result};
  collect(d.all, out);
  collect(d.none, out);
  collect(d.trigger, out);
  for (const auto& component : d.components)
    out.push_back(&component.formula);
  if (d.table) {
    for (const auto& input : d.table->inputs)
      out.push_back(&input.expr);
  }
  if (d.allocation) {
    const auto& a = *d.allocation;
    for (const auto* e :
         {&a.group_by, &a.candidates, &a.quota_ratio, &a.quota_count, &a.from_record}) {
      out.push_back(e);
    }
    for (const auto& key : a.rank_by)
      out.push_back(&key.expr);
    for (const auto& key : a.tie_break)
      out.push_back(&key.expr);
  }
  return out;
}

// An allocation by tiers is read as its tier number (1 = the first tier).
Type decision_type(const model::Decision& decision, const std::shared_ptr<const EnumType>& status) {
  if (decision.allocation && !decision.allocation->tier_shares.empty()) return Type::integer();
  switch (decision.kind) {
    case model::DecisionKind::pay:
      return Type::decimal();
    case model::DecisionKind::warning:
      return Type::enumeration(status);
    case model::DecisionKind::assessment:
      return Type::dyn();
    default:
      return Type::boolean();
  }
}

class RuleSetCompiler {
 public:
  RuleSetCompiler(CompiledRuleSetImpl& out, std::vector<Diagnostic>& diagnostics)
      : out_(out), context_(out, diagnostics) {}

  void run(std::vector<Diagnostic>& diagnostics) {
    SchemaTypes types(rules().schema, out_.origins(), diagnostics);
    out_.enums = types.enums();
    declare_records(types);
    declare_parameters(types);
    declare_switches();
    for (const auto& list : rules().lists) {
      std::vector<std::string> items;
      for (const auto& item : list.items)
        items.push_back(item.first);
      out_.environment.declare_list(list.id, std::move(items), list.complete());
    }
    declare_rules();
    compile_conflicts();
    if (!order()) return;
    compile_steps();
  }

 private:
  const model::RuleSet& rules() const { return out_.rules(); }

  void register_id(const std::string& id, IdInfo info, OriginId origin) {
    if (!context_.ids().emplace(id, std::move(info)).second) {
      context_.error(origin, "compile.duplicate_id", "`" + id + "` is defined twice");
    }
  }

  // Conflicts read the record's own facts (and as_of) before any rule runs.
  void compile_conflicts() {
    for (const auto& kind : rules().schema.records) {
      auto slot = out_.record_slots.find(kind.id);
      if (slot == out_.record_slots.end()) continue;
      const auto* variable = out_.environment.find(kind.id);
      const auto record_type = variable ? variable->type.record_type_shared() : nullptr;
      std::vector<CompiledConflict> compiled_conflicts;
      for (const auto& conflict : kind.conflicts) {
        CompiledConflict compiled;
        compiled.model = &conflict;
        compiled.when = context_.expression(conflict.when, kind.id, "`when`", {TypeKind::boolean});
        std::string names;
        for (const auto& field : conflict.fields) {
          if (record_type) compiled.fields.push_back(record_type->find_field(field));
          names += (names.empty() ? "" : ",") + field;
        }
        compiled.code = "conflicting_facts:" + names;
        compiled_conflicts.push_back(std::move(compiled));
      }
      if (!compiled_conflicts.empty()) {
        out_.conflicts.emplace_back(slot->second, std::move(compiled_conflicts));
      }
    }
  }

  void declare_records(const SchemaTypes& types) {
    for (std::size_t i = 0; i < rules().schema.records.size(); ++i) {
      const auto& kind = rules().schema.records[i];
      const auto* record = types.find_record(kind.id);
      if (record == nullptr) continue;
      out_.environment.declare(kind.id, Type::record(*record));
      out_.record_slots[kind.id] = out_.environment.slot_of(kind.id);
      register_id(kind.id, {IdInfo::Kind::record, i, {}}, kind.origin);
    }
  }

  Value parse_value(const model::ParamValue& written, const Type& type, const std::string& id) {
    Value value = parameter_value(written, type, id);
    if (!value.is_error()) return value;
    context_.error(written.origin, "compile.param_value",
                   "value of parameter `" + id + "`: " + value.as_error().message);
    return unspecified_value(id);
  }

  void declare_parameters(const SchemaTypes& types) {
    for (std::size_t i = 0; i < rules().parameters.size(); ++i) {
      const auto& param = rules().parameters[i];
      auto type = types.resolve(param.type.empty() ? "decimal" : param.type);
      if (!type) {
        context_.error(param.origin, "compile.param_type",
                       "unknown type `" + param.type + "` for parameter `" + param.id + "`");
        type = Type::dyn();
      }
      CompiledParameter compiled;
      compiled.model = &param;
      compiled.type = *type;
      fill_parameter(param, compiled);
      Type declared =
          param.form == model::ParamForm::table ? Type::map(Type::string(), *type) : *type;
      out_.environment.declare(param.id, declared);
      compiled.type = declared;
      compiled.slot = out_.environment.slot_of(param.id);
      out_.parameters.push_back(std::move(compiled));
      register_id(param.id, {IdInfo::Kind::parameter, i, {}}, param.origin);
    }
  }

  void fill_parameter(const model::Parameter& param, CompiledParameter& out) {
    switch (param.form) {
      case model::ParamForm::scalar:
        out.value = parse_value(param.value, out.type, param.id);
        break;
      case model::ParamForm::table:
        out.value = table_value(param, out.type);
        break;
      case model::ParamForm::series:
        for (const auto& entry : param.series) {
          // An unspecified entry is named by its period: hy.avg_monthly_pay[2019].
          bool new_year = entry.from.month() == 1 && entry.from.day() == 1;
          std::string period =
              new_year ? std::to_string(entry.from.year()) : entry.from.to_string();
          out.series.emplace_back(
              entry.from, parse_value(entry.value, out.type, param.id + "[" + period + "]"));
        }
        std::stable_sort(out.series.begin(), out.series.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        out.value = unspecified_value(param.id);
        break;
      case model::ParamForm::range:
        out.low = parse_value(param.low, out.type, param.id);
        out.high = parse_value(param.high, out.type, param.id);
        out.value = unspecified_value(param.id);
        break;
      case model::ParamForm::unspecified:
        out.value = unspecified_value(param.id);
        break;
    }
  }

  Value table_value(const model::Parameter& param, const Type& type) {
    const EnumType* keys = nullptr;
    if (!param.table_key.empty()) {
      auto found = out_.enums.find(param.table_key);
      if (found == out_.enums.end()) {
        context_.error(
            param.origin, "compile.param_type",
            "unknown enumeration `" + param.table_key + "` as the key of `" + param.id + "`");
      } else {
        keys = found->second.get();
      }
    }
    MapValue table;
    for (const auto& [key, written] : param.table) {
      if (keys != nullptr && keys->find(key) < 0) {
        context_.error(written.key_origin != model::kNoOrigin ? written.key_origin : written.origin,
                       "compile.param_value",
                       "`" + key + "` is not a value of `" + keys->name() + "`");
        continue;
      }
      table.set(key, parse_value(written, type, param.id + "." + key));
    }
    return Value(std::move(table));
  }

  void declare_switches() {
    for (const auto& option : rules().switches) {
      auto type = std::make_shared<const EnumType>("switches." + option.id, option.values,
                                                   EnumOrder::unordered);
      std::string name = "switches." + option.id;
      out_.environment.declare(name, Type::enumeration(type));
      out_.switch_slots[option.id] = out_.environment.slot_of(name);
      int index = option.default_value.empty() ? -1 : type->find(option.default_value);
      if (!option.default_value.empty() && index < 0) {
        context_.error(
            option.origin, "compile.switch",
            "default `" + option.default_value + "` is not a value of switch `" + option.id + "`");
      }
      out_.switch_values.push_back(index >= 0 ? Value(EnumValue{type, index})
                                              : Value::unknown("ambiguous_reading:" + option.id));
      register_id(name, {IdInfo::Kind::switch_, out_.switch_values.size() - 1, {}}, option.origin);
    }
  }

  // A rule without a subject is about no record (a reference value computed
  // from parameters alone).
  static OriginId first(OriginId preferred, OriginId fallback) {
    return preferred != model::kNoOrigin ? preferred : fallback;
  }

  bool known_subject(const std::string& subject) const {
    return subject.empty() || out_.record_slots.contains(subject);
  }

  void check_subject(const std::string& subject, const std::string& id, OriginId origin) {
    if (known_subject(subject)) return;
    context_.error(
        origin, "compile.subject",
        "`" + id + "` is about `" + subject + "`, which is not a record kind of the schema");
  }

  void declare_rules() {
    status_type_ = std::make_shared<const EnumType>(
        "warning_status",
        std::vector<std::string>{"clear", "in_period", "awaiting_review", "lifted", "failed"},
        EnumOrder::unordered);
    out_.enums["warning_status"] = status_type_;
    for (std::size_t i = 0; i < rules().derived.size(); ++i) {
      const auto& derived = rules().derived[i];
      check_subject(derived.subject, derived.id, first(derived.subject_origin, derived.origin));
      out_.environment.declare(derived.id, Type::dyn());
      register_id(derived.id, {IdInfo::Kind::derived, i, derived.subject}, derived.origin);
    }
    for (std::size_t i = 0; i < rules().decisions.size(); ++i) {
      const auto& decision = rules().decisions[i];
      check_subject(decision.subject, decision.id, first(decision.subject_origin, decision.origin));
      out_.environment.declare(decision.id, decision_type(decision, status_type_));
      register_id(decision.id, {IdInfo::Kind::decision, i, decision.subject}, decision.origin);
    }
  }

  // Derived values and decisions a step refers to.
  std::vector<std::size_t> dependencies(const Step& step) {
    std::vector<const model::Expression*> texts;
    if (step.kind == Step::Kind::derived) {
      texts.push_back(&rules().derived[step.index].expr);
    } else {
      texts = expressions_of(rules().decisions[step.index]);
    }
    auto is_rule = [&](std::string_view id) {
      const IdInfo* info = context_.find_id(id);
      return info && (info->kind == IdInfo::Kind::derived || info->kind == IdInfo::Kind::decision);
    };
    std::vector<std::size_t> out;
    for (const auto* text : texts) {
      for (const auto& reference : find_references(text->text, is_rule)) {
        out.push_back(node_of(*context_.find_id(reference.id)));
      }
    }
    return out;
  }

  std::size_t node_of(const IdInfo& info) const {
    return info.kind == IdInfo::Kind::derived ? info.index : rules().derived.size() + info.index;
  }

  Step step_of(std::size_t node) const {
    if (node < rules().derived.size()) return {Step::Kind::derived, node};
    return {Step::Kind::decision, node - rules().derived.size()};
  }

  const std::string& id_of(std::size_t node) const {
    Step step = step_of(node);
    return step.kind == Step::Kind::derived ? rules().derived[step.index].id
                                            : rules().decisions[step.index].id;
  }

  OriginId origin_of(std::size_t node) const {
    Step step = step_of(node);
    return step.kind == Step::Kind::derived ? rules().derived[step.index].origin
                                            : rules().decisions[step.index].origin;
  }

  // Depth-first topological order; a cycle is reported with its path.
  bool order() {
    std::size_t count = rules().derived.size() + rules().decisions.size();
    std::vector<std::vector<std::size_t>> edges(count);
    for (std::size_t node = 0; node < count; ++node)
      edges[node] = dependencies(step_of(node));
    std::vector<int> state(count, 0);  // 0 new, 1 on the path, 2 done
    std::vector<std::size_t> path;
    bool acyclic = true;
    std::function<void(std::size_t)> visit = [&](std::size_t node) {
      state[node] = 1;
      path.push_back(node);
      for (std::size_t next : edges[node]) {
        if (state[next] == 1) {
          report_cycle(path, next);
          acyclic = false;
        } else if (state[next] == 0) {
          visit(next);
        }
      }
      path.pop_back();
      state[node] = 2;
      out_.order.push_back(step_of(node));
    };
    for (std::size_t node = 0; node < count; ++node) {
      if (state[node] == 0) visit(node);
    }
    return acyclic;
  }

  void report_cycle(const std::vector<std::size_t>& path, std::size_t back_to) {
    auto start = std::find(path.begin(), path.end(), back_to);
    std::string cycle;
    for (auto it = start; it != path.end(); ++it)
      cycle += "`" + id_of(*it) + "` → ";
    cycle += "`" + id_of(back_to) + "`";
    context_.error(origin_of(back_to), "compile.cycle",
                   "cycle among derived values and decisions: " + cycle,
                   "a value cannot depend on itself; break the chain at one of these rules");
  }

  // Kinds by index, with the readable kinds of each as a bit mask.
  void index_kinds() {
    for (const auto& kind : rules().schema.records)
      out_.kinds.push_back(kind.id);
    if (out_.kinds.size() > 64) {
      context_.error(rules().schema.records[64].origin, "compile.kinds",
                     "a rule set may declare at most 64 record kinds");
      out_.kinds.resize(64);
    }
    for (const auto& kind : out_.kinds) {
      std::uint64_t mask = 0;
      for (const auto& readable : model::readable_kinds(rules(), kind))
        mask |= std::uint64_t{1} << kind_index(readable);
      out_.readable.push_back(mask);
    }
    out_.as_of_slot = out_.environment.slot_of("as_of");
  }

  int kind_index(const std::string& kind) const {
    auto found = std::find(out_.kinds.begin(), out_.kinds.end(), kind);
    return found == out_.kinds.end() ? -1 : static_cast<int>(found - out_.kinds.begin());
  }

  void compile_steps() {
    index_kinds();
    for (const Step& step : out_.order) {
      if (step.kind == Step::Kind::derived) {
        const auto& model = rules().derived[step.index];
        // A rule about an unknown subject was reported; its expressions would
        // only add follow-on errors.
        CompiledDerived compiled;
        compiled.model = &model;
        if (known_subject(model.subject)) compiled = compile_derived(context_, model);
        if (compiled.expr.program) {
          out_.environment.declare(model.id, compiled.expr.program->result_type());
        }
        compiled.slot = out_.environment.slot_of(model.id);
        compiled.subject_kind = kind_index(model.subject);
        derived_[step.index] = std::move(compiled);
      } else {
        const auto& model = rules().decisions[step.index];
        CompiledDecision compiled;
        compiled.model = &model;
        if (known_subject(model.subject)) compiled = compile_decision(context_, model);
        if (model.kind == model::DecisionKind::assessment && compiled.formula.program) {
          out_.environment.declare(model.id, compiled.formula.program->result_type());
        }
        compiled.slot = out_.environment.slot_of(model.id);
        compiled.value_type = out_.environment.find(model.id)->type;
        compiled.subject_kind = kind_index(model.subject);
        decisions_[step.index] = std::move(compiled);
      }
    }
    for (auto& compiled : derived_)
      out_.derived.push_back(std::move(compiled.second));
    for (auto& compiled : decisions_)
      out_.decisions.push_back(std::move(compiled.second));
  }

  CompiledRuleSetImpl& out_;
  CompileContext context_;
  std::shared_ptr<const EnumType> status_type_;
  std::map<std::size_t, CompiledDerived> derived_;
  std::map<std::size_t, CompiledDecision> decisions_;
};

}  // namespace

RuleSetCompileResult compile_ruleset(std::unique_ptr<load::LoadedRuleSet> loaded) {
  RuleSetCompileResult result;
  auto out = std::make_shared<CompiledRuleSetImpl>();
  std::filesystem::path root =
      loaded->files.empty() ? std::filesystem::path() : loaded->files.front().parent_path();
  out->digest = ruleset_digest(loaded->files, root);
  out->source = std::move(loaded);
  RuleSetCompiler(*out, result.diagnostics).run(result.diagnostics);
  if (!has_errors(result.diagnostics)) result.ruleset = std::move(out);
  return result;
}

}  // namespace cadre
