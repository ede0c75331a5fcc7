// The messages pass: what a person reads exists in both languages. A
// decision's title, and each condition with an id (a leaf, or a group that
// names itself), needs its text in Chinese and in English; without one, the
// explanation in that language falls back to the other, or to the bare id
// ("check.message").
#include <string>

#include "check/checks.hpp"
#include "check/pass_context.hpp"

namespace cadre::check {

namespace {

// "Chinese", "English" or "Chinese and English": what `text` lacks; empty when nothing.
std::string lacking(const model::Text& text) {
  if (text.zh.empty() && text.en.empty()) return "Chinese and English";
  if (text.zh.empty()) return "Chinese";
  if (text.en.empty()) return "English";
  return {};
}

void check_condition(PassContext& context, const model::Condition& condition,
                     const std::string& decision) {
  if (!condition.id.empty()) {
    if (std::string missing = lacking(condition.message); !missing.empty()) {
      context.warning(condition.origin, Code::message,
                      "condition " + backticked(condition.id) + " of " + backticked(decision) +
                          " has no message in " + missing,
                      "add `message: {zh: …, en: …}`: the explanation shows it as a sentence");
    }
  }
  for (const auto& child : condition.children)
    check_condition(context, child, decision);
}

}  // namespace

void check_messages(PassContext& context) {
  for (const model::Decision& decision : context.rules().decisions) {
    if (std::string missing = lacking(decision.title); !missing.empty()) {
      context.warning(decision.origin, Code::message,
                      "decision " + backticked(decision.id) + " has no title in " + missing,
                      "add `title: {zh: …, en: …}`: every explanation starts with it");
    }
    check_condition(context, decision.all, decision.id);
    check_condition(context, decision.none, decision.id);
    check_condition(context, decision.trigger, decision.id);
    for (const auto& gate : decision.gates)
      check_condition(context, gate.condition, decision.id);
  }
}

}  // namespace cadre::check
