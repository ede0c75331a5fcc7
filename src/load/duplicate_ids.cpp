// Ids defined twice among the files of one rule set. Parameters, derived
// values and decisions share one namespace (expressions read all three by
// id); enums and record kinds share another (both are type names). The second
// definition, in reading order, is the one reported.
#include <algorithm>
#include <map>

#include "load/load_state.hpp"
#include "load/mapping_reader.hpp"

namespace cadre::load {
namespace {

struct Entry {
  std::string_view id;
  std::string_view kind;  ///< "parameter", "decision", …
  model::OriginId origin;
};

class Namespace {
 public:
  Namespace(LoadState& state, std::string_view note) : state_(state), note_(note) {}

  template <typename Element>
  Namespace& add(const std::vector<Element>& elements, std::string_view kind) {
    for (const Element& element : elements)
      entries_.push_back({element.id, kind, element.origin});
    return *this;
  }
  Namespace& add(std::string_view id, std::string_view kind, model::OriginId origin) {
    entries_.push_back({id, kind, origin});
    return *this;
  }
  void check();

 private:
  LoadState& state_;
  std::string_view note_;  ///< appended to the help when kinds differ
  std::vector<Entry> entries_;
};

void Namespace::check() {
  const auto position = [&](const Entry& entry) {
    const model::Origin& origin = state_.origins.at(entry.origin);
    return std::pair(origin.file, origin.mark.offset);
  };
  std::erase_if(entries_,
                [](const Entry& e) { return e.id.empty() || e.origin == model::kNoOrigin; });
  std::stable_sort(entries_.begin(), entries_.end(),
                   [&](const Entry& a, const Entry& b) { return position(a) < position(b); });
  std::map<std::string_view, const Entry*> first;
  for (const Entry& entry : entries_) {
    const auto [found, inserted] = first.emplace(entry.id, &entry);
    if (inserted) continue;
    const Entry& earlier = *found->second;
    const bool same = earlier.kind == entry.kind;
    std::string help = "first defined at " + state_.where(earlier.origin);
    if (!same) help += "; " + std::string(note_);
    state_.report(
        Severity::error, code::load_duplicate_id, state_.origins.locate(entry.origin),
        same ? "duplicate " + std::string(entry.kind) + " `" + std::string(entry.id) + "`"
             : "duplicate id `" + std::string(entry.id) + "`, already used by " +
                   (std::string_view("aeiou").find(earlier.kind[0]) != std::string_view::npos
                        ? "an "
                        : "a ") +
                   std::string(earlier.kind),
        std::move(help));
  }
}

void check_variant_changes(LoadState& state, const model::VariantChanges& variant) {
  Namespace(state, "").add(variant.parameters, "override of parameter").check();
  Namespace switches(state, "");
  for (std::size_t i = 0; i < variant.switches.size(); ++i) {
    switches.add(variant.switches[i].first, "setting of switch", variant.switch_origins[i]);
  }
  switches.check();
  Namespace(state, "").add(variant.lists, "enumeration of list").check();
  Namespace(state, "").add(variant.replace, "replacement of decision").check();
  Namespace disabled(state, "");
  for (const auto& [id, origin] : variant.disable)
    disabled.add(id, "disabling of decision", origin);
  disabled.check();
}

}  // namespace

void check_duplicate_ids(LoadState& state, const model::RuleSet& rules) {
  Namespace(state, "parameters, derived values and decisions share one namespace")
      .add(rules.parameters, "parameter")
      .add(rules.derived, "derived value")
      .add(rules.decisions, "decision")
      .check();
  Namespace(state, "enums and record kinds share one namespace (both name types)")
      .add(rules.schema.enums, "enum")
      .add(rules.schema.records, "record kind")
      .check();
  Namespace(state, "").add(rules.switches, "switch").check();
  Namespace(state, "").add(rules.lists, "list").check();
  Namespace(state, "").add(rules.sources, "source").check();
  Namespace tests(state, "");
  for (const model::TestCase& test : rules.tests)
    tests.add(test.name, "test", test.origin);
  tests.check();
  check_variant_changes(state, rules.variant);
}

}  // namespace cadre::load
