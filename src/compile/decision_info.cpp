// Decision titles, citations and quotes for renderers.
#include "compile/decision_info.hpp"

#include "model/queries.hpp"

namespace cadre {

namespace {

// A provision id starts with its document's code: `HY-PAY-02` → `HY`.
const model::Source* source_of(const model::RuleSet& rules, const std::string& provision) {
  const std::string code = provision.substr(0, provision.find('-'));
  for (const auto& source : rules.sources) {
    if (source.id == code) return &source;
  }
  return nullptr;
}

}  // namespace

std::vector<DecisionInfo> describe_decisions(const model::RuleSet& rules,
                                             const model::Origins& origins) {
  std::vector<DecisionInfo> out;
  out.reserve(rules.decisions.size());
  for (const auto& decision : rules.decisions) {
    DecisionInfo info;
    info.id = decision.id;
    info.kind = model::decision_kind_name(decision.kind);
    info.title_zh = decision.title.zh;
    info.title_en = decision.title.en;
    info.cite = decision.cite.provision;
    info.quote = decision.cite.quote;
    if (const model::Source* source = source_of(rules, decision.cite.provision)) {
      info.source_zh = source->title.zh;
      info.source_en = source->title.en;
    }
    info.location = origins.locate(decision.origin);
    out.push_back(std::move(info));
  }
  return out;
}

}  // namespace cadre
