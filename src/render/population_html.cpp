// The HTML page of a population's decisions.
#include "render/population_html.hpp"

#include <array>
#include <map>

#include "cadre/decimal.hpp"
#include "render/decision_text.hpp"
#include "render/explanation.hpp"
#include "render/html_page.hpp"

namespace cadre::render {

namespace {

constexpr std::string_view kStyle = R"css(
h2{font-size:18px;margin:28px 0 10px}
table.summary{border-collapse:collapse;background:#fff;width:100%;font-size:14px}
table.summary th,table.summary td{border:1px solid #d7dbe2;padding:6px 8px;text-align:right}
table.summary th:first-child,table.summary td:first-child{text-align:left}
table.summary thead th{background:#eef0f4}
td.zero{color:#b4bac4}
td.undetermined{background:#fff4d6;font-weight:600}
section.record{background:#fff;border:1px solid #d7dbe2;border-radius:6px;margin:14px 0;padding:10px 16px}
section.record h3{margin:4px 0 8px;font-size:16px}
.errors{color:#a0191c}
.decision{border-top:1px solid #eceef2;padding:8px 0}
.decision .head{font-weight:600}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:13px;margin-left:6px;color:#fff;background:#6b7280}
.o-eligible,.o-computed{background:#1f7a3a}.o-ineligible,.o-clear{background:#6b7280}
.o-triggered{background:#a0191c}.o-undetermined{background:#b7791f}.o-pending{background:#2563eb}
.o-not_applicable{background:#c4c9d2;color:#1d2430}
.decision.undetermined{background:#fffaf0;border-left:4px solid #b7791f;padding-left:8px}
blockquote{margin:4px 0 4px 0;padding:2px 10px;border-left:3px solid #c9a227;color:#4b5563;font-size:13px}
.cite{font-size:13px;color:#4b5563}
ul.conditions{list-style:none;margin:4px 0;padding-left:4px;font-size:14px}
ul.conditions li{margin:2px 0}
.s-passed{color:#1f7a3a}.s-failed{color:#a0191c}.s-unknown{color:#b7791f}
.facts,.note{color:#6b7280;font-size:12px}
.pay{font-family:"Noto Sans Mono",ui-monospace,monospace;font-size:13px;background:#f3f4f6;padding:4px 8px;border-radius:4px;margin:4px 0}
.why{color:#7c4a03;font-size:14px}
.msg{font-size:14px}
)css";

std::string in(Lang lang, const std::string& zh, const std::string& en) {
  const std::string& first = lang == Lang::zh ? zh : en;
  return first.empty() ? (lang == Lang::zh ? en : zh) : first;
}

// The summary row of one decision: results by outcome, and the total of the
// amounts computed (pay only).
struct Tally {
  std::string title;
  std::string kind;
  std::array<int, 8> outcomes{};
  Decimal total;
  bool has_total = false;
};

constexpr std::array<Outcome, 8> kOutcomes = {
    Outcome::eligible, Outcome::ineligible,   Outcome::triggered, Outcome::clear,
    Outcome::computed, Outcome::undetermined, Outcome::pending,   Outcome::not_applicable};

std::vector<std::pair<std::string, Tally>> tallies(const std::vector<RecordOutput>& outputs,
                                                   const CompiledRuleSet& rules, Lang lang) {
  std::vector<std::pair<std::string, Tally>> out;
  std::map<std::string, std::size_t> index;
  for (const DecisionInfo& info : rules.decisions()) {
    index.emplace(info.id, out.size());
    out.push_back({info.id, {in(lang, info.title_zh, info.title_en), info.kind, {}, {}, false}});
  }
  for (const auto& output : outputs) {
    for (const auto& decision : output.decisions) {
      auto found = index.find(decision.id.substr(0, decision.id.find('[')));
      if (found == index.end()) continue;
      Tally& tally = out[found->second].second;
      for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
        if (kOutcomes[i] == decision.outcome) ++tally.outcomes[i];
      }
      if (tally.kind == "pay" && decision.outcome == Outcome::computed &&
          decision.value.kind() == ValueKind::decimal) {
        auto sum = Decimal::add(tally.total, decision.value.as_decimal());
        if (sum.ok()) tally.total = sum.value;
        tally.has_total = true;
      }
    }
  }
  return out;
}

std::string summary_table(const std::vector<RecordOutput>& outputs, const CompiledRuleSet& rules,
                          Lang lang) {
  std::string out = "<table class=\"summary\"><thead><tr><th>" +
                    std::string(labels().decision.in(lang)) + "</th>";
  for (Outcome outcome : kOutcomes)
    out += "<th>" + html_escaped(outcome_words(outcome).in(lang)) + "</th>";
  out += "<th>" + std::string(labels().sum_of_values.in(lang)) + "</th></tr></thead><tbody>\n";
  for (const auto& [id, tally] : tallies(outputs, rules, lang)) {
    out += "<tr><td>" + html_escaped(tally.title) + "<span class=\"id\">" + html_escaped(id) +
           "</span></td>";
    for (std::size_t i = 0; i < kOutcomes.size(); ++i) {
      const int count = tally.outcomes[i];
      std::string cls = count == 0                              ? " class=\"zero\""
                        : kOutcomes[i] == Outcome::undetermined ? " class=\"undetermined\""
                                                                : "";
      out += "<td" + cls + ">" + std::to_string(count) + "</td>";
    }
    out += "<td>" + (tally.has_total ? value_words(Value(tally.total), lang) : std::string()) +
           "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

void decision_html(std::string& out, const DecisionExplanation& d, Lang lang) {
  const std::string outcome = outcome_name(d.outcome);
  out += "<div class=\"decision";
  if (d.outcome == Outcome::undetermined) out += " undetermined";
  out += "\"><div class=\"head\">" + html_escaped(d.title) + "<span class=\"badge o-" + outcome +
         "\">" + html_escaped(d.outcome_words) + "</span>";
  if (!d.value.empty()) out += " " + html_escaped(d.value);
  out += "<span class=\"id\">" + html_escaped(d.id) + "</span></div>\n";
  if (!d.cite.empty()) {
    out +=
        "<div class=\"cite\">" + std::string(labels().cites.in(lang)) + " " + html_escaped(d.cite);
    if (!d.source.empty())
      out += " · " + html_escaped(lang == Lang::zh ? "《" + d.source + "》" : d.source);
    out += "</div>\n";
    if (!d.quote.empty()) out += "<blockquote>「" + html_escaped(d.quote) + "」</blockquote>\n";
  }
  if (!d.message.empty()) out += "<div class=\"msg\">" + html_escaped(d.message) + "</div>\n";
  if (!d.cohort.empty()) out += "<div class=\"msg\">" + html_escaped(d.cohort) + "</div>\n";
  for (const auto& step : d.pay) {
    out += "<div class=\"pay\">" + html_escaped(step.id + " = " + step.formula) + "<br>= ";
    if (!step.computed.empty()) out += html_escaped(step.computed) + " = ";
    out += "<b>" + html_escaped(step.amount) + "</b>";
    if (!step.rounding.empty()) out += " (" + html_escaped(step.rounding) + ")";
    if (!step.where.empty())
      out += "<br><span class=\"facts\">" + std::string(labels().where.in(lang)) + " " +
             html_escaped(step.where) + "</span>";
    out += "</div>\n";
  }
  if (!d.conditions.empty()) {
    out += "<ul class=\"conditions\">\n";
    for (const auto& line : d.conditions) {
      const std::string status = reason_status_name(line.status);
      out += "<li style=\"margin-left:" + std::to_string(line.depth * 18) +
             "px\"><span class=\"s-" + status + "\">" + status_mark(line.status) + " " +
             html_escaped(status_words(line.status).in(lang)) + "</span> " +
             html_escaped(line.text);
      if (!line.facts.empty())
        out += " <span class=\"facts\">(" + html_escaped(line.facts) + ")</span>";
      if (!line.note.empty())
        out += "<br><span class=\"note\">" + html_escaped(line.note) + "</span>";
      out += "</li>\n";
    }
    out += "</ul>\n";
  }
  auto labelled = [&](const Words& label, const std::string& text) {
    if (!text.empty())
      out += "<div class=\"note\">" + std::string(label.in(lang)) +
             (lang == Lang::zh ? "：" : ": ") + html_escaped(text) + "</div>\n";
  };
  labelled(labels().actions, d.actions);
  labelled(labels().range, d.range);
  labelled(labels().possible, d.possible);
  labelled(labels().exact, d.exact);
  for (const auto& note : d.notes)
    labelled(labels().flags, note);
  for (const auto& why : d.undetermined) {
    out += "<div class=\"why\">" + std::string(labels().undetermined.in(lang)) +
           (lang == Lang::zh ? "：" : ": ") + html_escaped(why) + "</div>\n";
  }
  out += "</div>\n";
}

}  // namespace

std::string population_html(const std::vector<RecordOutput>& outputs, const CompiledRuleSet& rules,
                            const std::string& as_of, Lang lang) {
  std::string title = in(lang, rules.title_zh(), rules.title_en());
  if (title.empty()) title = rules.id();
  const std::string heading =
      title + (lang == Lang::zh ? " — " : " — ") + labels().of_population.in(lang);
  std::size_t records = 0;
  for (const auto& output : outputs)
    records += output.record == "_context" ? 0 : 1;
  std::string out = html_page_start(
      lang, heading,
      labels().ruleset.in(lang) + std::string(" ") +
          html_escaped(rules.id() + " " + rules.version()) + " · " + labels().as_of.in(lang) + " " +
          html_escaped(as_of) + " · " + std::to_string(records) + " " + labels().records.in(lang),
      kStyle);
  out += "<h2>" + std::string(labels().summary.in(lang)) + "</h2>\n";
  out += summary_table(outputs, rules, lang);
  out += "<h2>" + std::string(labels().explanations.in(lang)) + "</h2>\n";
  for (const auto& output : outputs) {
    out += "<section class=\"record\" id=\"" + html_escaped("r-" + output.record) + "\"><h3>" +
           labels().record.in(lang) + " " + html_escaped(output.record);
    if (!output.kind.empty() && output.kind != output.record)
      out += " <span class=\"id\">" + html_escaped(output.kind) + "</span>";
    out += "</h3>\n";
    for (const auto& error : output.errors) {
      out += "<div class=\"errors\">" + std::string(labels().error.in(lang)) + ": " +
             html_escaped(error_location(error) + (error.field.empty() ? "" : ": " + error.field) +
                          ": " + error.message) +
             "</div>\n";
    }
    for (const auto& decision : output.decisions)
      decision_html(out, explain_decision(decision, rules, lang), lang);
    out += "</section>\n";
  }
  return out + html_page_end();
}

}  // namespace cadre::render
