// The condition pass: conditions that do not depend on the record. A `when`
// is constant when it folded to a constant at compile time, or when it
// evaluates to true or false with nothing bound but the rule set's scalar and
// table parameters (`hy.warning_period > 6` with a period of 3). Switches are
// left unbound: a reading the rule set does not take is not a mistake.
// Always false: the condition can never hold ("check.never_fires"); always
// true for a disqualifier or trigger: it holds for every record
// ("check.always_holds"); an `applies` always false: the decision never
// applies ("check.never_fires").
#include <optional>
#include <string>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "core/access.hpp"

namespace cadre::check {

namespace {

// Evaluates expressions against the parameters alone.
class ConstantFolder {
 public:
  explicit ConstantFolder(const CompiledRuleSetImpl& ruleset) : facts_(ruleset.environment) {
    for (const CompiledParameter& parameter : ruleset.parameters) {
      bool fixed =
          parameter.model != nullptr && (parameter.model->form == model::ParamForm::scalar ||
                                         parameter.model->form == model::ParamForm::table);
      if (fixed && parameter.slot >= 0 && !parameter.value.is_exceptional()) {
        internal::bind_slot(facts_, parameter.slot, parameter.value);
      }
    }
  }

  /// The value the expression always has, when it is a bool that no fact changes.
  std::optional<bool> constant(const CompiledExpression& expression) const {
    if (!expression.program) return std::nullopt;
    std::optional<Value> value = expression.program->constant_value();
    if (!value) value = expression.program->evaluate(facts_);
    if (value->kind() != ValueKind::boolean) return std::nullopt;
    return value->as_bool();
  }

 private:
  Activation facts_;
};

constexpr std::string_view kConstantHelp =
    "the expression reads nothing of the record that could change it (parameters are fixed "
    "for the rule set)";

// Which group of a decision a condition belongs to.
enum class Role : std::uint8_t { requirement, disqualifier, trigger };

std::string condition_name(const model::Condition& condition, Role role,
                           const std::string& decision) {
  std::string kind = role == Role::requirement    ? "condition"
                     : role == Role::disqualifier ? "disqualifier"
                                                  : "trigger condition";
  std::string name = condition.id.empty() ? "a " + kind : kind + " " + backticked(condition.id);
  return name + " of " + backticked(decision);
}

struct Walk {
  PassContext& context;
  const ConstantFolder& folder;
  const std::string& decision;
};

// `decisive`: every group above the condition is `any`, so when the condition
// holds its whole group does.
void check_leaf(const Walk& walk, const CompiledCondition& condition, Role role, bool decisive) {
  std::optional<bool> constant = walk.folder.constant(condition.when);
  if (!constant) return;
  model::OriginId at = first_origin(condition.when.origin, condition.model->origin);
  std::string name = condition_name(*condition.model, role, walk.decision);
  if (!*constant) {
    walk.context.warning(at, Code::never_fires,
                         name + " can never hold: its `when` is always false",
                         std::string(kConstantHelp));
    return;
  }
  if (role == Role::requirement) return;
  std::string effect = !decisive                    ? ""
                       : role == Role::disqualifier ? ", so every record is excluded"
                                                    : ", so every record triggers it";
  walk.context.warning(at, Code::always_holds,
                       name + " always holds: its `when` is always true" + effect,
                       std::string(kConstantHelp));
}

void walk_group(const Walk& walk, const CompiledCondition& condition, Role role, bool decisive) {
  if (condition.model == nullptr) return;
  auto group = condition.model->group;
  if (group == model::Condition::Group::leaf) check_leaf(walk, condition, role, decisive);
  bool any = group == model::Condition::Group::any;
  for (const auto& child : condition.children)
    walk_group(walk, child, role, decisive && any);
}

void check_applies(PassContext& context, const ConstantFolder& folder,
                   const CompiledDecision& decision) {
  if (folder.constant(decision.applies) != std::optional<bool>(false)) return;
  context.warning(first_origin(decision.applies.origin, decision.model->origin), Code::never_fires,
                  "decision " + backticked(decision.model->id) +
                      " never applies: its `applies` is always false",
                  "every record is `not_applicable`; fix the expression or remove the decision");
}

}  // namespace

void check_conditions(PassContext& context) {
  ConstantFolder folder(context.ruleset());
  for (const CompiledDecision& decision : context.ruleset().decisions) {
    if (decision.model == nullptr) continue;
    Walk walk{context, folder, decision.model->id};
    check_applies(context, folder, decision);
    walk_group(walk, decision.all, Role::requirement, false);
    walk_group(walk, decision.none, Role::disqualifier, true);
    walk_group(walk, decision.trigger, Role::trigger, true);
  }
}

}  // namespace cadre::check
