// Amounts: pay (components, each rounded as the text states, summed
// exactly) and assessments (a formula or a decision table, rounded by a
// stated mode or by one read from a switch the text leaves unset, R-10).
#include "engine/amounts.hpp"

#include "core/decimal_parts.hpp"
#include "engine/outcome_builder.hpp"
#include "engine/tables.hpp"

namespace cadre::engine {

namespace {

Value rounded(const Value& amount, const model::Rounding& rounding) {
  if (amount.kind() != ValueKind::decimal || !rounding.given) return amount;
  const Decimal& value = amount.as_decimal();
  DecimalResult result = rounding.mode == "floor"     ? value.round_floor(rounding.places)
                         : rounding.mode == "ceiling" ? value.round_ceiling(rounding.places)
                                                      : value.round_half_up(rounding.places);
  return result.ok() ? Value(result.value) : Value::error("decimal overflow");
}

// One line of the pay breakdown: the formula, the parameters in force that it
// read, the rounding it states and the amount.
PayLine pay_line(const CompiledDecision& decision, std::size_t i, const Activation& facts,
                 const Value& amount) {
  const model::PayComponent& component = decision.model->components[i];
  PayLine line;
  line.id = component.id;
  line.formula = component.formula.text;
  line.cite = component.cite.provision;
  line.amount = amount;
  if (component.round.given) {
    line.places = component.round.places;
    line.rounding = component.round.mode;
  }
  line.parameters = read_facts(decision.component_facts[i], facts);
  line.facts = read_facts(decision.component_reads[i], facts);
  return line;
}

// A decimal as a reduced fraction: 4.5 → "9/2"; a whole number as itself.
std::string fraction_text(const Decimal& value) {
  Int128 num = internal::coefficient_of(value);
  Int128 den = 1;
  for (int i = 0; i < value.scale(); ++i)
    den *= 10;
  Int128 a = num < 0 ? -num : num, b = den;
  while (b != 0) {
    Int128 t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    num /= a;
    den /= a;
  }
  auto text = [](Int128 n) {
    bool negative = n < 0;
    if (negative) n = -n;
    std::string digits;
    do {
      digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(n % 10)));
      n /= 10;
    } while (n != 0);
    return negative ? "-" + digits : digits;
  };
  return den == 1 ? text(num) : text(num) + "/" + text(den);
}

// Rounding whose mode is read from an expression (a switch the text leaves
// unset, R-10): a value that needs no rounding is kept; otherwise an unknown
// mode leaves the result undetermined with the exact value beside it.
Value rounded_by(const CompiledDecision& decision, const Activation& facts, const Value& amount,
                 DecisionResult& result) {
  const model::Rounding& rounding = decision.model->round;
  Value value =
      amount.kind() == ValueKind::integer ? Value(Decimal::from_int(amount.as_int())) : amount;
  if (value.kind() != ValueKind::decimal) return amount;
  const Decimal& exact = value.as_decimal();
  // Nothing to round: the value at the stated places, `9`, not `9.00`.
  DecimalResult truncated = exact.round_truncate(rounding.places);
  if (truncated.ok() && truncated.value == exact) {
    return amount.kind() == ValueKind::integer ? amount : Value(truncated.value);
  }
  Value mode = decision.round_by.program->evaluate(facts);
  std::string name = mode.kind() == ValueKind::string        ? mode.as_string()
                     : mode.kind() == ValueKind::enumeration ? mode.as_enum().name()
                                                             : "";
  if (name.empty()) {
    result.exact = fraction_text(exact);
    if (mode.is_exceptional()) return mode;
    return Value::error("`by` of `round` gave no rounding mode");
  }
  DecimalResult out = name == "floor"                       ? exact.round_floor(rounding.places)
                      : name == "ceil" || name == "ceiling" ? exact.round_ceiling(rounding.places)
                      : name == "half_up"                   ? exact.round_half_up(rounding.places)
                                                            : DecimalResult{};
  if (name != "floor" && name != "ceil" && name != "ceiling" && name != "half_up") {
    return Value::error("unknown rounding mode `" + name + "`");
  }
  return out.ok() ? Value(out.value) : Value::error("decimal overflow");
}

}  // namespace

void assessment(const CompiledDecision& decision, const Activation& facts, Decided& out) {
  Value value;
  std::vector<const CompiledTableRule*> fired;
  if (decision.table) {
    value = evaluate_table(*decision.table, facts, &fired);
  } else if (decision.formula.program) {
    value = decision.formula.program->evaluate(facts);
  } else {
    return;
  }
  value = decision.round_by.program ? rounded_by(decision, facts, value, out.result)
                                    : rounded(value, decision.model->round);
  if (value.is_exceptional()) {
    add_unknowns(value, out.result);
    if (value.is_error()) out.result.undetermined.push_back("error:" + value.as_error().message);
    return;
  }
  for (const CompiledTableRule* rule : fired)
    add_flags(rule->flags, facts, out.result);
  out.result.outcome = Outcome::computed;
  out.value = value;
}

void pay(const CompiledDecision& decision, const Activation& facts, const Explain& explain,
         Decided& out) {
  if (decision.table) {
    assessment(decision, facts, out);
    return;
  }
  Decimal total;
  bool known = true;
  for (std::size_t i = 0; i < decision.components.size(); ++i) {
    const auto& program = decision.components[i].program;
    Value amount = program ? program->evaluate(facts) : Value::unknown("pay.component");
    if (amount.kind() == ValueKind::integer) amount = Decimal::from_int(amount.as_int());
    amount = rounded(amount, decision.model->components[i].round);
    if (explain.on) out.result.components.push_back(pay_line(decision, i, facts, amount));
    if (amount.kind() != ValueKind::decimal) {
      known = false;
      if (amount.is_error()) {
        out.result.undetermined.push_back("error:" + amount.as_error().message);
      } else {
        add_reasons(amount, out.result, "component `" + decision.model->components[i].id + "`",
                    "an amount");
      }
      continue;
    }
    total = Decimal::add(total, amount.as_decimal()).value;
  }
  if (!known) return;
  out.result.outcome = Outcome::computed;
  out.value = total;
}

}  // namespace cadre::engine
