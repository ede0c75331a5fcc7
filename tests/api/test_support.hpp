// Shared helpers for the expression-language tests: the record types the tests
// declare (`x` for the logic tables, `cadre` shaped like the rule sets' subject),
// a Harness that compiles and evaluates a string against bound facts, and a
// compact text form of a result so that checks compare plain strings
// ("true", "error", "unknown(x.a, x.b)", "decimal(\"3600.00\")").
#pragma once

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "cadre/expression.hpp"
#include "cadre/type.hpp"
#include "cadre/value.hpp"

#include <doctest/doctest.h>

namespace cadre::testing {

/// `assessment`: one annual assessment of a cadre.
inline std::shared_ptr<const RecordType> assessment_type() {
  static const auto type = std::make_shared<const RecordType>(
      "assessment", std::vector<FieldDecl>{{"year", Type::integer()}, {"grade", Type::string()}});
  return type;
}

/// `address`: where a cadre serves.
inline std::shared_ptr<const RecordType> address_type() {
  static const auto type = std::make_shared<const RecordType>(
      "address",
      std::vector<FieldDecl>{
          {"village", Type::string()}, {"town", Type::string()}, {"since", Type::date()}});
  return type;
}

/// `cadre`: the subject of most rules, with a field of each kind the rules use.
inline std::shared_ptr<const RecordType> cadre_type() {
  static const auto type = std::make_shared<const RecordType>(
      "cadre", std::vector<FieldDecl>{{"name", Type::string()},
                                      {"birth_date", Type::date()},
                                      {"pay", Type::decimal()},
                                      {"party_member", Type::boolean()},
                                      {"education", Type::string()},
                                      {"address", Type::record(address_type())},
                                      {"assessments", Type::list(Type::record(assessment_type()))},
                                      {"tags", Type::list(Type::string())},
                                      {"scores", Type::map(Type::string(), Type::integer())}});
  return type;
}

/// `flags`, the type of `x`: bools and numbers for the logic tables. The
/// Harness binds t = true, f = false, n = 7, zero = 0 (so `x.n / x.zero` fails
/// at run time), s = "abc", l = [1, 2, 3], m = {"k": 1}, and leaves a, b, c,
/// i, j, d, text, day and amount absent (unknown).
inline std::shared_ptr<const RecordType> flags_type() {
  static const auto type = std::make_shared<const RecordType>(
      "flags", std::vector<FieldDecl>{{"a", Type::boolean()},
                                      {"b", Type::boolean()},
                                      {"c", Type::boolean()},
                                      {"t", Type::boolean()},
                                      {"f", Type::boolean()},
                                      {"n", Type::integer()},
                                      {"zero", Type::integer()},
                                      {"i", Type::integer()},
                                      {"j", Type::integer()},
                                      {"d", Type::real()},
                                      {"s", Type::string()},
                                      {"text", Type::string()},
                                      {"l", Type::list(Type::integer())},
                                      {"m", Type::map(Type::string(), Type::integer())},
                                      {"day", Type::date()},
                                      {"amount", Type::decimal()}});
  return type;
}

/// A string-keyed map value, e.g. the facts of a record before binding.
inline Value map_of(std::initializer_list<std::pair<std::string, Value>> entries) {
  MapValue map;
  for (const auto& [key, value] : entries)
    map.set(Value(key), value);
  return Value(std::move(map));
}

inline Value list_of(std::initializer_list<Value> items) {
  return Value(ListValue(items));
}

inline Value decimal_value(std::string_view text) {
  return Value(Decimal::parse(text).value());
}

inline Value date_value(std::string_view text) {
  return Value(Date::parse(text).value());
}

/// "error" for any error value (the message is checked separately where it
/// matters), the debug rendering otherwise: "true", "unknown(x.a, x.b)", ...
inline std::string outcome(const Value& value) {
  return value.is_error() ? "error" : value.debug_string();
}

/// The diagnostics, one `line:col: error: message` per line.
inline std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    text += format_diagnostic(diagnostic) + " [" + diagnostic.code + "]\n";
  }
  return text;
}

/// The default facts of `x` described at flags_type().
inline Value default_flags() {
  return map_of({{"t", true},
                 {"f", false},
                 {"n", 7},
                 {"zero", 0},
                 {"s", "abc"},
                 {"l", list_of({1, 2, 3})},
                 {"m", map_of({{"k", 1}})}});
}

/// An environment declaring `x: flags`, `cadre: cadre`, `pay: decimal` and
/// `rate: double` (plus the predeclared `as_of: date`), with `x` bound to
/// default_flags(). Each evaluation builds a fresh Activation from the
/// bindings, so declarations may be added between evaluations.
class Harness {
 public:
  Harness() {
    env.declare("x", Type::record(flags_type()));
    env.declare("cadre", Type::record(cadre_type()));
    env.declare("pay", Type::decimal());
    env.declare("rate", Type::real());
    bind("x", default_flags());
  }

  /// Binds (or rebinds) a variable for later evaluations.
  void bind(const std::string& name, Value value) { bindings_[name] = std::move(value); }
  void unbind(const std::string& name) { bindings_.erase(name); }

  CompileResult compile(std::string_view source) const {
    return cadre::compile(source, env, options);
  }

  Activation activation() const {
    Activation facts(env);
    for (const auto& [name, value] : bindings_) {
      std::string problem = facts.bind(name, value);
      INFO("binding `", name, "`");
      CHECK(problem == "");
    }
    return facts;
  }

  /// The value of the expression; an error value starting "does not compile"
  /// when compile() fails.
  Value eval(std::string_view source) const {
    CompileResult compiled = compile(source);
    if (!compiled.ok()) return Value::error("does not compile: " + describe(compiled.diagnostics));
    return compiled.program->evaluate(activation());
  }

  /// outcome() of the value, or "does not compile: …" when compile() fails,
  /// so that a compile failure is never mistaken for an evaluation error.
  std::string run(std::string_view source) const {
    CompileResult compiled = compile(source);
    if (!compiled.ok()) return "does not compile: " + describe(compiled.diagnostics);
    return outcome(compiled.program->evaluate(activation()));
  }

  /// The message of the error the expression evaluates to, or a note saying
  /// what it gave instead.
  std::string error_message(std::string_view source) const {
    Value value = eval(source);
    return value.is_error() ? value.as_error().message : "not an error: " + value.debug_string();
  }

  Environment env;
  CompileOptions options;

 private:
  std::map<std::string, Value> bindings_;
};

}  // namespace cadre::testing
