// The document of a rule set (ruleset_document.hpp) laid out for reading:
// Markdown (headings, lists and tables, for a repository or an editor) and
// one self-contained HTML page (inline CSS, no script, nothing from outside).
// Both lay out the same data in the same order and add only the document's
// words, in its language.
#pragma once

#include <string>

#include "render/ruleset_document.hpp"

namespace cadre::render {

/// GitHub-flavoured Markdown: text the rule set writes is escaped, so that
/// `*`, `_`, `<` or `|` in a message show as written, and a table cell never
/// breaks its row.
std::string ruleset_document_markdown(const RuleSetDocument& document);

/// One HTML page, everything escaped.
std::string ruleset_document_html(const RuleSetDocument& document);

}  // namespace cadre::render
