// The files of one rule set (rule_set_files.hpp): opening each file once,
// confining every include to the allowed root, detecting include cycles, and
// dispatching the top-level sections of each file to their readers.
#include "load/rule_set_files.hpp"

#include <algorithm>
#include <memory>
#include <system_error>

#include "load/section_readers.hpp"
#include "yaml/reader.hpp"

namespace cadre::load {
namespace fs = std::filesystem;
namespace {

using SectionReader = void (*)(FileContext&, const yaml::Node&, OwnRuleSet&);

struct Section {
  std::string_view key;
  SectionReader read;
};

/// Reads a section with `Reader` into the member `Member` of the rule set.
template <auto Reader, auto Member>
void read_into(FileContext& context, const yaml::Node& node, OwnRuleSet& out) {
  Reader(context, node, out.rules.*Member);
}

/// The sections any file may hold, each at most once per file.
constexpr Section kSections[] = {
    {"sources", read_into<read_sources, &model::RuleSet::sources>},
    {"schema", read_into<read_schema, &model::RuleSet::schema>},
    {"parameters", read_into<read_parameters, &model::RuleSet::parameters>},
    {"switches", read_into<read_switches, &model::RuleSet::switches>},
    {"lists", read_into<read_lists, &model::RuleSet::lists>},
    {"derived", read_into<read_derived, &model::RuleSet::derived>},
    {"decisions", read_into<read_decisions, &model::RuleSet::decisions>},
    {"tests", read_into<read_tests, &model::RuleSet::tests>},
};

/// Every top-level key: the sections, `ruleset` (root file only), `include`
/// (included files only: the root lists its includes in `ruleset.include`)
/// and `variant` (rule sets that extend another only).
const std::vector<KeySpec>& top_level_keys() {
  static const std::vector<KeySpec> keys = [] {
    std::vector<KeySpec> all = {{"ruleset"}, {"include"}, {"variant"}};
    for (const Section& section : kSections)
      all.push_back({section.key});
    return all;
  }();
  return keys;
}

/// "did you mean" among the files of the folder an include points into.
std::string missing_file_help(const fs::path& display) {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry :
       fs::directory_iterator(display.parent_path().empty() ? "." : display.parent_path(), error)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  const std::vector<std::string_view> views(names.begin(), names.end());
  std::string help = did_you_mean(display.filename().string(), views);
  return help.empty() ? "looked for `" + display.string() + "`" : help;
}

}  // namespace

fs::path canonical_path(const fs::path& path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  if (error) return path.lexically_normal();
  fs::path canonical = fs::weakly_canonical(absolute, error);
  return error ? absolute.lexically_normal() : canonical;
}

bool is_inside(const fs::path& root, const fs::path& path) {
  const auto [root_end, path_end] =
      std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end() ||
         (std::next(root_end) == root.end() && root_end->empty());  // root with a trailing `/`
}

RuleSetFiles::Opened RuleSetFiles::open(const fs::path& display, const RootText* text) {
  // A text is no file: nothing on disk is it, so nothing is skipped as read.
  if (text == nullptr) state_.read.insert(canonical_path(display));
  out_.files.push_back(display);
  if (static_cast<int>(state_.read.size()) > state_.max_files) {
    state_.report(Severity::error, code::load_limit, {display.string(), 0, 0, 0},
                  "too many files in the rule set: more than " + std::to_string(state_.max_files),
                  "a rule set's includes and extended rule sets are at most "
                  "RuleSetLimits::max_files files");
    return {};
  }
  yaml::ReadResult result = text != nullptr
                                ? yaml::read_yaml(text->name, text->text, state_.read_options)
                                : yaml::read_yaml_file(display, state_.read_options);
  for (Diagnostic& diagnostic : result.diagnostics)
    state_.diagnostics.push_back(std::move(diagnostic));
  if (!result.document) return {};
  const std::int32_t file =
      state_.origins.add_document(std::make_unique<yaml::Document>(std::move(*result.document)));
  return {file, &state_.origins.document(file).root};
}

bool RuleSetFiles::read_root(const fs::path& display, const RootText* text) {
  root_display_ = display;
  root_is_text_ = text != nullptr;
  root_folder_ = text != nullptr ? text->folder : std::optional(display.parent_path());
  const Opened opened = open(display, text);
  if (opened.root == nullptr) return false;
  root_file_ = opened.file;
  FileContext context(state_.origins, state_.diagnostics, opened.file);
  if (!expect_kind(context, *opened.root, yaml::NodeKind::mapping, "the root file")) return false;
  const yaml::Node* metadata = opened.root->find("ruleset");
  if (metadata == nullptr) {
    context.error(*opened.root, code::load_missing_key,
                  "missing section `ruleset` in the root file");
  } else {
    read_metadata(context, *key_of(*opened.root, "ruleset"), *metadata, out_.rules.metadata);
    if (metadata->kind == yaml::NodeKind::mapping) root_include_ = metadata->find("include");
  }
  read_sections(context, *opened.root, Role::root);
  return true;
}

void RuleSetFiles::read_sections(FileContext& context, const yaml::Node& root, Role role) {
  MappingReader reader(context, root, "the top-level mapping");
  reader.check_keys(top_level_keys());
  if (!reader.is_mapping()) return;
  if (const yaml::Node* key = reader.find_key("ruleset");
      key != nullptr && role == Role::included) {
    context.error(*key, code::load_unknown_key,
                  "section `ruleset` is only allowed in the root file");
  }
  if (const yaml::Node* key = reader.find_key("include"); key != nullptr && role == Role::root) {
    context.error(*key, code::load_unknown_key, "top-level `include` is only for included files",
                  "list the root file's includes in `ruleset.include`");
  }
  for (const Section& section : kSections) {
    if (const yaml::Node* node = reader.find(section.key)) section.read(context, *node, out_);
  }
  if (const yaml::Node* variant = reader.find("variant")) {
    if (out_.rules.metadata.extends.empty()) {
      context.error(*reader.find_key("variant"), code::load_unknown_key,
                    "section `variant` is only allowed in a rule set that `extends` another",
                    "add `extends: PATH` to `ruleset`");
    }
    read_variant(context, *variant, out_.rules.variant);
  }
}

void RuleSetFiles::read_includes() {
  if (root_file_ < 0) return;
  // A text root has no path a file could include it by: an empty one matches none.
  stack_.push_back(root_is_text_ ? fs::path() : canonical_path(root_display_));
  display_stack_.push_back(root_display_);
  if (root_include_ != nullptr && root_include_->kind == yaml::NodeKind::sequence) {
    FileContext context(state_.origins, state_.diagnostics, root_file_);
    follow(context, root_folder_, *root_include_);
  }
  stack_.pop_back();
  display_stack_.pop_back();
}

void RuleSetFiles::follow(FileContext& context, const std::optional<fs::path>& folder,
                          const yaml::Node& list) {
  for (const yaml::Node& item : list.items) {
    if (item.kind != yaml::NodeKind::scalar || item.scalar.empty()) continue;
    if (!folder) {
      context.error(item, code::load_no_base_folder,
                    "included file `" + item.scalar +
                        "` cannot be found: the rule set is given as text, with no folder to "
                        "look in",
                    "give the folder its included files are in as the base folder");
      continue;
    }
    const fs::path display = (*folder / item.scalar).lexically_normal();
    const fs::path canonical = canonical_path(display);
    if (check_include(context, item, display, canonical)) read_included(display);
  }
}

bool RuleSetFiles::check_include(FileContext& context, const yaml::Node& item,
                                 const fs::path& display, const fs::path& canonical) {
  if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
    context.error(item, code::load_include_cycle, "include cycle: " + cycle_text(display),
                  "a file cannot include itself, directly or through other files");
    return false;
  }
  // A file already read (included twice, or part of the base) is not read
  // again: its definitions are already in.
  if (state_.read.contains(canonical)) return false;
  if (!is_inside(state_.allowed_root, canonical)) {
    context.error(item, code::load_outside_root,
                  "included file `" + item.scalar + "` is outside the rule-set root `" +
                      state_.allowed_root_display + "`",
                  "a rule set's files must stay inside the folder of its root file, unless the "
                  "caller allows a wider root");
    return false;
  }
  std::error_code error;
  if (!fs::is_regular_file(display, error)) {
    context.error(item, code::load_missing_file,
                  "included file `" + item.scalar + "` does not exist", missing_file_help(display));
    return false;
  }
  return true;
}

void RuleSetFiles::read_included(const fs::path& display) {
  const Opened opened = open(display);
  if (opened.root == nullptr) return;
  FileContext context(state_.origins, state_.diagnostics, opened.file);
  if (opened.root->kind == yaml::NodeKind::null) return;  // an empty file
  read_sections(context, *opened.root, Role::included);
  const yaml::Node* include =
      opened.root->kind == yaml::NodeKind::mapping ? opened.root->find("include") : nullptr;
  if (include == nullptr) return;
  const std::vector<std::string> checked =
      read_string_list(context, *include, "`include`");  // reports its problems
  if (include->kind != yaml::NodeKind::sequence || checked.empty()) return;
  stack_.push_back(canonical_path(display));
  display_stack_.push_back(display);
  follow(context, display.parent_path(), *include);
  stack_.pop_back();
  display_stack_.pop_back();
}

std::string RuleSetFiles::cycle_text(const fs::path& display) const {
  const fs::path canonical = canonical_path(display);
  const auto start = std::find(stack_.begin(), stack_.end(), canonical) - stack_.begin();
  std::string text;
  for (auto i = static_cast<std::size_t>(start); i < display_stack_.size(); ++i) {
    text += "`" + display_stack_[i].string() + "` → ";
  }
  return text + "`" + display.string() + "`";
}

}  // namespace cadre::load
