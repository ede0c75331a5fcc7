// JUnit XML (junit.hpp): the document, its counts and its escaping.
#include "render/junit.hpp"

#include <algorithm>
#include <iterator>

namespace cadre::render {

namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at `i`, or 0.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = lead < 0x80             ? 1
                       : (lead & 0xE0) == 0xC0 ? 2
                       : (lead & 0xF0) == 0xE0 ? 3
                       : (lead & 0xF8) == 0xF0 ? 4
                                               : 0;
  if (length == 0 || (length == 2 && lead < 0xC2) || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  if (length < 3) return length;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  // Overlong forms, surrogates, beyond U+10FFFF, and U+FFFE / U+FFFF, which
  // XML does not allow.
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) ||
      (lead == 0xF0 && second < 0x90) || lead > 0xF4 || (lead == 0xF4 && second >= 0x90) ||
      (lead == 0xEF && second == 0xBF && static_cast<unsigned char>(text[i + 2]) >= 0xBE)) {
    return 0;
  }
  return length;
}

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(const JUnitCase& test) {
    ++tests;
    failures += test.result == JUnitCase::Result::failure ? 1 : 0;
    errors += test.result == JUnitCase::Result::error ? 1 : 0;
    skipped += test.result == JUnitCase::Result::skipped ? 1 : 0;
  }
  std::string attributes() const {
    return " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
           "\" errors=\"" + std::to_string(errors) + "\" skipped=\"" + std::to_string(skipped) +
           "\"";
  }
};

enum class Place : std::uint8_t { attribute, text };

/// The characters written as references. Quotes need it only inside an
/// attribute's quotes, and an attribute keeps line breaks and tabs only so.
struct Entity {
  char c;
  const char* text;
  bool attribute_only;
};
constexpr Entity kEntities[] = {
    {'&', "&amp;", false}, {'<', "&lt;", false},   {'>', "&gt;", false},  {'\r', "&#13;", false},
    {'"', "&quot;", true}, {'\'', "&apos;", true}, {'\n', "&#10;", true}, {'\t', "&#9;", true}};

std::string escaped(std::string_view text, Place place);

std::string attribute(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml_escaped(value) + "\"";
}

std::string testcase_xml(const JUnitCase& test) {
  std::string out =
      "    <testcase" + attribute("classname", test.classname) + attribute("name", test.name);
  if (!test.file.empty()) out += attribute("file", test.file);
  if (test.line > 0) out += " line=\"" + std::to_string(test.line) + "\"";
  const char* element = test.result == JUnitCase::Result::failure ? "failure"
                        : test.result == JUnitCase::Result::error ? "error"
                                                                  : "skipped";
  if (test.result == JUnitCase::Result::passed) return out + "/>\n";
  out += ">\n      <" + std::string(element) + attribute("message", test.message);
  if (!test.type.empty()) out += attribute("type", test.type);
  out += test.body.empty()
             ? "/>\n"
             : ">" + escaped(test.body, Place::text) + "</" + std::string(element) + ">\n";
  return out + "    </testcase>\n";
}

std::string escaped(std::string_view text, Place place) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = sequence_length(text, i);
    if (length == 0) {  // not UTF-8: XML cannot hold it
      out += kReplacement;
      ++i;
      continue;
    }
    const char c = text[i];
    const auto* entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                      [c](const Entity& e) { return e.c == c; });
    if (entity != std::end(kEntities) && (place == Place::attribute || !entity->attribute_only)) {
      out += entity->text;
    } else if (entity == std::end(kEntities) && length == 1 &&
               static_cast<unsigned char>(c) < 0x20) {
      // Other control characters are not allowed in XML 1.0, even as references.
      out += kReplacement;
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

}  // namespace

std::string xml_escaped(std::string_view text) {
  return escaped(text, Place::attribute);
}

std::string junit_xml(const std::vector<JUnitSuite>& suites) {
  Counts all;
  std::string body;
  for (const auto& suite : suites) {
    Counts counts;
    std::string cases;
    for (const auto& test : suite.cases) {
      counts.add(test);
      all.add(test);
      cases += testcase_xml(test);
    }
    body += "  <testsuite" + attribute("name", suite.name) + counts.attributes() + ">\n";
    if (!suite.properties.empty()) {
      body += "    <properties>\n";
      for (const auto& [name, value] : suite.properties)
        body += "      <property" + attribute("name", name) + attribute("value", value) + "/>\n";
      body += "    </properties>\n";
    }
    body += cases + "  </testsuite>\n";
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cadre-policy\"" +
         all.attributes() + ">\n" + body + "</testsuites>\n";
}

}  // namespace cadre::render
