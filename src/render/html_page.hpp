// What every page the tool writes shares: one self-contained HTML document
// (inline CSS, no script, no asset from outside), the same frame (a header
// band with the title and a line under it, then the main column) and the
// same base style, so that the population page, the rule set's document and
// the reports look like one product.
#pragma once

#include <string>
#include <string_view>

#include "render/words.hpp"

namespace cadre::render {

/// `text` with &, <, >, " and ' escaped for HTML.
std::string html_escaped(const std::string& text);

/// The page up to the opening of its main column: `title` (plain text) as the
/// window title and the heading, `subtitle_html` (already escaped) under it;
/// `style` is added to the base style.
std::string html_page_start(Lang lang, const std::string& title, const std::string& subtitle_html,
                            std::string_view style);

/// Closes what html_page_start opened.
std::string html_page_end();

}  // namespace cadre::render
