// YAML as the YAML language server hands it to a JSON Schema (tests only):
// a plain scalar is typed by the YAML 1.2 core schema (null, bool, int,
// float, else string), a quoted or block scalar is a string, mapping keys are
// strings. docs/ruleset.schema.json is checked against rule-set files read
// this way, as an editor would.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace cadre::testing {

/// A plain scalar typed by the core schema: `~`/`null`/empty → null,
/// `true`/`False` → bool, `12`/`0x1F`/`0o17` → int, `1.20`/`.inf` → number,
/// anything else → string.
boost::json::value core_scalar(const std::string& text);

/// The first document of `yaml`; throws YAML::Exception when it does not parse.
boost::json::value yaml_to_json(const std::string& yaml);

/// The same for a file; throws YAML::Exception (BadFile when unreadable).
boost::json::value yaml_file_to_json(const std::string& path);

}  // namespace cadre::testing
