// The population's parts of the impact page (impact_html_population.cpp),
// laid out in the frame and style of impact_html.cpp.
#pragma once

#include <string>

#include "diff/variant_impact.hpp"
#include "render/html_page.hpp"

namespace cadre::render {

/// The summary card of the pay: each pay decision's delta over the whole
/// population, or that pay did not change.
std::string pay_card(const diff::PopulationImpact& population, Lang lang);

/// The changes per decision, the pay by group (a chart per pay decision),
/// and each affected record with its reasons before and after.
std::string population_html_parts(const diff::VariantImpact& impact, Lang lang);

/// A pay decision's delta by group as an inline SVG horizontal bar chart:
/// one bar per group, increases right of the zero axis and decreases left,
/// each labelled with the group and the signed amount; when no group's pay
/// changed, a chart that says so. `lines`: the decision's totals by group.
std::string delta_chart(const std::vector<const diff::MoneyLine*>& lines, Lang lang);

}  // namespace cadre::render
