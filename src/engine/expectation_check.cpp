// A result against its expectation (expectation_check.hpp). Numbers compare
// by value, anything else by text; the lists of an expectation (undetermined,
// missing, flags, failed and passed conditions) must all be present in the
// result, which may have more.
#include "engine/expectation_check.hpp"

#include <algorithm>

#include "engine/conditions.hpp"

namespace cadre::engine {

namespace {

// Numbers compare by value (3600.00 == 3600.000); anything else by text.
bool same_value(const std::string& expected, const Value& actual) {
  if (actual.kind() == ValueKind::decimal) {
    auto number = Decimal::parse(expected);
    return number && *number == actual.as_decimal();
  }
  return plain_text(actual) == expected;
}

std::string shown(const Value& value) {
  return value.kind() == ValueKind::null ? std::string(kNone) : plain_text(value);
}

// The ids of the conditions in `reasons` (at any depth) with `status`.
void conditions_with(const std::vector<Reason>& reasons, ReasonStatus status,
                     std::vector<std::string>& out) {
  for (const auto& reason : reasons) {
    if (!reason.id.empty() && reason.status == status) out.push_back(reason.id);
    conditions_with(reason.children, status, out);
  }
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

class Checker {
 public:
  Checker(const model::ExpectedDecision& expected, const DecisionResult& actual)
      : expected_(expected), actual_(actual) {}

  ExpectationCheck run() {
    outcome();
    value();
    range();
    possible();
    exact();
    actions();
    listed("undetermined", expected_.undetermined, actual_.undetermined, true);
    listed("missing", expected_.missing, actual_.missing, true);
    flags();
    std::vector<std::string> failed, passed;
    conditions_with(actual_.reasons, ReasonStatus::failed, failed);
    conditions_with(actual_.reasons, ReasonStatus::passed, passed);
    listed("failed conditions", expected_.failed, failed, false);
    listed("passed conditions", expected_.passed, passed, false);
    return std::move(out_);
  }

 private:
  void row(std::string label, std::string left, std::string right, bool differs) {
    out_.rows.push_back({std::move(label), std::move(left), std::move(right), differs});
  }

  void outcome() {
    const std::string actual = outcome_name(actual_.outcome);
    const bool differs = expected_.outcome != actual;
    if (differs)
      out_.differences.push_back("outcome " + actual + ", expected " + expected_.outcome);
    row("outcome", expected_.outcome, actual, differs);
  }

  void value() {
    if (!expected_.value) return;
    const bool differs = !same_value(*expected_.value, actual_.value);
    if (differs) {
      out_.differences.push_back("value " + plain_text(actual_.value) + ", expected " +
                                 *expected_.value);
    }
    row("value", *expected_.value, shown(actual_.value), differs);
  }

  void range() {
    if (expected_.range.size() != 2) return;
    const std::string want = "[" + expected_.range[0] + ", " + expected_.range[1] + "]";
    if (!actual_.range) {
      out_.differences.push_back("no range, expected " + want);
      row("range", want, kNone, true);
      return;
    }
    const std::string have =
        "[" + plain_text(actual_.range->first) + ", " + plain_text(actual_.range->second) + "]";
    const bool differs = !same_value(expected_.range[0], actual_.range->first) ||
                         !same_value(expected_.range[1], actual_.range->second);
    if (differs) out_.differences.push_back("range " + have + ", expected " + want);
    row("range", want, have, differs);
  }

  void possible() {
    if (expected_.possible.empty()) return;
    bool same = expected_.possible.size() == actual_.possible.size();
    for (std::size_t i = 0; same && i < expected_.possible.size(); ++i)
      same = same_value(expected_.possible[i], actual_.possible[i]);
    std::vector<std::string> have;
    for (const auto& value : actual_.possible)
      have.push_back(plain_text(value));
    if (!same) {
      out_.differences.push_back("possible [" + joined(have) + "], expected [" +
                                 joined(expected_.possible) + "]");
    }
    row("possible", joined_or_none(expected_.possible), joined_or_none(have), !same);
  }

  void exact() {
    if (!expected_.exact) return;
    const bool differs = *expected_.exact != actual_.exact;
    const std::string have = actual_.exact.empty() ? "none" : actual_.exact;
    if (differs) out_.differences.push_back("exact " + have + ", expected " + *expected_.exact);
    row("exact", *expected_.exact, actual_.exact.empty() ? kNone : actual_.exact, differs);
  }

  void actions() {
    if (expected_.actions.empty()) return;
    const bool differs = expected_.actions != actual_.actions;
    if (differs) out_.differences.push_back("actions [" + joined(actual_.actions) + "]");
    row("actions", joined_or_none(expected_.actions), joined_or_none(actual_.actions), differs);
  }

  // Every item expected must be in the result. `always`: the row shows when
  // the result has items even if the test names none (why it is undetermined).
  void listed(const std::string& label, const std::vector<std::string>& want,
              const std::vector<std::string>& have, bool always) {
    bool differs = false;
    for (const auto& item : want) {
      if (has(have, item)) continue;
      out_.differences.push_back(label + " lacks " + item);
      differs = true;
    }
    if (!want.empty() || (always && !have.empty())) {
      row(label, joined_or_none(want), joined_or_none(have), differs);
    }
  }

  void flags() {
    bool differs = false;
    for (const auto& flag : expected_.flags) {
      if (has(actual_.flags, flag)) continue;
      out_.differences.push_back("flags lacks " + flag);
      differs = true;
    }
    std::vector<std::string> want = expected_.flags;
    for (const auto& flag : expected_.without_flags) {
      want.push_back("not " + flag);
      if (!has(actual_.flags, flag)) continue;
      out_.differences.push_back("flags has " + flag);
      differs = true;
    }
    if (!want.empty() || !actual_.flags.empty()) {
      row("flags", joined_or_none(want), joined_or_none(actual_.flags), differs);
    }
  }

  static std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items)
      out += (out.empty() ? "" : ", ") + item;
    return out;
  }

  const model::ExpectedDecision& expected_;
  const DecisionResult& actual_;
  ExpectationCheck out_;
};

}  // namespace

ExpectationCheck check_expectation(const model::ExpectedDecision& expected,
                                   const DecisionResult& actual) {
  return Checker(expected, actual).run();
}

}  // namespace cadre::engine
