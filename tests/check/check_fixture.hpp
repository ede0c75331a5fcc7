// A rule set built in code for the check-pass tests: the model, origins on
// chosen lines of `rules.yaml`, and the compiled parts the passes read.
#pragma once

#include <doctest/doctest.h>

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "check/checks.hpp"
#include "compile/compiled_ruleset.hpp"

namespace cadre::check_test {

// A rule set in the making: the model is filled first, then the compiled
// parts that point into it.
struct Fixture {
  CompiledRuleSetImpl impl;
  std::deque<yaml::Node> nodes;

  Fixture() {
    impl.source = std::make_unique<load::LoadedRuleSet>();
    auto document = std::make_unique<yaml::Document>();
    document->file = "rules.yaml";
    impl.source->origins.add_document(std::move(document));
  }

  model::RuleSet& rules() { return impl.source->rules; }

  // An origin on line `line` of rules.yaml.
  model::OriginId line(int line) {
    nodes.emplace_back();
    nodes.back().mark = {line, 1, 0};
    return impl.source->origins.add(0, nodes.back());
  }

  model::Citation cite(std::string provision) { return {std::move(provision), "", line(90)}; }

  void compile_parameters(Type type = Type::decimal()) {
    for (const auto& param : rules().parameters) {
      CompiledParameter compiled;
      compiled.model = &param;
      compiled.type = type;
      impl.parameters.push_back(std::move(compiled));
    }
  }

  // `file:line:col: severity: message` of the diagnostics with `code`.
  std::vector<std::string> check(std::string_view code) {
    std::vector<Diagnostic> diagnostics;
    check::run_checks(impl, diagnostics);
    std::vector<std::string> out;
    for (const auto& diagnostic : diagnostics) {
      if (diagnostic.code == code) out.push_back(format_diagnostic(diagnostic));
    }
    return out;
  }
};

inline model::Parameter parameter(std::string id, model::ParamForm form, model::OriginId origin) {
  model::Parameter param;
  param.id = std::move(id);
  param.form = form;
  param.origin = origin;
  param.cite.provision = "HY-PAY-01";
  return param;
}

inline model::Decision decision(std::string id, model::DecisionKind kind, model::OriginId origin) {
  model::Decision out;
  out.id = std::move(id);
  out.kind = kind;
  out.subject = "cadre";
  out.origin = origin;
  out.cite.provision = "HY-WARN-02";
  out.title = {"测试决定", "a decision under test", model::kNoOrigin, model::kNoOrigin};
  return out;
}

inline model::Source source(std::string id) {
  model::Source out;
  out.id = std::move(id);
  return out;
}

inline model::Condition condition(std::string id, model::Condition::Group group,
                                  model::Expression when = {}) {
  model::Condition out;
  out.id = std::move(id);
  out.group = group;
  out.when = std::move(when);
  return out;
}

inline model::EnumDecl enumeration(std::string id, std::vector<std::string> values,
                                   model::EnumOrderModel order, model::OriginId origin) {
  model::EnumDecl out;
  out.id = std::move(id);
  out.values = std::move(values);
  out.order = order;
  out.origin = origin;
  return out;
}

inline CompiledExpression compiled(const std::string& text, model::OriginId origin,
                                   const Environment& environment = Environment()) {
  auto result = compile(text, environment);
  REQUIRE(result.ok());
  return {result.program, origin, text};
}

}  // namespace cadre::check_test
