// The text layout of explained decisions.
#include "render/decision_text.hpp"

#include "render/explanation.hpp"

namespace cadre::render {

namespace {

std::string colon(Lang lang) {
  return lang == Lang::zh ? "：" : ": ";
}

std::string bracketed(const std::string& text, Lang lang) {
  return lang == Lang::zh ? "（" + text + "）" : " (" + text + ")";
}

void write_decision(std::string& out, const DecisionExplanation& d, Lang lang) {
  const std::string indent = "    ";
  out += "  ■ " + d.title + colon(lang) + d.outcome_words;
  if (!d.value.empty()) out += " " + d.value;
  out += "  [" + d.id + "]\n";
  if (!d.cite.empty()) {
    out += indent + labels().cites.in(lang) + " " + d.cite;
    if (!d.quote.empty()) out += colon(lang) + "「" + d.quote + "」";
    out += "\n";
  }
  if (!d.message.empty()) out += indent + d.message + "\n";
  if (!d.cohort.empty()) out += indent + d.cohort + "\n";
  for (const auto& step : d.pay) {
    out += indent + step.id + " = " + step.formula + "\n";
    out += indent + "  = ";
    if (!step.computed.empty()) out += step.computed + " = ";
    out += step.amount;
    if (!step.rounding.empty()) out += bracketed(step.rounding, lang);
    out += "\n";
    if (!step.where.empty())
      out += indent + "  " + labels().where.in(lang) + " " + step.where + "\n";
  }
  for (const auto& line : d.conditions) {
    const std::string pad = indent + std::string(static_cast<std::size_t>(line.depth) * 2, ' ');
    out += pad + status_mark(line.status) + " " + status_words(line.status).in(lang) + colon(lang) +
           line.text;
    if (!line.facts.empty()) out += bracketed(line.facts, lang);
    out += "\n";
    if (!line.note.empty()) out += pad + "  " + line.note + "\n";
  }
  if (!d.actions.empty())
    out += indent + labels().actions.in(lang) + colon(lang) + d.actions + "\n";
  if (!d.range.empty()) out += indent + labels().range.in(lang) + colon(lang) + d.range + "\n";
  if (!d.possible.empty())
    out += indent + labels().possible.in(lang) + colon(lang) + d.possible + "\n";
  if (!d.exact.empty()) out += indent + labels().exact.in(lang) + colon(lang) + d.exact + "\n";
  for (const auto& note : d.notes)
    out += indent + labels().flags.in(lang) + colon(lang) + note + "\n";
  for (const auto& why : d.undetermined)
    out += indent + labels().undetermined.in(lang) + colon(lang) + why + "\n";
}

}  // namespace

std::string error_location(const RecordError& error) {
  std::string location = error.file;
  if (error.line > 0) location += ":" + std::to_string(error.line);
  if (error.line > 0 && error.column > 0) location += ":" + std::to_string(error.column);
  return location;
}

std::string decision_text(const RecordOutput& output, const CompiledRuleSet& rules, Lang lang) {
  std::string out = std::string(labels().record.in(lang)) + " " + output.record;
  if (!output.kind.empty() && output.kind != output.record) out += bracketed(output.kind, lang);
  out += "\n";
  for (const auto& error : output.errors) {
    out += "  " + std::string(labels().error.in(lang)) + colon(lang) + error_location(error) +
           (error.field.empty() ? "" : ": " + error.field) + ": " + error.message + "\n";
  }
  for (const auto& decision : output.decisions)
    write_decision(out, explain_decision(decision, rules, lang), lang);
  return out;
}

}  // namespace cadre::render
