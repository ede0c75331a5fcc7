// A rule set as the document policy staff review its encoding with, against
// the source text (`cadre-policy doc`): its identity, sources, parameters
// with their values and dates, readings, every rule in words, the values the
// text leaves open, and per provision the rules that encode it and the tests
// that exercise them. Built once, in one language, from the compiled rule set
// as plain strings; ruleset_document_formats.hpp lays it out as Markdown or
// HTML, so the two formats say the same. Deterministic: the same rule set
// gives the same document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cadre/ruleset.hpp"
#include "render/words.hpp"

namespace cadre::render {

/// The words of the document that are not the rule set's own: headings,
/// column labels, the names of the format's parts.
struct DocumentWords {
  Words subtitle, id, version, in_force, jurisdiction, digest, extends, contents;
  Words sources, title, issuer, date, file, nature, truncated;
  Words parameters, parameter, type, unit, form, value, key, source, possible, reported_as;
  Words readings, switches, switch_name, values, setting, unset, lists, list, count, items;
  Words rules, kind, subject, applies, message, flags, conditions, condition, expression, notes;
  Words all_of, any_of, none_of, triggered_by, gates;
  Words components, component, formula, rounding, decision_table, hit, inputs, input, priority;
  Words derived, derived_value;
  Words open_values, open_values_intro, reason_code, because, where;
  Words provisions, provisions_intro, rule, test, tests, no_rule, no_test, cited_by, none;
};
const DocumentWords& document_words();

/// A line of words with, when it has one, the expression it reads: a flag
/// with its condition, a warning's start date, an allocation's quota.
struct DocumentDetail {
  std::string label;       ///< in the document's language
  std::string text;        ///< words; may be empty when `expression` says it all
  std::string expression;  ///< as written; empty: none
};

struct DocumentHeader {
  std::string title;  ///< in the document's language (the other, or the id, when missing)
  std::string id;
  std::string version;
  std::string in_force;  ///< the validity in words: from 2016-01-01 (no end date)
  std::string jurisdiction;
  std::string digest;   ///< SHA-256 of the rule set's files
  std::string extends;  ///< a variant: the rule set it extends, as written; else empty
};

struct DocumentSource {
  std::string id, title, issuer, date, file;
  std::string nature;     ///< normative or report, in words
  std::string truncated;  ///< yes or no, in words
};

/// One value of a parameter: a scalar, a table entry, a dated entry of a
/// series, the bounds of a range.
struct DocumentValue {
  std::string at;  ///< a table's key, a series' period in force; else empty
  /// As written (a list's items joined); for a value the text leaves open,
  /// `unspecified: {because}` in words, with the reason the rule set states.
  std::string value;
  bool open = false;  ///< the text leaves it open (`unspecified`, a range)
};

struct DocumentParameter {
  std::string id, title, type, unit;
  std::string form;      ///< a value, a table keyed by …, a dated series, a range, unspecified
  std::string at_label;  ///< the column of `DocumentValue::at` (key, in force); empty: none
  std::vector<DocumentValue> values;
  std::string possible;     ///< an open value's allowed values (`one_of`), joined
  std::string reported_as;  ///< the name its reason codes carry, when not the id
  std::string cite, quote;
};

struct DocumentSwitch {
  std::string id, title;
  std::string values;      ///< joined
  std::string value;       ///< the reading set; empty: unset
  std::string unset_code;  ///< the reason code while unset (`ambiguous_reading:<id>`)
  std::string cite, quote;
};

struct DocumentList {
  std::string id;
  std::string count;  ///< how many items the text says there are and names, in words
  std::vector<std::pair<std::string, std::string>> items;  ///< code → words
  std::string cite, quote;
};

/// A condition, or a group of them, as one row: groups first, their parts
/// below them one level deeper.
struct DocumentCondition {
  int depth = 0;
  std::string group;  ///< a group: all of, any of, none of, …; empty for a leaf
  std::string id;
  std::string message;             ///< its message template, in the document's language
  std::string expression;          ///< `when`; empty for a group
  std::vector<std::string> notes;  ///< soft, its own citation, a gate's result when it fails
};

struct DocumentComponent {
  std::string id, formula, rounding, cite;
};

struct DocumentTable {
  std::string hit;                                          ///< the hit policy, in words
  std::vector<std::pair<std::string, std::string>> inputs;  ///< id → expression
  /// One row per rule: a test per input (in input order), then the value,
  /// then notes (priority, flags, citation).
  struct Row {
    std::vector<std::string> tests;
    std::string value;
    std::string notes;
  };
  std::vector<Row> rows;
};

struct DocumentRule {
  std::string id, title, kind, subject;
  std::string cite, source, quote;      ///< the provision, its document's title, the sentence
  std::string applies;                  ///< expression; empty: always
  std::string message;                  ///< in the document's language
  std::vector<DocumentDetail> details;  ///< per key, period, warning, exit, allocation, formula
  std::vector<DocumentCondition> conditions;
  std::vector<DocumentComponent> components;
  std::optional<DocumentTable> table;
  std::vector<DocumentDetail> flags;  ///< label: the flag in words; expression: when it holds
};

struct DocumentDerived {
  std::string id, title, subject, type, cite;
  std::vector<DocumentDetail> details;  ///< the expression, or a group value's parts
};

struct DocumentOpenValue {
  std::string code;     ///< unspecified_parameter:hy.perf_multiplier.称职
  std::string because;  ///< in the document's language; empty: not said
  std::string where;    ///< file:line
};

/// Something other than a rule that cites a provision.
struct DocumentReference {
  enum class Kind : std::uint8_t { parameter, switch_value, list, derived };
  Kind kind = Kind::parameter;
  std::string id;
};
/// parameter → 参数 / parameter, …
const Words& reference_words(DocumentReference::Kind kind);

/// A test of a rule: its name and what it expects of the rule.
struct DocumentTest {
  std::string name;
  std::string expected;  ///< c1: eligible; c2: computed 2,400.00
};

/// A provision cited anywhere in the rule set: the rules that encode it
/// (cite it themselves, or in a condition, component or table rule), the
/// tests of each, and the values and readings that cite it.
struct DocumentProvision {
  std::string id;
  std::string source;  ///< its document's title
  struct Rule {
    std::string id, title;
    std::vector<DocumentTest> tests;
  };
  std::vector<Rule> rules;
  std::vector<DocumentReference> cited_by;
};

struct RuleSetDocument {
  Lang lang = Lang::en;
  DocumentHeader header;
  std::vector<DocumentSource> sources;  ///< those the rule set cites
  std::vector<DocumentParameter> parameters;
  std::vector<DocumentSwitch> switches;
  std::vector<DocumentList> lists;
  std::vector<DocumentRule> rules;
  std::vector<DocumentDerived> derived;
  std::vector<DocumentOpenValue> open_values;
  std::vector<DocumentProvision> provisions;  ///< source by source, ids in natural order
};

/// The document of `rules` in `lang`: the rule set's own texts in that
/// language (the other where it gives only one), the format's words too.
RuleSetDocument ruleset_document(const CompiledRuleSet& rules, Lang lang);

}  // namespace cadre::render
