// The `tests` section: decision cases kept beside the rules. The records are
// kept as their YAML node (an OriginId): they are fitted to the schema when
// the tests run. The expectations are read here.
#include "load/section_readers.hpp"

namespace cadre::load {
namespace {

constexpr KeySpec kTestKeys[] = {{"name", Presence::required},
                                 {"as_of", Presence::required},
                                 {"records", Presence::required},
                                 {"expect", Presence::required}};
constexpr KeySpec kExpectationKeys[] = {{"outcome", Presence::required},
                                        {"value"},
                                        {"range"},
                                        {"undetermined"},
                                        {"missing"},
                                        {"flags"},
                                        {"possible"},
                                        {"exact"},
                                        {"actions"},
                                        {"without_flags"},
                                        {"failed"},
                                        {"passed"}};

/// The outcomes of a decision (shared/DESIGN.md "Decision").
constexpr std::string_view kOutcomes[] = {"eligible", "ineligible",     "triggered",    "clear",
                                          "computed", "not_applicable", "undetermined", "pending"};

/// Records: record kind → a list of records (mappings).
void check_records(FileContext& context, const yaml::Node& node, const std::string& what) {
  for_each_entry(context, node, what, [&](const yaml::Node& kind, const yaml::Node& records) {
    check_name(context, kind, kind.scalar, "record kind");
    const std::string list_what = "`" + kind.scalar + "` of " + what;
    if (!expect_kind(context, records, yaml::NodeKind::sequence, list_what)) return;
    for (const yaml::Node& record : records.items) {
      expect_kind(context, record, yaml::NodeKind::mapping, "a record of " + list_what);
    }
  });
}

model::ExpectedDecision read_expectation(FileContext& context, const yaml::Node& key,
                                         const yaml::Node& value, const std::string& what) {
  model::ExpectedDecision out;
  out.decision = key.scalar;
  out.origin = context.origin(key);
  // `hp.rotation_training_met[2022]`: a decision made per key, and the key.
  if (auto open = key.scalar.find('['); open != std::string::npos && key.scalar.ends_with(']')) {
    out.decision = key.scalar.substr(0, open);
    out.key = key.scalar.substr(open + 1, key.scalar.size() - open - 2);
  }
  check_dotted_id(context, key, out.decision, "decision id");
  MappingReader reader(context, value, "`" + key.scalar + "` of " + what, kExpectationKeys, &key);
  if (const yaml::Node* outcome = reader.find("outcome")) {
    out.outcome_origin = context.origin(*outcome);
    if (auto index = read_choice(context, *outcome, reader.what_of("outcome"), kOutcomes)) {
      out.outcome = std::string(kOutcomes[*index]);
    }
  }
  out.value = reader.string("value");
  if (const yaml::Node* node = reader.find("range")) {
    out.range = read_string_list(context, *node, reader.what_of("range"));
    if (out.range.size() != 2) {
      context.error(*node, code::load_bad_value, reader.what_of("range") + " must be [LOW, HIGH]");
    }
  }
  if (const yaml::Node* node = reader.find("undetermined")) {
    out.undetermined = read_string_list(context, *node, reader.what_of("undetermined"));
  }
  if (const yaml::Node* node = reader.find("possible")) {
    out.possible = read_string_list(context, *node, reader.what_of("possible"));
  }
  out.exact = reader.string("exact");
  if (const yaml::Node* node = reader.find("actions")) {
    out.actions = read_string_list(context, *node, reader.what_of("actions"));
  }
  if (const yaml::Node* node = reader.find("without_flags")) {
    out.without_flags = read_string_list(context, *node, reader.what_of("without_flags"));
  }
  if (const yaml::Node* node = reader.find("failed")) {
    out.failed = read_string_list(context, *node, reader.what_of("failed"));
  }
  if (const yaml::Node* node = reader.find("passed")) {
    out.passed = read_string_list(context, *node, reader.what_of("passed"));
  }
  if (const yaml::Node* node = reader.find("missing")) {
    out.missing = read_string_list(context, *node, reader.what_of("missing"));
  }
  if (const yaml::Node* node = reader.find("flags")) {
    out.flags = read_string_list(context, *node, reader.what_of("flags"));
  }
  return out;
}

void read_expect(FileContext& context, const yaml::Node& node, const std::string& what,
                 model::TestCase& out) {
  for_each_entry(context, node, what, [&](const yaml::Node& record, const yaml::Node& decisions) {
    const std::string record_what = "`" + record.scalar + "` of " + what;
    std::vector<model::ExpectedDecision> expected;
    for_each_entry(context, decisions, record_what,
                   [&](const yaml::Node& key, const yaml::Node& value) {
                     expected.push_back(read_expectation(context, key, value, record_what));
                   });
    out.expect.emplace_back(record.scalar, std::move(expected));
  });
}

model::TestCase read_test(FileContext& context, const yaml::Node& node, std::size_t index) {
  model::TestCase out;
  out.origin = context.origin(node);
  const yaml::Node* name = node.kind == yaml::NodeKind::mapping ? node.find("name") : nullptr;
  const std::string what = name != nullptr && name->kind == yaml::NodeKind::scalar
                               ? "test `" + name->scalar + "`"
                               : "test " + std::to_string(index + 1);
  MappingReader reader(context, node, what, kTestKeys);
  out.name = reader.string("name").value_or("");
  out.as_of = reader.date("as_of");
  if (const yaml::Node* records = reader.find("records")) {
    out.records = context.origin(*records);
    check_records(context, *records, reader.what_of("records"));
  }
  if (const yaml::Node* expect = reader.find("expect")) {
    read_expect(context, *expect, reader.what_of("expect"), out);
  }
  return out;
}

}  // namespace

void read_tests(FileContext& context, const yaml::Node& section,
                std::vector<model::TestCase>& out) {
  if (!expect_kind(context, section, yaml::NodeKind::sequence, "`tests`")) return;
  for (std::size_t i = 0; i < section.items.size(); ++i) {
    out.push_back(read_test(context, section.items[i], i));
  }
}

}  // namespace cadre::load
