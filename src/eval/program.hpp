// The compiled form of an expression: a flat array of nodes whose variables,
// record fields and functions are resolved to slots and ids, so evaluation does
// no name lookups. Built once by the compiler, then only read.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cadre/expression.hpp"
#include "expr/ast.hpp"
#include "expr/functions.hpp"
#include "expr/source_map.hpp"

namespace cadre {

enum class NodeOp : std::uint8_t {
  constant,        ///< constants[slot]
  variable,        ///< activation slot `slot`; unknown(texts[path]) when unbound
  local,           ///< comprehension variable in local slot `slot`
  select_field,    ///< child 0 is a record: field `slot`; unknown(texts[path]) when absent
  select_dynamic,  ///< child 0 is a map or record: field or key texts[name]
  test_field,      ///< has(): record field `slot` is present
  test_dynamic,    ///< has(): map key or record field texts[name] is present
  call,            ///< builtin `function` on the children (strict)
  logical_and,     ///< n-ary, commutative with errors and unknowns
  logical_or,
  conditional,  ///< children: condition, then, else
  make_list,
  make_map,       ///< children: key, value, key, value, ...
  comprehension,  ///< children: range, then the macro's argument(s); variable in local `slot`
};

struct Node {
  NodeOp op = NodeOp::constant;
  expr::FunctionId function = expr::FunctionId::add;  ///< call
  expr::MacroKind macro = expr::MacroKind::all;       ///< comprehension
  std::int32_t offset = 0;                            ///< byte offset in the source, for errors
  std::int32_t slot = -1;   ///< constant index, variable/local slot or field index
  std::int32_t name = -1;   ///< texts index: field or key name
  std::int32_t path = -1;   ///< texts index: attribute path reported when unknown
  std::uint32_t first = 0;  ///< first child in ProgramImpl::children
  std::uint32_t count = 0;  ///< number of children
};

struct ProgramImpl {
  std::string source;
  std::unique_ptr<expr::SourceMap> source_map;  // views `source`
  std::vector<Node> nodes;
  std::vector<std::uint32_t> children;
  std::vector<Value> constants;
  std::vector<std::string> texts;
  std::uint32_t root = 0;
  int local_count = 0;
  Type result_type;
  ExpressionLimits limits;
  /// Variables declared when the program was compiled: an activation must
  /// have a slot for each (a count, not the list, so that declaring more
  /// names after compiling does not copy the list).
  std::size_t declared = 0;
  std::shared_ptr<const int> lineage;
  std::shared_ptr<const std::vector<Environment::NamedList>> lists;

  const Node& child(const Node& node, std::uint32_t i) const {
    return nodes[children[node.first + i]];
  }
};

}  // namespace cadre
