// The impact report as one self-contained page (inline CSS and SVG, no
// script, nothing loaded from outside), in the frame every page of the tool
// shares: summary cards, the rule-set difference, the static impact, and
// with a population the changes per decision, the pay by group as a chart
// and each affected record with its reasons before and after
// (impact_html_population.cpp).
#include "render/impact.hpp"
#include "render/impact_html_parts.hpp"
#include "render/impact_words.hpp"

namespace cadre::render {

namespace {

using diff::DecisionReach;

constexpr std::string_view kStyle = R"css(
h2{font-size:18px;margin:28px 0 10px}
h3{font-size:15px;margin:16px 0 6px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{background:#fff;border:1px solid #d7dbe2;border-radius:6px;padding:10px 16px;min-width:150px}
.card .n{font-size:26px;font-weight:700}
.card .l{font-size:13px;color:#4b5563}
.card .s{font-size:12px;color:#6b7280}
table.t{border-collapse:collapse;background:#fff;width:100%;font-size:14px}
table.t th,table.t td{border:1px solid #d7dbe2;padding:6px 8px;text-align:left;vertical-align:top}
table.t thead th{background:#eef0f4}
td.num,th.num,td.nw{text-align:right;white-space:nowrap}
td.nw{text-align:left}
.none{color:#9ca3af;font-style:italic}
.m-added{color:#1f7a3a;font-weight:700}.m-removed{color:#a0191c;font-weight:700}.m-changed{color:#b7791f;font-weight:700}
.fields{margin:0;padding-left:16px;font-size:13px}
.fields code{font-size:12px}
del{background:#fde8e8;text-decoration:none;white-space:pre-wrap}
ins{background:#e6f4ea;text-decoration:none;white-space:pre-wrap}
blockquote{margin:4px 0;padding:2px 10px;border-left:3px solid #c9a227;color:#4b5563;font-size:13px}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;background:#6b7280;white-space:nowrap}
.r-changed,.r-removed{background:#a0191c}.r-added{background:#1f7a3a}.r-reads_changed{background:#b7791f}
.r-wording{background:#2563eb}.r-cannot_change{background:#c4c9d2;color:#1d2430}
.chain{font-family:"Noto Sans Mono",ui-monospace,monospace;font-size:12px;color:#374151}
details{background:#fff;border:1px solid #d7dbe2;border-radius:6px;padding:8px 12px;margin:10px 0}
details summary{cursor:pointer;font-weight:600}
.ids{font-family:"Noto Sans Mono",ui-monospace,monospace;font-size:12px;color:#4b5563}
.note{color:#6b7280;font-size:13px}
.bar{display:flex;height:12px;width:180px;background:#eef0f4;border-radius:3px;overflow:hidden}
.w-outcome{background:#a0191c}.w-value{background:#2563eb}.w-became_undetermined{background:#b7791f}
.w-became_determined{background:#1f7a3a}.w-undetermined_reasons{background:#d6a851}
.w-added{background:#6d28d9}.w-removed{background:#4b5563}
.chart{background:#fff;border:1px solid #d7dbe2;border-radius:6px;margin:6px 0}
.chart text{font-size:12px;fill:#1d2430}
section.record{background:#fff;border:1px solid #d7dbe2;border-radius:6px;margin:14px 0;padding:10px 16px}
section.record h3{margin:4px 0 8px;font-size:16px}
.change{border-top:1px solid #eceef2;padding:8px 0}
.change .head{font-weight:600}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:4px}
.side{background:#f8f9fb;border-radius:4px;padding:6px 10px;font-size:13px}
.side h4{margin:0 0 4px;font-size:13px;color:#4b5563}
ul.conditions{list-style:none;margin:2px 0;padding-left:2px}
.s-passed{color:#1f7a3a}.s-failed{color:#a0191c}.s-unknown{color:#b7791f}
.why{color:#7c4a03}
)css";

std::string card(const std::string& number, const std::string& label, const std::string& small) {
  std::string out = "<div class=\"card\"><div class=\"n\">" + html_escaped(number) +
                    "</div><div class=\"l\">" + html_escaped(label) + "</div>";
  if (!small.empty()) out += "<div class=\"s\">" + html_escaped(small) + "</div>";
  return out + "</div>\n";
}

std::string cards(const diff::VariantImpact& impact, Lang lang) {
  const ImpactLabels& words = impact_labels();
  int counts[3] = {0, 0, 0};  // added, removed, changed
  for (const auto& item : impact.items)
    ++counts[static_cast<int>(item.change)];
  std::string out = "<div class=\"cards\">\n";
  out += card(std::to_string(impact.items.size()),
              std::string(words.difference.in(lang)) + (lang == Lang::zh ? "（项）" : " (items)"),
              "+" + std::to_string(counts[0]) + " −" + std::to_string(counts[1]) + " ~" +
                  std::to_string(counts[2]));
  out += card(
      std::to_string(impact.reach.can_change),
      std::string(words.can_change.in(lang)) + (lang == Lang::zh ? "的决定" : " (decisions)"),
      std::string(words.cannot_change.in(lang)) + " " + std::to_string(impact.reach.cannot_change));
  if (const auto& p = impact.population) {
    out += card(
        std::to_string(p->results_changed), words.results_changed.in(lang),
        std::string(words.results_compared.in(lang)) + " " + std::to_string(p->results_compared));
    out += card(std::to_string(p->records_affected), words.records_affected.in(lang),
                std::string(words.records_read.in(lang)) + " " + std::to_string(p->records_read));
    out += pay_card(*p, lang);
  }
  return out + "</div>\n";
}

std::string fields_html(const diff::ItemChange& item, Lang lang) {
  if (item.fields.empty()) return {};
  const std::string none =
      "<span class=\"none\">" + std::string(lang == Lang::zh ? "（无）" : "(none)") + "</span>";
  std::string out = "<ul class=\"fields\">";
  for (const auto& field : item.fields) {
    out += "<li><code>" + html_escaped(field.path) + "</code>: ";
    out += field.before.empty() ? none : "<del>" + html_escaped(field.before) + "</del>";
    out += " → ";
    out += field.after.empty() ? none : "<ins>" + html_escaped(field.after) + "</ins>";
    out += "</li>";
  }
  return out + "</ul>";
}

std::string difference_html(const diff::VariantImpact& impact, Lang lang) {
  const ImpactLabels& words = impact_labels();
  std::string out = "<h2>" + std::string(words.difference.in(lang)) + "</h2>\n";
  if (impact.items.empty())
    return out + "<p class=\"note\">" + words.no_difference.in(lang) + "</p>\n";
  out += "<table class=\"t\"><thead><tr><th>" + std::string(words.change.in(lang)) + "</th><th>" +
         words.kind.in(lang) + "</th><th>" + words.id.in(lang) + "</th><th>" +
         words.citation.in(lang) + "</th><th>" + words.fields.in(lang) +
         "</th></tr></thead><tbody>\n";
  for (const auto& item : impact.items) {
    const std::string change = diff::change_name(item.change);
    out += "<tr><td class=\"nw\"><span class=\"m-" + change + "\">" + change_mark(item.change) +
           " " + change_words(item.change).in(lang) + "</span>";
    if (item.wording_only)
      out += "<br><span class=\"note\">" + std::string(words.wording_only.in(lang)) + "</span>";
    out += "</td><td class=\"nw\">" + std::string(item_kind_words(item.kind).in(lang)) +
           "</td><td><code>" + html_escaped(item.id) + "</code>";
    const std::string& title = in_lang(lang, item.title_zh, item.title_en);
    if (!title.empty()) out += "<br>" + html_escaped(title);
    out += "</td><td>" + html_escaped(item.cite);
    if (!item.quote.empty()) out += "<blockquote>「" + html_escaped(item.quote) + "」</blockquote>";
    out += "</td><td>" + fields_html(item, lang) + "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string chains_html(const DecisionReach& decision) {
  std::string out;
  for (const auto& chain : decision.through) {
    std::string line;
    for (const auto& step : chain)
      line += (line.empty() ? "" : " → ") + html_escaped(step);
    out += "<div class=\"chain\">" + line + "</div>";
  }
  return out;
}

std::string reach_row(const DecisionReach& decision, Lang lang) {
  std::string out = "<tr><td><span class=\"badge r-" +
                    std::string(diff::reach_status_name(decision.status)) + "\">" +
                    reach_status_words(decision.status).in(lang) + "</span></td><td><code>" +
                    html_escaped(decision.id) + "</code>";
  const std::string& title = in_lang(lang, decision.title_zh, decision.title_en);
  if (!title.empty()) out += "<br>" + html_escaped(title);
  const Words kind = decision_kind_words(decision.kind);
  return out + "</td><td>" +
         html_escaped(*kind.zh != '\0' ? std::string(kind.in(lang)) : decision.kind) + "</td><td>" +
         html_escaped(decision.cite) + "</td><td>" + chains_html(decision) + "</td></tr>\n";
}

std::string reach_html(const diff::StaticImpact& reach, Lang lang) {
  const ImpactLabels& words = impact_labels();
  const std::string head = "<table class=\"t\"><thead><tr><th>" +
                           std::string(words.status.in(lang)) + "</th><th>" +
                           labels().decision.in(lang) + "</th><th>" + words.kind.in(lang) +
                           "</th><th>" + words.citation.in(lang) + "</th><th>" +
                           words.through.in(lang) + "</th></tr></thead><tbody>\n";
  std::string can, cannot;
  for (const auto& decision : reach.decisions) {
    const bool fixed = decision.status == DecisionReach::Status::wording ||
                       decision.status == DecisionReach::Status::cannot_change;
    (fixed ? cannot : can) += reach_row(decision, lang);
  }
  std::string out = "<h2>" + std::string(words.static_impact.in(lang)) + "</h2>\n";
  out += "<h3>" + std::string(words.can_change.in(lang)) + " (" + std::to_string(reach.can_change) +
         ")</h3>\n";
  if (!can.empty()) out += head + can + "</tbody></table>\n";
  out += "<details><summary>" + std::string(words.cannot_change.in(lang)) + " (" +
         std::to_string(reach.cannot_change) + ")</summary>\n";
  if (!cannot.empty()) out += head + cannot + "</tbody></table>\n";
  return out + "</details>\n";
}

std::string subtitle(const diff::VariantImpact& impact, Lang lang) {
  const ImpactLabels& words = impact_labels();
  auto named = [&](const Words& label, const diff::RuleSetName& name) {
    return std::string(label.in(lang)) + " " +
           html_escaped(name.id + " " + name.version + " (" + name.path + ")");
  };
  std::string out = named(words.base, impact.base) + " · " + named(words.variant, impact.variant);
  if (impact.population) {
    out += " · " + std::string(words.records_file.in(lang)) + " " +
           html_escaped(impact.population->records);
    if (!impact.population->as_of.empty())
      out += " · " + std::string(labels().as_of.in(lang)) + " " +
             html_escaped(impact.population->as_of);
  }
  return out;
}

}  // namespace

std::string impact_html(const diff::VariantImpact& impact, Lang lang) {
  const ImpactLabels& words = impact_labels();
  const std::string title = std::string(words.title.in(lang)) + (lang == Lang::zh ? "：" : ": ") +
                            impact.variant.id + " " + words.against.in(lang) + " " + impact.base.id;
  std::string out = html_page_start(lang, title, subtitle(impact, lang), kStyle);
  out += cards(impact, lang);
  out += "<p class=\"note\">" +
         std::string((impact.variant_extends_base ? words.extends : words.not_extends).in(lang)) +
         "</p>\n";
  out += difference_html(impact, lang);
  out += reach_html(impact.reach, lang);
  if (impact.population) out += population_html_parts(impact, lang);
  return out + html_page_end();
}

}  // namespace cadre::render
