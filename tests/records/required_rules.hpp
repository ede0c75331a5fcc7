// A small rule set whose schema has required fields (top-level and in list
// entries), shared by the records tests and the test runner's tests: both
// check that records get the same required-field and duplicate-key checks.
#pragma once

#include <string>

namespace cadre::testing {

/// The rule set, without tests; `id` names it.
inline std::string required_fields_rules(const std::string& id) {
  return "ruleset: {id: " + id + R"(, version: 1.0.0, valid: {from: 2020-01-01}}
sources:
  HY: {title: {en: test}, nature: normative}
schema:
  records:
    village:
      fields:
        id: {type: string, required: true}
    cadre:
      fields:
        id: {type: string, required: true}
        village_id: {type: string, ref: village, required: true}
        party_member: bool
        assessments:
          list:
            year: {type: int, required: true}
            grade: string
          dated_by: year
decisions:
  - id: hy.member
    kind: eligibility
    subject: cadre
    cite: HY-ELIG-01
    all:
      - {id: member, when: cadre.party_member}
)";
}

}  // namespace cadre::testing
