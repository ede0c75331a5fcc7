// yaml-cpp's exceptions → diagnostics: its messages in the house style, an
// unclosed flow bracket pointed at where it opens, its depth guard as a
// `yaml.limit` and a missing anchor as the alias it is.
#pragma once

#include <yaml-cpp/exceptions.h>

#include <string_view>

#include "yaml/reporter.hpp"
#include "yaml/tree_builder.hpp"

namespace cadre::yaml {

/// yaml-cpp's complaint, as a diagnostic at its mark. `text` is the whole
/// text and `origin` where yaml-cpp's input started in it; `content` words
/// the help.
void report_parser_error(const YAML::ParserException& error, TreeBuilder& builder,
                         Reporter& reporter, std::string_view text, int origin, Content content);

}  // namespace cadre::yaml
