// The impact report as one JSON document (docs/diff.md): every key always
// present and in a fixed order, so that the same impact gives the same bytes;
// results as `eval` writes them (render/decision_json.hpp), without the parts
// only the rule set brings.
#include <boost/json.hpp>

#include "render/decision_json.hpp"
#include "render/impact.hpp"

namespace cadre::render {

namespace {

namespace json = boost::json;

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const auto& item : items)
    out.emplace_back(json::string(item));
  return out;
}

json::object message(const std::string& zh, const std::string& en) {
  return json::object{{"zh", zh}, {"en", en}};
}

json::object sides(int before, int after) {
  return json::object{{"before", before}, {"after", after}};
}

json::object ruleset_json(const diff::RuleSetName& name) {
  json::object out;
  out["path"] = name.path;
  out["id"] = name.id;
  out["version"] = name.version;
  out["digest"] = name.digest;
  out["title"] = message(name.title_zh, name.title_en);
  return out;
}

json::object item_json(const diff::ItemChange& item) {
  json::object out;
  out["kind"] = diff::item_kind_name(item.kind);
  out["id"] = item.id;
  out["change"] = diff::change_name(item.change);
  out["wording_only"] = item.wording_only;
  out["title"] = message(item.title_zh, item.title_en);
  out["cite"] = item.cite;
  out["quote"] = item.quote;
  json::array fields;
  for (const auto& field : item.fields) {
    fields.emplace_back(
        json::object{{"path", field.path}, {"before", field.before}, {"after", field.after}});
  }
  out["fields"] = std::move(fields);
  return out;
}

json::object reach_json(const diff::StaticImpact& reach) {
  json::array decisions;
  for (const auto& decision : reach.decisions) {
    json::object one;
    one["id"] = decision.id;
    one["kind"] = decision.kind;
    one["status"] = diff::reach_status_name(decision.status);
    one["title"] = message(decision.title_zh, decision.title_en);
    one["cite"] = decision.cite;
    json::array through;
    for (const auto& chain : decision.through)
      through.emplace_back(strings(chain));
    one["through"] = std::move(through);
    decisions.emplace_back(std::move(one));
  }
  json::object out;
  out["can_change"] = reach.can_change;
  out["cannot_change"] = reach.cannot_change;
  out["decisions"] = std::move(decisions);
  return out;
}

json::object tally_json(const diff::DecisionTally& tally) {
  json::object out;
  out["id"] = tally.id;
  out["kind"] = tally.kind;
  out["title"] = message(tally.title_zh, tally.title_en);
  out["cite"] = tally.cite;
  out["compared"] = tally.compared;
  out["unchanged"] = tally.unchanged;
  out["changed"] = tally.changed();
  out["outcome"] = tally.outcome;
  out["value"] = tally.value;
  out["became_undetermined"] = tally.became_undetermined;
  out["became_determined"] = tally.became_determined;
  out["undetermined_reasons"] = tally.undetermined_reasons;
  out["added"] = tally.added;
  out["removed"] = tally.removed;
  out["undetermined"] = sides(tally.undetermined_before, tally.undetermined_after);
  json::array moves;
  for (const auto& [move, count] : tally.moves) {
    // `eligible → ineligible`, as src/diff/ writes a move.
    const std::string arrow = " → ";
    const std::size_t at = move.find(arrow);
    const std::string from = move.substr(0, at);
    const std::string to = at == std::string::npos ? "" : move.substr(at + arrow.size());
    moves.emplace_back(json::object{{"from", from}, {"to", to}, {"count", count}});
  }
  out["moves"] = std::move(moves);
  return out;
}

json::value side_json(const std::optional<DecisionResult>& result) {
  if (!result) return nullptr;
  return decision_object(*result, nullptr);
}

json::object change_json(const diff::ResultChange& change) {
  json::object out;
  out["record"] = change.record;
  out["kind"] = change.kind;
  out["group"] = change.group;
  out["result"] = change.result;
  out["decision"] = change.decision;
  out["what"] = diff::what_name(change.what);
  out["before"] = side_json(change.before);
  out["after"] = side_json(change.after);
  return out;
}

json::object money_json(const diff::MoneyLine& line) {
  json::object out;
  out["decision"] = line.decision;
  out["component"] = line.component;
  out["group"] = line.group;
  out["group_name"] = line.group_name;
  out["before"] = line.before;
  out["after"] = line.after;
  out["delta"] = line.delta;
  out["results"] = line.results;
  out["undetermined"] = sides(line.undetermined_before, line.undetermined_after);
  return out;
}

json::object population_json(const diff::PopulationImpact& population) {
  json::object out;
  out["records"] = population.records;
  out["as_of"] = population.as_of;
  out["group_kind"] = population.group_kind;
  out["records_read"] = population.records_read;
  out["records_with_errors"] = json::object{{"base", population.records_with_errors_base},
                                            {"variant", population.records_with_errors_variant}};
  out["ignored_by_base"] = strings(population.ignored_by_base);
  out["results_compared"] = population.results_compared;
  out["results_changed"] = population.results_changed;
  out["records_affected"] = population.records_affected;
  json::array decisions;
  for (const auto& tally : population.decisions)
    decisions.emplace_back(tally_json(tally));
  out["decisions"] = std::move(decisions);
  json::array changes;
  for (const auto& change : population.changes)
    changes.emplace_back(change_json(change));
  out["changes"] = std::move(changes);
  json::array money;
  for (const auto& line : population.money)
    money.emplace_back(money_json(line));
  out["money"] = std::move(money);
  return out;
}

}  // namespace

std::string impact_json(const diff::VariantImpact& impact) {
  json::object out;
  out["base"] = ruleset_json(impact.base);
  out["variant"] = ruleset_json(impact.variant);
  out["extends"] = impact.variant_extends_base;
  json::array items;
  for (const auto& item : impact.items)
    items.emplace_back(item_json(item));
  out["items"] = std::move(items);
  out["reach"] = reach_json(impact.reach);
  out["population"] =
      impact.population ? json::value(population_json(*impact.population)) : json::value(nullptr);
  return json::serialize(out) + "\n";
}

}  // namespace cadre::render
