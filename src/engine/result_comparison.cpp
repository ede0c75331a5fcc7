// Reasons as lines for a side-by-side comparison (result_comparison.hpp).
#include "engine/result_comparison.hpp"

#include "engine/conditions.hpp"

namespace cadre::engine {

namespace {

/// Most characters of one fact's value shown: a list of records can be long.
constexpr std::size_t kMaxFactChars = 60;

}  // namespace

std::string shortened_value(std::string text) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++characters > kMaxFactChars) {
      text.resize(i);
      return text + "…";
    }
  }
  return text;
}

namespace {

void add_lines(const std::vector<Reason>& reasons, int depth, std::vector<ReasonLine>& out) {
  for (const auto& reason : reasons) {
    // An unnamed group only holds the conditions: they stand at its place.
    if (reason.id.empty() && !reason.children.empty()) {
      add_lines(reason.children, depth, out);
      continue;
    }
    ReasonLine line;
    line.depth = depth;
    line.id = reason.id;
    line.status = reason_status_name(reason.status);
    line.message = reason.message_en.empty() ? reason.expression : reason.message_en;
    for (const auto& [name, value] : reason.facts) {
      line.facts +=
          (line.facts.empty() ? "" : "; ") + name + " = " + shortened_value(plain_text(value));
    }
    if (!reason.missing.empty()) {
      line.facts +=
          (line.facts.empty() ? "missing " : "; missing ") + joined_or_none(reason.missing);
    }
    out.push_back(std::move(line));
    add_lines(reason.children, depth + 1, out);
  }
}

}  // namespace

std::vector<ReasonLine> reason_lines(const std::vector<Reason>& reasons) {
  std::vector<ReasonLine> out;
  add_lines(reasons, 0, out);
  return out;
}

std::vector<ReasonLine> explanation_lines(const DecisionResult& result) {
  std::vector<ReasonLine> out = reason_lines(result.reasons);
  for (const auto& component : result.components) {
    ReasonLine line;
    line.id = component.id;
    line.status = "computed";
    line.message = component.formula + " = " + plain_text(component.amount);
    for (const auto* read : {&component.parameters, &component.facts}) {
      for (const auto& [name, value] : *read) {
        line.facts +=
            (line.facts.empty() ? "" : "; ") + name + " = " + shortened_value(plain_text(value));
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

std::string joined_or_none(const std::vector<std::string>& items) {
  if (items.empty()) return kNone;
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace cadre::engine
