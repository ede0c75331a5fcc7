// What every check pass shares: the compiled rule set it reads, the closed
// table of diagnostic codes the check stage emits, and reporting at an
// OriginId of the model (a file position, or no position for kNoOrigin).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::check {

/// The diagnostic codes of the check stage, in the order of kCodes.
enum class Code : std::uint8_t {
  citation,
  unspecified,
  param_gap,
  param_range,
  table_keys,
  table_gap,
  table_overlap,
  table_too_large,
  never_fires,
  always_holds,
  reference,
  enumeration,
  test_record,
};

struct CodeInfo {
  Code code;
  std::string_view name;     ///< the stable identifier printed with the diagnostic
  std::string_view summary;  ///< what it reports
};

inline constexpr CodeInfo kCodes[] = {
    {Code::citation, "check.citation", "a missing, malformed or unknown provision id"},
    {Code::unspecified, "check.unspecified", "a parameter value the text leaves out"},
    {Code::param_gap, "check.param_gap", "a series with no value in force at some valid date"},
    {Code::param_range, "check.param_range", "a range whose low bound is above its high bound"},
    {Code::table_keys, "check.table_keys", "enumeration values a keyed table has no entry for"},
    {Code::table_gap, "check.table_gap", "decision-table inputs matched by no rule"},
    {Code::table_overlap, "check.table_overlap", "inputs matched by two rules of a unique table"},
    {Code::table_too_large, "check.table_too_large", "a table too large to analyse"},
    {Code::never_fires, "check.never_fires", "a rule, condition or decision that cannot fire"},
    {Code::always_holds, "check.always_holds", "a disqualifier or trigger that always holds"},
    {Code::reference, "check.reference", "a missing or wrong reference between parts"},
    {Code::enumeration, "check.enum", "a malformed enumeration or `same_as` mapping"},
    {Code::test_record, "check.test_record", "a test record naming an unknown kind or field"},
};

constexpr std::string_view code_name(Code code) {
  return kCodes[static_cast<std::size_t>(code)].name;
}

static_assert(
    [] {
      for (std::size_t i = 0; i < std::size(kCodes); ++i) {
        if (static_cast<std::size_t>(kCodes[i].code) != i) return false;
      }
      return true;
    }(),
    "kCodes must list the codes in the order of enum Code");

/// Reading access to the rule set and reporting for one run of the passes.
class PassContext {
 public:
  PassContext(const CompiledRuleSetImpl& ruleset, std::vector<Diagnostic>& diagnostics)
      : ruleset_(ruleset), diagnostics_(diagnostics) {}

  const CompiledRuleSetImpl& ruleset() const { return ruleset_; }
  const model::RuleSet& rules() const { return ruleset_.rules(); }
  /// 1-based line of an origin, 0 when it has none.
  int line_of(model::OriginId at) const { return ruleset_.origins().locate(at).line; }

  void report(Severity severity, model::OriginId at, Code code, std::string message,
              std::string help = {}) {
    diagnostics_.push_back({severity, std::string(code_name(code)), ruleset_.origins().locate(at),
                            std::move(message), std::move(help)});
  }
  void error(model::OriginId at, Code code, std::string message, std::string help = {}) {
    report(Severity::error, at, code, std::move(message), std::move(help));
  }
  void warning(model::OriginId at, Code code, std::string message, std::string help = {}) {
    report(Severity::warning, at, code, std::move(message), std::move(help));
  }
  /// An error at a YAML node inside the file of `within` (nodes of test
  /// records, which have no origins of their own).
  void error_at_node(model::OriginId within, const yaml::Node& node, Code code, std::string message,
                     std::string help = {}) {
    SourceLocation location = ruleset_.origins().locate(within);
    location.line = node.mark.line;
    location.column = node.mark.column;
    location.offset = node.mark.offset;
    diagnostics_.push_back({Severity::error, std::string(code_name(code)), std::move(location),
                            std::move(message), std::move(help)});
  }

 private:
  const CompiledRuleSetImpl& ruleset_;
  std::vector<Diagnostic>& diagnostics_;
};

/// `text` in backticks, the way messages quote user input.
inline std::string backticked(std::string_view text) {
  return "`" + std::string(text) + "`";
}

/// The first origin that is set, for elements whose own origin may be missing.
inline model::OriginId first_origin(model::OriginId preferred, model::OriginId fallback) {
  return preferred != model::kNoOrigin ? preferred : fallback;
}

}  // namespace cadre::check
