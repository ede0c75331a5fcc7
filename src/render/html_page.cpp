// The frame and base style of the tool's pages.
#include "render/html_page.hpp"

namespace cadre::render {

namespace {

// Fonts with Chinese glyphs first: Noto / Source Han (Linux), PingFang
// (macOS), Microsoft YaHei (Windows), WenQuanYi (Debian's small font).
constexpr std::string_view kBaseStyle = R"css(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",system-ui,sans-serif;margin:0;color:#1d2430;background:#f5f6f8;line-height:1.5}
header{background:#7a1f1f;color:#fff;padding:18px 28px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;opacity:.9;font-size:14px}
main{padding:18px 28px;max-width:1200px}
.id{color:#6b7280;font-size:12px;font-weight:400;margin-left:6px}
)css";

}  // namespace

std::string html_escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string html_page_start(Lang lang, const std::string& title, const std::string& subtitle_html,
                            std::string_view style) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += lang == Lang::zh ? "zh-CN" : "en";
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escaped(title) + "</title>\n<style>";
  out += kBaseStyle;
  out += style.starts_with('\n') ? style.substr(1) : style;  // one rule a line, no blank
  out += "</style>\n</head>\n<body>\n<header><h1>" + html_escaped(title) + "</h1><p>" +
         subtitle_html + "</p></header>\n<main>\n";
  return out;
}

std::string html_page_end() {
  return "</main>\n</body>\n</html>\n";
}

}  // namespace cadre::render
