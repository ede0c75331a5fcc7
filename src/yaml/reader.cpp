// The reader: checks the raw text (size, nesting, UTF-8), then drives
// yaml-cpp's event parser with the tree builder, which builds the located
// tree and enforces the rule-set restrictions (see reader.hpp). The checks
// live beside it: nesting_scan, encoding, tree_builder, parser_errors.
#include "yaml/reader.hpp"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <climits>
#include <fstream>
#include <sstream>
#include <utility>

#include "yaml/encoding.hpp"
#include "yaml/nesting_scan.hpp"
#include "yaml/parser_errors.hpp"
#include "yaml/raw_text.hpp"
#include "yaml/reporter.hpp"
#include "yaml/tree_builder.hpp"

namespace cadre::yaml {
namespace {

/// Runs yaml-cpp over the text after the byte-order mark; the root of the
/// first document, if it could be read to its end.
std::optional<Node> parse_tree(std::string_view text, int origin, const ReadOptions& options,
                               Reporter& reporter) {
  std::istringstream stream{std::string(text.substr(static_cast<std::size_t>(origin)))};
  YAML::Parser parser(stream);
  TreeBuilder builder(text, origin, options, reporter);
  try {
    if (!parser.HandleNextDocument(builder)) {
      Node empty;
      empty.mark = reporter.mark(origin);
      return empty;
    }
    parser.HandleNextDocument(builder);
  } catch (const StopReading&) {
    // Reported; a second document still leaves the first one's tree.
  } catch (const YAML::ParserException& error) {
    report_parser_error(error, builder, reporter, text, origin, options.content);
    return std::nullopt;
  }
  return builder.take_root();
}

std::size_t byte_limit(const ReadOptions& options) {
  return std::min(options.max_bytes, static_cast<std::size_t>(INT_MAX));
}

Diagnostic size_diagnostic(std::string file, std::size_t size, const ReadOptions& options) {
  Diagnostic diagnostic;
  diagnostic.code = std::string(kLimitCode);
  diagnostic.location = SourceLocation{std::move(file), 1, 1, 0};
  diagnostic.message = "the text is " + std::to_string(size) + " bytes, more than the limit of " +
                       std::to_string(byte_limit(options));
  diagnostic.help = options.content == Content::records ? "split the file into several files"
                                                        : "split the rule set into several files";
  return diagnostic;
}

ReadResult io_failure(std::string file, std::string message) {
  Diagnostic diagnostic;
  diagnostic.code = std::string(kIoCode);
  diagnostic.location = SourceLocation{std::move(file), 1, 1, 0};
  diagnostic.message = std::move(message);
  ReadResult result;
  result.diagnostics.push_back(std::move(diagnostic));
  return result;
}

std::string lowercase_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

}  // namespace

std::string_view files_named(Content content) {
  return content == Content::records ? "records files" : "rule sets";
}

ReadResult read_yaml(std::string file_name, std::string text, const ReadOptions& options) {
  ReadResult result;
  if (text.size() > byte_limit(options)) {
    result.diagnostics.push_back(size_diagnostic(std::move(file_name), text.size(), options));
    return result;
  }
  const int origin = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  Reporter reporter(file_name, text, origin, result.diagnostics);
  // The raw-text scan goes first: on hostile input it stops early.
  if (const auto problem =
          scan_raw_text(text, origin, options.max_depth, options.max_scalar_bytes)) {
    if (problem->kind == RawTextProblem::Kind::too_deep) {
      reporter.error(kLimitCode, reporter.mark(problem->offset), depth_message(options.max_depth),
                     depth_help(options.content));
    } else {
      reporter.error(
          kLimitCode, reporter.mark(problem->offset),
          "a single value longer than " + std::to_string(options.max_scalar_bytes) + " bytes",
          "is the file what it should be? a value this long holds no fact");
    }
    return result;
  }
  if (!check_encoding(text, origin, reporter)) return result;
  std::optional<Node> root = parse_tree(text, origin, options, reporter);
  if (root) result.document = Document{std::move(file_name), std::move(text), std::move(*root)};
  return result;
}

ReadResult read_yaml_file(const std::filesystem::path& path, const ReadOptions& options) {
  std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    const std::string reason = error ? lowercase_first(error.message()) : "not a regular file";
    return io_failure(name, "cannot read " + backticked(name) + ": " + reason);
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error)
    return io_failure(name,
                      "cannot read " + backticked(name) + ": " + lowercase_first(error.message()));
  if (size > byte_limit(options)) {
    ReadResult result;
    result.diagnostics.push_back(size_diagnostic(name, static_cast<std::size_t>(size), options));
    return result;
  }
  std::string text(static_cast<std::size_t>(size), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in || in.gcount() != static_cast<std::streamsize>(size)) {
    return io_failure(name, "cannot read " + backticked(name) + ": the read failed");
  }
  return read_yaml(std::move(name), std::move(text), options);
}

}  // namespace cadre::yaml
