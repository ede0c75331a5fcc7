// Fact probes: the qualified names of an expression, compiled one by one.
#include "compile/fact_probes.hpp"

#include <algorithm>

#include "compile/references.hpp"

namespace cadre {

namespace {

// A record field is `kind.field`: the kind is declared, the field one
// segment deeper (deeper paths are read through the field's value).
bool names_fact(const CompileContext& context, std::string_view name) {
  if (const IdInfo* info = context.find_id(name)) return info->kind != IdInfo::Kind::record;
  auto dot = name.find('.');
  if (dot == std::string_view::npos || name.find('.', dot + 1) != std::string_view::npos) {
    return false;
  }
  const IdInfo* kind = context.find_id(name.substr(0, dot));
  return kind != nullptr && kind->kind == IdInfo::Kind::record;
}

// The end of the subscript that opens at `open` (`[`), or npos.
std::size_t subscript_end(std::string_view text, std::size_t open) {
  int depth = 0;
  char quote = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']' && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

std::vector<std::pair<std::string, CompiledExpression>> probes_of(
    const CompileContext& context, const model::Expression& expression, bool subscripts) {
  std::vector<std::pair<std::string, CompiledExpression>> probes;
  if (expression.empty()) return probes;
  const std::string_view text = expression.text;
  auto references =
      find_references(text, [&](std::string_view name) { return names_fact(context, name); });
  for (const auto& reference : references) {
    std::string name = reference.id;
    const auto after = static_cast<std::size_t>(reference.offset) + reference.id.size();
    if (subscripts && after < text.size() && text[after] == '[') {
      const std::size_t end = subscript_end(text, after);
      if (end != std::string_view::npos)
        name = std::string(text.substr(static_cast<std::size_t>(reference.offset),
                                       end + 1 - static_cast<std::size_t>(reference.offset)));
    }
    bool seen = std::any_of(probes.begin(), probes.end(),
                            [&](const auto& probe) { return probe.first == name; });
    if (seen) continue;
    // Compiled without reporting: the expression that names it compiled.
    CompileResult result = compile(name, context.out().environment);
    if (!result.ok()) continue;
    CompiledExpression probe;
    probe.origin = expression.origin;
    probe.text = name;
    probe.program = std::move(result.program);
    probes.emplace_back(std::move(name), std::move(probe));
  }
  return probes;
}

}  // namespace

std::vector<std::pair<std::string, CompiledExpression>> fact_probes(
    const CompileContext& context, const model::Expression& expression) {
  return probes_of(context, expression, false);
}

std::vector<std::pair<std::string, CompiledExpression>> formula_probes(
    const CompileContext& context, const model::Expression& expression) {
  return probes_of(context, expression, true);
}

namespace {

bool reads_date(const CompileContext& context, std::string_view text, int depth) {
  if (depth > 64) return true;  // a cycle is reported elsewhere; assume the worst
  bool found = false;
  find_references(text, [&](std::string_view name) {
    if (found) return false;
    if (name == "as_of") {
      found = true;
      return true;
    }
    const IdInfo* info = context.find_id(name);
    if (info == nullptr || info->kind != IdInfo::Kind::derived) return false;
    const auto& derived = context.out().rules().derived[info->index];
    found = reads_date(context, derived.expr.text, depth + 1);
    return true;
  });
  return found;
}

}  // namespace

bool reads_evaluation_date(const CompileContext& context, const model::Expression& expression) {
  return !expression.empty() && reads_date(context, expression.text, 0);
}

}  // namespace cadre
