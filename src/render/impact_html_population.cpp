// The population's parts of the impact page: the changes per decision with
// bars, the pay by group (an SVG chart per pay decision, then its table;
// undetermined results counted apart), and each affected record with its
// reasons before and after.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "render/impact_html_parts.hpp"
#include "render/impact_words.hpp"

namespace cadre::render {

namespace {

using What = diff::ResultChange::What;

std::string colon(Lang lang) {
  return lang == Lang::zh ? "：" : ": ";
}

std::string in_parens(const std::string& text, Lang lang) {
  return lang == Lang::zh ? "（" + text + "）" : " (" + text + ")";
}

// The magnitude of exact decimal text, for drawing only (never for money).
double magnitude(const std::string& decimal) {
  const std::string digits = decimal.starts_with('-') ? decimal.substr(1) : decimal;
  double value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// The lines of one pay decision: the whole population's first.
std::vector<const diff::MoneyLine*> lines_of(const diff::PopulationImpact& p,
                                             const std::string& decision) {
  std::vector<const diff::MoneyLine*> out;
  for (const auto& line : p.money) {
    if (line.decision == decision) out.push_back(&line);
  }
  return out;
}

bool changed(const std::vector<const diff::MoneyLine*>& lines) {
  return std::any_of(lines.begin(), lines.end(), [](const diff::MoneyLine* line) {
    return amount_sign(line->delta) != 0 || line->before != line->after ||
           line->undetermined_before != line->undetermined_after;
  });
}

std::vector<std::string> pay_decisions(const diff::PopulationImpact& p) {
  std::vector<std::string> out;
  for (const auto& line : p.money) {
    if (std::find(out.begin(), out.end(), line.decision) == out.end()) out.push_back(line.decision);
  }
  return out;
}

std::string group_label(const diff::MoneyLine& line) {
  return line.group_name.empty() ? line.group : line.group_name + " " + line.group;
}

// `12.5%` of `count` in `of` (of > 0), in tenths of a per cent.
std::string percent(int count, int of) {
  const long tenths = std::lround(1000.0 * count / of);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string tally_bar(const diff::DecisionTally& tally, Lang lang) {
  const std::pair<What, int> parts[] = {
      {What::outcome, tally.outcome},
      {What::value, tally.value},
      {What::became_undetermined, tally.became_undetermined},
      {What::became_determined, tally.became_determined},
      {What::undetermined_reasons, tally.undetermined_reasons},
      {What::added, tally.added},
      {What::removed, tally.removed},
  };
  const int of = std::max(tally.compared + tally.added, tally.changed());
  std::string bar = "<div class=\"bar\">", counts;
  for (const auto& [what, count] : parts) {
    if (count == 0) continue;
    const std::string words = std::string(what_words(what).in(lang)) + " " + std::to_string(count);
    bar += "<span class=\"w-" + std::string(diff::what_name(what)) +
           "\" style=\"width:" + percent(count, of) + "\" title=\"" + html_escaped(words) +
           "\"></span>";
    counts += (counts.empty() ? "" : "<br>") + html_escaped(words);
  }
  return "<td>" + bar + "</div></td><td>" + counts + "</td>";
}

std::string tallies_html(const diff::PopulationImpact& p, Lang lang) {
  const ImpactLabels& words = impact_labels();
  std::string out = "<h2>" + std::string(words.by_decision.in(lang)) + "</h2>\n";
  std::string rows;
  for (const auto& tally : p.decisions) {
    if (tally.changed() == 0 && tally.undetermined_before == tally.undetermined_after) continue;
    rows += "<tr><td>" + html_escaped(in_lang(lang, tally.title_zh, tally.title_en)) +
            "<span class=\"id\">" + html_escaped(tally.id) + "</span></td><td class=\"num\">" +
            std::to_string(tally.compared) + "</td><td class=\"num\">" +
            std::to_string(tally.changed()) + "</td>" + tally_bar(tally, lang) +
            "<td class=\"num\">" + std::to_string(tally.undetermined_before) + " → " +
            std::to_string(tally.undetermined_after) + "</td><td>";
    for (const auto& [move, count] : tally.moves)
      rows += html_escaped(move_words(move, lang) + colon(lang) + std::to_string(count)) + "<br>";
    rows += "</td></tr>\n";
  }
  if (rows.empty()) return out + "<p class=\"note\">" + words.no_changes.in(lang) + "</p>\n";
  return out + "<table class=\"t\"><thead><tr><th>" + labels().decision.in(lang) +
         "</th><th class=\"num\">" + words.compared.in(lang) + "</th><th class=\"num\">" +
         words.changed.in(lang) + "</th><th></th><th>" + words.change.in(lang) +
         "</th><th class=\"num\">" + words.undetermined_counts.in(lang) +
         in_parens(std::string(words.before.in(lang)) + " → " + words.after.in(lang), lang) +
         "</th><th>" + words.moves.in(lang) + "</th></tr></thead><tbody>\n" + rows +
         "</tbody></table>\n";
}

std::string money_row(const std::string& name, const diff::MoneyLine& line) {
  const int sign = amount_sign(line.delta);
  return "<tr><td>" + html_escaped(name) + "</td><td class=\"num\">" + amount_words(line.before) +
         "</td><td class=\"num\">" + amount_words(line.after) + "</td><td class=\"num" +
         (sign < 0   ? " s-failed"
          : sign > 0 ? " s-passed"
                     : "") +
         "\">" + signed_amount_words(line.delta) + "</td><td class=\"num\">" +
         std::to_string(line.results) + "</td><td class=\"num\">" +
         std::to_string(line.undetermined_before) + " / " +
         std::to_string(line.undetermined_after) + "</td></tr>\n";
}

std::string money_table(const std::vector<const diff::MoneyLine*>& lines, Lang lang) {
  const ImpactLabels& words = impact_labels();
  std::string out =
      "<table class=\"t\"><thead><tr><th></th><th class=\"num\">" +
      std::string(words.before.in(lang)) + "</th><th class=\"num\">" + words.after.in(lang) +
      "</th><th class=\"num\">" + words.delta.in(lang) + "</th><th class=\"num\">" +
      words.results.in(lang) + "</th><th class=\"num\">" + words.undetermined_counts.in(lang) +
      in_parens(std::string(words.before.in(lang)) + " / " + words.after.in(lang), lang) +
      "</th></tr></thead><tbody>\n";
  for (const auto* line : lines) {
    if (line->group.empty()) {
      out += money_row(line->component.empty()
                           ? std::string(labels().total.in(lang))
                           : std::string(words.component.in(lang)) + " " + line->component,
                       *line);
    } else if (line->component.empty()) {
      out += money_row(group_label(*line), *line);
    }
  }
  return out + "</tbody></table>\n";
}

std::string money_html(const diff::VariantImpact& impact, Lang lang) {
  const diff::PopulationImpact& p = *impact.population;
  if (p.money.empty()) return {};
  const ImpactLabels& words = impact_labels();
  std::string out = "<h2>" + std::string(words.money.in(lang)) + "</h2>\n<p class=\"note\">" +
                    words.undetermined_apart.in(lang) + "</p>\n";
  for (const auto& decision : pay_decisions(p)) {
    const auto lines = lines_of(p, decision);
    out += "<h3>" + html_escaped(decision_title(impact, decision, lang)) + "<span class=\"id\">" +
           html_escaped(decision) + "</span></h3>\n";
    std::vector<const diff::MoneyLine*> groups;
    for (const auto* line : lines) {
      if (!line->group.empty() && line->component.empty()) groups.push_back(line);
    }
    if (!groups.empty()) {
      out += "<div class=\"note\">" + std::string(words.pay_by_group.in(lang)) + "</div>\n";
      out += delta_chart(groups, lang);
    }
    if (changed(lines)) {
      out += money_table(lines, lang);
    } else {
      out += "<p class=\"note\">" + std::string(words.pay_unchanged.in(lang)) + "</p>\n";
    }
  }
  return out;
}

std::string side_html(const Words& label, const std::optional<DecisionResult>& result,
                      const std::vector<ReasonLine>& reasons, Lang lang) {
  std::string out = "<div class=\"side\"><h4>" + std::string(label.in(lang)) + "</h4>";
  if (!result)
    out += "<div class=\"note\">" + std::string(impact_labels().no_result.in(lang)) + "</div>";
  if (!reasons.empty()) {
    out += "<ul class=\"conditions\">";
    for (const auto& line : reasons) {
      const std::string status = reason_status_name(line.status);
      out += "<li style=\"margin-left:" + std::to_string(line.depth * 16) +
             "px\"><span class=\"s-" + status + "\">" + status_mark(line.status) + " " +
             status_words(line.status).in(lang) + "</span> " + html_escaped(line.text) +
             " <span class=\"id\">" + html_escaped(line.id) + "</span></li>";
    }
    out += "</ul>";
  }
  for (const auto& sentence : undetermined_sentences(result, lang)) {
    out += "<div class=\"why\">" + std::string(labels().undetermined.in(lang)) + colon(lang) +
           html_escaped(sentence) + "</div>";
  }
  return out + "</div>";
}

std::string change_html(const diff::VariantImpact& impact, const diff::ResultChange& change,
                        Lang lang) {
  const ImpactLabels& words = impact_labels();
  std::string out = "<div class=\"change\"><div class=\"head\">" +
                    html_escaped(decision_title(impact, change.decision, lang)) +
                    "<span class=\"id\">" + html_escaped(change.result) +
                    "</span> <span class=\"badge\">" + what_words(change.what).in(lang) +
                    "</span></div>\n<div>" + html_escaped(result_words(change.before, lang)) +
                    " → " + html_escaped(result_words(change.after, lang)) + "</div>\n";
  for (const auto& component : component_changes(change, lang)) {
    out += "<div class=\"note\">" + std::string(words.component.in(lang)) + " " +
           html_escaped(component.id + colon(lang) + component.before + " → " + component.after) +
           "</div>\n";
  }
  const ReasonsShown reasons = reasons_shown(change, lang);
  const bool open = (change.before && !change.before->undetermined.empty()) ||
                    (change.after && !change.after->undetermined.empty());
  if (!reasons.before.empty() || !reasons.after.empty() || open) {
    out += "<div class=\"sides\">" + side_html(words.before, change.before, reasons.before, lang) +
           side_html(words.after, change.after, reasons.after, lang) + "</div>\n";
  }
  return out + "</div>\n";
}

std::string records_html(const diff::VariantImpact& impact, Lang lang) {
  const diff::PopulationImpact& p = *impact.population;
  const ImpactLabels& words = impact_labels();
  std::string out = "<h2>" + std::string(words.affected.in(lang)) + " (" +
                    std::to_string(p.records_affected) + ")</h2>\n";
  const std::string* record = nullptr;
  for (const auto& change : p.changes) {
    if (record == nullptr || *record != change.record) {
      if (record != nullptr) out += "</section>\n";
      record = &change.record;
      out += "<section class=\"record\" id=\"" + html_escaped("r-" + change.record) + "\"><h3>" +
             labels().record.in(lang) + " " + html_escaped(change.record);
      if (!change.kind.empty() && change.kind != change.record)
        out += " <span class=\"id\">" + html_escaped(change.kind) + "</span>";
      if (!change.group.empty())
        out += " · " + std::string(words.group.in(lang)) + " " +
               html_escaped(group_words(p, change.group));
      out += "</h3>\n";
    }
    out += change_html(impact, change, lang);
  }
  if (record != nullptr) out += "</section>\n";
  return out;
}

}  // namespace

std::string pay_card(const diff::PopulationImpact& p, Lang lang) {
  const ImpactLabels& words = impact_labels();
  std::string out = "<div class=\"card\">";
  bool any = false;
  for (const auto& decision : pay_decisions(p)) {
    const auto lines = lines_of(p, decision);
    if (!changed(lines)) continue;
    auto total = std::find_if(lines.begin(), lines.end(), [](const diff::MoneyLine* line) {
      return line->group.empty() && line->component.empty();
    });
    const diff::MoneyLine& whole = **(total == lines.end() ? lines.begin() : total);
    any = true;
    out += "<div class=\"n\">" + signed_amount_words(whole.delta) + "</div><div class=\"s\">" +
           html_escaped(decision);
    if (whole.undetermined_before != whole.undetermined_after) {
      out += " · " + std::string(words.undetermined_counts.in(lang)) + " " +
             std::to_string(whole.undetermined_before) + " → " +
             std::to_string(whole.undetermined_after);
    }
    out += "</div>";
  }
  if (!any) out += "<div class=\"n\">0.00</div>";
  out += "<div class=\"l\">" + std::string(words.money.in(lang)) + " · " + words.delta.in(lang) +
         "</div>";
  if (!any) out += "<div class=\"s\">" + std::string(words.pay_unchanged.in(lang)) + "</div>";
  return out + "</div>\n";
}

std::string delta_chart(const std::vector<const diff::MoneyLine*>& lines, Lang lang) {
  constexpr int kWidth = 780, kLabelEnd = 180, kAxis = 480, kLongest = 190, kRow = 26, kTop = 10;
  const std::string label = impact_labels().pay_by_group.in(lang);
  double largest = 0;
  for (const auto* line : lines)
    largest = std::max(largest, magnitude(line->delta));
  const bool none = std::none_of(lines.begin(), lines.end(), [](const diff::MoneyLine* line) {
    return amount_sign(line->delta) != 0;
  });
  const int height = none ? 40 : 2 * kTop + kRow * static_cast<int>(lines.size());
  std::string out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
                    "\" viewBox=\"0 0 " + std::to_string(kWidth) + " " + std::to_string(height) +
                    "\" role=\"img\"><title>" + html_escaped(label) + "</title>\n";
  if (none || largest <= 0) {
    return out + "<text x=\"16\" y=\"25\">" + impact_labels().no_pay_change.in(lang) +
           "</text>\n</svg>\n";
  }
  out += "<line x1=\"" + std::to_string(kAxis) + "\" y1=\"4\" x2=\"" + std::to_string(kAxis) +
         "\" y2=\"" + std::to_string(height - 4) + "\" stroke=\"#6b7280\"/>\n";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const diff::MoneyLine& line = *lines[i];
    const int y = kTop + kRow * static_cast<int>(i);
    const std::string baseline = std::to_string(y + 17);
    out += "<text x=\"" + std::to_string(kLabelEnd) + "\" y=\"" + baseline +
           "\" text-anchor=\"end\">" + html_escaped(group_label(line)) + "</text>";
    const int sign = amount_sign(line.delta);
    const int length = sign == 0 ? 0
                                 : std::max(1, static_cast<int>(std::lround(magnitude(line.delta) /
                                                                            largest * kLongest)));
    const int x = sign < 0 ? kAxis - length : kAxis;
    if (sign != 0) {
      out += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 5) + "\" width=\"" +
             std::to_string(length) + "\" height=\"16\" fill=\"" +
             (sign < 0 ? "#a0191c" : "#1f7a3a") + "\"/>";
    }
    const int text_x = sign < 0 ? kAxis - length - 6 : kAxis + length + 6;
    out += "<text x=\"" + std::to_string(text_x) + "\" y=\"" + baseline + "\"" +
           (sign < 0 ? " text-anchor=\"end\"" : "") + ">" + signed_amount_words(line.delta) +
           "</text>\n";
  }
  return out + "</svg>\n";
}

std::string population_html_parts(const diff::VariantImpact& impact, Lang lang) {
  const diff::PopulationImpact& p = *impact.population;
  const ImpactLabels& words = impact_labels();
  std::string out = "<h2>" + std::string(words.population.in(lang)) + "</h2>\n<p>" +
                    words.records_file.in(lang) + " " + html_escaped(p.records);
  if (!p.as_of.empty())
    out += " · " + std::string(labels().as_of.in(lang)) + " " + html_escaped(p.as_of);
  out += " · " + std::string(words.records_read.in(lang)) + " " + std::to_string(p.records_read);
  if (p.records_with_errors_base > 0)
    out += " · " + std::string(words.errors_base.in(lang)) + " " +
           std::to_string(p.records_with_errors_base);
  if (p.records_with_errors_variant > 0)
    out += " · " + std::string(words.errors_variant.in(lang)) + " " +
           std::to_string(p.records_with_errors_variant);
  out += "</p>\n";
  if (!p.ignored_by_base.empty()) {
    std::string fields;
    for (const auto& field : p.ignored_by_base)
      fields += (fields.empty() ? "" : ", ") + field;
    out += "<p class=\"note\">" + std::string(words.ignored_by_base.in(lang)) + colon(lang) +
           "<code>" + html_escaped(fields) + "</code></p>\n";
  }
  out += tallies_html(p, lang);
  out += money_html(impact, lang);
  return out + records_html(impact, lang);
}

}  // namespace cadre::render
