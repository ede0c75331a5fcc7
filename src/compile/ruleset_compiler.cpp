// The rule-set compiler's orchestration: declarations, dependency order,
// compilation in that order, digest.
#include "compile/ruleset_compiler.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>
#include <functional>

#include "compile/decision_compiler.hpp"
#include "compile/decision_info.hpp"
#include "compile/digest.hpp"
#include "compile/parameter_values.hpp"
#include "compile/references.hpp"
#include "compile/schema_types.hpp"
#include "core/access.hpp"
#include "model/queries.hpp"

namespace cadre {

namespace {

using model::OriginId;

// An allocation by tiers is read as its tier number (1 = the first tier); a
// decision by gates as the gate's result; a keyed decision as a map of its
// results by key.
Type decision_type(const model::Decision& decision, const std::shared_ptr<const EnumType>& status);

Type result_type(const model::Decision& decision, const std::shared_ptr<const EnumType>& status) {
  if (decision.allocation && !decision.allocation->tier_shares.empty()) return Type::integer();
  if (!decision.gates.empty()) return Type::string();
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

Type decision_type(const model::Decision& decision, const std::shared_ptr<const EnumType>& status) {
  Type type = result_type(decision, status);
  return decision.for_each ? Type::map(Type::dyn(), type) : type;
}

Type aggregate_type(const model::Aggregate& aggregate) {
  switch (aggregate.kind) {
    case model::AggregateKind::count:
      return Type::integer();
    case model::AggregateKind::any:
    case model::AggregateKind::all:
      return Type::boolean();
    default:
      return Type::dyn();
  }
}

class RuleSetCompiler {
 public:
  RuleSetCompiler(CompiledRuleSetImpl& out, std::vector<Diagnostic>& diagnostics)
      : out_(out), context_(out, diagnostics) {}

  void run(std::vector<Diagnostic>& diagnostics) {
    SchemaTypes types(rules().schema, out_.origins(), diagnostics);
    types_ = &types;
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
      context_.error(origin, code::compile_duplicate_id, "`" + id + "` is defined twice");
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
      out_.record_slots[kind.id] = internal::slot_of(out_.environment, kind.id);
      register_id(kind.id, {IdInfo::Kind::record, i, {}}, kind.origin);
      if (!kind.parent.empty() && model::find_record_kind(rules(), kind.parent) == nullptr) {
        context_.error(kind.origin, code::compile_belongs_to,
                       "record kind `" + kind.id + "` belongs to `" + kind.parent +
                           "`, which is not a record kind of the schema");
      }
    }
  }

  // The reason code an unspecified value of `param` carries, for the entry `suffix`.
  static std::string unset_code(const model::Parameter& param) {
    return param.unset_code.empty() ? "unspecified_parameter" : param.unset_code;
  }
  static std::string reported_name(const model::Parameter& param) {
    return param.reported_as.empty() ? param.id : param.reported_as;
  }

  // A value left open, under the code a decision needing it gives; each code once.
  void note_open(const std::string& name, const model::ParamValue& mark) {
    OpenValue open;
    open.code = unset_code(*current_parameter_) + ":" + name;
    for (const OpenValue& known : out_.open_values) {
      if (known.code == open.code) return;
    }
    open.reason_zh = mark.because.zh;
    open.reason_en = mark.because.en;
    open.location = out_.origins().locate(
        mark.origin != model::kNoOrigin ? mark.origin : current_parameter_->origin);
    out_.open_values.push_back(std::move(open));
  }

  Value parse_value(const model::ParamValue& written, const Type& type, const std::string& id) {
    const model::Parameter& param = *current_parameter_;
    std::string name = reported_name(param) + id.substr(std::min(id.size(), param.id.size()));
    if (written.unspecified) note_open(name, written);
    Value value = parameter_value(written, type, name, unset_code(param));
    if (!value.is_error()) return value;
    context_.error(written.origin, code::compile_param_value,
                   "value of parameter `" + id + "`: " + value.as_error().message);
    return unspecified_value(name, unset_code(param));
  }

  void declare_parameters(const SchemaTypes& types) {
    for (std::size_t i = 0; i < rules().parameters.size(); ++i) {
      const auto& param = rules().parameters[i];
      auto type = types.resolve(param.type.empty() ? "decimal" : param.type);
      if (!type) {
        context_.error(param.origin, code::compile_param_type,
                       "unknown type `" + param.type + "` for parameter `" + param.id + "`");
        type = Type::dyn();
      }
      CompiledParameter compiled;
      compiled.model = &param;
      compiled.type = *type;
      compiled.code = unset_code(param) + ":" + reported_name(param);
      current_parameter_ = &param;
      fill_parameter(param, compiled);
      for (const auto& text : param.one_of) {
        model::ParamValue written;
        written.text = text;
        written.origin = param.one_of_origin;
        Value possible = parameter_value(written, *type, param.id);
        if (possible.is_error()) {
          context_.error(param.one_of_origin, code::compile_param_value,
                         "`" + text + "` in `one_of` of parameter `" + param.id +
                             "`: " + possible.as_error().message);
          continue;
        }
        compiled.possible.push_back(std::move(possible));
      }
      // A table, or an unspecified table with its key, is read by key: a
      // value of its enumeration (a table without `key`, by any string).
      bool keyed = param.form == model::ParamForm::table ||
                   (param.form == model::ParamForm::unspecified && !param.table_key.empty());
      Type key = Type::string();
      if (auto found = out_.enums.find(param.table_key); found != out_.enums.end()) {
        key = Type::enumeration(found->second);
      }
      Type declared = keyed ? Type::map(key, *type) : *type;
      out_.environment.declare(param.id, declared);
      compiled.type = declared;
      compiled.slot = internal::slot_of(out_.environment, param.id);
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
        out.value = unspecified_value(reported_name(param), unset_code(param));
        break;
      case model::ParamForm::range: {
        out.low = parse_value(param.low, out.type, param.id);
        out.high = parse_value(param.high, out.type, param.id);
        out.value = unspecified_value(reported_name(param), unset_code(param));
        // Open too, within the bounds the text gives: listed with them.
        model::ParamValue bounds;
        bounds.origin = param.origin;
        bounds.because = {"仅知在" + param.low.text + "与" + param.high.text + "之间",
                          "known only between " + param.low.text + " and " + param.high.text};
        note_open(reported_name(param), bounds);
        break;
      }
      case model::ParamForm::unspecified:
        // A keyed table the text leaves open: each entry is unspecified.
        note_open(reported_name(param), param.value);
        out.value = param.table_key.empty()
                        ? unspecified_value(reported_name(param), unset_code(param))
                        : table_value(param, out.type);
        break;
    }
  }

  Value table_value(const model::Parameter& param, const Type& type) {
    const EnumType* keys = nullptr;
    if (!param.table_key.empty()) {
      auto found = out_.enums.find(param.table_key);
      if (found == out_.enums.end()) {
        context_.error(
            param.origin, code::compile_param_type,
            "unknown enumeration `" + param.table_key + "` as the key of `" + param.id + "`");
      } else {
        keys = found->second.get();
      }
    }
    MapValue table;
    for (const auto& [key, written] : param.table) {
      if (keys != nullptr && keys->find(key) < 0) {
        context_.error(written.key_origin != model::kNoOrigin ? written.key_origin : written.origin,
                       code::compile_param_value,
                       "`" + key + "` is not a value of `" + keys->name() + "`");
        continue;
      }
      table.set(key, parse_value(written, type, param.id + "." + key));
    }
    // Values of the key the table does not give are unspecified, not absent:
    // reading one is undetermined, never an error. The code names the open
    // value: the entry where the table gives others (hy.perf_multiplier.称职,
    // S-13), the parameter where the text leaves it open as a whole
    // (ps.tier_amount, S-38).
    if (keys != nullptr) {
      const bool whole = param.form == model::ParamForm::unspecified;
      const model::ParamValue unlisted =
          whole ? param.value : param.others.value_or(model::ParamValue{});
      for (const auto& key : keys->values()) {
        if (table.find_key(key) != nullptr) continue;
        const std::string name = whole ? reported_name(param) : reported_name(param) + "." + key;
        if (!whole) note_open(name, unlisted);
        table.set(key, unspecified_value(name, unset_code(param)));
      }
    }
    return Value(std::move(table));
  }

  void declare_switches() {
    for (const auto& option : rules().switches) {
      auto type = std::make_shared<const EnumType>("switches." + option.id, option.values,
                                                   EnumOrder::unordered);
      std::string name = "switches." + option.id;
      out_.environment.declare(name, Type::enumeration(type));
      out_.switch_slots[option.id] = internal::slot_of(out_.environment, name);
      int index = option.default_value.empty() ? -1 : type->find(option.default_value);
      if (!option.default_value.empty() && index < 0) {
        context_.error(
            option.origin, code::compile_switch,
            "default `" + option.default_value + "` is not a value of switch `" + option.id + "`");
      }
      const std::string code = option.unset_code.empty() ? "ambiguous_reading" : option.unset_code;
      out_.switch_values.push_back(index >= 0 ? Value(EnumValue{type, index})
                                              : Value::unknown(code + ":" + option.id));
      std::vector<Value> possible;
      for (int v = 0; v < static_cast<int>(option.values.size()); ++v)
        possible.emplace_back(EnumValue{type, v});
      out_.switch_possible.push_back(std::move(possible));
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
        origin, code::compile_subject,
        "`" + id + "` is about `" + subject + "`, which is not a record kind of the schema");
  }

  void declare_rules() {
    status_type_ = std::make_shared<const EnumType>(
        "warning_status",
        std::vector<std::string>{"clear", "talk_due", "in_period", "awaiting_review", "lifted",
                                 "failed"},
        EnumOrder::unordered);
    out_.enums["warning_status"] = status_type_;
    for (std::size_t i = 0; i < rules().derived.size(); ++i) {
      const auto& derived = rules().derived[i];
      check_subject(derived.subject, derived.id, first(derived.subject_origin, derived.origin));
      out_.environment.declare(
          derived.id, derived.aggregate ? aggregate_type(*derived.aggregate) : Type::dyn());
      register_id(derived.id, {IdInfo::Kind::derived, i, derived.subject}, derived.origin);
    }
    for (std::size_t i = 0; i < rules().decisions.size(); ++i) {
      const auto& decision = rules().decisions[i];
      check_subject(decision.subject, decision.id, first(decision.subject_origin, decision.origin));
      out_.environment.declare(decision.id, decision_type(decision, status_type_));
      register_id(decision.id, {IdInfo::Kind::decision, i, decision.subject}, decision.origin);
      // `key`: the current key of a decision made per key.
      if (decision.for_each && internal::slot_of(out_.environment, "key") < 0) {
        out_.environment.declare("key", Type::dyn());
      }
    }
  }

  // Derived values and decisions a step refers to.
  std::vector<std::size_t> dependencies(const Step& step) {
    std::vector<const model::Expression*> texts;
    if (step.kind == Step::Kind::derived) {
      texts = model::expressions_of(rules().derived[step.index]);
    } else {
      texts = model::expressions_of(rules().decisions[step.index]);
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
    std::vector<std::vector<std::size_t>>& edges = edges_;
    edges.assign(count, {});
    for (std::size_t node = 0; node < count; ++node)
      edges[node] = dependencies(step_of(node));
    std::vector<int> state(count, 0);  // 0 new, 1 on the path, 2 done
    position_.assign(count, 0);
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
      position_[node] = out_.order.size() - 1;
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
    context_.error(origin_of(back_to), code::compile_cycle,
                   "cycle among derived values and decisions: " + cycle,
                   "a value cannot depend on itself; break the chain at one of these rules");
  }

  // Kinds by index, with the readable kinds of each as a bit mask.
  void index_kinds() {
    for (const auto& kind : rules().schema.records)
      out_.kinds.push_back(kind.id);
    if (out_.kinds.size() > 64) {
      context_.error(rules().schema.records[64].origin, code::compile_kinds,
                     "a rule set may declare at most 64 record kinds");
      out_.kinds.resize(64);
    }
    for (const auto& kind : out_.kinds) {
      std::uint64_t mask = 0;
      for (const auto& readable : model::readable_kinds(rules(), kind)) {
        // An undeclared parent (reported) or a kind past the 64th has no bit.
        const int index = kind_index(readable);
        if (index >= 0) mask |= std::uint64_t{1} << index;
      }
      out_.readable.push_back(mask);
    }
    out_.as_of_slot = internal::slot_of(out_.environment, "as_of");
  }

  int kind_index(const std::string& kind) const {
    auto found = std::find(out_.kinds.begin(), out_.kinds.end(), kind);
    return found == out_.kinds.end() ? -1 : static_cast<int>(found - out_.kinds.begin());
  }

  // The positions in the order of every step `node` reads, directly or through
  // others, ascending.
  std::vector<std::size_t> upstream_of(std::size_t node) const {
    std::vector<bool> seen(edges_.size(), false);
    std::vector<std::size_t> stack = edges_[node];
    std::vector<std::size_t> out;
    while (!stack.empty()) {
      std::size_t next = stack.back();
      stack.pop_back();
      if (next >= seen.size() || seen[next]) continue;
      seen[next] = true;
      out.push_back(position_[next]);
      for (std::size_t further : edges_[next])
        stack.push_back(further);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  void compile_steps() {
    index_kinds();
    for (std::size_t position = 0; position < out_.order.size(); ++position) {
      const Step step = out_.order[position];
      if (step.kind == Step::Kind::derived) {
        const auto& model = rules().derived[step.index];
        // A rule about an unknown subject was reported; its expressions would
        // only add follow-on errors.
        CompiledDerived compiled;
        compiled.model = &model;
        if (known_subject(model.subject)) compiled = compile_derived(context_, model);
        if (compiled.expr.program && !declared_type_fits(model, compiled.expr)) {
          compiled.expr.program.reset();
        }
        if (compiled.expr.program) {
          out_.environment.declare(model.id, compiled.expr.program->result_type());
        } else if (model.aggregate && compiled.value.program) {
          const Type& value = compiled.value.program->result_type();
          bool listed = model.aggregate->kind == model::AggregateKind::list;
          bool typed = model.aggregate->kind != model::AggregateKind::any &&
                       model.aggregate->kind != model::AggregateKind::all;
          if (typed) out_.environment.declare(model.id, listed ? Type::list(value) : value);
        }
        compiled.slot = internal::slot_of(out_.environment, model.id);
        compiled.subject_kind = kind_index(model.subject);
        if (model.aggregate) compiled.over_kind = kind_index(model.aggregate->over);
        compiled.upstream = upstream_of(step.index);
        out_.order[position].barrier = model.aggregate.has_value();
        derived_[step.index] = std::move(compiled);
      } else {
        const auto& model = rules().decisions[step.index];
        CompiledDecision compiled;
        compiled.model = &model;
        if (known_subject(model.subject)) compiled = compile_decision(context_, model);
        Type value = result_type(model, status_type_);
        if (model.kind == model::DecisionKind::assessment && compiled.formula.program) {
          value = compiled.formula.program->result_type();
        }
        Type key =
            compiled.keys.program ? compiled.keys.program->result_type().element() : Type::dyn();
        out_.environment.declare(model.id, model.for_each ? Type::map(key, value) : value);
        compiled.slot = internal::slot_of(out_.environment, model.id);
        compiled.value_type = value;
        compiled.subject_kind = kind_index(model.subject);
        compiled.upstream = upstream_of(rules().derived.size() + step.index);
        out_.order[position].barrier = model.kind == model::DecisionKind::allocation;
        decisions_[step.index] = std::move(compiled);
      }
    }
    for (auto& compiled : derived_)
      out_.derived.push_back(std::move(compiled.second));
    out_.decisions_about.assign(out_.kinds.size(), 0);
    for (auto& compiled : decisions_) {
      const int kind = compiled.second.subject_kind;
      if (kind >= 0) ++out_.decisions_about[static_cast<std::size_t>(kind)];
      out_.decisions.push_back(std::move(compiled.second));
    }
  }

  // A derived value's declared `type` holds its expression to it: a grade of
  // one scale is not a value of another.
  bool declared_type_fits(const model::Derived& model, const CompiledExpression& expr) {
    if (model.type.empty()) return true;
    const auto declared = types_->resolve(model.type);
    if (!declared) {
      context_.error(model.origin, code::compile_type,
                     "unknown type `" + model.type + "` for derived value `" + model.id + "`");
      return false;
    }
    const Type& actual = expr.program->result_type();
    if (fits(*declared, actual)) return true;
    context_.error(first(model.expr.origin, model.origin), code::compile_type,
                   "`expr` of derived value `" + model.id + "` must be `" + declared->to_string() +
                       "` (its `type`), found `" + actual.to_string() + "`");
    return false;
  }

  // A value of `actual` may stand where `declared` is expected: the same type
  // (the same enumeration or record kind), dyn, or an int for a decimal.
  static bool fits(const Type& declared, const Type& actual) {
    if (declared.is_dyn() || actual.is_dyn()) return true;
    if (declared.kind() == TypeKind::decimal && actual.kind() == TypeKind::integer) return true;
    if (declared.kind() != actual.kind()) return false;
    switch (declared.kind()) {
      case TypeKind::list:
        return fits(declared.element(), actual.element());
      case TypeKind::map:
        return fits(declared.key(), actual.key()) && fits(declared.value(), actual.value());
      case TypeKind::enumeration:
        return declared.enum_type() == actual.enum_type();
      case TypeKind::record:
        return declared.record_type() == actual.record_type();
      default:
        return true;
    }
  }

  CompiledRuleSetImpl& out_;
  CompileContext context_;
  const SchemaTypes* types_ = nullptr;  ///< while run() lasts
  std::shared_ptr<const EnumType> status_type_;
  std::map<std::size_t, CompiledDerived> derived_;
  std::map<std::size_t, CompiledDecision> decisions_;
  const model::Parameter* current_parameter_ = nullptr;  ///< while its values are parsed
  std::vector<std::vector<std::size_t>> edges_;          ///< dependencies by node
  std::vector<std::size_t> position_;                    ///< node → position in the order
};

}  // namespace

RuleSetCompileResult compile_ruleset(std::unique_ptr<load::LoadedRuleSet> loaded,
                                     const CompileOptions& options) {
  RuleSetCompileResult result;
  auto out = std::make_shared<CompiledRuleSetImpl>();
  std::filesystem::path root =
      loaded->files.empty() ? std::filesystem::path() : loaded->files.front().parent_path();
  if (const auto& text = loaded->root_text) {
    // A text's files are named from the folder it was given in.
    const GivenFile given{text->name, text->text};
    out->digest = ruleset_digest(loaded->files, text->folder.value_or(root), &given);
  } else {
    out->digest = ruleset_digest(loaded->files, root);
  }
  out->source = std::move(loaded);
  out->compile_options = options;
  RuleSetCompiler(*out, result.diagnostics).run(result.diagnostics);
  out->decision_info = describe_decisions(out->rules(), out->origins());
  if (!has_errors(result.diagnostics)) result.ruleset = std::move(out);
  return result;
}

}  // namespace cadre
