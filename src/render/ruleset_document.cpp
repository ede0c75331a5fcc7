// The document of a rule set, built from the compiled rule set's model.
#include "render/ruleset_document.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "model/queries.hpp"

namespace cadre::render {

namespace {

struct Named {
  const char* name;
  Words words;
};

constexpr Named kAggregates[] = {
    {"count", {"计数", "count"}},   {"sum", {"求和", "sum"}},     {"min", {"最小值", "minimum"}},
    {"max", {"最大值", "maximum"}}, {"any", {"任一成立", "any"}}, {"all", {"全部成立", "all"}},
    {"list", {"列出", "list"}},
};

constexpr std::array<Outcome, 8> kOutcomes = {
    Outcome::eligible, Outcome::ineligible,   Outcome::triggered, Outcome::clear,
    Outcome::computed, Outcome::undetermined, Outcome::pending,   Outcome::not_applicable};

template <std::size_t N>
std::string named(const Named (&table)[N], std::string_view name, Lang lang) {
  for (const Named& item : table) {
    if (name == item.name) return item.words.in(lang);
  }
  return std::string(name);
}

// Builds the document in one language; each part from its part of the model.
class Builder {
 public:
  Builder(const CompiledRuleSet& compiled, Lang lang)
      : compiled_(compiled), rules_(internal::impl_of(compiled).rules()), lang_(lang) {}

  RuleSetDocument build() {
    RuleSetDocument out;
    out.lang = lang_;
    out.header = header();
    for (const auto& parameter : rules_.parameters)
      out.parameters.push_back(document_parameter(parameter));
    for (const auto& item : rules_.switches)
      out.switches.push_back(document_switch(item));
    for (const auto& list : rules_.lists)
      out.lists.push_back(document_list(list));
    for (const auto& decision : rules_.decisions)
      out.rules.push_back(document_rule(decision));
    for (const auto& derived : rules_.derived)
      out.derived.push_back(document_derived(derived));
    for (const OpenValue& open : compiled_.open_values()) {
      std::string where = open.location.file;
      if (open.location.line > 0) where += ":" + std::to_string(open.location.line);
      out.open_values.push_back({open.code, in(open.reason_zh, open.reason_en), where});
    }
    out.provisions = provisions();
    // The sources this rule set cites; a base may declare more (rules/base
    // declares all five documents) and a reviewer needs only these.
    for (const auto& source : rules_.sources) {
      const bool cited = std::any_of(out.provisions.begin(), out.provisions.end(),
                                     [&](const DocumentProvision& provision) {
                                       return source_code(provision.id) == source.id;
                                     });
      if (cited) out.sources.push_back(document_source(source));
    }
    return out;
  }

 private:
  std::string w(const Words& words) const { return words.in(lang_); }
  bool zh() const { return lang_ == Lang::zh; }
  std::string colon() const { return zh() ? "：" : ": "; }
  std::string joined(const std::vector<std::string>& items) const {
    std::string out;
    for (const auto& item : items)
      out += (out.empty() ? "" : zh() ? "、" : ", ") + item;
    return out;
  }

  // The text in the document's language, else the other.
  std::string in(const std::string& zh_text, const std::string& en_text) const {
    const std::string& first = zh() ? zh_text : en_text;
    return first.empty() ? (zh() ? en_text : zh_text) : first;
  }
  std::string in(const model::Text& text) const { return in(text.zh, text.en); }
  std::string title_or_id(const model::Text& title, const std::string& id) const {
    std::string out = in(title);
    return out.empty() ? id : out;
  }

  std::string period(const Date& from, const std::optional<Date>& to) const {
    if (!to) return zh() ? from.to_string() + "起" : "from " + from.to_string();
    return from.to_string() + (zh() ? "至" : " to ") + to->to_string();
  }

  DocumentHeader header() const {
    const model::Metadata& metadata = rules_.metadata;
    DocumentHeader out;
    out.title = title_or_id(metadata.title, metadata.id);
    out.id = metadata.id;
    out.version = metadata.version;
    if (!metadata.valid_from) {
      out.in_force = zh() ? "未规定" : "not stated";
    } else {
      out.in_force = period(*metadata.valid_from, metadata.valid_to);
      if (!metadata.valid_to) out.in_force += zh() ? "（无终止日期）" : " (no end date)";
    }
    out.jurisdiction = metadata.jurisdiction;
    out.digest = compiled_.digest();
    out.extends = metadata.extends;
    return out;
  }

  DocumentSource document_source(const model::Source& source) const {
    DocumentSource out;
    out.id = source.id;
    out.title = in(source.title);
    out.issuer = source.issuer;
    out.date = source.date ? source.date->to_string() : std::string();
    out.file = source.file;
    out.nature = source.nature == model::SourceNature::report ? (zh() ? "报道" : "report")
                                                              : (zh() ? "规范性文件" : "normative");
    out.truncated = source.truncated ? (zh() ? "是" : "yes") : (zh() ? "否" : "no");
    return out;
  }

  // A value as written, or the words of a value the text leaves open.
  std::string value_text(const model::ParamValue& value) const {
    if (value.unspecified) {
      const std::string because = in(value.because);
      if (because.empty()) return zh() ? "未规定（未说明理由）" : "unspecified (no reason given)";
      return (zh() ? "未规定：" : "unspecified: ") + because;
    }
    if (!value.is_list) return value.text;
    std::string out;
    for (const auto& item : value.items)
      out += (out.empty() ? "" : ", ") + item;
    return "[" + out + "]";
  }
  DocumentValue document_value(std::string at, const model::ParamValue& value) const {
    return {std::move(at), value_text(value), value.unspecified};
  }

  DocumentParameter document_parameter(const model::Parameter& parameter) const {
    DocumentParameter out;
    out.id = parameter.id;
    out.title = in(parameter.title);
    out.type = parameter.type;
    out.unit = parameter.unit;
    out.cite = parameter.cite.provision;
    out.quote = parameter.cite.quote;
    out.possible = joined(parameter.one_of);
    out.reported_as = parameter.reported_as;
    const std::string keyed = parameter.table_key.empty()
                                  ? std::string()
                                  : (zh() ? "，键为" : ", keyed by ") + parameter.table_key;
    switch (parameter.form) {
      case model::ParamForm::scalar:
        out.form = zh() ? "单一值" : "a value";
        out.values.push_back(document_value("", parameter.value));
        break;
      case model::ParamForm::table:
        out.form = (zh() ? "表" : "a table") + keyed;
        out.at_label = w(document_words().key);
        for (const auto& [key, value] : parameter.table)
          out.values.push_back(document_value(key, value));
        if (parameter.others)
          out.values.push_back(document_value(zh() ? "其他键" : "other keys", *parameter.others));
        break;
      case model::ParamForm::series:
        out.form = zh() ? "按施行日期的序列" : "a dated series";
        out.at_label = w(document_words().in_force);
        for (std::size_t i = 0; i < parameter.series.size(); ++i) {
          std::optional<Date> to = rules_.metadata.valid_to;
          if (i + 1 < parameter.series.size())
            to = Date::add_days(parameter.series[i + 1].from, -1);
          out.values.push_back(
              document_value(period(parameter.series[i].from, to), parameter.series[i].value));
        }
        break;
      case model::ParamForm::range:
        out.form = zh() ? "区间（原文只给出上下限）" : "a range (the text gives only its bounds)";
        out.values.push_back(
            {"", value_text(parameter.low) + " – " + value_text(parameter.high), true});
        break;
      case model::ParamForm::unspecified:
        out.form = (zh() ? "未规定" : "unspecified") + keyed;
        out.values.push_back(document_value("", parameter.value));
        break;
    }
    return out;
  }

  DocumentSwitch document_switch(const model::Switch& item) const {
    DocumentSwitch out;
    out.id = item.id;
    out.title = in(item.title);
    out.values = joined(item.values);
    out.value = item.default_value;
    out.unset_code =
        (item.unset_code.empty() ? std::string("ambiguous_reading") : item.unset_code) + ":" +
        item.id;
    out.cite = item.cite.provision;
    out.quote = item.cite.quote;
    return out;
  }

  DocumentList document_list(const model::NamedList& list) const {
    DocumentList out;
    out.id = list.id;
    out.cite = list.cite.provision;
    out.quote = list.cite.quote;
    for (const auto& [code, text] : list.items)
      out.items.emplace_back(code, in(text));
    const std::string named = std::to_string(list.items.size());
    if (!list.size) {
      out.count = zh() ? "列明" + named + "项（原文未说明总数）"
                       : named + " named (the text gives no number)";
    } else {
      const std::string size = std::to_string(*list.size);
      out.count = zh() ? "原文称" + size + "项，列明" + named + "项"
                       : size + " in the text, " + named + " named";
      if (!list.complete())
        out.count +=
            (zh() ? "，未列全：unenumerated_list:" : ", not all named: unenumerated_list:") +
            list.id;
    }
    return out;
  }

  // ---- rules ------------------------------------------------------------------

  std::string cite_note(const model::Citation& cite) const {
    std::string out = w(document_words().source) + " " + cite.provision;
    if (!cite.quote.empty()) out += colon() + "「" + cite.quote + "」";
    return out;
  }

  std::string group_words(model::Condition::Group group) const {
    return group == model::Condition::Group::all ? w(document_words().all_of)
                                                 : w(document_words().any_of);
  }

  // A condition and its parts; `label` names the part of the decision it is
  // (all of, none of, triggered by) for a group without an id of its own.
  void add_condition(const model::Condition& condition, int depth, const std::string& label,
                     std::vector<DocumentCondition>& out) const {
    DocumentCondition row;
    row.depth = depth;
    row.id = condition.id;
    row.message = in(condition.message);
    if (condition.group == model::Condition::Group::leaf) {
      row.expression = condition.when.text;
    } else {
      row.group = label.empty() ? group_words(condition.group) : label;
    }
    if (condition.soft) row.notes.push_back(flag_words("soft", lang_));
    if (!condition.cite.provision.empty()) row.notes.push_back(cite_note(condition.cite));
    out.push_back(std::move(row));
    for (const auto& child : condition.children)
      add_condition(child, depth + 1, "", out);
  }

  // A part of a decision (its `all`, `none` or `trigger`), under a heading row.
  void add_part(const model::Condition& part, const std::string& label,
                std::vector<DocumentCondition>& out) const {
    if (part.group == model::Condition::Group::leaf) {
      if (part.when.empty()) return;
      out.push_back({0, label, "", "", "", {}});
      add_condition(part, 1, "", out);
      return;
    }
    if (part.children.empty()) return;
    if (part.id.empty() && part.message.zh.empty() && part.message.en.empty() &&
        part.cite.provision.empty() && !part.soft) {
      out.push_back({0, label, "", "", "", {}});
      for (const auto& child : part.children)
        add_condition(child, 1, "", out);
      return;
    }
    add_condition(part, 0, label, out);
  }

  std::vector<DocumentCondition> conditions(const model::Decision& decision) const {
    const DocumentWords& words = document_words();
    std::vector<DocumentCondition> out;
    add_part(decision.all, w(words.all_of), out);
    add_part(decision.none, w(words.none_of), out);
    add_part(decision.trigger,
             decision.trigger.group == model::Condition::Group::leaf
                 ? w(words.triggered_by)
                 : w(words.triggered_by) + colon() + group_words(decision.trigger.group),
             out);
    if (!decision.gates.empty()) {
      out.push_back({0, w(words.gates), "", "", "", {}});
      for (const auto& gate : decision.gates) {
        add_condition(gate.condition, 1, "", out);
        out.back().notes.push_back((zh() ? "未通过时为 " : "if it fails: ") + gate.failed);
      }
    }
    return out;
  }

  std::string rounding_text(const model::Rounding& round) const {
    if (!round.given) return zh() ? "不取整" : "not rounded";
    if (round.by.empty()) return rounding_words(round.mode, round.places, lang_);
    const std::string places = std::to_string(round.places);
    return zh() ? "保留" + places + "位小数，取整方式取自 " + round.by.text
                : "to " + places + " decimal places, the mode read from " + round.by.text;
  }

  std::string order_text(const model::SortKey& key) const {
    return key.descending ? (zh() ? "降序" : "descending") : (zh() ? "升序" : "ascending");
  }

  void add_allocation(const model::Allocation& allocation, std::vector<DocumentDetail>& out) const {
    const bool z = zh();
    out.push_back({z ? "分组" : "grouped by", "", allocation.group_by.text});
    if (!allocation.candidates.empty())
      out.push_back({z ? "候选" : "candidates", "", allocation.candidates.text});
    for (const auto& key : allocation.rank_by)
      out.push_back({z ? "排序" : "ranked by", order_text(key), key.expr.text});
    for (const auto& key : allocation.tie_break)
      out.push_back({z ? "同分时" : "tie-break", order_text(key), key.expr.text});
    if (allocation.tie_break.empty())
      out.push_back({z ? "同分时" : "tie-break",
                     z ? "无：名额线上并列时无法确定" : "none: a tie at the cap is undetermined",
                     ""});
    const std::string rounding = allocation.rounding.empty()
                                     ? std::string()
                                     : (z ? "取整：" : "rounding: ") + allocation.rounding;
    const std::string separator = rounding.empty() ? "" : z ? "，" : ", ";
    if (!allocation.quota_ratio.empty()) {
      const std::string base = allocation.base_is_members
                                   ? (z ? "本组成员人数" : "the members of the group")
                                   : allocation.quota_base.text;
      out.push_back({z ? "名额" : "quota",
                     (z ? "比例 × " : "ratio × ") + base + separator + rounding,
                     allocation.quota_ratio.text});
    } else if (!allocation.quota_count.empty()) {
      out.push_back({z ? "名额" : "quota", rounding, allocation.quota_count.text});
    }
    if (!allocation.tier_shares.empty()) {
      std::vector<std::string> shares;
      for (const auto& share : allocation.tier_shares)
        shares.push_back(share.text);
      out.push_back({z ? "分档比例" : "tiers", joined(shares) + separator + rounding, ""});
    }
    if (!allocation.from_record.empty())
      out.push_back({z ? "无群体时取自" : "without a population", "", allocation.from_record.text});
  }

  std::vector<DocumentDetail> details(const model::Decision& decision) const {
    const bool z = zh();
    std::vector<DocumentDetail> out;
    if (decision.for_each)
      out.push_back(
          {z ? "逐项决定，键取自" : "decided per key of", "", decision.for_each->keys.text});
    if (!decision.period_last_day.empty())
      out.push_back({z ? "期间最后一日" : "period ends on", "", decision.period_last_day.text});
    if (!decision.gates.empty())
      out.push_back({z ? "全部通过时为" : "if every gate is passed", decision.passed, ""});
    if (decision.kind == model::DecisionKind::warning) {
      const model::WarningSpec& warning = decision.warning;
      if (!warning.held.empty())
        out.push_back({z ? "已谈话" : "talk held when", "", warning.held.text});
      out.push_back({z ? "警示期开始" : "period starts on", "", warning.start.text});
      out.push_back({z ? "警示期（月）" : "period (months)", "", warning.period_months.text});
      out.push_back({z ? "考察结果" : "review result", "", warning.review_result.text});
      if (!warning.escalate_to.empty())
        out.push_back(
            {z ? "考察不合格时适用" : "a failed review leads to", warning.escalate_to, ""});
    }
    if (decision.kind == model::DecisionKind::exit) {
      std::vector<std::string> actions;
      for (const auto action : decision.actions)
        actions.push_back(action_words(model::exit_action_name(action), lang_));
      out.push_back({w(labels().actions),
                     decision.actions_unspecified
                         ? (z ? "原文未规定处理方式" : "the text names none")
                         : joined(actions),
                     ""});
    }
    if (!decision.formula.empty()) {
      out.push_back({w(document_words().formula), "", decision.formula.text});
      out.push_back({w(document_words().rounding), rounding_text(decision.round), ""});
    }
    if (decision.allocation) add_allocation(*decision.allocation, out);
    return out;
  }

  std::vector<DocumentDetail> flags(const model::Decision& decision) const {
    std::vector<DocumentDetail> out;
    if (decision.soft) out.push_back({flag_words("soft", lang_), "", ""});
    if (decision.discretionary) out.push_back({flag_words("discretionary", lang_), "", ""});
    if (decision.truncated_text) {
      std::string text;
      if (!decision.unless_switch.empty())
        text = (zh() ? "开关 " : "unless switch ") + decision.unless_switch +
               (zh() ? " 为 true 时除外" : " is true");
      out.push_back({zh() ? "原文不完整：本应符合的结论为无法确定"
                          : "truncated text: a result that would be eligible is undetermined",
                     text, ""});
    }
    for (const auto& flag : decision.flags)
      out.push_back({flag_words(flag.name, lang_), "", flag.when.text});
    return out;
  }

  DocumentTable table(const model::DecisionTable& table) const {
    DocumentTable out;
    switch (table.hit) {
      case model::HitPolicy::unique:
        out.hit = zh() ? "唯一：至多一条规则适用" : "unique: at most one rule fits";
        break;
      case model::HitPolicy::first:
        out.hit = zh() ? "首条：第一条适用的规则" : "first: the first rule that fits";
        break;
      case model::HitPolicy::priority:
        out.hit = zh() ? "优先级：优先级最高的规则" : "priority: the rule of highest priority";
        break;
      case model::HitPolicy::collect_sum:
        out.hit = zh() ? "求和：适用规则的值相加" : "sum: the values of the rules that fit, added";
        break;
    }
    for (const auto& input : table.inputs)
      out.inputs.emplace_back(input.id, input.expr.text);
    for (const auto& rule : table.rules) {
      DocumentTable::Row row;
      for (const auto& input : table.inputs) {
        std::string test = "-";
        for (const auto& [id, text] : rule.cells) {
          if (id == input.id) test = text;
        }
        row.tests.push_back(test);
      }
      row.value = value_text(rule.output);
      std::vector<std::string> notes;
      if (table.hit == model::HitPolicy::priority)
        notes.push_back(w(document_words().priority) + " " + std::to_string(rule.priority));
      for (const auto& flag : rule.flags)
        notes.push_back(flag_words(flag.name, lang_) +
                        (flag.when.empty() ? "" : " (" + flag.when.text + ")"));
      if (!rule.cite.provision.empty())
        notes.push_back(w(document_words().source) + " " + rule.cite.provision);
      row.notes = joined(notes);
      out.rows.push_back(std::move(row));
    }
    return out;
  }

  DocumentRule document_rule(const model::Decision& decision) const {
    DocumentRule out;
    out.id = decision.id;
    out.title = title_or_id(decision.title, decision.id);
    out.kind = decision_kind_words(model::decision_kind_name(decision.kind)).in(lang_);
    out.subject = decision.subject.empty() ? (zh() ? "无（不针对记录）" : "none (about no record)")
                                           : decision.subject;
    out.cite = decision.cite.provision;
    out.source = source_title(decision.cite.provision);
    out.quote = decision.cite.quote;
    out.applies = decision.applies.text;
    out.message = in(decision.message);
    out.details = details(decision);
    out.conditions = conditions(decision);
    for (const auto& component : decision.components) {
      out.components.push_back({component.id, component.formula.text,
                                rounding_text(component.round), component.cite.provision});
    }
    if (decision.table) out.table = table(*decision.table);
    out.flags = flags(decision);
    return out;
  }

  DocumentDerived document_derived(const model::Derived& derived) const {
    const bool z = zh();
    DocumentDerived out;
    out.id = derived.id;
    out.title = in(derived.title);
    out.subject = derived.subject;
    out.type = derived.type;
    out.cite = derived.cite.provision;
    if (!derived.aggregate) {
      out.details.push_back({w(document_words().expression), "", derived.expr.text});
      return out;
    }
    const model::Aggregate& aggregate = *derived.aggregate;
    out.details.push_back({z ? "成员" : "over its members", aggregate.over, ""});
    out.details.push_back({z ? "汇总" : "aggregate",
                           named(kAggregates, model::aggregate_kind_name(aggregate.kind), lang_),
                           ""});
    if (!aggregate.where.empty())
      out.details.push_back({z ? "计入条件" : "counting those where", "", aggregate.where.text});
    if (!aggregate.value.empty())
      out.details.push_back({w(document_words().value), "", aggregate.value.text});
    if (!aggregate.from_record.empty())
      out.details.push_back(
          {z ? "无群体时取自" : "without a population", "", aggregate.from_record.text});
    return out;
  }

  // ---- provisions ---------------------------------------------------------------

  static std::string source_code(const std::string& provision) {
    return provision.substr(0, provision.find('-'));
  }

  // Where a provision's source is declared: provisions are listed source by
  // source, in the order the rule set declares its sources.
  std::size_t source_rank(const std::string& provision) const {
    const std::string code = source_code(provision);
    for (std::size_t i = 0; i < rules_.sources.size(); ++i) {
      if (rules_.sources[i].id == code) return i;
    }
    return rules_.sources.size();
  }

  // HY-PAY-2 before HY-PAY-10: the numbers in an id compare as numbers, so
  // that a reviewer finds a provision where its id says.
  static bool natural_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
      const bool digit_a = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
      const bool digit_b = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
      if (digit_a && digit_b) {
        std::size_t end_a = i, end_b = j;
        while (end_a < a.size() && std::isdigit(static_cast<unsigned char>(a[end_a])))
          ++end_a;
        while (end_b < b.size() && std::isdigit(static_cast<unsigned char>(b[end_b])))
          ++end_b;
        // As numbers of any length: without leading zeros, the shorter is less.
        while (i + 1 < end_a && a[i] == '0')
          ++i;
        while (j + 1 < end_b && b[j] == '0')
          ++j;
        if (end_a - i != end_b - j) return end_a - i < end_b - j;
        const int order = a.compare(i, end_a - i, b, j, end_b - j);
        if (order != 0) return order < 0;
        i = end_a;
        j = end_b;
      } else {
        if (a[i] != b[j]) return a[i] < b[j];
        ++i;
        ++j;
      }
    }
    return a.size() - i < b.size() - j;
  }

  std::string source_title(const std::string& provision) const {
    const std::string code = source_code(provision);
    for (const auto& source : rules_.sources) {
      if (source.id == code) return in(source.title);
    }
    return {};
  }

  static void add_cites(const model::Condition& condition, std::vector<std::string>& out) {
    out.push_back(condition.cite.provision);
    for (const auto& child : condition.children)
      add_cites(child, out);
  }

  // Every provision a decision cites: its own, then its parts'.
  static std::vector<std::string> decision_cites(const model::Decision& decision) {
    std::vector<std::string> all{decision.cite.provision};
    add_cites(decision.all, all);
    add_cites(decision.none, all);
    add_cites(decision.trigger, all);
    for (const auto& gate : decision.gates)
      add_cites(gate.condition, all);
    for (const auto& component : decision.components)
      all.push_back(component.cite.provision);
    if (decision.table) {
      for (const auto& rule : decision.table->rules)
        all.push_back(rule.cite.provision);
    }
    std::vector<std::string> out;
    for (auto& cite : all) {
      if (!cite.empty() && std::find(out.begin(), out.end(), cite) == out.end())
        out.push_back(std::move(cite));
    }
    return out;
  }

  std::string outcome_text(const std::string& outcome) const {
    for (Outcome known : kOutcomes) {
      if (outcome == outcome_name(known)) return outcome_words(known).in(lang_);
    }
    return outcome;
  }

  // The tests naming each decision, in test order, with what they expect of it.
  std::map<std::string, std::vector<DocumentTest>> tests_by_decision() const {
    std::map<std::string, std::vector<DocumentTest>> out;
    for (const auto& test : rules_.tests) {
      std::map<std::string, std::vector<std::string>> expected;
      std::vector<std::string> order;
      for (const auto& [record, expectations] : test.expect) {
        for (const auto& expectation : expectations) {
          std::string text = record;
          if (!expectation.key.empty()) text += " [" + expectation.key + "]";
          text += colon() + outcome_text(expectation.outcome);
          if (expectation.value) text += " " + *expectation.value;
          if (expectation.range.size() == 2)
            text += " " + expectation.range[0] + " – " + expectation.range[1];
          auto [at, inserted] = expected.try_emplace(expectation.decision);
          if (inserted) order.push_back(expectation.decision);
          at->second.push_back(std::move(text));
        }
      }
      for (const auto& decision : order) {
        std::string all;
        for (const auto& text : expected[decision])
          all += (all.empty() ? "" : zh() ? "；" : "; ") + text;
        out[decision].push_back({test.name, all});
      }
    }
    return out;
  }

  std::vector<DocumentProvision> provisions() const {
    std::vector<DocumentProvision> out;
    std::map<std::string, std::size_t> index;
    auto provision = [&](const std::string& id) -> DocumentProvision& {
      auto [at, inserted] = index.try_emplace(id, out.size());
      if (inserted) out.push_back({id, source_title(id), {}, {}});
      return out[at->second];
    };
    using Kind = DocumentReference::Kind;
    auto cited = [&](const model::Citation& cite, Kind kind, const std::string& id) {
      if (!cite.provision.empty()) provision(cite.provision).cited_by.push_back({kind, id});
    };
    for (const auto& parameter : rules_.parameters)
      cited(parameter.cite, Kind::parameter, parameter.id);
    for (const auto& item : rules_.switches)
      cited(item.cite, Kind::switch_value, item.id);
    for (const auto& list : rules_.lists)
      cited(list.cite, Kind::list, list.id);
    const auto tests = tests_by_decision();
    for (const auto& decision : rules_.decisions) {
      const auto found = tests.find(decision.id);
      for (const auto& cite : decision_cites(decision)) {
        DocumentProvision::Rule rule{decision.id, title_or_id(decision.title, decision.id), {}};
        if (found != tests.end()) rule.tests = found->second;
        provision(cite).rules.push_back(std::move(rule));
      }
    }
    for (const auto& derived : rules_.derived)
      cited(derived.cite, Kind::derived, derived.id);
    std::stable_sort(out.begin(), out.end(),
                     [&](const DocumentProvision& a, const DocumentProvision& b) {
                       const std::size_t rank_a = source_rank(a.id), rank_b = source_rank(b.id);
                       if (rank_a != rank_b) return rank_a < rank_b;
                       return natural_less(a.id, b.id);
                     });
    return out;
  }

  const CompiledRuleSet& compiled_;
  const model::RuleSet& rules_;
  Lang lang_;
};

}  // namespace

const DocumentWords& document_words() {
  static const DocumentWords words{
      .subtitle = {"规则集文档：供对照原文审核规则编码",
                   "Rule set document: for reviewing the encoding against the source text"},
      .id = {"标识", "id"},
      .version = {"版本", "version"},
      .in_force = {"施行期间", "in force"},
      .jurisdiction = {"适用地区", "jurisdiction"},
      .digest = {"摘要（SHA-256）", "digest (SHA-256)"},
      .extends = {"扩展自（变体）", "extends (a variant of)"},
      .contents = {"目录", "contents"},
      .sources = {"来源文件", "Sources"},
      .title = {"标题", "title"},
      .issuer = {"发布单位", "issuer"},
      .date = {"日期", "date"},
      .file = {"文件", "file"},
      .nature = {"性质", "nature"},
      .truncated = {"原文不完整", "truncated"},
      .parameters = {"参数", "Parameters"},
      .parameter = {"参数", "parameter"},
      .type = {"类型", "type"},
      .unit = {"单位", "unit"},
      .form = {"形式", "form"},
      .value = {"值", "value"},
      .key = {"键", "key"},
      .source = {"依据", "source"},
      .possible = {"可能的值", "possible values"},
      .reported_as = {"原因代码中的名称", "reported as"},
      .readings = {"解读", "Readings"},
      .switches = {"解释开关", "Interpretation switches"},
      .switch_name = {"开关", "switch"},
      .values = {"可选值", "values"},
      .setting = {"采用", "set to"},
      .unset = {"未设定", "unset"},
      .lists = {"清单", "Lists"},
      .list = {"清单", "list"},
      .count = {"项数", "items in the text"},
      .items = {"列明的项", "items named"},
      .rules = {"规则", "Rules"},
      .kind = {"种类", "kind"},
      .subject = {"对象", "subject"},
      .applies = {"适用条件", "applies when"},
      .message = {"说明", "message"},
      .flags = {"标记", "flags"},
      .conditions = {"条件", "conditions"},
      .condition = {"条件", "condition"},
      .expression = {"表达式", "expression"},
      .notes = {"备注", "notes"},
      .all_of = {"以下全部成立", "all of"},
      .any_of = {"以下任一成立", "any of"},
      .none_of = {"以下均不成立（任一即排除）", "none of (each one excludes)"},
      .triggered_by = {"触发条件", "triggered by"},
      .gates = {"依次通过的关口", "gates, passed in order"},
      .components = {"报酬组成", "pay components"},
      .component = {"组成部分", "component"},
      .formula = {"公式", "formula"},
      .rounding = {"取整", "rounding"},
      .decision_table = {"决策表", "decision table"},
      .hit = {"命中规则", "hit policy"},
      .inputs = {"输入", "inputs"},
      .input = {"输入", "input"},
      .priority = {"优先级", "priority"},
      .derived = {"派生值", "Derived values"},
      .derived_value = {"派生值", "derived value"},
      .open_values = {"原文未定的值", "Open values"},
      .open_values_intro = {"原文未给出的值：需要它们的决定为“无法确定”，直至本地规则集补充。",
                            "Values the text does not give: a decision that needs one is "
                            "undetermined until a local rule set supplies it."},
      .reason_code = {"原因代码", "reason code"},
      .because = {"原因", "why"},
      .where = {"位置", "where"},
      .provisions = {"条款对照", "Provisions"},
      .provisions_intro = {"每一条款：编码它的规则，以及检验这些规则的测试。",
                           "Each provision: the rules that encode it, and the tests that "
                           "exercise them."},
      .rule = {"规则", "rule"},
      .test = {"测试", "test"},
      .tests = {"测试", "tests"},
      .no_rule = {"无规则直接编码", "no rule encodes it"},
      .no_test = {"无测试", "no test"},
      .cited_by = {"引用该条款的", "also cited by"},
      .none = {"（无）", "(none)"},
  };
  return words;
}

const Words& reference_words(DocumentReference::Kind kind) {
  const DocumentWords& words = document_words();
  switch (kind) {
    case DocumentReference::Kind::parameter:
      return words.parameter;
    case DocumentReference::Kind::switch_value:
      return words.switch_name;
    case DocumentReference::Kind::list:
      return words.list;
    case DocumentReference::Kind::derived:
      break;
  }
  return words.derived_value;
}

RuleSetDocument ruleset_document(const CompiledRuleSet& rules, Lang lang) {
  return Builder(rules, lang).build();
}

}  // namespace cadre::render
