// The test runner (test_runner.hpp).
#include "engine/test_runner.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/conditions.hpp"
#include "engine/decisions.hpp"
#include "engine/expectation_check.hpp"
#include "records/duplicate_keys.hpp"
#include "records/schema_options.hpp"
#include "records/typed_conversion.hpp"

namespace cadre::engine {

namespace {

using Records = std::vector<RecordValue>;

constexpr const char* kContext = "_context";

// Builds the test's records with the checks of a records file (required
// fields, duplicate keys), typed by the schema of the rule set run;
// problems become failures.
Records build_records(const CompiledRuleSetImpl& impl, const model::Origins& origins,
                      const model::TestCase& test, std::vector<std::string>& problems) {
  Records records;
  const yaml::Node* node =
      test.records == model::kNoOrigin ? nullptr : origins.at(test.records).node;
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

// The first decision the test expects that the rule set run does not have
// (TestRunOptions::absent_decisions); empty when there is none.
std::string absent_decision(const model::TestCase& test, const TestRunOptions& options) {
  for (const auto& [record, expectations] : test.expect) {
    for (const auto& expected : expectations) {
      const auto& absent = options.absent_decisions;
      if (std::find(absent.begin(), absent.end(), expected.decision) != absent.end())
        return expected.decision;
    }
  }
  return {};
}

// One test's problems: a problem either stands alone or ends an
// expectation's differences, with the expectation and result side by side.
struct Problem {
  std::string message;
  std::optional<ResultComparison> comparison = {};
};

class CaseRun {
 public:
  CaseRun(const Engine& engine, const model::Origins& origins, const model::TestCase& test,
          const TestRunOptions& options, TestReport& report)
      : engine_(engine), origins_(origins), test_(test), options_(options), report_(report) {}

  std::vector<Problem> run() {
    const CompiledRuleSetImpl& impl = internal::impl_of(engine_.rules());
    std::vector<std::string> plain;
    Records records = build_records(impl, origins_, test_, plain);
    as_of_ = test_.as_of.value_or(Date());
    // The test's records are one population, as in `cadre-policy eval`.
    decided_ = engine_.evaluate_population(records, as_of_);
    compare_quiet(decided_, engine_.evaluate_population(records, as_of_, {.explain = false}),
                  plain);
    report_faults(decided_, plain);
    for (auto& message : plain)
      problems_.push_back({std::move(message)});
    for (const auto& [record_id, expectations] : test_.expect)
      check_record(record_id, expectations);
    return std::move(problems_);
  }

 private:
  void check_record(const std::string& record_id,
                    const std::vector<model::ExpectedDecision>& expectations) {
    auto subject =
        std::find_if(decided_.begin(), decided_.end(),
                     [&record_id = record_id](const auto& r) { return r.record == record_id; });
    // `_context`: the decisions about no record.
    if (record_id == kContext && context_.empty()) context_ = engine_.evaluate_context(as_of_);
    if (subject == decided_.end() && record_id != kContext) {
      problems_.push_back({"no record `" + record_id + "` in the test's records"});
      return;
    }
    const auto& results = subject == decided_.end() ? context_ : subject->decisions;
    for (const auto& expected : expectations) {
      const std::string id = expected.result_id();
      auto actual =
          std::find_if(results.begin(), results.end(), [&](const auto& r) { return r.id == id; });
      if (actual == results.end()) {
        problems_.push_back({record_id + " " + id + ": not decided for this record"});
        continue;
      }
      ExpectationCheck check = check_expectation(expected, *actual);
      if (check.differences.empty()) {
        if (options_.keep_checked) {
          report_.checked.push_back(
              {expected.decision, *actual, decision_place(engine_.rules(), expected.decision), {}});
        }
        continue;
      }
      for (auto& difference : check.differences)
        problems_.push_back({record_id + " " + id + ": " + std::move(difference)});
      ResultComparison comparison;
      comparison.record = record_id;
      comparison.decision = id;
      comparison.rows = std::move(check.rows);
      comparison.right_reasons = explanation_lines(*actual);
      problems_.back().comparison = std::move(comparison);
    }
  }

  const Engine& engine_;
  const model::Origins& origins_;
  const model::TestCase& test_;
  const TestRunOptions& options_;
  TestReport& report_;
  Date as_of_;
  std::vector<RecordDecisions> decided_;
  std::vector<DecisionResult> context_;
  std::vector<Problem> problems_;
};

}  // namespace

TestCases tests_of(const CompiledRuleSet& rules) {
  return {&internal::impl_of(rules).rules().tests, &internal::impl_of(rules).origins()};
}

std::optional<std::filesystem::path> extended_ruleset(const CompiledRuleSet& rules) {
  const model::Metadata& metadata = internal::impl_of(rules).rules().metadata;
  if (metadata.extends.empty()) return std::nullopt;
  const SourceLocation at = internal::impl_of(rules).origins().locate(metadata.extends_origin);
  return (std::filesystem::path(at.file).parent_path() / metadata.extends).lexically_normal();
}

std::vector<std::string> decisions_missing_from(const CompiledRuleSet& variant,
                                                const CompiledRuleSet& base) {
  std::set<std::string> present;
  for (const auto& decision : internal::impl_of(variant).rules().decisions)
    present.insert(decision.id);
  std::vector<std::string> out;
  for (const auto& decision : internal::impl_of(base).rules().decisions) {
    if (!present.contains(decision.id)) out.push_back(decision.id);
  }
  return out;
}

std::string decision_place(const CompiledRuleSet& rules, const std::string& decision) {
  const CompiledRuleSetImpl& impl = internal::impl_of(rules);
  for (const auto& compiled : impl.decisions) {
    if (compiled.model->id == decision) return place_of(impl, *compiled.model);
  }
  return {};
}

TestReport run_tests(const Engine& engine, const TestRunOptions& options) {
  return run_test_cases(engine, tests_of(engine.rules()), options);
}

TestReport run_test_cases(const Engine& engine, const TestCases& cases,
                          const TestRunOptions& options) {
  TestReport report;
  if (cases.cases == nullptr || cases.origins == nullptr) return report;
  for (const auto& test : *cases.cases) {
    TestCaseResult result;
    result.name = test.name;
    result.location = cases.origins->locate(test.origin);
    result.first_failure = report.failures.size();
    result.absent_decision = absent_decision(test, options);
    if (!result.absent_decision.empty()) {
      result.status = TestStatus::not_run;
      ++report.not_run;
      report.cases.push_back(std::move(result));
      continue;
    }
    std::vector<Problem> problems = CaseRun(engine, *cases.origins, test, options, report).run();
    if (problems.empty()) {
      ++report.passed;
    } else {
      ++report.failed;
      result.status = TestStatus::failed;
      for (auto& problem : problems) {
        report.failures.push_back({test.name, result.location, std::move(problem.message),
                                   std::move(problem.comparison)});
      }
    }
    result.failure_count = report.failures.size() - result.first_failure;
    report.cases.push_back(std::move(result));
  }
  return report;
}

}  // namespace cadre::engine
