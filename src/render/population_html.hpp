// A population's decisions as one self-contained page a case officer opens in
// a browser (`cadre-policy eval --format html`): inline CSS, no script, no
// asset from outside. A summary per decision (how many took each outcome,
// the money total of pay), then each record's decisions explained as in the
// text format, undetermined ones marked and explained.
#pragma once

#include <string>
#include <vector>

#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"
#include "render/words.hpp"

namespace cadre::render {

/// `outputs`: the decisions about no record (`_context`) first, if any, then
/// every record in input order.
std::string population_html(const std::vector<RecordOutput>& outputs, const CompiledRuleSet& rules,
                            const std::string& as_of, Lang lang);

}  // namespace cadre::render
