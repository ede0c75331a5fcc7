// The tree-walking evaluator over compiled nodes.
#include "eval/interpreter.hpp"

#include <algorithm>
#include <array>

#include "core/access.hpp"
#include "eval/builtins.hpp"

namespace cadre::eval {

namespace {

// Collects the outcome of several operands: the union of unknowns and the
// first error, in evaluation order.
class Exceptional {
 public:
  void add(const Value& value) {
    if (value.is_unknown()) {
      const auto& attributes = value.as_unknown().attributes;
      unknowns_.attributes.insert(unknowns_.attributes.end(), attributes.begin(), attributes.end());
      has_unknown_ = true;
    } else if (value.is_error() && !error_) {
      error_ = value;
    }
  }
  void add_error(Value error) {
    if (!error_) error_ = std::move(error);
  }
  bool any() const { return has_unknown_ || error_.has_value(); }
  /// Unknowns take precedence: with more facts the error might not arise.
  Value result() const { return has_unknown_ ? Value::unknown(unknowns_) : *error_; }

 private:
  UnknownSet unknowns_;
  bool has_unknown_ = false;
  std::optional<Value> error_;
};

Value with_offset(Value value, int offset) {
  if (value.is_error() && value.as_error().offset < 0) {
    return Value::error(value.as_error().message, offset);
  }
  return value;
}

class Interpreter {
 public:
  Interpreter(const ProgramImpl& program, const Activation* facts)
      : program_(program), facts_(facts), budget_(program.limits.max_iterations) {
    if (program.local_count > static_cast<int>(inline_locals_.size())) {
      heap_locals_.resize(program.local_count);
    }
  }

  /// True once the iteration budget ran out: the whole evaluation then fails,
  /// even where `&&` or `||` would have absorbed the error.
  bool exhausted() const { return exhausted_; }

  Value eval(std::uint32_t index) {
    const Node& node = program_.nodes[index];
    switch (node.op) {
      case NodeOp::constant:
        return program_.constants[node.slot];
      case NodeOp::variable:
        return variable(node);
      case NodeOp::local:
        return local(node.slot);
      case NodeOp::select_field:
        return select_field(node);
      case NodeOp::select_dynamic:
        return select_dynamic(node, false);
      case NodeOp::test_field:
        return test_field(node);
      case NodeOp::test_dynamic:
        return select_dynamic(node, true);
      case NodeOp::call:
        return call(node);
      case NodeOp::logical_and:
        return logical(node, false);
      case NodeOp::logical_or:
        return logical(node, true);
      case NodeOp::conditional:
        return conditional(node);
      case NodeOp::make_list:
        return make_list(node);
      case NodeOp::make_map:
        return make_map(node);
      case NodeOp::comprehension:
        return comprehension(node);
    }
    return Value::error("internal error: bad node", node.offset);
  }

 private:
  Value& local(int slot) {
    return heap_locals_.empty() ? inline_locals_[slot] : heap_locals_[slot];
  }

  Value child(const Node& node, std::uint32_t i) { return eval(program_.children[node.first + i]); }

  const std::string& text(std::int32_t index) const { return program_.texts[index]; }

  Value variable(const Node& node) {
    const Value* value = facts_ ? internal::bound_slot(*facts_, node.slot) : nullptr;
    return value ? *value : Value::unknown(text(node.path));
  }

  // The stored value a node denotes (a bound variable, a comprehension
  // variable, a field of either) without copying it; other nodes are evaluated
  // into `scratch`. Saves reference-count traffic on record paths.
  const Value* place(std::uint32_t index, Value& scratch) {
    const Node& node = program_.nodes[index];
    switch (node.op) {
      case NodeOp::variable:
        if (const Value* value = facts_ ? internal::bound_slot(*facts_, node.slot) : nullptr)
          return value;
        break;
      case NodeOp::local:
        return &local(node.slot);
      case NodeOp::select_field: {
        Value operand_scratch;
        const Value* operand = place(program_.children[node.first], operand_scratch);
        const Value* field =
            operand->kind() == ValueKind::record ? operand->as_record().field(node.slot) : nullptr;
        // A field of a temporary record must be copied out before it dies.
        if (field != nullptr && operand != &operand_scratch) return field;
        scratch = field != nullptr ? *field : select_field_of(node, *operand);
        return &scratch;
      }
      default:
        break;
    }
    scratch = eval(index);
    return &scratch;
  }

  Value select_field_of(const Node& node, const Value& operand) {
    if (operand.kind() != ValueKind::record) return select_dynamic_on(node, operand, false);
    const Value* field = operand.as_record().field(node.slot);
    return field != nullptr ? *field : Value::unknown(text(node.path));
  }

  Value select_field(const Node& node) {
    Value scratch;
    return select_field_of(node, *place(program_.children[node.first], scratch));
  }

  Value test_field(const Node& node) {
    Value scratch;
    const Value& operand = *place(program_.children[node.first], scratch);
    if (operand.kind() != ValueKind::record) return select_dynamic_on(node, operand, true);
    return operand.as_record().has(node.slot);
  }

  Value select_dynamic(const Node& node, bool test_only) {
    Value scratch;
    return select_dynamic_on(node, *place(program_.children[node.first], scratch), test_only);
  }

  Value select_dynamic_on(const Node& node, const Value& operand, bool test_only) {
    const std::string& name = text(node.name);
    switch (operand.kind()) {
      case ValueKind::error:
      case ValueKind::unknown:
        return operand;
      case ValueKind::map: {
        const Value* value = operand.as_map().find_key(name);
        if (test_only) return value != nullptr;
        return value ? *value : Value::error("no such key: `" + name + "`", node.offset);
      }
      case ValueKind::record: {
        const RecordValue& record = operand.as_record();
        int index = record.type().find_field(name);
        if (index < 0) {
          return Value::error("`" + record.type().name() + "` has no field `" + name + "`",
                              node.offset);
        }
        if (test_only) return record.has(index);
        const Value* field = record.field(index);
        return field ? *field : Value::unknown(node.path >= 0 ? text(node.path) : name);
      }
      default:
        return Value::error(std::string("cannot select field `") + name +
                                "` from a value of type `" + value_kind_name(operand.kind()) + "`",
                            node.offset);
    }
  }

  // listed(x, 'name'): membership in a list the text may not fully enumerate.
  Value listed(const Node& node) {
    Value item = child(node, 0);
    if (item.is_exceptional()) return item;
    const auto& list = (*program_.lists)[node.slot];
    std::string_view name = item.kind() == ValueKind::enumeration ? item.as_enum().name()
                            : item.kind() == ValueKind::string    ? item.as_string()
                                                                  : std::string_view();
    if (std::find(list.items.begin(), list.items.end(), name) != list.items.end()) return true;
    if (list.complete) return false;
    return Value::unknown("unenumerated_list:" + list.name);
  }

  // "2018,annual": the keys as a missing fact names them.
  static std::string key_text(std::span<const Value> keys) {
    std::string named;
    for (const Value& key : keys) {
      std::string part = key.kind() == ValueKind::string        ? key.as_string()
                         : key.kind() == ValueKind::enumeration ? key.as_enum().name()
                                                                : key.debug_string();
      named += (named.empty() ? "" : ",") + part;
    }
    return named;
  }

  // The entry found by `at`, its absent fields unknown under the entry's own
  // path (`cadre.assessments[2018,annual].grade`), not a bare field name.
  Value named_entry(const Node& node, const RecordValue& entry, std::span<const Value> keys) {
    const auto& fields = entry.type().fields();
    bool complete = true;
    for (std::size_t f = 0; f < fields.size() && complete; ++f)
      complete = entry.has(static_cast<int>(f));
    if (complete) return Value(entry);
    RecordValue named = entry;
    const std::string path = text(node.path) + "[" + key_text(keys) + "].";
    for (std::size_t f = 0; f < fields.size(); ++f) {
      if (!named.has(static_cast<int>(f))) {
        named.set(static_cast<int>(f), Value::unknown(path + fields[f].name));
      }
    }
    return Value(std::move(named));
  }

  // list.at(key…): the entry whose key fields equal the keys; none is a
  // missing fact named by the keys (`cadre.assessments[2018,annual]`).
  Value entry_at(const Node& node, std::span<const Value> args) {
    const Value& list = args[0];
    if (list.kind() != ValueKind::list)
      return with_offset(no_overload(node.function, args), node.offset);
    std::span<const Value> keys = args.subspan(1);
    for (const Value& element : list.as_list()) {
      if (element.kind() != ValueKind::record) continue;
      const RecordValue& entry = element.as_record();
      const auto& fields = entry.type().keys();
      if (fields.size() != keys.size()) continue;
      bool match = true;
      for (std::size_t k = 0; k < keys.size() && match; ++k) {
        const Value* field = entry.field(fields[k]);
        match = field != nullptr && !field->is_exceptional() && values_equal(*field, keys[k]);
      }
      if (match) return named_entry(node, entry, keys);
    }
    return Value::unknown(text(node.path) + "[" + key_text(keys) + "]");
  }

  Value call(const Node& node) {
    if (node.function == expr::FunctionId::listed) return listed(node);
    std::array<Value, 4> args;
    if (node.count > args.size()) {
      return with_offset(no_overload(node.function, {}), node.offset);
    }
    Exceptional exceptional;
    for (std::uint32_t i = 0; i < node.count; ++i) {
      args[i] = child(node, i);
      exceptional.add(args[i]);
    }
    if (exceptional.any()) return exceptional.result();
    if (node.function == expr::FunctionId::at) {
      return entry_at(node, std::span<const Value>(args.data(), node.count));
    }
    return with_offset(call_builtin(node.function, std::span(args.data(), node.count)),
                       node.offset);
  }

  // `&&` (decisive = false) and `||` (decisive = true).
  Value logical(const Node& node, bool decisive) {
    Exceptional exceptional;
    for (std::uint32_t i = 0; i < node.count; ++i) {
      Value operand = child(node, i);
      if (operand.kind() == ValueKind::boolean) {
        if (operand.as_bool() == decisive) return decisive;
        continue;
      }
      if (operand.is_exceptional()) {
        exceptional.add(operand);
      } else {
        exceptional.add_error(Value::error(std::string("no matching overload: `") +
                                               (decisive ? "||" : "&&") + "` applied to " +
                                               value_kind_name(operand.kind()),
                                           node.offset));
      }
    }
    return exceptional.any() ? exceptional.result() : Value(!decisive);
  }

  Value conditional(const Node& node) {
    Value condition = child(node, 0);
    if (condition.kind() == ValueKind::boolean) return child(node, condition.as_bool() ? 1 : 2);
    if (condition.is_exceptional()) return condition;
    return Value::error(
        std::string("condition of `?:` must be bool, found ") + value_kind_name(condition.kind()),
        node.offset);
  }

  Value make_list(const Node& node) {
    ListValue items;
    items.reserve(node.count);
    Exceptional exceptional;
    for (std::uint32_t i = 0; i < node.count; ++i) {
      items.push_back(child(node, i));
      exceptional.add(items.back());
    }
    if (exceptional.any()) return exceptional.result();
    return Value(std::move(items));
  }

  Value make_map(const Node& node) {
    MapValue map;
    Exceptional exceptional;
    for (std::uint32_t i = 0; i + 1 < node.count; i += 2) {
      Value key = child(node, i);
      Value value = child(node, i + 1);
      exceptional.add(key);
      exceptional.add(value);
      if (exceptional.any()) continue;
      if (map.find(key) != nullptr) {
        exceptional.add_error(Value::error("duplicate map key " + key.debug_string(), node.offset));
        continue;
      }
      map.set(std::move(key), std::move(value));
    }
    if (exceptional.any()) return exceptional.result();
    return Value(std::move(map));
  }

  Value comprehension(const Node& node);

  const ProgramImpl& program_;
  const Activation* facts_;
  std::int64_t budget_;
  bool exhausted_ = false;
  std::array<Value, 8> inline_locals_;
  std::vector<Value> heap_locals_;
};

// Iterates a list's elements or a map's keys, applying the macro.
Value Interpreter::comprehension(const Node& node) {
  Value range = child(node, 0);
  if (range.is_exceptional()) return range;
  const ListValue* elements = range.kind() == ValueKind::list ? &range.as_list() : nullptr;
  ListValue keys;
  if (range.kind() == ValueKind::map) {
    for (const auto& entry : range.as_map().entries())
      keys.push_back(entry.first);
    elements = &keys;
  }
  if (elements == nullptr) {
    return Value::error(
        std::string("cannot iterate over a value of type ") + value_kind_name(range.kind()),
        node.offset);
  }
  bool quantifier = node.macro == expr::MacroKind::all || node.macro == expr::MacroKind::exists;
  bool decisive = node.macro == expr::MacroKind::exists;
  Exceptional exceptional;
  ListValue results;
  std::int64_t matches = 0;
  for (const Value& element : *elements) {
    if (--budget_ < 0) {
      exhausted_ = true;
      return Value::error(
          "iteration limit of " + std::to_string(program_.limits.max_iterations) + " exceeded",
          node.offset);
    }
    local(node.slot) = element;
    Value test = child(node, 1);
    if (node.macro == expr::MacroKind::map && !test.is_exceptional()) {
      results.push_back(std::move(test));
      continue;
    }
    if (test.kind() != ValueKind::boolean) {
      Value problem = test.is_exceptional()
                          ? test
                          : Value::error(std::string("predicate must be bool, found ") +
                                             value_kind_name(test.kind()),
                                         node.offset);
      // all/exists absorb errors that another element decides; the others do not.
      if (!quantifier && problem.is_error()) return problem;
      exceptional.add(problem);
      continue;
    }
    bool passed = test.as_bool();
    if (quantifier) {
      if (passed == decisive) return decisive;
      continue;
    }
    if (!passed) continue;
    ++matches;
    if (node.macro == expr::MacroKind::filter) results.push_back(element);
    if (node.macro == expr::MacroKind::map_filter) {
      Value mapped = child(node, 2);
      if (mapped.is_error()) return mapped;
      exceptional.add(mapped);
      results.push_back(std::move(mapped));
    }
  }
  if (exceptional.any()) return exceptional.result();
  switch (node.macro) {
    case expr::MacroKind::all:
      return true;
    case expr::MacroKind::exists:
      return false;
    case expr::MacroKind::exists_one:
      return matches == 1;
    default:
      return Value(std::move(results));
  }
}

}  // namespace

Value evaluate(const ProgramImpl& program, std::uint32_t node, const Activation* facts) {
  Interpreter interpreter(program, facts);
  Value result = interpreter.eval(node);
  if (interpreter.exhausted()) {
    return Value::error(
        "iteration limit of " + std::to_string(program.limits.max_iterations) + " exceeded",
        program.nodes[node].offset);
  }
  return result;
}

}  // namespace cadre::eval
