// The decision-table analysis on its own: partitions of enumeration, bool,
// numeric and string inputs, gaps, overlaps and rules that never fire, interval
// edges, integer inputs and the size guard.
#include "check/table_analysis.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using cadre::CellTest;
using cadre::Type;
using cadre::check::AnalysisOptions;
using cadre::check::analyze_table;
using cadre::check::describe;
using cadre::check::TableAnalysis;

Type grade() {
  static const auto kGrade = std::make_shared<const cadre::EnumType>(
      "cadre_grade", std::vector<std::string>{"优秀", "称职", "基本称职", "不称职"},
      cadre::EnumOrder::descending);
  return Type::enumeration(kGrade);
}

// A table built from cell texts, parsed as the compiler parses them.
struct Table {
  std::vector<std::string> names;
  std::vector<Type> types;
  std::vector<std::vector<CellTest>> rules;

  Table& input(std::string name, Type type) {
    names.push_back(std::move(name));
    types.push_back(std::move(type));
    return *this;
  }

  Table& rule(const std::vector<std::string>& cells) {
    std::vector<CellTest> parsed;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      std::string error;
      auto cell = cadre::parse_cell(cells[i], types[i], error);
      INFO(cells[i], ": ", error);
      REQUIRE(cell.has_value());
      parsed.push_back(std::move(*cell));
    }
    rules.push_back(std::move(parsed));
    return *this;
  }

  TableAnalysis analyze(const AnalysisOptions& options = {}) const {
    return analyze_table(types, rules, options);
  }

  // The gap examples, `; `-separated.
  std::string gaps(const TableAnalysis& analysis) const {
    std::string out;
    for (const auto& gap : analysis.gaps) {
      out += (out.empty() ? "" : "; ") + describe(names, analysis.partitions, gap);
    }
    return out;
  }
};

Table years(Type type = Type::integer()) {
  return Table().input("years", std::move(type));
}

}  // namespace

TEST_CASE("`< 2` and `>= 2` cover every number once") {
  auto analysis = years().rule({"< 2"}).rule({">= 2"}).analyze();
  CHECK(analysis.gap_count == 0);
  CHECK(analysis.overlaps.empty());
  CHECK(analysis.combinations == 3);
  CHECK(analysis.rules[0].first);
  CHECK(analysis.rules[1].first);
}

TEST_CASE("`<= 2` and `>= 2` overlap at exactly 2") {
  Table table = years().rule({"<= 2"}).rule({">= 2"});
  auto analysis = table.analyze();
  CHECK(analysis.gap_count == 0);
  REQUIRE(analysis.overlaps.size() == 1);
  CHECK(analysis.overlaps[0].rules == std::vector<std::size_t>{0, 1});
  CHECK(analysis.overlaps[0].count == 1);
  CHECK(describe(table.names, analysis.partitions, analysis.overlaps[0].example) == "years = 2");
}

TEST_CASE("`< 2` and `> 2` leave exactly 2 uncovered") {
  Table table = years(Type::decimal()).rule({"< 2"}).rule({"> 2"});
  auto analysis = table.analyze();
  CHECK(analysis.gap_count == 1);
  CHECK(table.gaps(analysis) == "years = 2");
  CHECK(analysis.overlaps.empty());
}

TEST_CASE("unbounded ends of a closed interval are gaps") {
  Table table = Table().input("ratio", Type::decimal()).rule({"[1, 3)"});
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 5);
  CHECK(analysis.gap_count == 3);
  CHECK(table.gaps(analysis) == "ratio < 1; ratio = 3; ratio > 3");

  Table lower = Table().input("rate", Type::decimal()).rule({">= 0.9"});
  CHECK(lower.gaps(lower.analyze()) == "rate < 0.9");
}

TEST_CASE("integer inputs have no values between consecutive integers") {
  auto analysis = years().rule({"<= 1"}).rule({">= 2"}).analyze();
  CHECK(analysis.gap_count == 0);
  CHECK(analysis.combinations == 4);

  Table decimal = years(Type::decimal()).rule({"<= 1"}).rule({">= 2"});
  CHECK(decimal.gaps(decimal.analyze()) == "1 < years < 2");

  Table fraction = years().rule({"< 2.5"}).rule({"> 2.5"});
  CHECK(fraction.analyze().gap_count == 0);
}

TEST_CASE("gaps of an enumeration × numeric table, with examples in order") {
  Table table = Table()
                    .input("grade", grade())
                    .input("years", Type::integer())
                    .rule({"[优秀, 称职]", "-"})
                    .rule({"基本称职", ">= 2"});
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 12);
  CHECK(analysis.gap_count == 4);
  CHECK(table.gaps(analysis) ==
        "grade = 基本称职, years < 2; grade = 不称职, years < 2; grade = 不称职, years = 2");
  CHECK(analysis.overlaps.empty());
}

TEST_CASE("a rule of `-` cells leaves no gap") {
  auto analysis = Table()
                      .input("grade", grade())
                      .input("years", Type::integer())
                      .rule({"优秀", ">= 2"})
                      .rule({"-", "-"})
                      .analyze();
  CHECK(analysis.gap_count == 0);
  CHECK(analysis.rules[1].first);
}

TEST_CASE("overlaps are grouped by the rules that match") {
  Table table = Table().input("grade", grade()).rule({"优秀"}).rule({"[优秀, 称职]"}).rule({"-"});
  auto analysis = table.analyze();
  REQUIRE(analysis.overlaps.size() == 2);
  CHECK(analysis.overlaps[0].rules == std::vector<std::size_t>{0, 1, 2});
  CHECK(describe(table.names, analysis.partitions, analysis.overlaps[0].example) == "grade = 优秀");
  CHECK(analysis.overlaps[1].rules == std::vector<std::size_t>{1, 2});
  CHECK(analysis.overlaps[1].count == 1);
  CHECK(analysis.rules[2].first);  // first for 基本称职 and 不称职
}

TEST_CASE("a rule after a catch-all never comes first") {
  auto analysis = Table()
                      .input("grade", grade())
                      .input("years", Type::integer())
                      .rule({"-", ">= 2"})
                      .rule({"-", "-"})
                      .rule({"称职", "= 3"})
                      .analyze();
  CHECK(analysis.rules[2].matches);
  CHECK_FALSE(analysis.rules[2].first);
  CHECK(analysis.rules[2].shadowed_by == std::vector<std::size_t>{0});
  CHECK(analysis.rules[1].first);
  CHECK(analysis.rules[1].shadowed_by.empty());
}

TEST_CASE("shadowing names every earlier rule that comes first") {
  auto analysis = years().rule({"< 2"}).rule({">= 2"}).rule({"[1, 5]"}).analyze();
  CHECK_FALSE(analysis.rules[2].first);
  CHECK(analysis.rules[2].shadowed_by == std::vector<std::size_t>{0, 1});
}

TEST_CASE("a rule whose interval holds no input matches nothing") {
  auto empty = years(Type::decimal()).rule({"-"}).rule({"(2, 2)"}).analyze();
  CHECK_FALSE(empty.rules[1].matches);
  auto no_integer = years().rule({"-"}).rule({"(1, 2)"}).analyze();
  CHECK_FALSE(no_integer.rules[1].matches);
  CHECK(no_integer.rules[1].shadowed_by.empty());
}

TEST_CASE("bool inputs have two values") {
  Table table = Table().input("works_in_village", Type::boolean()).rule({"true"});
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 2);
  CHECK(table.gaps(analysis) == "works_in_village = false");

  CHECK(Table().input("flag", Type::boolean()).rule({"true"}).rule({"false"}).analyze().gap_count ==
        0);
  CHECK(Table().input("flag", Type::boolean()).rule({"[true, false]"}).analyze().gap_count == 0);
}

TEST_CASE("string inputs: the listed values and any other value") {
  Table table = Table().input("kind", Type::string()).rule({"village"}).rule({"community"});
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 3);
  CHECK(table.gaps(analysis) == "kind not in [village, community]");

  Table open = Table().input("kind", Type::string()).rule({"-"});
  CHECK(open.analyze().combinations == 1);
  CHECK(open.analyze().gap_count == 0);
}

TEST_CASE("only inputs that narrow a gap are described") {
  Table table = Table().input("grade", grade()).input("flag", Type::boolean()).rule({"优秀", "-"});
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 4);
  CHECK(analysis.gap_count == 3);
  CHECK(table.gaps(analysis) == "grade = 称职; grade = 基本称职; grade = 不称职");

  Table nothing;
  auto none = nothing.analyze();
  CHECK(none.gap_count == 1);
  CHECK(nothing.gaps(none) == "any input");
}

TEST_CASE("missing cells count as `-`") {
  std::vector<std::vector<CellTest>> rules{{}};
  auto analysis = analyze_table({grade(), Type::integer()}, rules);
  CHECK(analysis.gap_count == 0);
  CHECK(analysis.rules[0].first);
}

TEST_CASE("inputs tested only by `-` do not multiply the combinations") {
  Table table;
  for (const char* name : {"a", "b", "c", "d", "e", "f", "g"})
    table.input(name, grade());
  table.rule({"-", "-", "-", "-", "-", "-", "-"});
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 1);
  CHECK(analysis.gap_count == 0);
}

TEST_CASE("tables over the size limit are not analysed") {
  Table table;
  for (const char* name : {"a", "b", "c"})
    table.input(name, Type::decimal());
  for (int k = 0; k < 25; ++k) {
    std::string cell = "= " + std::to_string(k);
    table.rule({cell, cell, cell});
  }
  auto analysis = table.analyze();
  CHECK(analysis.combinations == 51 * 51 * 51);
  CHECK(analysis.too_large);
  CHECK(analysis.gaps.empty());
  CHECK_FALSE(analysis.rules[0].matches);

  AnalysisOptions roomy;
  roomy.max_combinations = 200'000;
  auto full = table.analyze(roomy);
  CHECK_FALSE(full.too_large);
  CHECK(full.gap_count == 51 * 51 * 51 - 25);

  AnalysisOptions tight;
  tight.max_combinations = 2;
  CHECK(years().rule({"< 2"}).analyze(tight).too_large);
}

TEST_CASE("more than 64 rules") {
  Table table = years();
  for (int k = 0; k < 70; ++k)
    table.rule({"= " + std::to_string(k)});
  table.rule({"-"});
  auto analysis = table.analyze();
  CHECK(analysis.gap_count == 0);
  CHECK(analysis.rules[69].first);
  CHECK(analysis.rules[70].first);  // below 0 and above 69
  REQUIRE(analysis.overlaps.size() == 70);
  CHECK(analysis.overlaps[69].rules == std::vector<std::size_t>{69, 70});
}
