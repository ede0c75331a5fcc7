// The type checker. One visit per node kind; calls are resolved against the
// overload table, first exactly and then allowing a double literal to be read
// as a decimal where a decimal is expected.
#include "expr/checker.hpp"
#include "diagnostics/codes.hpp"

#include <algorithm>
#include <string>

#include "core/access.hpp"
#include "expr/functions.hpp"
#include "expr/qualified_name.hpp"
#include "expr/type_unifier.hpp"

namespace cadre::expr {

namespace {

bool is_double_literal(const Expr& e) {
  return e.kind == ExprKind::literal && std::holds_alternative<double>(e.literal.value);
}

// Operators have canonical names like "_+_" and "!_".
bool is_operator_name(std::string_view name) {
  return !name.empty() && (name.front() == '_' || name.back() == '_');
}

// "+" for "_+_", "!" for "!_", "[]" for "_[_]"; function names unchanged.
std::string display_name(std::string_view name) {
  if (name == op::kIndex) return "[]";
  if (name == op::kConditional) return "?:";
  if (name == op::kIn) return "in";
  std::string out;
  for (char c : name) {
    if (c != '_') out += c;
  }
  return is_operator_name(name) ? out : std::string(name);
}

std::string describe_types(const std::vector<Type>& types) {
  std::string out = "(";
  for (std::size_t i = 0; i < types.size(); ++i)
    out += (i ? ", " : "") + types[i].to_string();
  return out + ")";
}

// Edit distance counting a swap of adjacent characters as one edit
// (optimal string alignment), so `pya` is one edit from `pay`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// "did you mean `x`?" for the closest candidate within a third of the length.
std::string suggest(std::string_view name, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  std::size_t best_distance = name.size() / 3 + 1;
  for (std::string_view candidate : candidates) {
    std::size_t distance = edit_distance(name, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best.empty() ? std::string() : "did you mean `" + std::string(best) + "`?";
}

// The type both branches of `?:` (or elements of a literal) can be seen as:
// lists and maps join element by element, so `list<dyn>` sits beside
// `list<string>` as CEL allows.
std::optional<Type> join(const Type& a, const Type& b) {
  if (a == b) return a;
  if (a.is_dyn() || b.is_dyn()) return Type::dyn();
  bool a_money = a.kind() == TypeKind::decimal || a.kind() == TypeKind::integer;
  bool b_money = b.kind() == TypeKind::decimal || b.kind() == TypeKind::integer;
  if (a_money && b_money) return Type::decimal();
  if (a.kind() != b.kind()) return std::nullopt;
  if (a.kind() == TypeKind::list) {
    auto element = join(a.element(), b.element());
    return element ? std::optional(Type::list(*element)) : std::nullopt;
  }
  if (a.kind() == TypeKind::map) {
    auto key = join(a.key(), b.key());
    auto value = join(a.value(), b.value());
    return key && value ? std::optional(Type::map(*key, *value)) : std::nullopt;
  }
  return std::nullopt;
}

// `[]` or `{}`: a literal with no elements, which takes the list or map type
// its place expects (CEL types it with a fresh element type).
bool is_empty_literal(const Expr& e) {
  return (e.kind == ExprKind::list || e.kind == ExprKind::map) && e.args.empty();
}

bool same_container(const Expr& empty, const Type& other) {
  return (empty.kind == ExprKind::list && other.kind() == TypeKind::list) ||
         (empty.kind == ExprKind::map && other.kind() == TypeKind::map);
}

class Checker {
 public:
  Checker(const Environment& environment, const SourceMap& source, CheckResult& out)
      : environment_(environment), source_(source), out_(out) {}

  Type visit(const Expr& e) {
    Type type = visit_kind(e);
    out_.types[e.id] = type;
    return type;
  }

 private:
  Type visit_kind(const Expr& e) {
    switch (e.kind) {
      case ExprKind::literal:
        return literal_type(e.literal);
      case ExprKind::ident:
        return ident(e);
      case ExprKind::select:
        return select(e);
      case ExprKind::call:
        return call(e);
      case ExprKind::list:
        return list(e);
      case ExprKind::map:
        return map(e);
      case ExprKind::comprehension:
        return comprehension(e);
      case ExprKind::error:
        return Type::dyn();
    }
    return Type::dyn();
  }

  static Type literal_type(const Literal& literal) {
    switch (literal.value.index()) {
      case 0:
        return Type::null();
      case 1:
        return Type::boolean();
      case 2:
        return Type::integer();
      case 3:
        return Type::real();
      default:
        return Type::string();
    }
  }

  void report(const Expr& at, std::string code, std::string message, std::string help = {}) {
    out_.diagnostics.push_back(Diagnostic{Severity::error, std::move(code),
                                          source_.locate(at.offset), std::move(message),
                                          std::move(help)});
  }

  bool in_scope(std::string_view name) const {
    return std::any_of(scopes_.begin(), scopes_.end(),
                       [&](const auto& scope) { return scope.first == name; });
  }

  // `hy.warning_periods` where `hy` names nothing: report the whole dotted
  // name, with the closest declared name, instead of its first segment.
  bool undeclared_qualified(const Expr& e) {
    const Expr* root = nullptr;
    auto name = qualified_name(e, &root);
    if (!name || root == &e || in_scope(root->name) || environment_.find(root->name)) return false;
    std::vector<std::string_view> names;
    bool shares_root = false;
    for (const auto& variable : environment_.variables()) {
      names.push_back(variable.name);
      shares_root |= variable.name.starts_with(root->name + ".");
    }
    std::string help = suggest(*name, names);
    if (!shares_root && help.empty()) return false;  // reported as its first segment
    report(*root, code::expr_undeclared, "undeclared reference to `" + *name + "`", help);
    return true;
  }

  Type ident(const Expr& e) {
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      if (it->first == e.name) return it->second;
    }
    if (const auto* variable = environment_.find(e.name)) return variable->type;
    std::vector<std::string_view> names;
    for (const auto& variable : environment_.variables())
      names.push_back(variable.name);
    for (const auto& scope : scopes_)
      names.push_back(scope.first);
    report(e, code::expr_undeclared, "undeclared reference to `" + e.name + "`",
           suggest(e.name, names));
    return Type::dyn();
  }

  // A dotted name declared as one variable (`hy.warning_period`).
  const Environment::Variable* qualified_variable(const Expr& e) const {
    const Expr* root = nullptr;
    auto name = qualified_name(e, &root);
    if (!name || e.kind != ExprKind::select) return nullptr;
    for (const auto& scope : scopes_) {
      if (scope.first == root->name) return nullptr;
    }
    return environment_.find(*name);
  }

  Type select(const Expr& e) {
    if (const auto* variable = qualified_variable(e)) return variable->type;
    if (!e.test_only && undeclared_qualified(e)) return Type::dyn();
    Type operand = visit(*e.target);
    Type field = field_type(e, operand);
    return e.test_only ? Type::boolean() : field;
  }

  Type field_type(const Expr& e, const Type& operand) {
    switch (operand.kind()) {
      case TypeKind::dyn:
        return Type::dyn();
      case TypeKind::map:
        if (operand.key().kind() == TypeKind::string || operand.key().is_dyn() ||
            operand.key().kind() == TypeKind::enumeration)
          return operand.value();
        break;
      case TypeKind::record: {
        const RecordType& record = *operand.record_type();
        int index = record.find_field(e.name);
        if (index >= 0) return record.fields()[index].type;
        std::vector<std::string_view> names;
        for (const auto& field : record.fields())
          names.push_back(field.name);
        report(e, code::expr_no_such_field, "`" + record.name() + "` has no field `" + e.name + "`",
               suggest(e.name, names));
        return Type::dyn();
      }
      default:
        break;
    }
    report(
        e, code::expr_no_such_field,
        "cannot select field `" + e.name + "` from a value of type `" + operand.to_string() + "`");
    return Type::dyn();
  }

  Type list(const Expr& e) {
    std::vector<const Expr*> items;
    std::vector<Type> types;
    for (const auto& item : e.args) {
      items.push_back(item.get());
      types.push_back(visit(*item));
    }
    return Type::list(joined_elements(items, types));
  }

  Type map(const Expr& e) {
    std::vector<const Expr*> keys, values;
    std::vector<Type> key_types, value_types;
    for (std::size_t i = 0; i + 1 < e.args.size(); i += 2) {
      keys.push_back(e.args[i].get());
      key_types.push_back(visit(*e.args[i]));
      values.push_back(e.args[i + 1].get());
      value_types.push_back(visit(*e.args[i + 1]));
    }
    return Type::map(joined_elements(keys, key_types), joined_elements(values, value_types));
  }

  // The element type of a literal: the join of its elements' types, an
  // empty `[]` or `{}` among them taking the type of the others.
  Type joined_elements(const std::vector<const Expr*>& items, std::vector<Type>& types) {
    adopt_for_empty_literals(items, types);
    std::optional<Type> element;
    for (const Type& type : types)
      element = element ? join(*element, type).value_or(Type::dyn()) : type;
    return element.value_or(Type::dyn());
  }

  // Gives each empty literal among `exprs` the type of the first typed
  // container of its kind beside it (`c ? names : []`, `names + []`).
  void adopt_for_empty_literals(const std::vector<const Expr*>& exprs, std::vector<Type>& types) {
    for (std::size_t i = 0; i < exprs.size(); ++i) {
      if (!is_empty_literal(*exprs[i])) continue;
      for (std::size_t j = 0; j < exprs.size(); ++j) {
        if (j == i || is_empty_literal(*exprs[j]) || !same_container(*exprs[i], types[j])) continue;
        types[i] = types[j];
        out_.types[exprs[i]->id] = types[j];
        break;
      }
    }
  }

  Type comprehension(const Expr& e) {
    Type range = visit(*e.target);
    Type variable = Type::dyn();
    if (range.kind() == TypeKind::list) {
      variable = range.element();
    } else if (range.kind() == TypeKind::map) {
      variable = range.key();
    } else if (!range.is_dyn()) {
      report(e, code::expr_no_overload,
             "cannot iterate over a value of type `" + range.to_string() +
                 "`: expected a list or map");
    }
    scopes_.emplace_back(e.name, variable);
    std::vector<Type> arg_types;
    for (const auto& arg : e.args)
      arg_types.push_back(visit(*arg));
    scopes_.pop_back();
    bool has_predicate = e.macro != MacroKind::map;
    if (has_predicate)
      expect_bool(*e.args[0], arg_types[0], "predicate of `" + macro_name(e) + "`");
    switch (e.macro) {
      case MacroKind::filter:
        return Type::list(variable);
      case MacroKind::map:
        return Type::list(arg_types[0]);
      case MacroKind::map_filter:
        return Type::list(arg_types[1]);
      default:
        return Type::boolean();
    }
  }

  static std::string macro_name(const Expr& e) {
    switch (e.macro) {
      case MacroKind::all:
        return "all";
      case MacroKind::exists:
        return "exists";
      case MacroKind::exists_one:
        return "exists_one";
      case MacroKind::filter:
        return "filter";
      default:
        return "map";
    }
  }

  void expect_bool(const Expr& at, const Type& type, const std::string& what) {
    if (type.kind() == TypeKind::boolean || type.is_dyn()) return;
    report(at, code::expr_no_overload, what + " must be bool, found `" + type.to_string() + "`");
  }

  Type call(const Expr& e) {
    std::vector<const Expr*> args;
    if (e.target) args.push_back(e.target.get());
    for (const auto& arg : e.args)
      args.push_back(arg.get());
    std::size_t reported = out_.diagnostics.size();
    std::vector<Type> types;
    for (const Expr* arg : args)
      types.push_back(visit(*arg));
    // An operand already reported has no reliable type: checking the call
    // against it would only add a follow-on error.
    if (out_.diagnostics.size() > reported) return Type::dyn();
    if (e.name == op::kLogicalAnd || e.name == op::kLogicalOr) {
      for (std::size_t i = 0; i < args.size(); ++i) {
        expect_bool(*args[i], types[i], "operand of `" + display_name(e.name) + "`");
      }
      return Type::boolean();
    }
    if (e.name == op::kConditional) return conditional(e, args, types);
    auto function = find_function(e.name);
    if (!function) {
      report(e, code::expr_undeclared, "unknown function `" + e.name + "`");
      return Type::dyn();
    }
    if (*function == FunctionId::at) return entry_at(e, args, types);
    adopt_for_empty_literals(args, types);
    if (*function == FunctionId::index && types.size() == 2 && types[0].kind() == TypeKind::map &&
        types[0].key().kind() == TypeKind::enumeration &&
        types[1].kind() != TypeKind::enumeration) {
      return keyed_lookup(e, *args[1], types[0], types[1]);
    }
    if (auto result = enum_call(e, *function, args, types)) return *result;
    CallStyle style = e.target ? CallStyle::receiver : CallStyle::global;
    Type result = resolve(e, *function, style, args, types);
    if (*function == FunctionId::listed && args.size() == 2) check_list_name(*args[1]);
    if (*function == FunctionId::unenumerated && args.size() == 1) {
      check_list_name(*args[0], "unenumerated");
      check_still_unenumerated(*args[0]);
    }
    return result;
  }

  // history.at(2018, 'annual'): one key per key field of the entries, each of
  // the field's type (a string literal naming an enumeration's value).
  Type entry_at(const Expr& e, const std::vector<const Expr*>& args,
                const std::vector<Type>& types) {
    if (!e.target || types.empty()) {
      report(e, code::expr_no_overload,
             "`at` is a method of a history list: call it as `list.at(…)`");
      return Type::dyn();
    }
    const Type& list = types[0];
    if (list.is_dyn()) return Type::dyn();
    const RecordType* entry =
        list.kind() == TypeKind::list ? list.element().record_type() : nullptr;
    if (entry == nullptr || entry->keys().empty()) {
      report(e, code::expr_no_overload,
             "`at` needs a history list whose entries have keys (`unique_by` in the schema), "
             "found `" +
                 list.to_string() + "`");
      return Type::dyn();
    }
    if (args.size() - 1 != entry->keys().size()) {
      std::string names;
      for (int key : entry->keys())
        names += (names.empty() ? "" : ", ") + entry->fields()[static_cast<std::size_t>(key)].name;
      report(e, code::expr_arity,
             "`at` on `" + entry->name() + "` takes " + std::to_string(entry->keys().size()) +
                 " key" + (entry->keys().size() == 1 ? "" : "s") + ": " + names);
      return list.element();
    }
    for (std::size_t i = 1; i < args.size(); ++i) {
      const FieldDecl& field = entry->fields()[static_cast<std::size_t>(entry->keys()[i - 1])];
      const Type& given = types[i];
      if (given.is_dyn() || field.type.is_dyn() || given == field.type) continue;
      const auto* literal = args[i]->kind == ExprKind::literal
                                ? std::get_if<std::string>(&args[i]->literal.value)
                                : nullptr;
      if (const EnumType* enumeration = field.type.enum_type()) {
        if (literal != nullptr && enumeration->find(*literal) >= 0) continue;
        if (literal != nullptr) {
          report(*args[i], code::expr_enum_value,
                 "`" + *literal + "` is not a value of `" + enumeration->name() + "`");
          continue;
        }
        if (given.kind() == TypeKind::string) continue;
      }
      report(*args[i], code::expr_no_overload,
             "key `" + field.name + "` of `at` is `" + field.type.to_string() + "`, found `" +
                 given.to_string() + "`");
    }
    return list.element();
  }

  // listed(x, 'name') needs the name of a declared list, written as a literal.
  void check_list_name(const Expr& name, std::string_view function = "listed") {
    const auto* text =
        name.kind == ExprKind::literal ? std::get_if<std::string>(&name.literal.value) : nullptr;
    if (text == nullptr) {
      report(name, code::expr_unknown_list,
             "the list of `" + std::string(function) + "` must be named by a string literal");
    } else if (internal::Access::list_index(environment_, *text) < 0) {
      std::vector<std::string_view> names;
      for (const auto& list : environment_.lists())
        names.push_back(list.name);
      report(name, code::expr_unknown_list, "no list is declared as `" + *text + "`",
             suggest(*text, names));
    }
  }

  // unenumerated('name') stands for what the list's unnamed items decide; a
  // rule set (a variant) that names them all must decide from them instead,
  // so the call is refused rather than answered.
  void check_still_unenumerated(const Expr& name) {
    const auto* text =
        name.kind == ExprKind::literal ? std::get_if<std::string>(&name.literal.value) : nullptr;
    const int index = text == nullptr ? -1 : internal::Access::list_index(environment_, *text);
    if (index < 0 || !environment_.lists()[static_cast<std::size_t>(index)].complete) return;
    report(name, code::expr_enumerated_list,
           "`" + *text + "` is enumerated here: `unenumerated` cannot stand for its items",
           "decide from the items, e.g. with `listed(x, '" + *text +
               "')`; a variant that enumerates the list replaces the rules that read it");
  }

  // Calls involving an enumeration: comparisons with its names (checked
  // against the declaration), membership, table lookup, level() and string().
  // nullopt when no argument is an enumeration.
  std::optional<Type> enum_call(const Expr& e, FunctionId function,
                                const std::vector<const Expr*>& args,
                                const std::vector<Type>& types) {
    int position = -1;
    for (std::size_t i = 0; i < types.size() && position < 0; ++i) {
      if (types[i].kind() == TypeKind::enumeration) position = static_cast<int>(i);
    }
    if (position < 0 && function == FunctionId::level) {
      if (types.size() == 1 && types[0].is_dyn()) return Type::integer();
      report(e, code::expr_no_overload,
             "`level` takes one value of an enumeration, got " + describe_types(types));
      return Type::dyn();
    }
    if (position < 0) return std::nullopt;
    const auto enumeration = types[position].enum_type_shared();
    switch (function) {
      case FunctionId::equals:
      case FunctionId::not_equals:
      case FunctionId::less:
      case FunctionId::less_equals:
      case FunctionId::greater:
      case FunctionId::greater_equals:
        return enum_comparison(e, function, args, types, enumeration);
      case FunctionId::in:
        if (position == 0 && types.size() == 2) {
          enum_names(*args[1], enumeration);
          return Type::boolean();
        }
        break;
      case FunctionId::index:
        if (position == 1 && types[0].kind() == TypeKind::map) {
          return keyed_lookup(e, *args[1], types[0], types[1]);
        }
        break;
      case FunctionId::level:
        if (types.size() == 1) return Type::integer();
        break;
      case FunctionId::to_string:
        if (types.size() == 1) return Type::string();
        break;
      default:
        break;
    }
    report_no_overload(e, function, e.target ? CallStyle::receiver : CallStyle::global, types);
    return Type::dyn();
  }

  // table[k] on a table keyed by an enumeration: `k` is a value of that
  // enumeration (or a string literal naming one), never of another: a grade
  // of one scale does not look up a table of another.
  Type keyed_lookup(const Expr& e, const Expr& index, const Type& table, const Type& key) {
    const EnumType* keys = table.key().enum_type();
    if (keys == nullptr || key.is_dyn()) return table.value();
    if (key.kind() == TypeKind::string) {
      enum_names(index, table.key().enum_type_shared());
      return table.value();
    }
    if (key.enum_type() != keys) {
      report(
          e, code::expr_no_overload,
          "a table keyed by `" + keys->name() + "` cannot be read with a value of `" +
              key.to_string() + "`",
          "read it with a `" + keys->name() + "`, or key the table by `" + key.to_string() + "`");
    }
    return table.value();
  }

  std::optional<Type> enum_comparison(const Expr& e, FunctionId function,
                                      const std::vector<const Expr*>& args,
                                      const std::vector<Type>& types,
                                      const std::shared_ptr<const EnumType>& enumeration) {
    bool ordering = function != FunctionId::equals && function != FunctionId::not_equals;
    if (ordering && !enumeration->is_ordered()) {
      report(e, code::expr_no_overload,
             "`" + enumeration->name() + "` is not ordered: only `==` and `!=` apply");
      return Type::boolean();
    }
    for (std::size_t i = 0; i < 2; ++i) {
      const Type& type = types[i];
      if (type.kind() == TypeKind::string) {
        enum_names(*args[i], enumeration);
      } else if (!type.is_dyn() && type.enum_type() != enumeration.get()) {
        report_no_overload(e, function, CallStyle::global, types);
      }
    }
    return Type::boolean();
  }

  // Checks string literals (alone or in a list literal) against the
  // enumeration's names and marks them for conversion.
  void enum_names(const Expr& operand, const std::shared_ptr<const EnumType>& enumeration) {
    if (operand.kind == ExprKind::list) {
      for (const auto& item : operand.args)
        enum_names(*item, enumeration);
      return;
    }
    const auto* name = operand.kind == ExprKind::literal
                           ? std::get_if<std::string>(&operand.literal.value)
                           : nullptr;
    if (name == nullptr) return;
    if (enumeration->find(*name) < 0) {
      std::string names;
      for (const auto& value : enumeration->values())
        names += (names.empty() ? "" : ", ") + value;
      report(operand, code::expr_enum_value,
             "`" + *name + "` is not a value of `" + enumeration->name() + "`",
             "expected one of: " + names);
      return;
    }
    out_.enum_literals[operand.id] = enumeration;
    out_.types[operand.id] = Type::enumeration(enumeration);
  }

  Type conditional(const Expr& e, const std::vector<const Expr*>& args, std::vector<Type> types) {
    expect_bool(*args[0], types[0], "condition of `?:`");
    std::vector<Type> branches = {types[1], types[2]};
    adopt_for_empty_literals({args[1], args[2]}, branches);
    types[1] = branches[0];
    types[2] = branches[1];
    auto joined = join(types[1], types[2]);
    if (!joined && coerce_pair(*args[1], types[1], *args[2], types[2])) joined = Type::decimal();
    if (joined) return *joined;
    report(e, code::expr_no_overload,
           "branches of `?:` have different types (`" + types[1].to_string() + "`, `" +
               types[2].to_string() + "`)");
    return Type::dyn();
  }

  // A double literal beside a decimal is read as a decimal.
  bool coerce_pair(const Expr& a, const Type& ta, const Expr& b, const Type& tb) {
    if (ta.kind() == TypeKind::decimal && is_double_literal(b)) {
      read_as_decimal(b);
      return true;
    }
    if (tb.kind() == TypeKind::decimal && is_double_literal(a)) {
      read_as_decimal(a);
      return true;
    }
    return false;
  }

  void read_as_decimal(const Expr& literal) {
    out_.decimal_literals.insert(literal.id);
    out_.types[literal.id] = Type::decimal();
  }

  // A double literal is read as a decimal only beside a decimal operand or as
  // the value of a decimal-only function (round(1.005, 2), decimal(1.2)).
  static bool wants_decimal(FunctionId function, const std::vector<Type>& types) {
    switch (function) {
      case FunctionId::round:
      case FunctionId::floor:
      case FunctionId::ceil:
      case FunctionId::to_decimal:
        return true;
      default:
        return std::any_of(types.begin(), types.end(),
                           [](const Type& type) { return type.kind() == TypeKind::decimal; });
    }
  }

  // Argument types with double literals replaced by decimal where requested.
  static std::vector<Type> with_decimal_literals(const std::vector<const Expr*>& args,
                                                 std::vector<Type> types) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (is_double_literal(*args[i])) types[i] = Type::decimal();
    }
    return types;
  }

  Type resolve(const Expr& e, FunctionId function, CallStyle style,
               const std::vector<const Expr*>& args, const std::vector<Type>& types) {
    if (auto result = match(function, style, types)) return *result;
    std::vector<Type> coerced = with_decimal_literals(args, types);
    if (coerced != types && wants_decimal(function, types)) {
      if (auto result = match(function, style, coerced)) {
        for (std::size_t i = 0; i < args.size(); ++i) {
          if (coerced[i] != types[i]) read_as_decimal(*args[i]);
        }
        return *result;
      }
    }
    report_no_overload(e, function, style, types);
    return Type::dyn();
  }

  static std::optional<Type> match(FunctionId function, CallStyle style,
                                   const std::vector<Type>& types) {
    std::optional<Type> result;
    for (const Overload& overload : overloads_of(function)) {
      if (overload.style != style || overload.parameters.size() != types.size()) continue;
      TypeUnifier unifier;
      bool fits = true;
      for (std::size_t i = 0; i < types.size() && fits; ++i) {
        fits = unifier.unify(overload.parameters[i], types[i]);
      }
      if (!fits) continue;
      Type type = unifier.substitute(overload.result);
      result = result && *result != type ? Type::dyn() : type;
    }
    return result;
  }

  void report_no_overload(const Expr& e, FunctionId function, CallStyle style,
                          const std::vector<Type>& types) {
    bool is_operator = is_operator_name(e.name);
    std::string name = display_name(e.name);
    std::size_t arity = style == CallStyle::receiver ? types.size() - 1 : types.size();
    bool any_arity = false;
    bool any_style = false;
    for (const Overload& overload : overloads_of(function)) {
      any_style |= overload.style == style;
      std::size_t expected = overload.parameters.size() - (overload.style == CallStyle::receiver);
      any_arity |= overload.style == style && expected == arity;
    }
    if (!any_style) {
      report(e, code::expr_no_overload,
             style == CallStyle::receiver
                 ? "`" + name + "` is not a method: call it as `" + name + "(…)`"
                 : "`" + name + "` is a method: call it as `x." + name + "(…)`");
    } else if (!any_arity) {
      report(e, code::expr_arity,
             "`" + name + "` does not take " + std::to_string(arity) +
                 (arity == 1 ? " argument" : " arguments"));
    } else if (is_operator) {
      report(e, code::expr_no_overload,
             "operator `" + name + "` cannot be applied to " + describe_types(types));
    } else {
      report(e, code::expr_no_overload,
             "no overload of `" + name + "` takes " + describe_types(types));
    }
  }

  const Environment& environment_;
  const SourceMap& source_;
  CheckResult& out_;
  std::vector<std::pair<std::string, Type>> scopes_;
};

}  // namespace

CheckResult check(const Expr& root, const Environment& environment, const SourceMap& source) {
  CheckResult out;
  Checker checker(environment, source, out);
  out.result = checker.visit(root);
  return out;
}

}  // namespace cadre::expr
