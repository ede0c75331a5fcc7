// The rule-set test runner.
#include "engine/test_runner.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "compile/compiled_ruleset.hpp"
#include "engine/conditions.hpp"
#include "engine/decisions.hpp"
#include "records/duplicate_keys.hpp"
#include "records/schema_options.hpp"
#include "records/typed_conversion.hpp"

namespace cadre::engine {

namespace {

using Records = std::vector<RecordValue>;

constexpr const char* kContext = "_context";

// Builds the test's records with the checks of a records file (required
// fields, duplicate keys); problems become failures.
Records build_records(const CompiledRuleSetImpl& impl, const model::TestCase& test,
                      std::vector<std::string>& problems) {
  Records records;
  const yaml::Node* node =
      test.records == model::kNoOrigin ? nullptr : impl.origins().at(test.records).node;
  if (node == nullptr || node->kind != yaml::NodeKind::mapping) return records;
  records::RecordTypeLookup types = [&](std::string_view kind) {
    const auto* variable = impl.environment.find(kind);
    return variable ? variable->type.record_type_shared() : nullptr;
  };
  records::RecordReadOptions options = records::schema_read_options(impl.rules().schema);
  std::vector<records::InputRecord> built;
  for (const auto& [kind, list] : node->entries) {
    for (const auto& item : list.items)
      built.push_back(records::build_record(item, kind.scalar, types, options));
  }
  records::check_duplicate_keys(built, options);
  for (auto& record : built) {
    for (const auto& issue : record.errors) {
      problems.push_back("record at line " + std::to_string(issue.line) + ": " + issue.message);
    }
    if (record.value) records.push_back(std::move(*record.value));
  }
  return records;
}

// Numbers compare by value (3600.00 == 3600.000); anything else by text.
bool same_value(const std::string& expected, const Value& actual) {
  if (actual.kind() == ValueKind::decimal) {
    auto number = Decimal::parse(expected);
    return number && *number == actual.as_decimal();
  }
  return plain_text(actual) == expected;
}

// The ids of the conditions in `reasons` (at any depth) with `status`.
void conditions_with(const std::vector<Reason>& reasons, ReasonStatus status,
                     std::vector<std::string>& out) {
  for (const auto& reason : reasons) {
    if (!reason.id.empty() && reason.status == status) out.push_back(reason.id);
    conditions_with(reason.children, status, out);
  }
}

std::vector<std::string> differences(const model::ExpectedDecision& expected,
                                     const DecisionResult& actual) {
  std::vector<std::string> out;
  if (expected.outcome != outcome_name(actual.outcome)) {
    out.push_back("outcome " + std::string(outcome_name(actual.outcome)) + ", expected " +
                  expected.outcome);
  }
  if (expected.value && !same_value(*expected.value, actual.value)) {
    out.push_back("value " + plain_text(actual.value) + ", expected " + *expected.value);
  }
  if (!expected.range.empty()) {
    if (!actual.range) {
      out.push_back("no range, expected [" + expected.range[0] + ", " + expected.range[1] + "]");
    } else if (!same_value(expected.range[0], actual.range->first) ||
               !same_value(expected.range[1], actual.range->second)) {
      out.push_back("range [" + plain_text(actual.range->first) + ", " +
                    plain_text(actual.range->second) + "], expected [" + expected.range[0] + ", " +
                    expected.range[1] + "]");
    }
  }
  auto contains_all = [](const std::vector<std::string>& have, const std::vector<std::string>& want,
                         const char* what, std::vector<std::string>& into) {
    for (const auto& item : want) {
      if (std::find(have.begin(), have.end(), item) == have.end()) {
        into.push_back(std::string(what) + " lacks " + item);
      }
    }
  };
  if (!expected.possible.empty()) {
    bool same = expected.possible.size() == actual.possible.size();
    for (std::size_t i = 0; same && i < expected.possible.size(); ++i)
      same = same_value(expected.possible[i], actual.possible[i]);
    if (!same) {
      std::string have;
      for (const auto& value : actual.possible)
        have += (have.empty() ? "" : ", ") + plain_text(value);
      std::string want;
      for (const auto& value : expected.possible)
        want += (want.empty() ? "" : ", ") + value;
      out.push_back("possible [" + have + "], expected [" + want + "]");
    }
  }
  if (expected.exact && *expected.exact != actual.exact) {
    out.push_back("exact " + (actual.exact.empty() ? "none" : actual.exact) + ", expected " +
                  *expected.exact);
  }
  if (!expected.actions.empty() && expected.actions != actual.actions) {
    std::string have;
    for (const auto& action : actual.actions)
      have += (have.empty() ? "" : ", ") + action;
    out.push_back("actions [" + have + "]");
  }
  contains_all(actual.undetermined, expected.undetermined, "undetermined", out);
  contains_all(actual.missing, expected.missing, "missing", out);
  contains_all(actual.flags, expected.flags, "flags", out);
  for (const auto& flag : expected.without_flags) {
    if (std::find(actual.flags.begin(), actual.flags.end(), flag) != actual.flags.end()) {
      out.push_back("flags has " + flag);
    }
  }
  std::vector<std::string> failed, passed;
  conditions_with(actual.reasons, ReasonStatus::failed, failed);
  conditions_with(actual.reasons, ReasonStatus::passed, passed);
  contains_all(failed, expected.failed, "failed conditions", out);
  contains_all(passed, expected.passed, "passed conditions", out);
  return out;
}

// A bulk run (explanations off) must decide exactly as an explained one: the
// same outcome, value, possible values and reason codes for every decision.
void compare_quiet(const std::vector<RecordDecisions>& explained,
                   const std::vector<RecordDecisions>& quiet, std::vector<std::string>& problems) {
  for (std::size_t r = 0; r < explained.size() && r < quiet.size(); ++r) {
    const auto& a = explained[r].decisions;
    const auto& b = quiet[r].decisions;
    if (a.size() != b.size()) {
      problems.push_back(explained[r].record + ": " + std::to_string(b.size()) +
                         " decisions without explanations, " + std::to_string(a.size()) + " with");
      continue;
    }
    for (std::size_t d = 0; d < a.size(); ++d) {
      bool same = a[d].id == b[d].id && a[d].outcome == b[d].outcome &&
                  plain_text(a[d].value) == plain_text(b[d].value) &&
                  a[d].undetermined == b[d].undetermined &&
                  a[d].possible.size() == b[d].possible.size();
      if (same) continue;
      problems.push_back(explained[r].record + " " + a[d].id + ": without explanations " +
                         outcome_name(b[d].outcome) + " " + plain_text(b[d].value) + ", with " +
                         outcome_name(a[d].outcome) + " " + plain_text(a[d].value));
    }
  }
}

// Every undetermined result says why: a result without a recorded reason
// is an engine fault, whatever the test expects of it.
void report_faults(const std::vector<RecordDecisions>& decided,
                   std::vector<std::string>& problems) {
  for (const auto& record : decided) {
    for (const auto& decision : record.decisions) {
      const auto& codes = decision.undetermined;
      if (std::find(codes.begin(), codes.end(), kNoRecordedReason) != codes.end())
        problems.push_back(record.record + " " + decision.id + ": undetermined without a reason");
    }
  }
}

std::string place_of(const CompiledRuleSetImpl& impl, const model::Decision& decision) {
  SourceLocation at = impl.origins().locate(decision.origin);
  std::error_code error;
  auto file = std::filesystem::weakly_canonical(at.file, error);
  return (error ? at.file : file.string()) + ":" + std::to_string(at.line) + ":" +
         std::to_string(at.column);
}

}  // namespace

std::string decision_place(const CompiledRuleSet& rules, const std::string& decision) {
  const CompiledRuleSetImpl& impl = rules.impl();
  for (const auto& compiled : impl.decisions) {
    if (compiled.model->id == decision) return place_of(impl, *compiled.model);
  }
  return {};
}

TestReport run_tests(const Engine& engine, const TestRunOptions& options) {
  const CompiledRuleSetImpl& impl = engine.rules().impl();
  TestReport report;
  for (const auto& test : impl.rules().tests) {
    std::vector<std::string> problems;
    Records records = build_records(impl, test, problems);
    Date as_of = test.as_of.value_or(Date());
    // The test's records are one population, as in `cadre-policy eval`.
    auto decided = engine.evaluate_population(records, as_of);
    compare_quiet(decided, engine.evaluate_population(records, as_of, {.explain = false}),
                  problems);
    report_faults(decided, problems);
    std::vector<DecisionResult> context;
    for (const auto& [record_id, expectations] : test.expect) {
      auto subject =
          std::find_if(decided.begin(), decided.end(),
                       [&record_id = record_id](const auto& r) { return r.record == record_id; });
      // `_context`: the decisions about no record.
      if (record_id == kContext && context.empty()) context = engine.evaluate_context(as_of);
      if (subject == decided.end() && record_id != kContext) {
        problems.push_back("no record `" + record_id + "` in the test's records");
        continue;
      }
      const auto& results = subject == decided.end() ? context : subject->decisions;
      for (const auto& expected : expectations) {
        const std::string id = expected.result_id();
        auto actual =
            std::find_if(results.begin(), results.end(), [&](const auto& r) { return r.id == id; });
        if (actual == results.end()) {
          problems.push_back(record_id + " " + id + ": not decided for this record");
          continue;
        }
        auto found = differences(expected, *actual);
        if (found.empty() && options.keep_checked) {
          report.checked.push_back(
              {expected.decision, *actual, decision_place(engine.rules(), expected.decision), {}});
        }
        for (auto& difference : found)
          problems.push_back(record_id + " " + id + ": " + std::move(difference));
      }
    }
    if (problems.empty()) {
      ++report.passed;
      continue;
    }
    ++report.failed;
    for (auto& problem : problems) {
      report.failures.push_back(
          {test.name, impl.origins().locate(test.origin), std::move(problem)});
    }
  }
  return report;
}

}  // namespace cadre::engine
