// The parameter pass: values the text leaves out ("check.unspecified"),
// effective-dated series that start after the rule set's validity does or
// hold entries past its end ("check.param_gap"), empty ranges
// ("check.param_range") and tables keyed by an enumeration that miss some of
// its values ("check.table_keys").
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "check/checks.hpp"
#include "check/pass_context.hpp"
#include "load/names.hpp"

namespace cadre::check {

namespace {

constexpr std::string_view kUndetermined =
    " is unspecified: decisions that need it are undetermined until a variant sets it";
constexpr std::string_view kSetIt =
    "if the text gives no value, say why: `unspecified: {because: {zh: …, en: …}}`; a local "
    "rule set supplies it under `variant.parameters` (reading convention R-14)";

// An open value is warned only when the rule set does not say why the text
// gives none: stated with `because`, it is what the text says, and
// `check --list-unspecified` lists it.
void unspecified(PassContext& context, const model::ParamValue& value, const std::string& what,
                 model::OriginId fallback) {
  if (!value.unspecified || value.explained()) return;
  context.warning(first_origin(value.origin, fallback), Code::unspecified,
                  what + std::string(kUndetermined), std::string(kSetIt));
}

void unspecified_values(PassContext& context, const model::Parameter& param) {
  std::string name = "parameter " + backticked(param.id);
  switch (param.form) {
    case model::ParamForm::unspecified:
      if (!param.value.explained()) {
        context.warning(param.origin, Code::unspecified, name + std::string(kUndetermined),
                        std::string(kSetIt));
      }
      break;
    case model::ParamForm::scalar:
      unspecified(context, param.value, name, param.origin);
      break;
    case model::ParamForm::table:
      for (const auto& [key, value] : param.table) {
        unspecified(context, value, "entry " + backticked(key) + " of " + name, param.origin);
      }
      if (param.others) {
        unspecified(context, *param.others, "every key not listed in " + name, param.origin);
      }
      break;
    case model::ParamForm::series:
      for (const auto& entry : param.series) {
        unspecified(context, entry.value,
                    "the value of " + name + " from " + entry.from.to_string(), param.origin);
      }
      break;
    case model::ParamForm::range:
      unspecified(context, param.low, "the low bound of " + name, param.origin);
      unspecified(context, param.high, "the high bound of " + name, param.origin);
      break;
  }
}

// A series must be in force from `valid.from` on; entries after `valid.to`
// are never in force.
void series_coverage(PassContext& context, const model::Parameter& param) {
  const model::Metadata& metadata = context.rules().metadata;
  if (param.form != model::ParamForm::series || !metadata.valid_from) return;
  Date from = *metadata.valid_from;
  std::optional<Date> first;
  for (const auto& entry : param.series)
    first = first ? std::min(*first, entry.from) : entry.from;
  if (!first || *first > from) {
    std::optional<Date> last = first ? Date::add_days(*first, -1) : std::nullopt;
    std::string until = last ? " to " + last->to_string() : "";
    std::string starts = first ? ": its series starts on " + first->to_string() : ": it has none";
    context.error(param.origin, Code::param_gap,
                  "parameter " + backticked(param.id) + " has no value in force from " +
                      from.to_string() + " (the start of the rule set's validity)" + until + starts,
                  "add an entry `{from: " + from.to_string() +
                      ", value: …}`, with `unspecified` if the text leaves the value out");
  }
  if (!metadata.valid_to) return;
  for (const auto& entry : param.series) {
    if (entry.from <= *metadata.valid_to) continue;
    context.warning(first_origin(entry.value.origin, param.origin), Code::param_gap,
                    "the value of parameter " + backticked(param.id) + " from " +
                        entry.from.to_string() + " is never in force: the rule set is valid to " +
                        metadata.valid_to->to_string(),
                    "remove the entry, or extend `valid.to`");
  }
}

// -1, 0 or 1 when both are numbers or dates of one kind, else nullopt.
std::optional<int> compare(const Value& a, const Value& b) {
  if (a.kind() != b.kind()) return std::nullopt;
  auto sign = [](auto x, auto y) { return x < y ? -1 : y < x ? 1 : 0; };
  switch (a.kind()) {
    case ValueKind::integer:
      return sign(a.as_int(), b.as_int());
    case ValueKind::real:
      return sign(a.as_double(), b.as_double());
    case ValueKind::decimal:
      return sign(a.as_decimal(), b.as_decimal());
    case ValueKind::date:
      return sign(a.as_date(), b.as_date());
    default:
      return std::nullopt;
  }
}

void range_order(PassContext& context, const CompiledParameter& compiled) {
  const model::Parameter& param = *compiled.model;
  if (param.form != model::ParamForm::range) return;
  if (compare(compiled.low, compiled.high).value_or(0) <= 0) return;
  context.error(
      first_origin(param.low.origin, param.origin), Code::param_range,
      "the range of parameter " + backticked(param.id) + " is empty: its low bound " +
          backticked(param.low.text) + " is above its high bound " + backticked(param.high.text),
      "write the bounds low first: `range: [" + param.high.text + ", " + param.low.text + "]`");
}

// A key a table neither lists nor leaves open with `others` is likely forgotten.
void table_keys(PassContext& context, const model::Parameter& param) {
  if (param.form != model::ParamForm::table || param.table_key.empty() || param.others) return;
  auto found = context.ruleset().enums.find(param.table_key);
  if (found == context.ruleset().enums.end()) return;
  std::vector<std::string_view> missing;
  for (const auto& value : found->second->values()) {
    bool present = std::any_of(param.table.begin(), param.table.end(),
                               [&](const auto& entry) { return entry.first == value; });
    if (!present) missing.push_back(value);
  }
  if (missing.empty()) return;
  context.warning(param.origin, Code::table_keys,
                  "parameter " + backticked(param.id) + " has no entry for " +
                      load::quoted_list(missing) + " of " + backticked(param.table_key),
                  "add the entries, or say why the text gives none: `others: {unspecified: "
                  "{because: {zh: …, en: …}}}`");
}

}  // namespace

void check_parameters(PassContext& context) {
  for (const CompiledParameter& compiled : context.ruleset().parameters) {
    if (compiled.model == nullptr) continue;
    const model::Parameter& param = *compiled.model;
    unspecified_values(context, param);
    series_coverage(context, param);
    range_order(context, compiled);
    table_keys(context, param);
  }
}

}  // namespace cadre::check
