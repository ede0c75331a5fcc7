// JSON's escapes for characters beyond U+FFFF: a UTF-16 surrogate pair,
// `\uD842\uDFB7` for 𠮷 (a rare character of Chinese names, which Java's JSON
// writers escape so). The YAML reader that parses JSON takes `\u` escapes one
// by one and refuses a half pair; the pair written as YAML's `\U00020BB7` is
// the same character.
#pragma once

#include <string>

namespace cadre::records {

/// `json` with every surrogate-pair escape inside a string rewritten as one
/// `\UXXXXXXXX` escape (two bytes shorter each); a half pair is left as it
/// is, for the reader to refuse. Text outside strings is not touched.
std::string combine_surrogate_escapes(std::string json);

}  // namespace cadre::records
