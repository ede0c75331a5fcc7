// Type checker: annotates every node of a parsed expression with its type
// against the declared variables, and rejects unknown names, unknown fields of
// declared records, wrong operand types and wrong arity before evaluation.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/expression.hpp"
#include "expr/ast.hpp"
#include "expr/source_map.hpp"

namespace cadre::expr {

struct CheckResult {
  /// The type of every node, by node id.
  std::unordered_map<std::int32_t, Type> types;
  /// Ids of double literals that meet a decimal (`pay * 1.2`): the compiler
  /// reads them exactly from their text as decimals.
  std::unordered_set<std::int32_t> decimal_literals;
  /// String literals compared with an enumeration (`grade >= '称职'`): the
  /// compiler turns them into values of that enumeration.
  std::unordered_map<std::int32_t, std::shared_ptr<const EnumType>> enum_literals;
  std::vector<Diagnostic> diagnostics;
  Type result;
};

CheckResult check(const Expr& root, const Environment& environment, const SourceMap& source);

}  // namespace cadre::expr
