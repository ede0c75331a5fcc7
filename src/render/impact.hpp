// The report of what a variant changes against its base (`cadre-policy diff
// BASE VARIANT [RECORDS]`), in the three formats of the command: text for a
// terminal, one JSON document, one self-contained HTML page. All three lay
// out the same plain data (src/diff/variant_impact.hpp) and never compute
// anything a person could read differently: undetermined results are counted
// apart, never as a change of value.
#pragma once

#include <string>

#include "diff/variant_impact.hpp"
#include "render/words.hpp"

namespace cadre::render {

/// The report as text in one language: the two rule sets, the rule-set
/// difference item by item, the static impact, and with a population its
/// summary, the changes per decision, the money and each affected record.
std::string impact_text(const diff::VariantImpact& impact, Lang lang);

/// The report as one JSON document and a newline; keys in a fixed order, so
/// the same impact gives byte-identical output (docs/diff.md,
/// docs/impact.schema.json).
std::string impact_json(const diff::VariantImpact& impact);

/// The report as one self-contained HTML page (inline CSS and SVG only).
std::string impact_html(const diff::VariantImpact& impact, Lang lang);

}  // namespace cadre::render
