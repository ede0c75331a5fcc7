// The public expression API: declarations, activations, compile() and
// Program::evaluate(). compile() runs the stages parse → check → compile and
// hands their diagnostics back together.
#include "cadre/expression.hpp"

#include <algorithm>
#include <stdexcept>

#include "compile/compiler.hpp"
#include "core/access.hpp"
#include "eval/interpreter.hpp"
#include "expr/checker.hpp"
#include "expr/parser.hpp"

namespace cadre {

Value Program::evaluate(const Activation& facts) const {
  if (internal::Access::lineage(facts) != impl_->lineage ||
      internal::Access::size(facts) < impl_->declared) {
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
  program->declared = internal::Access::declarations(environment)->size();
  program->lineage = internal::Access::lineage(environment);
  program->lists = internal::Access::lists(environment);

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
  result.program = internal::Access::program(std::move(program));
  return result;
}

}  // namespace cadre
