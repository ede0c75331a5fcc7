// Reading the files of one rule set: its root file, then the files it
// includes (depth first, each file once), every path confined to the allowed
// root; the top-level sections of each file are handed to their readers.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/load_state.hpp"
#include "load/loader.hpp"
#include "load/mapping_reader.hpp"

namespace cadre::load {

/// The canonical form of `path`: absolute, symbolic links and `..` resolved
/// (the path need not exist).
std::filesystem::path canonical_path(const std::filesystem::path& path);
/// True when canonical `path` is `root` or inside it.
bool is_inside(const std::filesystem::path& root, const std::filesystem::path& path);

class RuleSetFiles {
 public:
  RuleSetFiles(LoadState& state, OwnRuleSet& out) : state_(state), out_(out) {}

  /// Reads the root file (which must exist and be confined; the caller checks)
  /// and its sections; false when it has no readable document. With `text`,
  /// the root is that text, called `display`, and its includes resolve in
  /// text->folder.
  bool read_root(const std::filesystem::path& display, const RootText* text = nullptr);
  /// Reads the files the root includes, and theirs, depth first.
  void read_includes();

 private:
  struct Opened {
    std::int32_t file = -1;
    const yaml::Node* root = nullptr;
  };

  Opened open(const std::filesystem::path& display, const RootText* text = nullptr);
  enum class Role : std::uint8_t { root, included };
  void read_sections(FileContext& context, const yaml::Node& root, Role role);
  void read_included(const std::filesystem::path& display);
  /// Reads the files `list` names, each resolved in `folder` (nullopt: the
  /// including text has no folder, and each is refused).
  void follow(FileContext& context, const std::optional<std::filesystem::path>& folder,
              const yaml::Node& list);
  /// Why an include cannot be read (reported at `item`), or true when it can.
  bool check_include(FileContext& context, const yaml::Node& item,
                     const std::filesystem::path& display, const std::filesystem::path& canonical);
  std::string cycle_text(const std::filesystem::path& display) const;

  LoadState& state_;
  OwnRuleSet& out_;
  std::vector<std::filesystem::path> stack_;          ///< canonical paths being read
  std::vector<std::filesystem::path> display_stack_;  ///< the same, as displayed
  std::filesystem::path root_display_;
  std::optional<std::filesystem::path> root_folder_;  ///< where the root's includes resolve
  bool root_is_text_ = false;
  std::int32_t root_file_ = -1;
  const yaml::Node* root_include_ = nullptr;
};

}  // namespace cadre::load
