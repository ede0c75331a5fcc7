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
#include "diagnostics/codes.hpp"

namespace cadre::check {

/// The diagnostic codes of the check stage, in the order of kCodeNames.
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
  no_decisions,
  message,
};

/// Each check code's name in the catalogue (src/diagnostics/codes.def), in
/// the order of Code.
inline constexpr std::string_view kCodeNames[] = {
    code::check_citation,      code::check_unspecified,     code::check_param_gap,
    code::check_param_range,   code::check_table_keys,      code::check_table_gap,
    code::check_table_overlap, code::check_table_too_large, code::check_never_fires,
    code::check_always_holds,  code::check_reference,       code::check_enum,
    code::check_test_record,   code::check_no_decisions,    code::check_message,
};

constexpr std::string_view code_name(Code code) {
  return kCodeNames[static_cast<std::size_t>(code)];
}

static_assert(std::size(kCodeNames) == static_cast<std::size_t>(Code::message) + 1,
              "kCodeNames names every Code, in order");

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
