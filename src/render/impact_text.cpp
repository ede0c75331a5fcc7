// The impact report as text for a terminal, in Chinese or English: what
// differs item by item, which decisions can change, and over a population
// what changed for whom and at what cost. Columns are aligned by display
// width (a Chinese character takes two columns: render/text_width.hpp).
#include <algorithm>
#include <array>

#include "render/impact.hpp"
#include "render/impact_words.hpp"
#include "render/text_width.hpp"

namespace cadre::render {

namespace {

using diff::DecisionReach;

constexpr std::size_t kWidth = 100;  // where a long list wraps

std::string colon(Lang lang) {
  return lang == Lang::zh ? "：" : ": ";
}

// A colon that ends a line.
std::string colon_end(Lang lang) {
  return lang == Lang::zh ? "：" : ":";
}

std::string bracketed(const std::string& text, Lang lang) {
  return lang == Lang::zh ? "（" + text + "）" : " (" + text + ")";
}

std::string separator(Lang lang) {
  return lang == Lang::zh ? "，" : ", ";
}

std::string right_aligned(const std::string& text, std::size_t width) {
  const std::size_t has = text_width(text);
  return has >= width ? text : std::string(width - has, ' ') + text;
}

// `items` joined, wrapped under `indent` before kWidth columns.
std::string wrapped(const std::vector<std::string>& items, const std::string& indent, Lang lang) {
  const std::string between = lang == Lang::zh ? "、" : ", ";
  std::string out = indent;
  std::size_t column = indent.size();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string word = items[i] + (i + 1 < items.size() ? between : "");
    const std::size_t width = text_width(word);
    if (column > indent.size() && column + width > kWidth) {
      while (out.ends_with(' '))
        out.pop_back();
      out += "\n" + indent;
      column = indent.size();
    }
    out += word;
    column += width;
  }
  return out + "\n";
}

std::string ruleset_line(const Words& label, const diff::RuleSetName& name, Lang lang) {
  std::string out = padded_to(std::string(label.in(lang)) + colon(lang), 10) + name.id + " " +
                    name.version + "  " + name.path;
  const std::string& title = in_lang(lang, name.title_zh, name.title_en);
  if (!title.empty()) out += "\n          " + title;
  return out + "\n";
}

void write_header(std::string& out, const diff::VariantImpact& impact, Lang lang) {
  const ImpactLabels& words = impact_labels();
  out += std::string(words.title.in(lang)) + colon(lang) + impact.variant.id + " " +
         words.against.in(lang) + " " + impact.base.id + "\n";
  out += ruleset_line(words.base, impact.base, lang);
  out += ruleset_line(words.variant, impact.variant, lang);
  out += std::string(10, ' ') +
         (impact.variant_extends_base ? words.extends : words.not_extends).in(lang) + "\n";
}

std::string item_head(const diff::ItemChange& item, Lang lang) {
  std::string out = std::string("  ") + change_mark(item.change) + " " +
                    item_kind_words(item.kind).in(lang) + " " + item.id;
  if (!item.cite.empty()) out += " (" + item.cite + ")";
  if (item.change != diff::Change::changed) out += colon(lang) + change_words(item.change).in(lang);
  if (item.wording_only) out += bracketed(impact_labels().wording_only.in(lang), lang);
  return out;
}

// A part's text on one line: a line break and the indentation after it
// become one space (an expression written over several lines).
std::string one_line(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (out.ends_with(' '))
      out.pop_back();
    while (i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\n'))
      ++i;
    out += ' ';
  }
  return out;
}

std::string field_text(const diff::FieldChange& field, Lang lang) {
  const std::string none = lang == Lang::zh ? "（无）" : "(none)";
  return field.path + colon(lang) + (field.before.empty() ? none : one_line(field.before)) + " → " +
         (field.after.empty() ? none : one_line(field.after));
}

void write_difference(std::string& out, const diff::VariantImpact& impact, Lang lang) {
  const ImpactLabels& words = impact_labels();
  const std::size_t count = impact.items.size();
  out += "\n" + std::string(words.difference.in(lang)) + colon(lang) + std::to_string(count) +
         (lang == Lang::zh ? words.items.zh
          : count == 1     ? " item"
                           : " items") +
         "\n";
  if (impact.items.empty()) out += "  " + std::string(words.no_difference.in(lang)) + "\n";
  for (const auto& item : impact.items) {
    out += item_head(item, lang);
    // One part that differs fits on the item's line; more go below it.
    if (item.change == diff::Change::changed && item.fields.size() == 1) {
      out += colon(lang) + field_text(item.fields.front(), lang) + "\n";
      continue;
    }
    out += "\n";
    for (const auto& field : item.fields)
      out += "      " + field_text(field, lang) + "\n";
  }
}

std::string chains_text(const DecisionReach& decision) {
  std::string out;
  for (const auto& chain : decision.through) {
    std::string line;
    for (const auto& step : chain)
      line += (line.empty() ? "" : " → ") + step;
    out += (out.empty() ? "" : "; ") + line;
  }
  return out;
}

// `3 decisions`, `1 decision`, `3个决定`.
std::string decisions_counted(std::size_t count, Lang lang) {
  const ImpactLabels& words = impact_labels();
  if (lang == Lang::zh) return std::to_string(count) + words.decisions.zh;
  return std::to_string(count) + " " + (count == 1 ? words.decision_one.en : words.decisions.en);
}

void write_reach(std::string& out, const diff::StaticImpact& reach, Lang lang) {
  const ImpactLabels& words = impact_labels();
  const std::string space = lang == Lang::zh ? "" : " ";
  out += "\n" + std::string(words.static_impact.in(lang)) + colon(lang) +
         words.can_change.in(lang) + space +
         decisions_counted(static_cast<std::size_t>(reach.can_change), lang) + separator(lang) +
         words.cannot_change.in(lang) + space +
         decisions_counted(static_cast<std::size_t>(reach.cannot_change), lang) + "\n";
  std::vector<std::string> wording, unchanged;
  std::size_t status_width = 0;
  for (const auto& decision : reach.decisions)
    status_width = std::max(status_width, text_width(reach_status_words(decision.status).in(lang)));
  for (const auto& decision : reach.decisions) {
    if (decision.status == DecisionReach::Status::wording) {
      wording.push_back(decision.id);
      continue;
    }
    if (decision.status == DecisionReach::Status::cannot_change) {
      unchanged.push_back(decision.id);
      continue;
    }
    out += "  " + padded_to(reach_status_words(decision.status).in(lang), status_width + 2) +
           decision.id;
    if (!decision.cite.empty()) out += " (" + decision.cite + ")";
    const std::string& title = in_lang(lang, decision.title_zh, decision.title_en);
    if (!title.empty()) out += "  " + title;
    out += "\n";
    if (!decision.through.empty())
      out += "      " + std::string(words.through.in(lang)) + colon(lang) + chains_text(decision) +
             "\n";
  }
  if (wording.empty() && unchanged.empty()) return;
  // Those that cannot change, by why: they can be a hundred, so listed
  // compactly (the JSON has each with its status).
  out += "  " + std::string(words.cannot_change.in(lang)) + colon(lang) +
         decisions_counted(wording.size() + unchanged.size(), lang) + "\n";
  for (const auto& [label, ids] : {std::pair{&words.only_wording, &wording},
                                   std::pair{&words.nothing_read_differs, &unchanged}}) {
    if (ids->empty()) continue;
    out += "    " + std::string(label->in(lang)) + colon(lang) + std::to_string(ids->size()) + "\n";
    out += wrapped(*ids, "        ", lang);
  }
}

void write_summary(std::string& out, const diff::PopulationImpact& p, Lang lang) {
  const ImpactLabels& words = impact_labels();
  out += "\n" + std::string(words.population.in(lang)) + colon(lang) + p.records;
  if (!p.as_of.empty())
    out += bracketed(std::string(labels().as_of.in(lang)) + " " + p.as_of, lang);
  out += "\n";
  auto count = [&](const Words& label, int value) {
    out += "  " + padded_to(std::string(label.in(lang)) + colon(lang), 24) + std::to_string(value) +
           "\n";
  };
  count(words.records_read, p.records_read);
  count(words.results_compared, p.results_compared);
  count(words.results_changed, p.results_changed);
  count(words.records_affected, p.records_affected);
  if (p.records_with_errors_base > 0) count(words.errors_base, p.records_with_errors_base);
  if (p.records_with_errors_variant > 0) count(words.errors_variant, p.records_with_errors_variant);
  if (!p.ignored_by_base.empty()) {
    out += "  " + std::string(words.ignored_by_base.in(lang)) + colon_end(lang) + "\n";
    out += wrapped(p.ignored_by_base, "      ", lang);
  }
}

// `outcome 3, value 1` of a tally: the kinds of change it counts, nonzero.
std::string change_counts(const diff::DecisionTally& tally, Lang lang) {
  using What = diff::ResultChange::What;
  const std::array<std::pair<What, int>, 7> counts = {{
      {What::outcome, tally.outcome},
      {What::value, tally.value},
      {What::became_undetermined, tally.became_undetermined},
      {What::became_determined, tally.became_determined},
      {What::undetermined_reasons, tally.undetermined_reasons},
      {What::added, tally.added},
      {What::removed, tally.removed},
  }};
  std::string out;
  for (const auto& [what, count] : counts) {
    if (count > 0)
      out += (out.empty() ? "" : separator(lang)) + what_words(what).in(lang) + " " +
             std::to_string(count);
  }
  return out;
}

void write_tallies(std::string& out, const diff::PopulationImpact& p, Lang lang) {
  const ImpactLabels& words = impact_labels();
  out += "\n" + std::string(words.by_decision.in(lang)) + "\n";
  bool any = false;
  for (const auto& tally : p.decisions) {
    const bool open_differs = tally.undetermined_before != tally.undetermined_after;
    if (tally.changed() == 0 && !open_differs) continue;
    any = true;
    out += "  " + tally.id;
    const std::string& title = in_lang(lang, tally.title_zh, tally.title_en);
    if (!title.empty()) out += "  " + title;
    out += "\n      " + std::string(words.compared.in(lang)) + " " +
           std::to_string(tally.compared) + separator(lang) + words.changed.in(lang) + " " +
           std::to_string(tally.changed());
    const std::string counts = change_counts(tally, lang);
    if (!counts.empty()) out += colon(lang) + counts;
    out += "\n      " + std::string(words.undetermined_counts.in(lang)) + colon(lang) +
           words.before.in(lang) + " " + std::to_string(tally.undetermined_before) + " → " +
           words.after.in(lang) + " " + std::to_string(tally.undetermined_after) + "\n";
    for (const auto& [move, count] : tally.moves)
      out += "      " + move_words(move, lang) + colon(lang) + std::to_string(count) + "\n";
  }
  if (!any) out += "  " + std::string(words.no_changes.in(lang)) + "\n";
}

// A pay decision's money changed: a delta, or undetermined results that
// differ in number.
bool money_changed(const std::vector<diff::MoneyLine>& money, const std::string& decision) {
  return std::any_of(money.begin(), money.end(), [&](const diff::MoneyLine& line) {
    return line.decision == decision &&
           (amount_sign(line.delta) != 0 || line.before != line.after ||
            line.undetermined_before != line.undetermined_after);
  });
}

std::string group_label(const diff::MoneyLine& line) {
  return line.group_name.empty() ? line.group : line.group + " " + line.group_name;
}

void write_money_row(std::string& out, const std::string& name, const diff::MoneyLine& line) {
  out += "    " + padded_to(name, 28) + right_aligned(amount_words(line.before), 16) +
         right_aligned(amount_words(line.after), 16) +
         right_aligned(signed_amount_words(line.delta), 14) +
         right_aligned(std::to_string(line.results), 9) +
         right_aligned(std::to_string(line.undetermined_before) + " / " +
                           std::to_string(line.undetermined_after),
                       15) +
         "\n";
}

void write_money(std::string& out, const diff::VariantImpact& impact, Lang lang) {
  const diff::PopulationImpact& p = *impact.population;
  if (p.money.empty()) return;
  const ImpactLabels& words = impact_labels();
  out += "\n" + std::string(words.money.in(lang)) + "\n";
  out += "  " + std::string(words.undetermined_apart.in(lang)) + "\n";
  std::vector<std::string> decisions, unchanged;
  for (const auto& line : p.money) {
    if (std::find(decisions.begin(), decisions.end(), line.decision) == decisions.end())
      decisions.push_back(line.decision);
  }
  for (const auto& decision : decisions) {
    if (!money_changed(p.money, decision)) {
      unchanged.push_back(decision);
      continue;
    }
    out += "  " + decision;
    const std::string title = decision_title(impact, decision, lang);
    if (!title.empty()) out += "  " + title;
    out += "\n    " + padded_to("", 28) + right_aligned(words.before.in(lang), 16) +
           right_aligned(words.after.in(lang), 16) + right_aligned(words.delta.in(lang), 14) +
           right_aligned(words.results.in(lang), 9) +
           right_aligned(words.undetermined_counts.in(lang), 15) + "\n";
    for (const auto& line : p.money) {
      if (line.decision != decision) continue;
      // The whole population by component; each group by its total.
      if (line.group.empty()) {
        write_money_row(out,
                        line.component.empty()
                            ? labels().total.in(lang)
                            : "  " + std::string(words.component.in(lang)) + " " + line.component,
                        line);
      } else if (line.component.empty()) {
        write_money_row(out, "  " + group_label(line), line);
      }
    }
  }
  if (!unchanged.empty()) {
    out += "  " + std::string(words.pay_unchanged.in(lang)) + colon_end(lang) + "\n";
    out += wrapped(unchanged, "      ", lang);
  }
}

void write_reasons(std::string& out, const std::vector<ReasonLine>& lines, const Words& side,
                   Lang lang) {
  for (const auto& line : lines) {
    out += "        " + std::string(side.in(lang)) + colon(lang) +
           std::string(static_cast<std::size_t>(line.depth) * 2, ' ') + status_mark(line.status) +
           " " + status_words(line.status).in(lang) + colon(lang) + line.text + "  [" + line.id +
           "]\n";
  }
}

void write_change(std::string& out, const diff::VariantImpact& impact,
                  const diff::ResultChange& change, Lang lang) {
  const ImpactLabels& words = impact_labels();
  out += "    ~ " + change.result;
  const std::string title = decision_title(impact, change.decision, lang);
  if (!title.empty()) out += "  " + title;
  out += "\n      " + std::string(what_words(change.what).in(lang)) + colon(lang) +
         result_words(change.before, lang) + " → " + result_words(change.after, lang) + "\n";
  for (const auto& component : component_changes(change, lang)) {
    out += "      " + std::string(words.component.in(lang)) + " " + component.id + colon(lang) +
           component.before + " → " + component.after + "\n";
  }
  const ReasonsShown reasons = reasons_shown(change, lang);
  write_reasons(out, reasons.before, words.before, lang);
  write_reasons(out, reasons.after, words.after, lang);
  for (const auto& [side, result] :
       {std::pair{&words.before, &change.before}, std::pair{&words.after, &change.after}}) {
    for (const auto& why : undetermined_sentences(*result, lang)) {
      out += "        " + std::string(side->in(lang)) + colon(lang) +
             labels().undetermined.in(lang) + colon(lang) + why + "\n";
    }
  }
}

void write_changes(std::string& out, const diff::VariantImpact& impact, Lang lang) {
  const diff::PopulationImpact& p = *impact.population;
  const ImpactLabels& words = impact_labels();
  out += "\n" + std::string(words.affected.in(lang)) + colon(lang) +
         std::to_string(p.records_affected) + "\n";
  const std::string* record = nullptr;
  for (const auto& change : p.changes) {
    if (record == nullptr || *record != change.record) {
      record = &change.record;
      out += "  ■ " + std::string(labels().record.in(lang)) + " " + change.record;
      if (!change.kind.empty() && change.kind != change.record) out += bracketed(change.kind, lang);
      if (!change.group.empty())
        out += " · " + std::string(words.group.in(lang)) + " " + group_words(p, change.group);
      out += "\n";
    }
    write_change(out, impact, change, lang);
  }
}

}  // namespace

std::string impact_text(const diff::VariantImpact& impact, Lang lang) {
  std::string out;
  write_header(out, impact, lang);
  write_difference(out, impact, lang);
  write_reach(out, impact.reach, lang);
  if (impact.population) {
    write_summary(out, *impact.population, lang);
    write_tallies(out, *impact.population, lang);
    write_money(out, impact, lang);
    write_changes(out, impact, lang);
  }
  return out;
}

}  // namespace cadre::render
