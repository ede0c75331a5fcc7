// Compiling single expressions and message templates for the rule-set compiler.
#include "compile/compile_context.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>

#include "compile/references.hpp"
#include "core/access.hpp"
#include "model/queries.hpp"

namespace cadre {

namespace {

std::string kind_list(std::initializer_list<TypeKind> kinds) {
  std::string out;
  for (TypeKind kind : kinds) {
    if (kind == TypeKind::list || kind == TypeKind::enumeration) {
      out += (out.empty() ? "" : " or ") +
             std::string(kind == TypeKind::list ? "a list" : "an enumeration value");
      continue;
    }
    Type type = kind == TypeKind::boolean   ? Type::boolean()
                : kind == TypeKind::integer ? Type::integer()
                : kind == TypeKind::decimal ? Type::decimal()
                : kind == TypeKind::real    ? Type::real()
                : kind == TypeKind::date    ? Type::date()
                : kind == TypeKind::string  ? Type::string()
                                            : Type::dyn();
    out += (out.empty() ? "" : " or ") + type.to_string();
  }
  return out;
}

}  // namespace

const IdInfo* CompileContext::find_id(std::string_view id) const {
  auto found = ids_.find(std::string(id));
  return found == ids_.end() ? nullptr : &found->second;
}

void CompileContext::error(model::OriginId at, std::string code, std::string message,
                           std::string help) {
  diagnostics_.push_back({Severity::error, std::move(code), out_.origins().locate(at),
                          std::move(message), std::move(help)});
}

void CompileContext::error_in_value(model::OriginId at, std::string code, std::string message) {
  diagnostics_.push_back({Severity::error,
                          std::move(code),
                          out_.origins().locate_in_expression(at, 0),
                          std::move(message),
                          {}});
}

void CompileContext::warning(model::OriginId at, std::string code, std::string message,
                             std::string help) {
  diagnostics_.push_back({Severity::warning, std::move(code), out_.origins().locate(at),
                          std::move(message), std::move(help)});
}

std::vector<std::string> CompileContext::available_kinds(const std::string& subject) const {
  return model::readable_kinds(out_.rules(), subject);
}

// A rule about a subject reads only that subject's record, its ancestors', and
// derived values and decisions about them.
bool CompileContext::check_references(const model::Expression& expression,
                                      const std::string& subject, int base_offset) {
  auto kinds = available_kinds(subject);
  auto is_id = [&](std::string_view id) { return find_id(id) != nullptr; };
  bool ok = true;
  for (const Reference& reference : find_references(expression.text, is_id)) {
    const IdInfo& info = *find_id(reference.id);
    std::string about = info.kind == IdInfo::Kind::record ? reference.id : info.subject;
    bool scoped = info.kind == IdInfo::Kind::record ||
                  ((info.kind == IdInfo::Kind::derived || info.kind == IdInfo::Kind::decision) &&
                   !info.subject.empty());
    if (!scoped || std::find(kinds.begin(), kinds.end(), about) != kinds.end()) continue;
    diagnostics_.push_back(
        {Severity::error, code::compile_subject,
         out_.origins().locate_in_expression(expression.origin, base_offset + reference.offset),
         "`" + reference.id + "` is about `" + about + "`, which a rule about `" + subject +
             "` cannot read",
         "a rule about `" + subject + "` reads `" + subject + "` and the records it belongs to"});
    ok = false;
  }
  return ok;
}

CompiledExpression CompileContext::expression(const model::Expression& expression,
                                              const std::string& subject, std::string_view role,
                                              std::initializer_list<TypeKind> expected,
                                              int base_offset) {
  CompiledExpression compiled;
  compiled.origin = expression.origin;
  compiled.text = expression.text;
  if (expression.empty()) return compiled;
  if (!check_references(expression, subject, base_offset)) return compiled;
  if (!key_allowed_ && internal::slot_of(out_.environment, "key") >= 0) {
    auto is_key = [](std::string_view id) { return id == "key"; };
    for (const Reference& reference : find_references(expression.text, is_key)) {
      diagnostics_.push_back(
          {Severity::error, code::compile_key,
           out_.origins().locate_in_expression(expression.origin, base_offset + reference.offset),
           "`key` is only defined in a decision made per key",
           "add `for_each: {in: [...]}` to the decision, or read a keyed decision as `id[key]`"});
      return compiled;
    }
  }
  CompileResult result = compile(expression.text, out_.environment, out_.compile_options);
  for (Diagnostic diagnostic : result.diagnostics) {
    diagnostic.location = out_.origins().locate_in_expression(
        expression.origin, base_offset + diagnostic.location.offset);
    diagnostics_.push_back(std::move(diagnostic));
  }
  if (!result.ok()) return compiled;
  const Type& type = result.program->result_type();
  bool fits = expected.size() == 0 || type.is_dyn() ||
              std::find(expected.begin(), expected.end(), type.kind()) != expected.end();
  if (!fits) {
    diagnostics_.push_back({Severity::error,
                            code::compile_type,
                            out_.origins().locate_in_expression(expression.origin, base_offset),
                            std::string(role) + " must be " + kind_list(expected) + ", found `" +
                                type.to_string() + "`",
                            {}});
    return compiled;
  }
  compiled.program = std::move(result.program);
  return compiled;
}

std::vector<std::variant<std::string, CompiledExpression>> CompileContext::template_parts(
    const std::string& text, model::OriginId origin, const std::string& subject) {
  std::vector<std::variant<std::string, CompiledExpression>> parts;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool doubled = i + 1 < text.size() && text[i + 1] == text[i];
    if ((text[i] == '{' || text[i] == '}') && doubled) {
      literal += text[i++];
      continue;
    }
    if (text[i] != '{') {
      literal += text[i];
      continue;
    }
    std::size_t close = text.find('}', i);
    if (close == std::string::npos) {
      error(origin, code::compile_message, "unclosed `{` in message template",
            "write `{{` for a brace");
      break;
    }
    if (!literal.empty()) parts.emplace_back(std::move(literal));
    literal.clear();
    model::Expression placeholder{text.substr(i + 1, close - i - 1), origin};
    CompiledExpression compiled =
        expression(placeholder, subject, "a placeholder", {}, static_cast<int>(i + 1));
    parts.emplace_back(std::move(compiled));
    i = close;
  }
  if (!literal.empty()) parts.emplace_back(std::move(literal));
  return parts;
}

CompiledMessage CompileContext::message(const model::Text& text, model::OriginId fallback,
                                        const std::string& subject) {
  auto origin = [&](model::OriginId id) { return id == model::kNoOrigin ? fallback : id; };
  return {template_parts(text.zh, origin(text.zh_origin), subject),
          template_parts(text.en, origin(text.en_origin), subject)};
}

}  // namespace cadre
