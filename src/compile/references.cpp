// Reference extraction over the parsed expression tree.
#include "compile/references.hpp"

#include <algorithm>

#include "expr/parser.hpp"
#include "expr/qualified_name.hpp"

namespace cadre {

namespace {

class Finder {
 public:
  Finder(const std::function<bool(std::string_view)>& is_id, std::vector<Reference>& out)
      : is_id_(is_id), out_(out) {}

  void visit(const expr::Expr& e) {
    if (e.kind == expr::ExprKind::ident || e.kind == expr::ExprKind::select) {
      if (match(e)) return;
    }
    if (e.kind == expr::ExprKind::comprehension) {
      if (e.target) visit(*e.target);
      scopes_.push_back(e.name);
      for (const auto& arg : e.args)
        visit(*arg);
      scopes_.pop_back();
      return;
    }
    if (e.target) visit(*e.target);
    for (const auto& arg : e.args)
      visit(*arg);
  }

 private:
  // Records the longest id prefix of a qualified name; true when found.
  bool match(const expr::Expr& e) {
    const expr::Expr* root = nullptr;
    auto name = expr::qualified_name(e, &root);
    if (!name || std::find(scopes_.begin(), scopes_.end(), root->name) != scopes_.end()) {
      return false;
    }
    std::string candidate = *name;
    while (true) {
      if (is_id_(candidate)) {
        out_.push_back({candidate, root->offset});
        return true;
      }
      auto dot = candidate.rfind('.');
      if (dot == std::string::npos) return false;
      candidate.resize(dot);
    }
  }

  const std::function<bool(std::string_view)>& is_id_;
  std::vector<Reference>& out_;
  std::vector<std::string> scopes_;
};

}  // namespace

std::vector<Reference> find_references(std::string_view source,
                                       const std::function<bool(std::string_view)>& is_id) {
  std::vector<Reference> references;
  expr::ParseResult parsed = expr::parse(source);
  if (parsed.root) Finder(is_id, references).visit(*parsed.root);
  return references;
}

}  // namespace cadre
