// Counting a population's decisions and printing the counts.
#include "summary.hpp"

#include <algorithm>
#include <utility>

namespace summary {

namespace {

// `hp.rotation_training_met[2022]` counts under `hp.rotation_training_met`.
std::string base_id(const std::string& id) {
  return id.substr(0, id.find('['));
}

void add(const cadre::DecisionResult& result, DecisionSummary& into) {
  ++into.outcomes[result.outcome];
  if (result.outcome == cadre::Outcome::undetermined) {
    for (const auto& code : result.undetermined)
      ++into.reasons[code];
  }
  if (result.kind == "pay" && result.outcome == cadre::Outcome::computed &&
      result.value.kind() == cadre::ValueKind::decimal) {
    cadre::DecimalResult sum = cadre::Decimal::add(into.paid, result.value.as_decimal());
    if (sum.ok()) {
      into.paid = sum.value;
    } else {
      into.overflow = true;
    }
    ++into.paid_count;
  }
}

// The reason codes, most common first (ties by code).
std::vector<std::pair<std::string, int>> ranked(const std::map<std::string, int>& reasons) {
  std::vector<std::pair<std::string, int>> out(reasons.begin(), reasons.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

PopulationSummary summarize(const std::vector<cadre::RecordOutput>& outputs,
                            const std::vector<std::string>& decision_ids) {
  PopulationSummary out;
  std::map<std::string, std::size_t> index;
  for (const auto& id : decision_ids) {
    index.emplace(id, out.decisions.size());
    out.decisions.push_back({id, "", {}, {}, cadre::Decimal(), 0, false});
  }
  for (const auto& output : outputs) {
    // Decisions about no record come on a line of their own, not a record's.
    if (output.record != "_context") ++out.records;
    if (!output.errors.empty()) ++out.not_evaluated;
    for (const auto& result : output.decisions) {
      auto found = index.find(base_id(result.id));
      if (found == index.end()) continue;
      DecisionSummary& decision = out.decisions[found->second];
      decision.kind = result.kind;
      add(result, decision);
    }
  }
  return out;
}

void print(std::ostream& out, const PopulationSummary& summary, int reasons_shown) {
  out << summary.records << " records, " << summary.records - summary.not_evaluated << " decided, "
      << summary.not_evaluated << " not evaluated\n";
  for (const auto& decision : summary.decisions) {
    if (decision.outcomes.empty()) continue;  // about no record of this population
    out << "\n" << decision.id << " (" << decision.kind << ")\n  ";
    bool first = true;
    for (const auto& [outcome, count] : decision.outcomes) {
      out << (first ? "" : ", ") << cadre::outcome_name(outcome) << " " << count;
      first = false;
    }
    out << "\n";
    if (decision.paid_count > 0) {
      out << "  total: "
          << (decision.overflow ? std::string("too large for a decimal")
                                : decision.paid.to_string())
          << " over " << decision.paid_count << " computed\n";
    }
    int shown = 0;
    for (const auto& [code, count] : ranked(decision.reasons)) {
      if (shown++ == reasons_shown) {
        out << "  … " << decision.reasons.size() - static_cast<std::size_t>(reasons_shown)
            << " more reasons\n";
        break;
      }
      out << "  undetermined: " << code << " (" << count << ")\n";
    }
  }
}

}  // namespace summary
