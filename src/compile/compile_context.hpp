// What the rule-set compiler's parts share: the output under construction,
// the diagnostics, the registry of ids and the compilation of one expression
// (with subject scoping, expected types and positions mapped to the YAML file).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "compile/compiled_ruleset.hpp"

namespace cadre {

/// What an id names.
struct IdInfo {
  enum class Kind : std::uint8_t { record, parameter, switch_, derived, decision };
  Kind kind;
  std::size_t index = 0;  ///< into the model's list of that kind
  std::string subject;    ///< derived values and decisions
};

class CompileContext {
 public:
  CompileContext(CompiledRuleSetImpl& out, std::vector<Diagnostic>& diagnostics)
      : out_(out), diagnostics_(diagnostics) {}

  CompiledRuleSetImpl& out() { return out_; }
  const CompiledRuleSetImpl& out() const { return out_; }
  std::map<std::string, IdInfo>& ids() { return ids_; }
  const IdInfo* find_id(std::string_view id) const;

  void error(model::OriginId at, std::string code, std::string message, std::string help = {});
  void warning(model::OriginId at, std::string code, std::string message, std::string help = {});
  /// An error at the first character of a scalar's value (inside its quotes).
  void error_in_value(model::OriginId at, std::string code, std::string message);

  /// Record kinds an expression about `subject` may read: the subject and the
  /// kinds it belongs to (cadre → village → town).
  std::vector<std::string> available_kinds(const std::string& subject) const;

  /// Compiles `expression` for a rule about `subject`. `role` names it in
  /// messages ("`when`"); `expected` lists the acceptable result kinds (empty:
  /// any). An empty expression gives an empty CompiledExpression.
  CompiledExpression expression(const model::Expression& expression, const std::string& subject,
                                std::string_view role, std::initializer_list<TypeKind> expected,
                                int base_offset = 0);

  /// A message template with `{expression}` placeholders; `{{` and `}}` are
  /// literal braces.
  CompiledMessage message(const model::Text& text, model::OriginId fallback,
                          const std::string& subject);

  /// Whether expressions being compiled may read `key` (inside a decision
  /// made per key).
  void allow_key(bool allowed) { key_allowed_ = allowed; }
  bool key_allowed() const { return key_allowed_; }

 private:
  /// `base_offset`: where the expression starts inside its scalar (message
  /// placeholders), so that positions map to the right column.
  bool check_references(const model::Expression& expression, const std::string& subject,
                        int base_offset);
  std::vector<std::variant<std::string, CompiledExpression>> template_parts(
      const std::string& text, model::OriginId origin, const std::string& subject);

  CompiledRuleSetImpl& out_;
  std::vector<Diagnostic>& diagnostics_;
  std::map<std::string, IdInfo> ids_;
  bool key_allowed_ = false;
};

/// Allows `key` in the expressions compiled while it lives.
class KeyScope {
 public:
  KeyScope(CompileContext& context, bool allowed)
      : context_(context), before_(context.key_allowed()) {
    context_.allow_key(allowed);
  }
  ~KeyScope() { context_.allow_key(before_); }
  KeyScope(const KeyScope&) = delete;
  KeyScope& operator=(const KeyScope&) = delete;

 private:
  CompileContext& context_;
  bool before_;
};

}  // namespace cadre
