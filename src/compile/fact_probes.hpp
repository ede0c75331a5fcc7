// The facts an expression reads, each compiled on its own so that an
// explanation can show the values a condition or a pay formula used
// (`cadre.birth_date`, `ps.tenure_years`, `hy.perf_multiplier`).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compile/compile_context.hpp"

namespace cadre {

/// Parameters, switches, derived values, decisions and record fields
/// (`kind.field`) that `expression` names, in order of first appearance,
/// each with a program reading it. Names whose probe does not compile are
/// left out: the expression itself reports its errors.
std::vector<std::pair<std::string, CompiledExpression>> fact_probes(
    const CompileContext& context, const model::Expression& expression);

/// What a pay formula reads, for the computation an explanation shows: each
/// name as fact_probes() gives it, except that a subscripted read
/// (`hy.perf_multiplier[hy.final_grade[year(as_of) - 1]]`) is probed whole,
/// named by its text, so that the entry used is shown rather than the table.
std::vector<std::pair<std::string, CompiledExpression>> formula_probes(
    const CompileContext& context, const model::Expression& expression);

/// True when `expression` reads the evaluation date, directly or through
/// derived values (ages, tenures): its value may change with time alone.
bool reads_evaluation_date(const CompileContext& context, const model::Expression& expression);

}  // namespace cadre
