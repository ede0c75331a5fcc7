// Decision-table evaluation.
#include "engine/tables.hpp"

#include <array>

#include "compile/decimal_literal.hpp"
#include "engine/conditions.hpp"

namespace cadre::engine {

namespace {

enum class Match : std::uint8_t { no, yes, maybe };

std::optional<Decimal> as_decimal(const Value& value) {
  if (value.kind() == ValueKind::decimal) return value.as_decimal();
  if (value.kind() == ValueKind::integer) return Decimal::from_int(value.as_int());
  if (value.kind() == ValueKind::real) return decimal_from_literal(plain_text(value));
  return std::nullopt;
}

Match cell_matches(const CellTest& cell, const Value& input) {
  if (cell.kind == CellTest::Kind::any) return Match::yes;
  if (input.is_exceptional()) return Match::maybe;
  if (cell.kind == CellTest::Kind::values) {
    std::string text = plain_text(input);
    for (const auto& value : cell.values) {
      if (value == text) return Match::yes;
    }
    return Match::no;
  }
  auto number = as_decimal(input);
  return number && cell.contains(*number) ? Match::yes : Match::no;
}

Match rule_matches(const CompiledTableRule& rule, const std::vector<Value>& inputs) {
  Match result = Match::yes;
  for (std::size_t i = 0; i < rule.cells.size() && i < inputs.size(); ++i) {
    Match cell = cell_matches(rule.cells[i], inputs[i]);
    if (cell == Match::no) return Match::no;
    if (cell == Match::maybe) result = Match::maybe;
  }
  return result;
}

Value output_of(const CompiledTableRule& rule, const Activation& facts) {
  return rule.output.program ? rule.output.program->evaluate(facts)
                             : Value::error("the rule's value did not compile");
}

// The union of the unknown inputs' missing facts.
Value unknown_inputs(const std::vector<Value>& inputs) {
  UnknownSet set;
  for (const Value& input : inputs) {
    if (input.is_unknown()) {
      const auto& attributes = input.as_unknown().attributes;
      set.attributes.insert(set.attributes.end(), attributes.begin(), attributes.end());
    }
  }
  if (set.attributes.empty()) return Value::error("a table input could not be evaluated");
  return Value::unknown(std::move(set));
}

Value collect_sum(const CompiledTable& table, const std::vector<Value>& inputs,
                  const std::vector<Match>& matches, const Activation& facts,
                  std::vector<const CompiledTableRule*>* fired) {
  Value total = std::int64_t{0};
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i] == Match::maybe) return unknown_inputs(inputs);
    if (matches[i] == Match::no) continue;
    if (fired != nullptr) fired->push_back(&table.rules[i]);
    Value part = output_of(table.rules[i], facts);
    if (part.is_exceptional()) return part;
    auto a = as_decimal(total);
    auto b = as_decimal(part);
    if (!a || !b) return Value::error("collect_sum needs numeric rule values");
    total = Decimal::add(*a, *b).value;
  }
  return total;
}

}  // namespace

Value evaluate_table(const CompiledTable& table, const Activation& facts,
                     std::vector<const CompiledTableRule*>* fired) {
  std::vector<Value> inputs;
  for (const auto& input : table.inputs) {
    inputs.push_back(input.program ? input.program->evaluate(facts)
                                   : Value::error("a table input did not compile"));
  }
  std::vector<Match> matches;
  for (const auto& rule : table.rules)
    matches.push_back(rule_matches(rule, inputs));
  model::HitPolicy hit = table.model->hit;
  if (hit == model::HitPolicy::collect_sum)
    return collect_sum(table, inputs, matches, facts, fired);
  int chosen = -1;
  int count = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (matches[i] == Match::maybe) {
      if (hit == model::HitPolicy::first && chosen < 0) return unknown_inputs(inputs);
      if (hit != model::HitPolicy::first) return unknown_inputs(inputs);
      continue;
    }
    if (matches[i] == Match::no) continue;
    ++count;
    bool better =
        chosen < 0 || (hit == model::HitPolicy::priority &&
                       table.rules[i].model->priority > table.rules[chosen].model->priority);
    if (hit == model::HitPolicy::first && chosen >= 0) continue;
    if (better) chosen = static_cast<int>(i);
  }
  if (chosen < 0) return Value::error("no rule of the table matches");
  if (hit == model::HitPolicy::unique && count > 1) {
    return Value::error("two rules of a unique table match");
  }
  if (fired != nullptr) fired->push_back(&table.rules[static_cast<std::size_t>(chosen)]);
  return output_of(table.rules[chosen], facts);
}

}  // namespace cadre::engine
