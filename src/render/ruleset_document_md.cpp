// The document of a rule set as GitHub-flavoured Markdown. Text is written
// on one line per item (line breaks in the rule set's text become spaces),
// escaped, and inside table cells a `|` never ends the cell.
#include <algorithm>
#include <string_view>

#include "render/ruleset_document_formats.hpp"

namespace cadre::render {

namespace {

// Runs of white space (line breaks of a folded expression too) as one space,
// without leading or trailing ones.
std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Text the rule set writes, shown as written: every character Markdown
// could read as syntax is escaped (a backslash escape shows the character).
std::string md(std::string_view text) {
  std::string out;
  for (char c : one_line(text)) {
    if (std::string_view("\\`*_[]<>|&~#!").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// An expression or id as a code span: a fence longer than any run of
// backticks inside it. In a table cell a `|` is escaped (GFM reads the cell
// first, then the code span).
std::string code(std::string_view text, bool in_cell) {
  const std::string line = one_line(text);
  if (line.empty()) return {};
  std::size_t longest = 0;
  std::size_t run = 0;
  for (char c : line) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = line.front() == '`' || line.back() == '`';
  std::string body;
  for (char c : line) {
    if (c == '|' && in_cell) body += '\\';
    body += c;
  }
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

class Writer {
 public:
  explicit Writer(const RuleSetDocument& document) : doc_(document), lang_(document.lang) {}

  std::string write() {
    header();
    sources();
    parameters();
    readings();
    rules();
    derived();
    open_values();
    provisions();
    return std::move(out_);
  }

 private:
  std::string w(const Words& words) const { return words.in(lang_); }
  std::string colon() const { return lang_ == Lang::zh ? "：" : ": "; }
  std::string separator() const { return lang_ == Lang::zh ? "；" : "; "; }
  const DocumentWords& words() const { return document_words(); }

  // An empty line before a block, unless there is one.
  void blank() {
    if (!out_.empty() && !out_.ends_with("\n\n")) out_ += "\n";
  }
  void heading(int level, const std::string& text) {
    blank();
    out_ += std::string(static_cast<std::size_t>(level), '#') + " " + text + "\n\n";
  }
  // A bullet `label: value`, the value already Markdown; none when empty.
  void item(const Words& label, const std::string& value) {
    if (!value.empty()) out_ += "- " + w(label) + colon() + value + "\n";
  }
  void row(const std::vector<std::string>& cells) {
    out_ += "|";
    for (const auto& cell : cells)
      out_ += " " + cell + " |";
    out_ += "\n";
  }
  void table_head(const std::vector<std::string>& labels) {
    blank();
    row(labels);
    out_ += "|";
    for (std::size_t i = 0; i < labels.size(); ++i)
      out_ += " --- |";
    out_ += "\n";
  }
  void none() { out_ += w(words().none) + "\n"; }
  std::string cite(const std::string& provision, const std::string& quote) const {
    if (provision.empty()) return {};
    return md(provision) + (quote.empty() ? "" : " 「" + md(quote) + "」");
  }
  std::string detail(const DocumentDetail& d, bool in_cell) const {
    std::string out = md(d.text);
    const std::string expression = code(d.expression, in_cell);
    if (!expression.empty()) out += (out.empty() ? "" : " ") + expression;
    return out;
  }

  void header() {
    const DocumentHeader& h = doc_.header;
    out_ += "# " + md(h.title) + "\n\n" + w(words().subtitle) + "\n\n";
    item(words().id, code(h.id, false));
    item(words().version, md(h.version));
    item(words().in_force, md(h.in_force));
    item(words().jurisdiction, md(h.jurisdiction));
    item(words().digest, code(h.digest, false));
    item(words().extends, code(h.extends, false));
  }

  void sources() {
    heading(2, w(words().sources));
    if (doc_.sources.empty()) return none();
    table_head({w(words().id), w(words().title), w(words().issuer), w(words().date),
                w(words().file), w(words().nature), w(words().truncated)});
    for (const auto& s : doc_.sources) {
      row({md(s.id), md(s.title), md(s.issuer), md(s.date), code(s.file, true), md(s.nature),
           md(s.truncated)});
    }
  }

  void parameters() {
    heading(2, w(words().parameters));
    if (doc_.parameters.empty()) return none();
    for (const auto& p : doc_.parameters) {
      heading(3, code(p.id, false));
      if (!p.title.empty()) out_ += md(p.title) + "\n\n";
      item(words().type, code(p.type, false));
      item(words().unit, md(p.unit));
      item(words().form, md(p.form));
      if (p.at_label.empty()) {
        for (const auto& value : p.values)
          item(words().value, md(value.value));
      }
      item(words().possible, md(p.possible));
      item(words().reported_as, code(p.reported_as, false));
      item(words().source, cite(p.cite, p.quote));
      if (p.at_label.empty()) continue;
      table_head({md(p.at_label), w(words().value)});
      for (const auto& value : p.values)
        row({md(value.at), md(value.value)});
    }
  }

  void readings() {
    heading(2, w(words().readings));
    heading(3, w(words().switches));
    if (doc_.switches.empty()) {
      none();
    } else {
      table_head({w(words().id), w(words().values), w(words().setting), w(words().source)});
      for (const auto& s : doc_.switches) {
        const std::string setting =
            s.value.empty() ? w(words().unset) + " " + code(s.unset_code, true) : md(s.value);
        row({code(s.id, true) + (s.title.empty() ? "" : " " + md(s.title)), md(s.values), setting,
             cite(s.cite, s.quote)});
      }
    }
    heading(3, w(words().lists));
    if (doc_.lists.empty()) return none();
    table_head({w(words().id), w(words().count), w(words().items), w(words().source)});
    for (const auto& l : doc_.lists) {
      std::string items;
      for (const auto& [item_code, text] : l.items)
        items += (items.empty() ? "" : separator()) + md(item_code) + " " + md(text);
      row({code(l.id, true), md(l.count), items, cite(l.cite, l.quote)});
    }
  }

  void conditions(const DocumentRule& r) {
    if (r.conditions.empty()) return;
    table_head(
        {w(words().conditions), w(words().message), w(words().expression), w(words().notes)});
    for (const auto& c : r.conditions) {
      std::string name;
      for (int i = 0; i < c.depth; ++i)
        name += "· ";
      name += code(c.id, true);
      if (!c.group.empty()) name += (c.id.empty() ? "**" : " **") + md(c.group) + "**";
      std::string notes;
      for (const auto& note : c.notes)
        notes += (notes.empty() ? "" : separator()) + md(note);
      row({name, md(c.message), code(c.expression, true), notes});
    }
  }

  void components(const DocumentRule& r) {
    if (r.components.empty()) return;
    table_head({w(words().components), w(words().formula), w(words().rounding), w(words().source)});
    for (const auto& c : r.components)
      row({code(c.id, true), code(c.formula, true), md(c.rounding), md(c.cite)});
  }

  void decision_table(const DocumentTable& t) {
    blank();
    out_ += w(words().decision_table) + colon() + md(t.hit) + "\n";
    std::vector<std::string> head;
    for (const auto& [id, expression] : t.inputs)
      head.push_back(code(id, true) + " = " + code(expression, true));
    head.push_back(w(words().value));
    head.push_back(w(words().notes));
    table_head(head);
    for (const auto& r : t.rows) {
      std::vector<std::string> cells;
      for (const auto& test : r.tests)
        cells.push_back(code(test, true));
      cells.push_back(md(r.value));
      cells.push_back(md(r.notes));
      row(cells);
    }
  }

  void rule(const DocumentRule& r) {
    heading(3, md(r.title));
    item(words().id, code(r.id, false));
    item(words().kind, md(r.kind));
    item(words().subject, md(r.subject));
    std::string source = md(r.cite);
    if (!r.source.empty())
      source += lang_ == Lang::zh ? "（《" + md(r.source) + "》）" : " (" + md(r.source) + ")";
    item(words().source, source);
    item(words().applies, code(r.applies, false));
    item(words().message, md(r.message));
    for (const auto& d : r.details)
      out_ += "- " + md(d.label) + colon() + detail(d, false) + "\n";
    if (!r.flags.empty()) {
      out_ += "- " + w(words().flags) + colon() + "\n";
      for (const auto& f : r.flags) {
        const std::string rest = detail({"", f.text, f.expression}, false);
        out_ += "  - " + md(f.label) + (rest.empty() ? "" : " — " + rest) + "\n";
      }
    }
    if (!r.quote.empty()) {
      blank();
      out_ += "> 「" + md(r.quote) + "」\n";
    }
    conditions(r);
    components(r);
    if (r.table) decision_table(*r.table);
  }

  void rules() {
    heading(2, w(words().rules));
    if (doc_.rules.empty()) return none();
    for (const auto& r : doc_.rules)
      rule(r);
  }

  void derived() {
    heading(2, w(words().derived));
    if (doc_.derived.empty()) return none();
    table_head({w(words().id), w(words().subject), w(words().expression), w(words().source)});
    for (const auto& d : doc_.derived) {
      std::string what;
      for (const auto& part : d.details) {
        what += (what.empty() ? "" : separator()) + md(part.label) + colon() + detail(part, true);
      }
      std::string id = code(d.id, true);
      if (!d.title.empty()) id += " " + md(d.title);
      if (!d.type.empty()) id += " (" + code(d.type, true) + ")";
      row({id, md(d.subject), what, md(d.cite)});
    }
  }

  void open_values() {
    heading(2, w(words().open_values));
    out_ += w(words().open_values_intro) + "\n\n";
    if (doc_.open_values.empty()) return none();
    table_head({w(words().reason_code), w(words().because), w(words().where)});
    for (const auto& v : doc_.open_values)
      row({code(v.code, true), md(v.because), code(v.where, true)});
  }

  void provisions() {
    heading(2, w(words().provisions));
    out_ += w(words().provisions_intro) + "\n\n";
    if (doc_.provisions.empty()) return none();
    for (const auto& p : doc_.provisions) {
      heading(3, md(p.id));
      if (!p.source.empty())
        out_ += (lang_ == Lang::zh ? "《" + md(p.source) + "》" : md(p.source)) + "\n\n";
      if (p.rules.empty()) out_ += "- " + w(words().no_rule) + "\n";
      for (const auto& r : p.rules) {
        out_ += "- " + w(words().rule) + " " + code(r.id, false) + " " + md(r.title) + "\n";
        if (r.tests.empty()) out_ += "  - " + w(words().no_test) + "\n";
        for (const auto& t : r.tests) {
          out_ += "  - " + w(words().test) + colon() + md(t.name) + " — " + md(t.expected) + "\n";
        }
      }
      if (!p.cited_by.empty()) {
        std::string refs;
        for (const auto& ref : p.cited_by)
          refs += (refs.empty() ? "" : separator()) + w(reference_words(ref.kind)) + " " +
                  code(ref.id, false);
        out_ += "- " + w(words().cited_by) + colon() + refs + "\n";
      }
    }
  }

  const RuleSetDocument& doc_;
  Lang lang_;
  std::string out_;
};

}  // namespace

std::string ruleset_document_markdown(const RuleSetDocument& document) {
  return Writer(document).write();
}

}  // namespace cadre::render
