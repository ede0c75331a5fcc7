// Where problems go: byte offsets (and yaml-cpp's marks) become line:col
// marks, and each problem becomes a diagnostic located in the file being
// read. Also the depth limit's message, shared by the three places that
// enforce it (the nesting scan, the tree builder, yaml-cpp's own guard).
#pragma once

#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>
#include <vector>

#include "cadre/diagnostic.hpp"
#include "yaml/node.hpp"
#include "yaml/reader.hpp"

namespace cadre::yaml {

/// Byte offsets → marks. Queries come mostly in increasing order (the order
/// of parser events), so it walks on from its last answer; for an earlier
/// offset it walks back. It keeps no table: memory stays flat however many
/// lines the text has. Columns skip the byte-order mark.
class Locator {
 public:
  Locator(std::string_view text, int origin)
      : text_(text), origin_(origin), cursor_{1, 1, origin} {}

  Mark at(int offset);

  /// The offset of yaml-cpp's mark: its byte position (which does not count
  /// the byte-order mark), or else its 0-based line and byte column.
  int offset_of(const YAML::Mark& mark) const;

 private:
  /// The mark of the start of the line holding `offset` (before the cursor).
  Mark line_start_back_to(int offset) const;

  std::string_view text_;
  int origin_;
  Mark cursor_;
};

/// Collects the diagnostics of one read, located in one file.
class Reporter {
 public:
  Reporter(std::string_view file, std::string_view text, int origin,
           std::vector<Diagnostic>& diagnostics)
      : file_(file), locator_(text, origin), diagnostics_(diagnostics) {}

  Mark mark(int offset) { return locator_.at(offset); }
  Mark mark(const YAML::Mark& mark) { return locator_.at(locator_.offset_of(mark)); }

  void error(std::string_view code, const Mark& mark, std::string message, std::string help = {});

 private:
  std::string_view file_;
  Locator locator_;
  std::vector<Diagnostic>& diagnostics_;
};

/// The message of a `yaml.limit` diagnostic for nesting past `max_depth`.
std::string depth_message(int max_depth);

/// The help of a `yaml.limit` diagnostic for nesting: "flatten the
/// structure; rule sets need only a few levels".
std::string depth_help(Content content);

}  // namespace cadre::yaml
