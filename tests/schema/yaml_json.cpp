// YAML → JSON with yaml-cpp, scalars typed by the YAML 1.2 core schema.
#include "yaml_json.hpp"

#include <yaml-cpp/yaml.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <regex>

namespace cadre::testing {

namespace {

namespace json = boost::json;

// The core schema's tag resolution (YAML 1.2.2, 10.3.2).
const std::regex kNull("null|Null|NULL|~|");
const std::regex kBool("true|True|TRUE|false|False|FALSE");
const std::regex kDecimalInt("[-+]?[0-9]+");
const std::regex kOctalInt("0o[0-7]+");
const std::regex kHexInt("0x[0-9a-fA-F]+");
const std::regex kFloat("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
const std::regex kInfinity("[-+]?\\.(inf|Inf|INF)");
const std::regex kNan("\\.nan|\\.NaN|\\.NAN");

// An int too large for 64 bits stays a number, as a double.
json::value integer(const std::string& digits, int base) {
  errno = 0;
  char* end = nullptr;
  long long value = std::strtoll(digits.c_str(), &end, base);
  if (errno == ERANGE) return std::strtod(digits.c_str(), nullptr);
  return static_cast<std::int64_t>(value);
}

json::value convert(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      return nullptr;
    case YAML::NodeType::Scalar: {
      // yaml-cpp tags a plain scalar `?` and a quoted or block one `!`.
      const std::string& tag = node.Tag();
      if (tag == "?") return core_scalar(node.Scalar());
      return json::string(node.Scalar());
    }
    case YAML::NodeType::Sequence: {
      json::array out;
      for (const auto& item : node)
        out.push_back(convert(item));
      return out;
    }
    case YAML::NodeType::Map: {
      json::object out;
      for (const auto& entry : node)
        out[entry.first.Scalar()] = convert(entry.second);
      return out;
    }
  }
  return nullptr;
}

}  // namespace

json::value core_scalar(const std::string& text) {
  if (std::regex_match(text, kNull)) return nullptr;
  if (std::regex_match(text, kBool)) return text[0] == 't' || text[0] == 'T';
  if (std::regex_match(text, kDecimalInt)) return integer(text, 10);
  if (std::regex_match(text, kOctalInt)) return integer(text.substr(2), 8);
  if (std::regex_match(text, kHexInt)) return integer(text.substr(2), 16);
  if (std::regex_match(text, kFloat)) return std::strtod(text.c_str(), nullptr);
  if (std::regex_match(text, kInfinity)) {
    return text[0] == '-' ? -std::numeric_limits<double>::infinity()
                          : std::numeric_limits<double>::infinity();
  }
  if (std::regex_match(text, kNan)) return std::numeric_limits<double>::quiet_NaN();
  return json::string(text);
}

json::value yaml_to_json(const std::string& yaml) {
  return convert(YAML::Load(yaml));
}

json::value yaml_file_to_json(const std::string& path) {
  return convert(YAML::LoadFile(path));
}

}  // namespace cadre::testing
