// The public expression API: declarations, activations, compile() and
// Program::evaluate(). compile() runs the stages parse → check → compile and
// hands their diagnostics back together.
#include "cadre/expression.hpp"

#include <algorithm>
#include <stdexcept>

#include "api/binding.hpp"
#include "compile/compiler.hpp"
#include "eval/interpreter.hpp"
#include "expr/checker.hpp"
#include "expr/parser.hpp"

namespace cadre {

Environment::Environment()
    : variables_(std::make_shared<const std::vector<Variable>>(
          std::vector<Variable>{{"as_of", Type::date()}})),
      lineage_(std::make_shared<const int>(0)),
      lists_(std::make_shared<const std::vector<NamedList>>()) {}

void Environment::declare_list(std::string_view name, std::vector<std::string> items,
                               bool complete) {
  auto copy = std::make_shared<std::vector<NamedList>>(*lists_);
  NamedList list{std::string(name), std::move(items), complete};
  int index = list_index(name);
  if (index >= 0) {
    (*copy)[index] = std::move(list);
  } else {
    copy->push_back(std::move(list));
  }
  lists_ = std::move(copy);
}

int Environment::list_index(std::string_view name) const {
  for (std::size_t i = 0; i < lists_->size(); ++i) {
    if ((*lists_)[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

void Environment::declare(std::string_view name, Type type) {
  auto copy = std::make_shared<std::vector<Variable>>(*variables_);
  int slot = slot_of(name);
  if (slot >= 0) {
    (*copy)[slot].type = std::move(type);
  } else {
    copy->push_back(Variable{std::string(name), std::move(type)});
  }
  variables_ = std::move(copy);
}

const Environment::Variable* Environment::find(std::string_view name) const {
  int slot = slot_of(name);
  return slot >= 0 ? &(*variables_)[slot] : nullptr;
}

int Environment::slot_of(std::string_view name) const {
  for (std::size_t i = 0; i < variables_->size(); ++i) {
    if ((*variables_)[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

const std::vector<Environment::Variable>& Environment::variables() const {
  return *variables_;
}

Activation::Activation(const Environment& environment)
    : declarations_(environment.declarations()),
      lineage_(environment.lineage()),
      values_(declarations_->size()),
      bound_(declarations_->size()) {}

std::string Activation::bind(std::string_view name, Value value) {
  for (std::size_t i = 0; i < declarations_->size(); ++i) {
    const auto& variable = (*declarations_)[i];
    if (variable.name != name) continue;
    Value fitted = fit_to_type(value, variable.type, variable.name);
    if (fitted.is_error() && !value.is_error()) return fitted.as_error().message;
    bind_slot(static_cast<int>(i), std::move(fitted));
    return {};
  }
  return "`" + std::string(name) + "` is not a declared variable";
}

void Activation::bind_slot(int slot, Value value) {
  values_.at(slot) = std::move(value);
  bound_.at(slot) = true;
}

void Activation::unbind(std::string_view name) {
  for (std::size_t i = 0; i < declarations_->size(); ++i) {
    if ((*declarations_)[i].name == name) {
      values_[i] = Value();
      bound_[i] = false;
    }
  }
}

const Value* Activation::slot(int index) const {
  if (index < 0 || static_cast<std::size_t>(index) >= values_.size() || !bound_[index]) {
    return nullptr;
  }
  return &values_[index];
}

Program::Program(std::shared_ptr<const ProgramImpl> impl) : impl_(std::move(impl)) {}

Value Program::evaluate(const Activation& facts) const {
  if (facts.lineage() != impl_->lineage || facts.size() < impl_->declarations->size()) {
    return Value::error("the activation was made for another environment than the program");
  }
  return eval::evaluate(*impl_, impl_->root, &facts);
}

std::optional<Value> Program::constant_value() const {
  const Node& root = impl_->nodes[impl_->root];
  if (root.op != NodeOp::constant) return std::nullopt;
  return impl_->constants[root.slot];
}

const Type& Program::result_type() const {
  return impl_->result_type;
}

const std::string& Program::source() const {
  return impl_->source;
}

SourceLocation Program::locate(int offset) const {
  return impl_->source_map->locate(offset);
}

CompileResult compile(std::string_view source, const Environment& environment,
                      const CompileOptions& options) {
  CompileResult result;
  auto program = std::make_shared<ProgramImpl>();
  program->source = std::string(source);
  program->source_map = std::make_unique<expr::SourceMap>(program->source);
  program->limits = options.limits;
  program->declarations = environment.declarations();
  program->lineage = environment.lineage();
  program->lists = environment.shared_lists();

  expr::ParseOptions parse_options;
  parse_options.max_length = options.limits.max_length;
  parse_options.max_depth = std::clamp(options.limits.max_depth, 1, ExpressionLimits::kMaxDepthCap);
  expr::ParseResult parsed = expr::parse(program->source, parse_options);
  result.diagnostics = std::move(parsed.diagnostics);
  if (has_errors(result.diagnostics) || !parsed.root) return result;

  std::optional<expr::CheckResult> checked;
  if (options.type_check == TypeCheck::enabled) {
    checked = expr::check(*parsed.root, environment, *program->source_map);
    result.diagnostics.insert(result.diagnostics.end(), checked->diagnostics.begin(),
                              checked->diagnostics.end());
    if (has_errors(result.diagnostics)) return result;
    program->result_type = checked->result;
  }
  compile_tree(*parsed.root, checked ? &*checked : nullptr, environment, *program,
               result.diagnostics);
  if (has_errors(result.diagnostics)) return result;
  result.program = Program(std::move(program));
  return result;
}

}  // namespace cadre
