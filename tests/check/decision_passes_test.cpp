// The check passes over decisions: constant conditions and decision tables
// (gaps, overlaps, rules that never fire), on rule sets built in code.
#include "check_fixture.hpp"
#include "core/access.hpp"

using namespace cadre;
using namespace cadre::check_test;

TEST_CASE("constant conditions never fire or always hold") {
  Fixture f;
  auto d = decision("ps.young_programme_eligible", model::DecisionKind::eligibility, f.line(2));
  d.applies = {"1 > 2", f.line(3)};
  d.all.group = model::Condition::Group::all;
  d.all.children.push_back(condition("age", model::Condition::Group::leaf, {"1 > 2", f.line(5)}));
  d.none.group = model::Condition::Group::any;
  d.none.children.push_back(
      condition("red_line", model::Condition::Group::leaf, {"true", f.line(7)}));
  d.none.children.push_back(condition("", model::Condition::Group::all));
  d.none.children.back().children.push_back(
      condition("", model::Condition::Group::leaf, {"2 > 1", f.line(9)}));
  f.rules().decisions.push_back(d);
  const model::Decision& m = f.rules().decisions.back();
  CompiledDecision c;
  c.model = &m;
  c.applies = compiled("1 > 2", f.line(3));
  c.all = {&m.all, {}, {{&m.all.children[0], compiled("1 > 2", f.line(5)), {}, {}}}, {}};
  CompiledCondition nested{&m.none.children[1], {}, {}, {}};
  nested.children.push_back(
      {&m.none.children[1].children[0], compiled("2 > 1", f.line(9)), {}, {}});
  c.none = {&m.none, {}, {{&m.none.children[0], compiled("true", f.line(7)), {}, {}}, nested}, {}};
  f.impl.decisions.push_back(std::move(c));
  CHECK(f.check("check.never_fires") ==
        std::vector<std::string>{
            "rules.yaml:3:1: warning: decision `ps.young_programme_eligible` never applies: its "
            "`applies` is always false",
            "rules.yaml:5:1: warning: condition `age` of `ps.young_programme_eligible` can never "
            "hold: its `when` is always false",
        });
  CHECK(f.check("check.always_holds") ==
        std::vector<std::string>{
            "rules.yaml:7:1: warning: disqualifier `red_line` of `ps.young_programme_eligible` "
            "always holds: its `when` is always true, so every record is excluded",
            "rules.yaml:9:1: warning: a disqualifier of `ps.young_programme_eligible` always "
            "holds: its `when` is always true",
        });
}

TEST_CASE("conditions that only read parameters are constant for the rule set") {
  Fixture f;
  f.rules().parameters.push_back(
      parameter("hy.warning_period", model::ParamForm::scalar, f.line(2)));
  f.compile_parameters(Type::integer());
  f.impl.environment.declare("hy.warning_period", Type::integer());
  f.impl.environment.declare("age", Type::integer());
  f.impl.parameters[0].slot = cadre::internal::slot_of(f.impl.environment, "hy.warning_period");
  f.impl.parameters[0].value = Value(3);
  auto d = decision("hy.recruitment_preference", model::DecisionKind::eligibility, f.line(4));
  d.all.group = model::Condition::Group::all;
  d.all.children.push_back(condition("long", model::Condition::Group::leaf));
  d.all.children.push_back(condition("age", model::Condition::Group::leaf));
  f.rules().decisions.push_back(d);
  const model::Decision& m = f.rules().decisions.back();
  CompiledDecision c;
  c.model = &m;
  CompiledCondition longer{
      &m.all.children[0], compiled("hy.warning_period > 6", f.line(6), f.impl.environment), {}, {}};
  CompiledCondition age{&m.all.children[1],
                        compiled("age > hy.warning_period", f.line(7), f.impl.environment),
                        {},
                        {}};
  c.all = {&m.all, {}, {longer, age}, {}};
  f.impl.decisions.push_back(std::move(c));
  CHECK(f.check("check.never_fires") ==
        std::vector<std::string>{"rules.yaml:6:1: warning: condition `long` of "
                                 "`hy.recruitment_preference` can never hold: its `when` is "
                                 "always false"});
}

namespace {

// hd.bonus_rate with a grade × years table whose rules are given as cell texts.
struct TableFixture : Fixture {
  std::shared_ptr<const EnumType> grade = std::make_shared<const EnumType>(
      "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
      EnumOrder::descending);

  void build(model::HitPolicy hit, const std::vector<std::vector<std::string>>& rows) {
    auto d = decision("hd.bonus_rate", model::DecisionKind::pay, line(2));
    d.table.emplace();
    d.table->hit = hit;
    d.table->origin = line(4);
    d.table->inputs = {{"grade", {"hd.last_grade"}}, {"years", {"hd.years"}}};
    for (std::size_t r = 0; r < rows.size(); ++r) {
      d.table->rules.emplace_back();
      d.table->rules.back().origin = line(10 + static_cast<int>(r));
    }
    rules().decisions.push_back(d);
    const model::Decision& m = rules().decisions.back();
    CompiledDecision c;
    c.model = &m;
    c.table.emplace();
    c.table->model = &*m.table;
    c.table->input_types = {Type::enumeration(grade), Type::integer()};
    for (std::size_t r = 0; r < rows.size(); ++r) {
      CompiledTableRule rule{&m.table->rules[r], {}, {}, {}};
      for (std::size_t i = 0; i < rows[r].size(); ++i) {
        std::string error;
        rule.cells.push_back(*parse_cell(rows[r][i], c.table->input_types[i], error));
      }
      c.table->rules.push_back(std::move(rule));
    }
    impl.decisions.push_back(std::move(c));
  }
};

}  // namespace

TEST_CASE("check.table_gap: one error at the table with examples and a count") {
  TableFixture f;
  f.build(model::HitPolicy::first, {{"[优秀, 称职]", "-"}, {"基本称职", ">= 2"}});
  CHECK(f.check("check.table_gap") ==
        std::vector<std::string>{
            "rules.yaml:4:1: error: no rule of the table of `hd.bonus_rate` matches 4 of its 12 "
            "input combinations, e.g. `grade = 基本称职, years < 2`, `grade = 不称职, years < 2` "
            "and `grade = 不称职, years = 2`"});

  TableFixture few;
  few.build(model::HitPolicy::first, {{"-", "< 2"}, {"-", "> 2"}, {"优秀", "-"}});
  CHECK(few.check("check.table_gap") ==
        std::vector<std::string>{
            "rules.yaml:4:1: error: no rule of the table of `hd.bonus_rate` matches 3 of its 12 "
            "input combinations: `grade = 称职, years = 2`, `grade = 基本称职, years = 2` and "
            "`grade = 不称职, years = 2`"});

  TableFixture sum;
  sum.build(model::HitPolicy::collect_sum, {{"优秀", "-"}});
  CHECK(sum.check("check.table_gap").empty());
}

TEST_CASE("check.table_overlap: unique tables only, at the later rule") {
  TableFixture f;
  f.build(model::HitPolicy::unique,
          {{"-", "<= 2"}, {"[优秀, 称职]", ">= 2"}, {"[基本称职, 不称职]", "> 2"}});
  CHECK(f.check("check.table_overlap") ==
        std::vector<std::string>{
            "rules.yaml:11:1: error: rule 1 (line 10) and rule 2 (line 11) of the table of "
            "`hd.bonus_rate` both match `grade = 优秀, years = 2` (and 1 more input combination)"});
  CHECK(f.check("check.table_gap").empty());

  TableFixture first;
  first.build(model::HitPolicy::first, {{"-", "<= 2"}, {"-", ">= 2"}});
  CHECK(first.check("check.table_overlap").empty());
}

TEST_CASE("check.never_fires: rules shadowed in a first table, or matching nothing") {
  TableFixture f;
  f.build(model::HitPolicy::first, {{"-", ">= 2"}, {"-", "-"}, {"称职", "= 3"}, {"-", "(1, 2)"}});
  CHECK(f.check("check.never_fires") ==
        std::vector<std::string>{
            "rules.yaml:12:1: warning: rule 3 (line 12) of the table of `hd.bonus_rate` never "
            "fires: every input it matches is matched first by rule 1 (line 10)",
            "rules.yaml:13:1: warning: rule 4 (line 13) of the table of `hd.bonus_rate` never "
            "fires: no input matches all of its cells",
        });
}
