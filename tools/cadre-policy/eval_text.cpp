// The text format of `eval` (see eval_text.hpp).
#include "eval_text.hpp"

#include <string>

#include "engine/conditions.hpp"

namespace cadre::tool {

namespace {

// A reason tree, indented; groups show their parts.
void write_reason(std::ostream& out, const Reason& reason, bool chinese, int indent) {
  if (reason.id.empty() && reason.children.empty()) return;
  if (reason.id == "cohort") return;  // shown as the cohort's message
  int inner = indent;
  if (!reason.id.empty()) {
    const std::string& message = chinese ? reason.message_zh : reason.message_en;
    out << std::string(static_cast<std::size_t>(indent), ' ') << reason_status_name(reason.status)
        << " " << reason.id;
    if (!message.empty()) out << ": " << message;
    if (reason.hint)
      out << " (" << (chinese ? reason.hint->message_zh : reason.hint->message_en) << ")";
    out << "\n";
    inner += 2;
  }
  for (const auto& child : reason.children)
    write_reason(out, child, chinese, inner);
}

}  // namespace

std::string error_location(const RecordError& error) {
  std::string location = error.file;
  if (error.line > 0) location += ":" + std::to_string(error.line);
  if (error.line > 0 && error.column > 0) location += ":" + std::to_string(error.column);
  return location;
}

void write_text(std::ostream& out, const RecordOutput& record, const CompiledRuleSet& rules,
                bool chinese) {
  out << "record " << record.record << "\n";
  for (const auto& error : record.errors) {
    out << "  error: " << error_location(error) << (error.field.empty() ? "" : ": " + error.field)
        << ": " << error.message << "\n";
  }
  for (const auto& decision : record.decisions) {
    out << "  " << decision.id << ": " << outcome_name(decision.outcome);
    if (!decision.value.is_exceptional() && decision.value.kind() != ValueKind::null) {
      out << " " << engine::plain_text(decision.value);
    }
    for (const auto& flag : decision.flags)
      out << " [" << flag << "]";
    out << "\n";
    const std::string& message = chinese ? decision.message_zh : decision.message_en;
    if (!message.empty()) out << "    " << message << "\n";
    for (const auto& code : decision.undetermined) {
      out << "    undetermined: " << code;
      if (const OpenValue* open = rules.open_value(code)) {
        const std::string& first = chinese ? open->reason_zh : open->reason_en;
        const std::string& reason =
            first.empty() ? (chinese ? open->reason_en : open->reason_zh) : first;
        if (!reason.empty()) out << " (" << reason << ")";
      }
      out << "\n";
    }
    if (decision.range) {
      out << "    range: " << engine::plain_text(decision.range->first) << " .. "
          << engine::plain_text(decision.range->second) << "\n";
    }
    if (!decision.possible.empty()) {
      out << "    possible:";
      for (const auto& value : decision.possible)
        out << " " << engine::plain_text(value);
      out << "\n";
    }
    if (!decision.exact.empty()) out << "    exact: " << decision.exact << "\n";
    if (!decision.actions.empty()) {
      out << "    actions:";
      for (const auto& action : decision.actions)
        out << " " << action;
      out << "\n";
    }
    for (const auto& line : decision.components) {
      out << "    " << line.id << " = " << line.formula << " = " << engine::plain_text(line.amount)
          << "\n";
    }
    const std::string cohort_message = !decision.cohort ? std::string()
                                       : chinese        ? decision.cohort->message_zh
                                                        : decision.cohort->message_en;
    if (!cohort_message.empty()) out << "    " << cohort_message << "\n";
    for (const auto& reason : decision.reasons)
      write_reason(out, reason, chinese, 4);
  }
}

}  // namespace cadre::tool
