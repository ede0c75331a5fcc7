// The parsed expression tree handed from the parser to the checker and compiler.
//
// Operators are calls with CEL's canonical function names ("_+_", "!_", "_[_]",
// "_?_:_", ...). Chains of `&&` and `||` are flattened into one call with two or
// more arguments. Macros are expanded by the parser: has(a.b) is a select with
// test_only, and all/exists/exists_one/filter/map are comprehension nodes.
//
// Offsets (Expr::offset, a byte offset into the expression text) point at:
// for an operator call, the operator token (`+` of `a + b`, `[` of `a[b]`,
// `?` of `c ? x : y`, the first `&&` of a flattened chain, `!` or `-` of a
// unary); for a global or member call, the function's name (`f` of `f(x)` and
// of `a.f(x)`); for a comprehension, the macro's name (`all` of `r.all(x, p)`);
// for a select, the '.' (has(a.b) keeps the '.' of a.b); for an ident, the
// name; for a literal, list or map, its first token (the `-` of a negative
// literal folded from `-5`).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace cadre::expr {

/// A literal as written. Doubles keep their source text so that a literal used
/// with a decimal can be converted exactly ("1.2" is exactly 1.2, not 1.19999…).
struct Literal {
  struct Null {
    friend bool operator==(Null, Null) = default;
  };
  std::variant<Null, bool, std::int64_t, double, std::string> value;
  std::string source_text;  ///< the literal's text as written, for doubles
};

enum class ExprKind : std::uint8_t {
  error,          ///< placeholder where the parser recovered from a syntax error
  literal,        ///< literal
  ident,          ///< name
  select,         ///< target.name (test_only: has(target.name))
  call,           ///< name(args) or target.name(args) when target is set
  list,           ///< [args...]
  map,            ///< {args[0]: args[1], args[2]: args[3], ...}
  comprehension,  ///< target.macro(name, args...)
};

enum class MacroKind : std::uint8_t {
  all,         ///< range.all(x, args[0])
  exists,      ///< range.exists(x, args[0])
  exists_one,  ///< range.exists_one(x, args[0])
  filter,      ///< range.filter(x, args[0])
  map,         ///< range.map(x, args[0])
  map_filter,  ///< range.map(x, args[0] /*predicate*/, args[1] /*transform*/)
};

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
  ExprKind kind = ExprKind::error;
  std::int32_t id = 0;      ///< unique within one parse, from 1
  std::int32_t offset = 0;  ///< byte offset of the node's token: the operator for
                            ///< calls (a call's name), the '.' for selects, the name
                            ///< for idents; see the file comment
  Literal literal;          ///< kind == literal
  std::string name;         ///< ident name, select field, call function, comprehension variable
  bool test_only = false;   ///< select produced by has()
  MacroKind macro = MacroKind::all;  ///< kind == comprehension
  ExprPtr target;                    ///< select operand, member-call receiver, comprehension range
  std::vector<ExprPtr> args;         ///< call arguments, list elements, map keys and values
                                     ///< interleaved, comprehension predicate/transform
};

/// Canonical operator function names, shared by parser, checker and compiler.
namespace op {
inline constexpr const char* kConditional = "_?_:_";
inline constexpr const char* kLogicalAnd = "_&&_";
inline constexpr const char* kLogicalOr = "_||_";
inline constexpr const char* kLogicalNot = "!_";
inline constexpr const char* kNegate = "-_";
inline constexpr const char* kIndex = "_[_]";
inline constexpr const char* kIn = "_in_";
inline constexpr const char* kEquals = "_==_";
inline constexpr const char* kNotEquals = "_!=_";
inline constexpr const char* kLess = "_<_";
inline constexpr const char* kLessEquals = "_<=_";
inline constexpr const char* kGreater = "_>_";
inline constexpr const char* kGreaterEquals = "_>=_";
inline constexpr const char* kAdd = "_+_";
inline constexpr const char* kSubtract = "_-_";
inline constexpr const char* kMultiply = "_*_";
inline constexpr const char* kDivide = "_/_";
inline constexpr const char* kModulo = "_%_";
}  // namespace op

}  // namespace cadre::expr
