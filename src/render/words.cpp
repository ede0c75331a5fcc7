// The engine's words in Chinese and English.
#include "render/words.hpp"

#include <array>
#include <utility>

#include "engine/conditions.hpp"

namespace cadre::render {

namespace {

std::string pick(Lang lang, const char* zh, const char* en) {
  return lang == Lang::zh ? zh : en;
}

struct Named {
  const char* name;
  Words words;
};

constexpr Named kActions[] = {
    {"dismissal", {"免职", "dismissal"}},
    {"ordered_resignation", {"责令辞职", "ordered to resign"}},
    {"recall", {"罢免", "recall"}},
    {"programme_exit", {"退出专业化管理", "exit from the programme"}},
    {"referral", {"移交纪检监察或司法机关", "referral to discipline or judicial bodies"}},
    {"stand_down", {"歇职", "stand down"}},
};

constexpr Named kFlags[] = {
    {"soft", {"一般性要求（允许例外）", "soft (admits exceptions)"}},
    {"discretionary", {"可（酌情，非必须）", "discretionary (may, not must)"}},
    {"derived", {"推算值（非原文数值）", "derived (computed, not quoted from the text)"}},
    {"range", {"区间值", "a range"}},
    {"outside_validity", {"评估日期不在规则有效期内", "the date is outside the rules' validity"}},
    {"above_range", {"超出原文所述范围（仅供参考）", "above the stated range (for information)"}},
    {"ambiguous_scope", {"适用范围有歧义", "ambiguous scope"}},
    {"tie_break_only", {"仅在同等条件下优先", "a tie-break only"}},
    {"average", {"平均值，非应得数额", "an average, not an entitlement"}},
    {"unenumerated_list_not_checked",
     {"原文未列全的情形未能核查", "the situations the text does not list could not be checked"}},
};

const Words* find_words(const Named* begin, const Named* end, std::string_view name) {
  for (const Named* item = begin; item != end; ++item) {
    if (name == item->name) return &item->words;
  }
  return nullptr;
}

}  // namespace

Lang lang_named(std::string_view name) {
  return name == "zh" ? Lang::zh : Lang::en;
}

const Labels& labels() {
  static const Labels words{
      .record = {"记录", "record"},
      .cites = {"依据", "source"},
      .where = {"其中", "where"},
      .possible = {"可能的值", "possible values"},
      .range = {"区间", "range"},
      .exact = {"精确值", "exact value"},
      .actions = {"处理方式", "actions"},
      .flags = {"说明", "notes"},
      .error = {"错误", "error"},
      .hint = {"提示", "hint"},
      .missing = {"缺少", "missing"},
      .undetermined = {"无法确定的原因", "undetermined because"},
      .cohort = {"排名", "ranking"},
      .rounded = {"取整", "rounded"},
      .not_rounded = {"未取整", "not rounded"},
      .decision = {"决定", "decision"},
      .records = {"条记录", "records"},
      .summary = {"汇总", "summary"},
      .total = {"合计", "total"},
      .explanations = {"逐条说明", "explanations"},
      .of_population = {"人员决定", "decisions of the population"},
      .as_of = {"评估日期", "as of"},
      .ruleset = {"规则集", "rule set"},
      .not_evaluated = {"未能评估", "not evaluated"},
      .sum_of_values = {"金额合计", "amount in total"},
  };
  return words;
}

Words decision_kind_words(std::string_view kind) {
  struct Kind {
    const char* name;
    Words words;
  };
  static constexpr Kind kKinds[] = {
      {"eligibility", {"资格", "eligibility"}},
      {"warning", {"警示", "warning"}},
      {"exit", {"退出", "exit"}},
      {"pay", {"报酬", "pay"}},
      {"assessment", {"考核计算", "assessment"}},
      {"allocation", {"名额分配", "allocation"}},
  };
  for (const Kind& known : kKinds) {
    if (kind == known.name) return known.words;
  }
  return {"", ""};
}

Words outcome_words(Outcome outcome) {
  switch (outcome) {
    case Outcome::eligible:
      return {"符合", "eligible"};
    case Outcome::ineligible:
      return {"不符合", "not eligible"};
    case Outcome::triggered:
      return {"触发", "triggered"};
    case Outcome::clear:
      return {"未触发", "not triggered"};
    case Outcome::computed:
      return {"已计算", "computed"};
    case Outcome::not_applicable:
      return {"不适用", "does not apply"};
    case Outcome::undetermined:
      return {"无法确定", "undetermined"};
    case Outcome::pending:
      return {"待定（期限未满）", "pending (the period has not ended)"};
  }
  return {"无法确定", "undetermined"};
}

Words status_words(ReasonStatus status) {
  switch (status) {
    case ReasonStatus::passed:
      return {"成立", "holds"};
    case ReasonStatus::failed:
      return {"不成立", "does not hold"};
    case ReasonStatus::unknown:
      break;
  }
  return {"无法判断", "not known"};
}

const char* status_mark(ReasonStatus status) {
  switch (status) {
    case ReasonStatus::passed:
      return "✓";
    case ReasonStatus::failed:
      return "✗";
    case ReasonStatus::unknown:
      break;
  }
  return "?";
}

std::string action_words(const std::string& action, Lang lang) {
  const Words* words = find_words(std::begin(kActions), std::end(kActions), action);
  return words ? words->in(lang) : action;
}

std::string flag_words(const std::string& flag, Lang lang) {
  if (flag.starts_with("through:")) {
    const std::string day = flag.substr(8);
    return lang == Lang::zh ? "期限至" + day + "（含）" : "through " + day + " (inclusive)";
  }
  const Words* words = find_words(std::begin(kFlags), std::end(kFlags), flag);
  return words ? words->in(lang) : flag;
}

std::string undetermined_code_words(const std::string& code, Lang lang) {
  const auto colon = code.find(':');
  const std::string kind = code.substr(0, colon);
  const std::string what = colon == std::string::npos ? "" : code.substr(colon + 1);
  std::string out;
  if (kind == "missing_fact") {
    out = pick(lang, "缺少事实：", "a fact is missing: ") + what;
  } else if (kind == "conflicting_facts") {
    out = pick(lang, "记录中的事实相互矛盾：", "the record's facts contradict each other: ") + what;
  } else if (kind == "unspecified_parameter") {
    out = pick(lang, "原文未给出数值：", "the text gives no value for ") + what;
  } else if (kind == "unenumerated_list") {
    out = pick(lang, "原文未列全：", "the text does not list in full: ") + what;
  } else if (kind == "truncated_text") {
    out = pick(lang, "原文不完整（……等），不能给出否定结论",
               "the text is incomplete (“……等”), so no negative answer can be given");
  } else if (kind == "ambiguous_reading") {
    out = pick(lang, "原文有两种读法，未选定：",
               "the text reads two ways and no reading is chosen: ") +
          what;
  } else if (kind == "tie_at_cap") {
    out = pick(lang, "名额线上并列，且无决胜规则",
               "candidates tie at the quota's cap and no tie-break decides");
  } else if (kind == "pending") {
    out = pick(lang, "所需结果尚待期限届满：", "it reads a requirement still pending: ") + what;
  } else if (kind == "not_applicable") {
    out = pick(lang, "所需的决定对本记录不适用：", "it needs a decision that does not apply: ") +
          what;
  } else if (kind == "error") {
    out = pick(lang, "计算出错：", "evaluation failed: ") + what;
  } else {
    out = code;
  }
  return out;
}

std::string undetermined_words(const std::string& code, const CompiledRuleSet& rules, Lang lang) {
  std::string out = undetermined_code_words(code, lang);
  if (const OpenValue* open = rules.open_value(code)) {
    const std::string& first = lang == Lang::zh ? open->reason_zh : open->reason_en;
    const std::string& reason =
        first.empty() ? (lang == Lang::zh ? open->reason_en : open->reason_zh) : first;
    if (!reason.empty()) out += lang == Lang::zh ? "（" + reason + "）" : " (" + reason + ")";
  }
  return out;
}

std::string rounding_words(const std::string& mode, int places, Lang lang) {
  std::string to;
  if (places == 2) {
    to = pick(lang, "分", "the fen");
  } else if (places == 1) {
    to = pick(lang, "角", "the jiao");
  } else if (places == 0) {
    to = pick(lang, "元", "the yuan");
  } else {
    to = lang == Lang::zh ? std::to_string(places) + "位小数"
                          : std::to_string(places) + " decimal places";
  }
  if (mode == "floor") return pick(lang, "向下取整到", "rounded down to ") + to;
  if (mode == "ceiling") return pick(lang, "向上取整到", "rounded up to ") + to;
  return pick(lang, "四舍五入到", "rounded half-up to ") + to;
}

std::string grouped_number(const std::string& number) {
  std::size_t start = number.empty() || number[0] != '-' ? 0 : 1;
  std::size_t end = number.find('.');
  if (end == std::string::npos) end = number.size();
  std::string out = number.substr(0, start);
  for (std::size_t i = start; i < end; ++i) {
    if (i > start && (end - i) % 3 == 0) out += ',';
    out += number[i];
  }
  return out + number.substr(end);
}

std::string value_words(const Value& value, Lang lang) {
  switch (value.kind()) {
    case ValueKind::boolean:
      return value.as_bool() ? pick(lang, "是", "yes") : pick(lang, "否", "no");
    case ValueKind::decimal:
      return grouped_number(value.as_decimal().to_string());
    case ValueKind::null:
    case ValueKind::unknown:
    case ValueKind::error:
      return "?";
    case ValueKind::list: {
      std::string out;
      for (const auto& item : value.as_list())
        out += (out.empty() ? "" : lang == Lang::zh ? "、" : ", ") + value_words(item, lang);
      return out.empty() ? pick(lang, "（无）", "(none)") : out;
    }
    default:
      return engine::plain_text(value);
  }
}

}  // namespace cadre::render
