// The document of a rule set as one HTML page: inline CSS, no script, no
// asset from outside; every text escaped. Items have anchors (`p-` a
// parameter, `s-` a switch, `l-` a list, `r-` a rule, `d-` a derived value,
// `c-` a provision) so that the provisions link to what cites them.
#include "render/html_page.hpp"
#include "render/ruleset_document_formats.hpp"

namespace cadre::render {

namespace {

constexpr std::string_view kStyle = R"css(
nav{font-size:14px;margin:0 0 12px}
nav a{margin-right:12px;color:#7a1f1f}
h2{font-size:19px;margin:30px 0 10px;border-bottom:2px solid #7a1f1f;padding-bottom:2px}
h3{font-size:16px;margin:18px 0 6px}
h4{font-size:14px;margin:14px 0 6px}
table{border-collapse:collapse;background:#fff;width:100%;font-size:14px;margin:6px 0}
th,td{border:1px solid #d7dbe2;padding:5px 8px;text-align:left;vertical-align:top}
thead th{background:#eef0f4}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:6px 0;font-size:14px}
dt{color:#4b5563}dd{margin:0}
section.item{background:#fff;border:1px solid #d7dbe2;border-radius:6px;margin:12px 0;padding:8px 16px}
code{font-family:"Noto Sans Mono",ui-monospace,monospace;font-size:13px;background:#f3f4f6;padding:0 3px;border-radius:3px;white-space:pre-wrap;word-break:break-word}
blockquote{margin:6px 0;padding:2px 10px;border-left:3px solid #c9a227;color:#4b5563;font-size:14px}
.open{background:#fff4d6}
.group{font-weight:600}
.note{color:#6b7280;font-size:13px}
ul{margin:4px 0;padding-left:22px;font-size:14px}
)css";

std::string esc(const std::string& text) {
  return html_escaped(text);
}

std::string code(const std::string& text) {
  return text.empty() ? std::string() : "<code>" + esc(text) + "</code>";
}

std::string anchor(const char* prefix, const std::string& id) {
  return esc(std::string(prefix) + id);
}

const char* reference_prefix(DocumentReference::Kind kind) {
  switch (kind) {
    case DocumentReference::Kind::parameter:
      return "p-";
    case DocumentReference::Kind::switch_value:
      return "s-";
    case DocumentReference::Kind::list:
      return "l-";
    case DocumentReference::Kind::derived:
      break;
  }
  return "d-";
}

class Page {
 public:
  explicit Page(const RuleSetDocument& document) : doc_(document), lang_(document.lang) {}

  std::string write() {
    const DocumentHeader& h = doc_.header;
    out_ = html_page_start(lang_, h.title, w(words().subtitle), kStyle);
    contents();
    header();
    sources();
    parameters();
    readings();
    rules();
    derived();
    open_values();
    provisions();
    out_ += html_page_end();
    return std::move(out_);
  }

 private:
  std::string w(const Words& words) const { return words.in(lang_); }
  std::string colon() const { return lang_ == Lang::zh ? "：" : ": "; }
  std::string separator() const { return lang_ == Lang::zh ? "；" : "; "; }
  const DocumentWords& words() const { return document_words(); }

  void contents() {
    out_ += "<nav><b>" + w(words().contents) + "</b>" + colon();
    for (const auto& [id, label] : {std::pair{"sources", &words().sources},
                                    {"parameters", &words().parameters},
                                    {"readings", &words().readings},
                                    {"rules", &words().rules},
                                    {"derived", &words().derived},
                                    {"open-values", &words().open_values},
                                    {"provisions", &words().provisions}})
      out_ += "<a href=\"#" + std::string(id) + "\">" + w(*label) + "</a>";
    out_ += "</nav>\n";
  }

  // A `<dt>label</dt><dd>value</dd>` pair, the value already HTML; none when empty.
  void pair(const Words& label, const std::string& value) {
    if (!value.empty()) out_ += "<dt>" + w(label) + "</dt><dd>" + value + "</dd>\n";
  }
  void table_head(const std::vector<std::string>& labels) {
    out_ += "<table><thead><tr>";
    for (const auto& label : labels)
      out_ += "<th>" + label + "</th>";
    out_ += "</tr></thead><tbody>\n";
  }
  void row(const std::vector<std::string>& cells, const std::string& cls = {}) {
    out_ += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
    for (const auto& cell : cells)
      out_ += "<td>" + cell + "</td>";
    out_ += "</tr>\n";
  }
  void table_end() { out_ += "</tbody></table>\n"; }
  void none() { out_ += "<p class=\"note\">" + w(words().none) + "</p>\n"; }
  void section(const char* id, const Words& title) {
    out_ += "<section id=\"" + std::string(id) + "\">\n<h2>" + w(title) + "</h2>\n";
  }
  void section_end() { out_ += "</section>\n"; }

  std::string cite(const std::string& provision, const std::string& quote = {}) const {
    if (provision.empty()) return {};
    std::string out = "<a href=\"#" + anchor("c-", provision) + "\">" + esc(provision) + "</a>";
    if (!quote.empty()) out += " 「" + esc(quote) + "」";
    return out;
  }
  std::string detail(const DocumentDetail& d) const {
    std::string out = esc(d.text);
    if (!d.expression.empty()) out += (out.empty() ? "" : " ") + code(d.expression);
    return out;
  }

  void header() {
    const DocumentHeader& h = doc_.header;
    out_ += "<dl class=\"meta\">\n";
    pair(words().id, code(h.id));
    pair(words().version, esc(h.version));
    pair(words().in_force, esc(h.in_force));
    pair(words().jurisdiction, esc(h.jurisdiction));
    pair(words().digest, code(h.digest));
    pair(words().extends, code(h.extends));
    out_ += "</dl>\n";
  }

  void sources() {
    section("sources", words().sources);
    if (doc_.sources.empty()) {
      none();
    } else {
      table_head({w(words().id), w(words().title), w(words().issuer), w(words().date),
                  w(words().file), w(words().nature), w(words().truncated)});
      for (const auto& s : doc_.sources) {
        row({esc(s.id), esc(s.title), esc(s.issuer), esc(s.date), code(s.file), esc(s.nature),
             esc(s.truncated)});
      }
      table_end();
    }
    section_end();
  }

  void parameter(const DocumentParameter& p) {
    out_ += "<section class=\"item\" id=\"" + anchor("p-", p.id) + "\"><h3>" + code(p.id);
    if (!p.title.empty()) out_ += " " + esc(p.title);
    out_ += "</h3>\n<dl>\n";
    pair(words().type, code(p.type));
    pair(words().unit, esc(p.unit));
    pair(words().form, esc(p.form));
    if (p.at_label.empty()) {
      for (const auto& value : p.values) {
        pair(words().value, value.open ? "<span class=\"open\">" + esc(value.value) + "</span>"
                                       : esc(value.value));
      }
    }
    pair(words().possible, esc(p.possible));
    pair(words().reported_as, code(p.reported_as));
    pair(words().source, cite(p.cite, p.quote));
    out_ += "</dl>\n";
    if (!p.at_label.empty()) {
      table_head({esc(p.at_label), w(words().value)});
      for (const auto& value : p.values)
        row({esc(value.at), esc(value.value)}, value.open ? "open" : "");
      table_end();
    }
    out_ += "</section>\n";
  }

  void parameters() {
    section("parameters", words().parameters);
    if (doc_.parameters.empty()) none();
    for (const auto& p : doc_.parameters)
      parameter(p);
    section_end();
  }

  void readings() {
    section("readings", words().readings);
    out_ += "<h3>" + w(words().switches) + "</h3>\n";
    if (doc_.switches.empty()) {
      none();
    } else {
      table_head({w(words().id), w(words().values), w(words().setting), w(words().source)});
      for (const auto& s : doc_.switches) {
        out_ += "<tr id=\"" + anchor("s-", s.id) + "\"><td>" + code(s.id) +
                (s.title.empty() ? "" : " " + esc(s.title)) + "</td><td>" + esc(s.values) + "</td>";
        out_ += s.value.empty()
                    ? "<td class=\"open\">" + w(words().unset) + " " + code(s.unset_code) + "</td>"
                    : "<td>" + esc(s.value) + "</td>";
        out_ += "<td>" + cite(s.cite, s.quote) + "</td></tr>\n";
      }
      table_end();
    }
    out_ += "<h3>" + w(words().lists) + "</h3>\n";
    if (doc_.lists.empty()) {
      none();
    } else {
      table_head({w(words().id), w(words().count), w(words().items), w(words().source)});
      for (const auto& l : doc_.lists) {
        std::string items;
        for (const auto& [item_code, text] : l.items)
          items += (items.empty() ? "" : "<br>") + esc(item_code) + " " + esc(text);
        out_ += "<tr id=\"" + anchor("l-", l.id) + "\"><td>" + code(l.id) + "</td><td>" +
                esc(l.count) + "</td><td>" + items + "</td><td>" + cite(l.cite, l.quote) +
                "</td></tr>\n";
      }
      table_end();
    }
    section_end();
  }

  void conditions(const DocumentRule& r) {
    if (r.conditions.empty()) return;
    table_head(
        {w(words().conditions), w(words().message), w(words().expression), w(words().notes)});
    for (const auto& c : r.conditions) {
      std::string name =
          "<span style=\"padding-left:" + std::to_string(c.depth * 18) + "px\">" + code(c.id);
      if (!c.group.empty())
        name += (c.id.empty() ? "" : " ") + std::string("<span class=\"group\">") + esc(c.group) +
                "</span>";
      name += "</span>";
      std::string notes;
      for (const auto& note : c.notes)
        notes += (notes.empty() ? "" : "<br>") + esc(note);
      row({name, esc(c.message), code(c.expression), "<span class=\"note\">" + notes + "</span>"});
    }
    table_end();
  }

  void components(const DocumentRule& r) {
    if (r.components.empty()) return;
    table_head({w(words().components), w(words().formula), w(words().rounding), w(words().source)});
    for (const auto& c : r.components)
      row({code(c.id), code(c.formula), esc(c.rounding), cite(c.cite)});
    table_end();
  }

  void decision_table(const DocumentTable& t) {
    out_ += "<h4>" + w(words().decision_table) + "</h4>\n<p class=\"note\">" + w(words().hit) +
            colon() + esc(t.hit) + "</p>\n";
    std::vector<std::string> head;
    for (const auto& [id, expression] : t.inputs)
      head.push_back(code(id) + " = " + code(expression));
    head.push_back(w(words().value));
    head.push_back(w(words().notes));
    table_head(head);
    for (const auto& r : t.rows) {
      std::vector<std::string> cells;
      for (const auto& test : r.tests)
        cells.push_back(code(test));
      cells.push_back(esc(r.value));
      cells.push_back(esc(r.notes));
      row(cells);
    }
    table_end();
  }

  void rule(const DocumentRule& r) {
    out_ += "<section class=\"item\" id=\"" + anchor("r-", r.id) + "\"><h3>" + esc(r.title) +
            "<span class=\"id\">" + esc(r.id) + "</span></h3>\n<dl>\n";
    pair(words().kind, esc(r.kind));
    pair(words().subject, esc(r.subject));
    std::string source = cite(r.cite);
    if (!r.source.empty())
      source += lang_ == Lang::zh ? "（《" + esc(r.source) + "》）" : " (" + esc(r.source) + ")";
    pair(words().source, source);
    pair(words().applies, code(r.applies));
    pair(words().message, esc(r.message));
    for (const auto& d : r.details)
      out_ += "<dt>" + esc(d.label) + "</dt><dd>" + detail(d) + "</dd>\n";
    if (!r.flags.empty()) {
      std::string flags;
      for (const auto& f : r.flags) {
        const std::string rest = detail({"", f.text, f.expression});
        flags += (flags.empty() ? "" : "<br>") + esc(f.label) + (rest.empty() ? "" : " — " + rest);
      }
      pair(words().flags, flags);
    }
    out_ += "</dl>\n";
    if (!r.quote.empty()) out_ += "<blockquote>「" + esc(r.quote) + "」</blockquote>\n";
    conditions(r);
    components(r);
    if (r.table) decision_table(*r.table);
    out_ += "</section>\n";
  }

  void rules() {
    section("rules", words().rules);
    if (doc_.rules.empty()) none();
    for (const auto& r : doc_.rules)
      rule(r);
    section_end();
  }

  void derived() {
    section("derived", words().derived);
    if (doc_.derived.empty()) {
      none();
    } else {
      table_head({w(words().id), w(words().subject), w(words().expression), w(words().source)});
      for (const auto& d : doc_.derived) {
        std::string what;
        for (const auto& part : d.details)
          what += (what.empty() ? "" : "<br>") + esc(part.label) + colon() + detail(part);
        out_ += "<tr id=\"" + anchor("d-", d.id) + "\"><td>" + code(d.id) +
                (d.title.empty() ? "" : " " + esc(d.title)) +
                (d.type.empty() ? "" : " (" + code(d.type) + ")") + "</td><td>" + esc(d.subject) +
                "</td><td>" + what + "</td><td>" + cite(d.cite) + "</td></tr>\n";
      }
      table_end();
    }
    section_end();
  }

  void open_values() {
    section("open-values", words().open_values);
    out_ += "<p>" + w(words().open_values_intro) + "</p>\n";
    if (doc_.open_values.empty()) {
      none();
    } else {
      table_head({w(words().reason_code), w(words().because), w(words().where)});
      for (const auto& v : doc_.open_values)
        row({code(v.code), esc(v.because), code(v.where)});
      table_end();
    }
    section_end();
  }

  void provisions() {
    section("provisions", words().provisions);
    out_ += "<p>" + w(words().provisions_intro) + "</p>\n";
    if (doc_.provisions.empty()) none();
    for (const auto& p : doc_.provisions) {
      out_ += "<section class=\"item\" id=\"" + anchor("c-", p.id) + "\"><h3>" + esc(p.id);
      if (!p.source.empty())
        out_ += "<span class=\"id\">" +
                (lang_ == Lang::zh ? "《" + esc(p.source) + "》" : esc(p.source)) + "</span>";
      out_ += "</h3>\n<ul>\n";
      if (p.rules.empty()) out_ += "<li class=\"note\">" + w(words().no_rule) + "</li>\n";
      for (const auto& r : p.rules) {
        out_ += "<li>" + w(words().rule) + " <a href=\"#" + anchor("r-", r.id) + "\">" +
                code(r.id) + "</a> " + esc(r.title) + "\n<ul>\n";
        if (r.tests.empty()) out_ += "<li class=\"note\">" + w(words().no_test) + "</li>\n";
        for (const auto& t : r.tests) {
          out_ += "<li>" + w(words().test) + colon() + esc(t.name) + " <span class=\"note\">— " +
                  esc(t.expected) + "</span></li>\n";
        }
        out_ += "</ul></li>\n";
      }
      if (!p.cited_by.empty()) {
        std::string refs;
        for (const auto& ref : p.cited_by) {
          refs += (refs.empty() ? "" : separator()) + w(reference_words(ref.kind)) +
                  " <a href=\"#" + anchor(reference_prefix(ref.kind), ref.id) + "\">" +
                  code(ref.id) + "</a>";
        }
        out_ += "<li>" + w(words().cited_by) + colon() + refs + "</li>\n";
      }
      out_ += "</ul>\n</section>\n";
    }
    section_end();
  }

  const RuleSetDocument& doc_;
  Lang lang_;
  std::string out_;
};

}  // namespace

std::string ruleset_document_html(const RuleSetDocument& document) {
  return Page(document).write();
}

}  // namespace cadre::render
