// The compiler. Walks the tree once, emitting nodes children-first; variables
// become activation slots, comprehension variables local slots, fields of
// declared records field indexes, and functions ids. A node whose operands are
// all constants is evaluated on the spot and replaced by its value.
#include "compile/compiler.hpp"
#include "diagnostics/codes.hpp"

#include "compile/decimal_literal.hpp"
#include "core/access.hpp"
#include "eval/interpreter.hpp"
#include "expr/qualified_name.hpp"

namespace cadre {

namespace {

using expr::Expr;
using expr::ExprKind;

struct Scope {
  std::string name;
  int slot;
  std::string path;
};

class Compiler {
 public:
  Compiler(const expr::CheckResult* checked, const Environment& environment, ProgramImpl& program,
           std::vector<Diagnostic>& diagnostics)
      : checked_(checked),
        environment_(environment),
        program_(program),
        diagnostics_(diagnostics) {}

  // Returns the node index; `path` receives the attribute path of the value
  // (e.g. "cadre.birth_date"), empty when the value is not a fact.
  std::uint32_t emit(const Expr& e, std::string& path) {
    switch (e.kind) {
      case ExprKind::literal:
        return constant(literal_value(e), e.offset);
      case ExprKind::ident:
        return ident(e, path);
      case ExprKind::select:
        return select(e, path);
      case ExprKind::call:
        return call(e, path);
      case ExprKind::list:
        return aggregate(e, NodeOp::make_list);
      case ExprKind::map:
        return aggregate(e, NodeOp::make_map);
      case ExprKind::comprehension:
        return comprehension(e);
      case ExprKind::error:
        break;
    }
    return constant(Value::error("expression has syntax errors", e.offset), e.offset);
  }

 private:
  Value literal_value(const Expr& e) {
    const auto& value = e.literal.value;
    if (checked_ != nullptr) {
      auto enumeration = checked_->enum_literals.find(e.id);
      if (enumeration != checked_->enum_literals.end()) {
        return EnumValue{enumeration->second,
                         enumeration->second->find(std::get<std::string>(value))};
      }
    }
    if (checked_ != nullptr && checked_->decimal_literals.contains(e.id)) {
      auto decimal = decimal_from_literal(e.literal.source_text);
      if (decimal) return *decimal;
      diagnostics_.push_back(Diagnostic{
          Severity::error,
          code::expr_literal,
          program_.source_map->locate(e.offset),
          "literal `" + e.literal.source_text + "` has more digits than a decimal can hold",
          {}});
    }
    switch (value.index()) {
      case 1:
        return std::get<bool>(value);
      case 2:
        return std::get<std::int64_t>(value);
      case 3:
        return std::get<double>(value);
      case 4:
        return std::get<std::string>(value);
      default:
        return Value();
    }
  }

  std::int32_t text(std::string value) {
    program_.texts.push_back(std::move(value));
    return static_cast<std::int32_t>(program_.texts.size() - 1);
  }

  std::uint32_t add(Node node, const std::vector<std::uint32_t>& children) {
    node.first = static_cast<std::uint32_t>(program_.children.size());
    node.count = static_cast<std::uint32_t>(children.size());
    program_.children.insert(program_.children.end(), children.begin(), children.end());
    program_.nodes.push_back(node);
    return static_cast<std::uint32_t>(program_.nodes.size() - 1);
  }

  std::uint32_t constant(Value value, std::int32_t offset) {
    program_.constants.push_back(std::move(value));
    Node node;
    node.op = NodeOp::constant;
    node.offset = offset;
    node.slot = static_cast<std::int32_t>(program_.constants.size() - 1);
    return add(node, {});
  }

  bool is_constant(std::uint32_t index) const {
    return program_.nodes[index].op == NodeOp::constant;
  }

  // Replaces a node whose children are all constants by its value.
  std::uint32_t fold(std::uint32_t index) {
    const Node& node = program_.nodes[index];
    for (std::uint32_t i = 0; i < node.count; ++i) {
      if (!is_constant(program_.children[node.first + i])) return index;
    }
    return constant(eval::evaluate(program_, index, nullptr), node.offset);
  }

  std::uint32_t ident(const Expr& e, std::string& path) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (it->name != e.name) continue;
      path = it->path;
      Node node;
      node.op = NodeOp::local;
      node.offset = e.offset;
      node.slot = it->slot;
      return add(node, {});
    }
    int slot = internal::slot_of(environment_, e.name);
    if (slot < 0) {
      return constant(Value::error("undeclared reference to `" + e.name + "`", e.offset), e.offset);
    }
    path = e.name;
    return variable(slot, e.offset, path);
  }

  const Type* type_of(const Expr& e) const {
    if (checked_ == nullptr) return nullptr;
    auto found = checked_->types.find(e.id);
    return found == checked_->types.end() ? nullptr : &found->second;
  }

  // A dotted name declared as one variable (`hy.warning_period`), unless its
  // root is a comprehension variable.
  int qualified_slot(const Expr& e, std::string& name) const {
    const Expr* root = nullptr;
    auto qualified = expr::qualified_name(e, &root);
    if (!qualified || e.kind != ExprKind::select) return -1;
    for (const auto& scope : scopes_) {
      if (scope.name == root->name) return -1;
    }
    name = *qualified;
    return internal::slot_of(environment_, name);
  }

  std::uint32_t variable(std::int32_t slot, std::int32_t offset, const std::string& name) {
    Node node;
    node.op = NodeOp::variable;
    node.offset = offset;
    node.slot = slot;
    node.path = text(name);
    return add(node, {});
  }

  std::uint32_t select(const Expr& e, std::string& path) {
    std::string qualified;
    if (int slot = qualified_slot(e, qualified); slot >= 0) {
      path = qualified;
      return variable(slot, e.offset, qualified);
    }
    std::string operand_path;
    std::uint32_t operand = emit(*e.target, operand_path);
    path = operand_path.empty() ? e.name : operand_path + "." + e.name;
    Node node;
    node.offset = e.offset;
    node.name = text(e.name);
    node.path = text(path);
    const Type* operand_type = type_of(*e.target);
    const RecordType* record = operand_type ? operand_type->record_type() : nullptr;
    int field = record ? record->find_field(e.name) : -1;
    if (field >= 0) {
      node.op = e.test_only ? NodeOp::test_field : NodeOp::select_field;
      node.slot = field;
    } else {
      node.op = e.test_only ? NodeOp::test_dynamic : NodeOp::select_dynamic;
    }
    if (e.test_only) path.clear();
    return fold(add(node, {operand}));
  }

  std::vector<std::uint32_t> emit_all(const Expr& e) {
    std::vector<std::uint32_t> children;
    std::string ignored;
    if (e.target) children.push_back(emit(*e.target, ignored));
    for (const auto& arg : e.args) {
      std::string arg_path;
      children.push_back(emit(*arg, arg_path));
    }
    return children;
  }

  // "[0]" or "['k']" for a literal index, "[]" otherwise.
  static std::string index_text(const Expr& index) {
    if (index.kind == ExprKind::literal) {
      if (const auto* i = std::get_if<std::int64_t>(&index.literal.value)) {
        return "[" + std::to_string(*i) + "]";
      }
      if (const auto* key = std::get_if<std::string>(&index.literal.value))
        return "['" + *key + "']";
    }
    return "[]";
  }

  std::uint32_t call(const Expr& e, std::string& path) {
    std::vector<std::uint32_t> children;
    std::string list_path;  // the history list of `at`, named in its unknowns
    if (e.name == expr::op::kIndex && !e.target && e.args.size() == 2) {
      std::string container_path;
      std::string ignored;
      children = {emit(*e.args[0], container_path), emit(*e.args[1], ignored)};
      if (!container_path.empty()) path = container_path + index_text(*e.args[1]);
    } else if (e.name == "at" && e.target) {
      children.push_back(emit(*e.target, list_path));
      for (const auto& arg : e.args) {
        std::string ignored;
        children.push_back(emit(*arg, ignored));
      }
    } else {
      children = emit_all(e);
    }
    Node node;
    node.offset = e.offset;
    if (e.name == expr::op::kLogicalAnd) {
      node.op = NodeOp::logical_and;
    } else if (e.name == expr::op::kLogicalOr) {
      node.op = NodeOp::logical_or;
    } else if (e.name == expr::op::kConditional) {
      node.op = NodeOp::conditional;
    } else if (auto function = expr::find_function(e.name)) {
      node.op = NodeOp::call;
      node.function = *function;
      if (*function == expr::FunctionId::listed) return listed(e, node, children);
      if (*function == expr::FunctionId::unenumerated) return unenumerated(e);
      if (*function == expr::FunctionId::at) {
        node.path = text(list_path.empty() ? std::string("entry") : list_path);
        return add(node, children);  // never folded: it names what is missing
      }
    } else {
      return constant(Value::error("unknown function `" + e.name + "`", e.offset), e.offset);
    }
    return fold(add(node, children));
  }

  // listed(x, 'name'): the list is resolved now; only x is evaluated.
  std::uint32_t listed(const Expr& e, Node node, const std::vector<std::uint32_t>& children) {
    const Expr* name = e.args.size() == 2 && !e.target ? e.args[1].get() : nullptr;
    const auto* text = name && name->kind == ExprKind::literal
                           ? std::get_if<std::string>(&name->literal.value)
                           : nullptr;
    node.slot = text ? internal::Access::list_index(environment_, *text) : -1;
    if (node.slot < 0) {
      return constant(Value::error("`listed` needs the name of a declared list", e.offset),
                      e.offset);
    }
    return fold(add(node, {children[0]}));
  }

  // unenumerated('name'): unknown for as long as the list lacks items; the
  // checker refuses it for a complete list.
  std::uint32_t unenumerated(const Expr& e) {
    const Expr* name = e.args.size() == 1 && !e.target ? e.args[0].get() : nullptr;
    const auto* text = name && name->kind == ExprKind::literal
                           ? std::get_if<std::string>(&name->literal.value)
                           : nullptr;
    const int index = text ? internal::Access::list_index(environment_, *text) : -1;
    if (index < 0 || environment_.lists()[static_cast<std::size_t>(index)].complete) {
      return constant(Value::error("`unenumerated` needs a list that lacks items", e.offset),
                      e.offset);
    }
    return constant(Value::unknown("unenumerated_list:" + *text), e.offset);
  }

  std::uint32_t aggregate(const Expr& e, NodeOp op) {
    Node node;
    node.op = op;
    node.offset = e.offset;
    return fold(add(node, emit_all(e)));
  }

  std::uint32_t comprehension(const Expr& e) {
    std::string range_path;
    std::vector<std::uint32_t> children{emit(*e.target, range_path)};
    int slot = static_cast<int>(scopes_.size());
    program_.local_count = std::max(program_.local_count, slot + 1);
    scopes_.push_back(Scope{e.name, slot, range_path.empty() ? e.name : range_path + "[]"});
    for (const auto& arg : e.args) {
      std::string ignored;
      children.push_back(emit(*arg, ignored));
    }
    scopes_.pop_back();
    Node node;
    node.op = NodeOp::comprehension;
    node.macro = e.macro;
    node.offset = e.offset;
    node.slot = slot;
    // Only the range can be folded: the body reads the iteration variable.
    return add(node, children);
  }

  const expr::CheckResult* checked_;
  const Environment& environment_;
  ProgramImpl& program_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<Scope> scopes_;
};

}  // namespace

void compile_tree(const expr::Expr& root, const expr::CheckResult* checked,
                  const Environment& environment, ProgramImpl& program,
                  std::vector<Diagnostic>& diagnostics) {
  Compiler compiler(checked, environment, program, diagnostics);
  std::string path;
  program.root = compiler.emit(root, path);
}

}  // namespace cadre
