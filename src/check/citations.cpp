// The citation pass ("check.citation"): every derived value, decision,
// parameter and switch cites a provision of shared/policy/CATALOG.md, and
// every citation given (conditions, pay components, table rules, lists too)
// is a well-formed provision id (`HY-WARN-02`) or reading convention
// (`R-05`) of a document the rule set declares in `sources`.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "load/names.hpp"

namespace cadre::check {

namespace {

// The kinds of provisions of CATALOG.md §2.
constexpr std::string_view kKinds[] = {"ELIG",  "WARN", "EXIT", "PAY",  "ASSESS",
                                       "QUOTA", "DUTY", "BEN",  "OTHER"};

bool all_of(std::string_view text, bool (*test)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), test);
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The document code of a provision id (`HY` of `HY-WARN-02`), empty for a
// reading convention (`R-05`), nullopt when the id is malformed.
std::optional<std::string> document_code(std::string_view id) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t dash = id.find('-', start);
    parts.push_back(id.substr(start, dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  bool number = parts.back().size() == 2 && all_of(parts.back(), is_digit);
  if (parts.size() == 2 && parts[0] == "R" && number) return std::string();
  bool kind = parts.size() == 3 &&
              std::find(std::begin(kKinds), std::end(kKinds), parts[1]) != std::end(kKinds);
  if (!kind || !number || parts[0].size() < 2 || !all_of(parts[0], is_upper)) return std::nullopt;
  return std::string(parts[0]);
}

class CitationChecker {
 public:
  explicit CitationChecker(PassContext& context) : context_(context) {
    for (const auto& source : context.rules().sources)
      documents_.push_back(source.id);
  }

  // `what` names the element: "decision `hy.exit`".
  void required(const model::Citation& cite, const std::string& what, model::OriginId element) {
    if (!cite.provision.empty()) return given(cite, what, element);
    context_.error(element, Code::citation, what + " cites no provision",
                   "add `cite:` with a provision id of shared/policy/CATALOG.md, e.g. "
                   "`HY-WARN-02`, or a reading convention such as `R-05`");
  }

  void given(const model::Citation& cite, const std::string& what, model::OriginId element) {
    if (cite.provision.empty()) return;
    model::OriginId at = first_origin(cite.origin, element);
    auto document = document_code(cite.provision);
    if (!document) {
      context_.error(
          at, Code::citation,
          what + " cites " + backticked(cite.provision) + ", which is not a provision id",
          "write `XX-KIND-NN` (e.g. `HY-WARN-02`; KIND is ELIG, WARN, EXIT, PAY, "
          "ASSESS, QUOTA, DUTY, BEN or OTHER) or a reading convention `R-NN`");
    } else if (!document->empty() && !documents_.empty() &&
               std::find(documents_.begin(), documents_.end(), *document) == documents_.end()) {
      std::vector<std::string_view> known(documents_.begin(), documents_.end());
      context_.error(at, Code::citation,
                     what + " cites " + backticked(cite.provision) + " of document " +
                         backticked(*document) + ", which is not among the rule set's sources (" +
                         load::quoted_list(known) + ")",
                     "declare the document under `sources`, or correct the document code");
    }
  }

 private:
  PassContext& context_;
  std::vector<std::string> documents_;
};

void conditions(CitationChecker& checker, const model::Condition& condition,
                const std::string& decision) {
  if (!condition.id.empty()) {
    checker.given(condition.cite,
                  "condition " + backticked(condition.id) + " of " + backticked(decision),
                  condition.origin);
  } else {
    checker.given(condition.cite, "a condition of " + backticked(decision), condition.origin);
  }
  for (const auto& child : condition.children)
    conditions(checker, child, decision);
}

void decision_parts(CitationChecker& checker, const model::Decision& decision) {
  for (const auto* group : {&decision.all, &decision.none, &decision.trigger}) {
    conditions(checker, *group, decision.id);
  }
  for (const auto& component : decision.components) {
    checker.given(component.cite,
                  "pay component " + backticked(component.id) + " of " + backticked(decision.id),
                  component.origin);
  }
  if (!decision.table) return;
  for (std::size_t r = 0; r < decision.table->rules.size(); ++r) {
    const auto& rule = decision.table->rules[r];
    checker.given(rule.cite,
                  "rule " + std::to_string(r + 1) + " of the table of " + backticked(decision.id),
                  rule.origin);
  }
}

}  // namespace

void check_citations(PassContext& context) {
  CitationChecker checker(context);
  const model::RuleSet& rules = context.rules();
  for (const auto& parameter : rules.parameters) {
    checker.required(parameter.cite, "parameter " + backticked(parameter.id), parameter.origin);
  }
  for (const auto& option : rules.switches) {
    checker.required(option.cite, "switch " + backticked(option.id), option.origin);
  }
  for (const auto& list : rules.lists) {
    checker.given(list.cite, "list " + backticked(list.id), list.origin);
  }
  for (const auto& derived : rules.derived) {
    checker.required(derived.cite, "derived value " + backticked(derived.id), derived.origin);
  }
  for (const auto& decision : rules.decisions) {
    checker.required(decision.cite, "decision " + backticked(decision.id), decision.origin);
    decision_parts(checker, decision);
  }
}

}  // namespace cadre::check
