// One record's decisions as text a case officer reads, in Chinese or English
// (`cadre-policy eval --format text --lang zh|en`): per decision its title,
// outcome in words and value, the provision cited with its quoted sentence,
// each condition as a sentence with the facts it read, hints, the pay as
// computed, and why a result is undetermined.
#pragma once

#include <string>

#include "cadre/engine.hpp"
#include "cadre/ruleset.hpp"
#include "render/words.hpp"

namespace cadre::render {

std::string decision_text(const RecordOutput& output, const CompiledRuleSet& rules, Lang lang);

/// `file:line:col` of a record error (as much of it as is known).
std::string error_location(const RecordError& error);

}  // namespace cadre::render
