// Compiling and evaluating one expression.
//
//   cadre::Environment env;                      // declares `as_of: date`
//   env.declare("pay", cadre::Type::decimal());
//   auto compiled = cadre::compile("round(pay * 1.2, 2)", env);
//   if (!compiled.ok()) { /* print compiled.diagnostics */ }
//   cadre::Activation facts(env);
//   facts.bind("pay", *cadre::Decimal::parse("3000.00"));
//   cadre::Value result = compiled.program->evaluate(facts);   // decimal 3600.00
//
// Compilation parses, type-checks against the declared variables, resolves
// every variable and record field to a slot and folds constants. The Program is
// immutable and may be evaluated from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/export.hpp"
#include "cadre/type.hpp"
#include "cadre/value.hpp"

namespace cadre {

namespace internal {
struct Access;
}

/// Bounds that keep a hostile or mistaken expression from exhausting the stack,
/// memory or time: exceeding one is a diagnostic or an evaluation error.
struct ExpressionLimits {
  /// Longest expression text, in bytes.
  int max_length = 100'000;
  /// Deepest nesting of the expression tree; at most kMaxDepthCap, which
  /// keeps every stage's recursion far from the stack's end.
  int max_depth = 128;
  static constexpr int kMaxDepthCap = 256;
  /// Most comprehension (macro) iterations in one evaluation, nested ones included.
  std::int64_t max_iterations = 1'000'000;
};

/// How strictly compile() checks types.
enum class TypeCheck : std::uint8_t {
  /// Reject unknown names, fields and wrong operand types at compile time.
  enabled,
  /// Parse only: unknown names and type mismatches become evaluation errors
  /// (CEL's "disable_check"; used by conformance cases that rely on it).
  disabled,
};

struct CompileOptions {
  ExpressionLimits limits = {};
  TypeCheck type_check = TypeCheck::enabled;
};

/// The declared variables an expression may use. `as_of` (date) is declared
/// from the start: it is the evaluation date of every rule.
class CADRE_API Environment {
 public:
  struct Variable {
    std::string name;
    Type type;
  };

  Environment();

  /// Declares a variable; declaring a name twice replaces its type.
  void declare(std::string_view name, Type type);
  /// The declared variable, or null.
  const Variable* find(std::string_view name) const;
  /// Every declared variable, `as_of` first, in the order of declaration.
  const std::vector<Variable>& variables() const;

  /// A list the policy text names (九不选, the 10 warning situations), with the
  /// items it enumerates. `listed(x, 'name')` is true for a named item, false
  /// for anything else when the list is complete, and unknown
  /// (`unenumerated_list:name`) when it is not.
  struct NamedList {
    std::string name;
    std::vector<std::string> items;
    bool complete = true;
  };

  /// Declares a named list; declaring a name twice replaces it.
  void declare_list(std::string_view name, std::vector<std::string> items, bool complete);
  const std::vector<NamedList>& lists() const { return *lists_; }

 private:
  friend struct internal::Access;  // compiled programs resolve names to slots
  int slot_of(std::string_view name) const;
  int list_index(std::string_view name) const;
  // Copied by declare() while shared: programs keep the declarations they
  // were compiled against.
  std::shared_ptr<const std::vector<Variable>> variables_;
  // Identifies the environment across declare() calls (copies share it).
  // Declaring only adds slots or refines a type, so a program compiled earlier
  // still evaluates against an activation made later from the same lineage.
  std::shared_ptr<const int> lineage_;
  std::shared_ptr<const std::vector<NamedList>> lists_;
};

/// The facts an evaluation reads: one slot per declared variable. A variable
/// left unbound is *unknown*. Binding a map to a record-typed variable converts
/// it to a record (nested maps too).
class CADRE_API Activation {
 public:
  explicit Activation(const Environment& environment);

  /// Binds a declared variable. Returns an error message (empty on success)
  /// when the name is not declared or the value does not fit the declared type.
  std::string bind(std::string_view name, Value value);
  void unbind(std::string_view name);
  /// The value bound to a declared variable (a map bound to a record-typed
  /// variable reads back as the record), or null when it is not bound.
  const Value* bound(std::string_view name) const;

 private:
  friend struct internal::Access;  // the engine binds facts by slot, without name lookups
  std::shared_ptr<const std::vector<Environment::Variable>> declarations_;
  std::shared_ptr<const int> lineage_;
  std::vector<Value> values_;
  std::vector<bool> bound_;
};

struct ProgramImpl;

/// A compiled expression: immutable, cheap to copy, safe to share between threads.
class CADRE_API Program {
 public:
  /// Evaluates against the facts. The result is a value, an error value (with
  /// the offset of the failing operation) or an unknown value naming the
  /// missing facts; evaluation itself never throws for what the expression does.
  Value evaluate(const Activation& facts) const;
  /// The value when the whole expression folded to a constant at compile time
  /// (`1 > 2`, `'a' in []`), else nullopt. Checks use it to find conditions
  /// that can never hold.
  std::optional<Value> constant_value() const;
  /// The statically checked result type (dyn when unchecked).
  const Type& result_type() const;
  const std::string& source() const;
  /// Line and column in the expression of a byte offset (e.g. an error's).
  SourceLocation locate(int offset) const;

 private:
  friend struct internal::Access;  // the engine's own analyses read the compiled nodes (hints)
  Program() = default;
  std::shared_ptr<const ProgramImpl> impl_;
};

struct CompileResult {
  std::optional<Program> program;  ///< set when diagnostics has no errors
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return program.has_value(); }
};

/// Parses, checks and compiles one expression. Never throws for a mistake in
/// the expression: mistakes are diagnostics with line:col inside it.
CADRE_API CompileResult compile(std::string_view source, const Environment& environment,
                                const CompileOptions& options = {});

}  // namespace cadre
