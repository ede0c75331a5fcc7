// The readers of a rule-set file's top-level sections, one file each
// (read_metadata.cpp, read_schema.cpp, …). Each reads one section node of one
// file into the model, appending to what earlier files gave; problems become
// diagnostics and reading goes on. Checks that need every file (duplicate ids,
// variants) are made afterwards by the loader.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/mapping_reader.hpp"
#include "model/ruleset.hpp"
#include "yaml/node.hpp"

namespace cadre::load {

// ---- sections ------------------------------------------------------------------

/// `anchor` is the `ruleset` key, where missing keys are reported.
void read_metadata(FileContext& context, const yaml::Node& anchor, const yaml::Node& section,
                   model::Metadata& out);
void read_sources(FileContext& context, const yaml::Node& section, std::vector<model::Source>& out);
void read_schema(FileContext& context, const yaml::Node& section, model::Schema& out);
void read_parameters(FileContext& context, const yaml::Node& section,
                     std::vector<model::Parameter>& out);
void read_switches(FileContext& context, const yaml::Node& section,
                   std::vector<model::Switch>& out);
void read_lists(FileContext& context, const yaml::Node& section,
                std::vector<model::NamedList>& out);
void read_derived(FileContext& context, const yaml::Node& section,
                  std::vector<model::Derived>& out);
void read_decisions(FileContext& context, const yaml::Node& section,
                    std::vector<model::Decision>& out);
void read_tests(FileContext& context, const yaml::Node& section, std::vector<model::TestCase>& out);
void read_variant(FileContext& context, const yaml::Node& section, model::VariantChanges& out);

// ---- pieces shared between sections --------------------------------------------

/// One named list (a `lists` entry or a `variant.lists` entry).
model::NamedList read_list(FileContext& context, const yaml::Node& key, const yaml::Node& value);
/// One enumeration (a `schema.enums` entry or a `variant.enums` entry).
model::EnumDecl read_enum(FileContext& context, const yaml::Node& key, const yaml::Node& value);
/// One decision (a `decisions` item or a `variant.replace` item).
model::Decision read_decision(FileContext& context, const yaml::Node& node);
/// One `variant.parameters` entry: a value form, and optionally cite, quote and
/// title; its type comes from the parameter it overrides.
model::Parameter read_parameter_override(FileContext& context, const yaml::Node& key,
                                         const yaml::Node& value);
/// Reports a type text that is not a name, `list<T>` or `map<string, T>`.
bool check_type_text(FileContext& context, const yaml::Node& at, std::string_view text,
                     std::string_view what);
/// What a value of a parameter of `type` must look like ("an integer"), or
/// empty when `text` fits (types the loader does not know fit any text).
std::string_view value_mismatch(std::string_view type, const yaml::Node& value);

// Parts of decisions, each in its own file.
std::optional<model::DecisionTable> read_table(FileContext& context, const yaml::Node& node,
                                               std::string_view what);
std::vector<model::PayComponent> read_components(FileContext& context, const yaml::Node& node,
                                                 std::string_view what);
model::Rounding read_rounding(FileContext& context, const yaml::Node& node, std::string_view what);
std::optional<model::Allocation> read_allocation(FileContext& context, const yaml::Node& node,
                                                 std::string_view what);
/// `[average, {flag: above_range, when: EXPR}]`: qualifiers of a result, each
/// always or only while its condition holds.
std::vector<model::ConditionalFlag> read_flags(FileContext& context, const yaml::Node& node,
                                               std::string_view what);

}  // namespace cadre::load
