// A recursive-descent JSON reader (RFC 8259) writing yaml::Node trees; see
// json_line_tree.hpp for why it exists and what it leaves to the YAML reader.
#include "records/json_line_tree.hpp"

#include <cstdint>
#include <string>

namespace cadre::records {

namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

/// The length of the UTF-8 sequence at `at` in `text`, or 0 when it is not a
/// valid one (overlong forms, surrogates and values past U+10FFFF included).
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  std::uint32_t minimum = 0;
  std::uint32_t code = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, minimum = 0x80, code = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, minimum = 0x800, code = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, minimum = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if (!is_continuation(byte(i))) return 0;
    code = (code << 6) | (byte(i) & 0x3F);
  }
  if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Reader {
 public:
  Reader(std::string_view text, const JsonLineLimits& limits) : text_(text), limits_(limits) {}

  std::optional<yaml::Node> document() {
    skip_spaces();
    if (peek() != '{') return std::nullopt;
    yaml::Node root;
    if (!value(root, 1)) return std::nullopt;
    skip_spaces();
    if (at_ != text_.size()) return std::nullopt;
    return root;
  }

 private:
  char peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }

  void skip_spaces() {
    while (at_ < text_.size() && text_[at_] == ' ')
      ++at_;
  }

  /// The mark of byte `at_`: columns count code points, found from the last
  /// mark (marks are taken left to right).
  yaml::Mark mark() {
    for (; column_offset_ < at_; ++column_offset_) {
      if (!is_continuation(static_cast<unsigned char>(text_[column_offset_]))) ++column_;
    }
    return {1, column_ + 1, static_cast<int>(at_)};
  }

  bool count_node() { return ++nodes_ <= limits_.max_nodes; }

  bool value(yaml::Node& node, int depth) {
    if (!count_node()) return false;
    node.mark = mark();
    switch (peek()) {
      case '{':
        return object(node, depth);
      case '[':
        return array(node, depth);
      case '"':
        node.kind = yaml::NodeKind::scalar;
        node.style = yaml::ScalarStyle::double_quoted;
        return string(node.scalar);
      case 'n':
        node.kind = yaml::NodeKind::null;
        return word("null");
      case 't':
        return plain(node, word("true") ? 4 : 0);
      case 'f':
        return plain(node, word("false") ? 5 : 0);
      default:
        return plain(node, number_length());
    }
  }

  bool word(std::string_view expected) {
    if (text_.substr(at_, expected.size()) != expected) return false;
    at_ += expected.size();
    return true;
  }

  /// A plain scalar of the `length` bytes before `at_` (0: none was there).
  bool plain(yaml::Node& node, std::size_t length) {
    if (length == 0) return false;
    node.kind = yaml::NodeKind::scalar;
    node.style = yaml::ScalarStyle::plain;
    node.scalar.assign(text_.substr(at_ - length, length));
    return true;
  }

  /// Reads a JSON number; its length, or 0 when there is none.
  std::size_t number_length() {
    const std::size_t start = at_;
    auto digits = [&] {
      const std::size_t from = at_;
      while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9')
        ++at_;
      return at_ - from;
    };
    if (peek() == '-') ++at_;
    if (peek() == '0') {
      ++at_;
    } else if (digits() == 0) {
      return 0;
    }
    if (peek() == '.') {
      ++at_;
      if (digits() == 0) return 0;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      if (peek() == '+' || peek() == '-') ++at_;
      if (digits() == 0) return 0;
    }
    return at_ - start;
  }

  bool object(yaml::Node& node, int depth) {
    if (depth > limits_.max_depth) return false;
    node.kind = yaml::NodeKind::mapping;
    ++at_;  // {
    skip_spaces();
    if (peek() == '}') {
      ++at_;
      return true;
    }
    while (true) {
      if (peek() != '"' || !count_node()) return false;
      auto& entry = node.entries.emplace_back();
      entry.first.mark = mark();
      entry.first.kind = yaml::NodeKind::scalar;
      entry.first.style = yaml::ScalarStyle::double_quoted;
      if (!string(entry.first.scalar)) return false;
      skip_spaces();
      if (peek() != ':') return false;
      ++at_;
      skip_spaces();
      if (!value(entry.second, depth + 1)) return false;
      skip_spaces();
      if (peek() == '}') {
        ++at_;
        return true;
      }
      if (peek() != ',') return false;
      ++at_;
      skip_spaces();
    }
  }

  bool array(yaml::Node& node, int depth) {
    if (depth > limits_.max_depth) return false;
    node.kind = yaml::NodeKind::sequence;
    ++at_;  // [
    skip_spaces();
    if (peek() == ']') {
      ++at_;
      return true;
    }
    while (true) {
      if (!value(node.items.emplace_back(), depth + 1)) return false;
      skip_spaces();
      if (peek() == ']') {
        ++at_;
        return true;
      }
      if (peek() != ',') return false;
      ++at_;
      skip_spaces();
    }
  }

  /// Four hex digits after `\u` at `at_`, or -1.
  long hex4() {
    if (at_ + 4 > text_.size()) return -1;
    long code = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const int digit = hex_digit(text_[at_ + i]);
      if (digit < 0) return -1;
      code = code * 16 + digit;
    }
    at_ += 4;
    return code;
  }

  bool escape(std::string& out) {
    const char c = peek();
    ++at_;
    switch (c) {
      case '"':
        out += '"';
        return true;
      case '\\':
        out += '\\';
        return true;
      case '/':
        out += '/';
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return false;
    }
    long code = hex4();
    if (code <= 0) return false;  // none, or U+0000: the YAML reader's own way
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // half a pair
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (!word("\\u")) return false;
      const long low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, static_cast<std::uint32_t>(code));
    return true;
  }

  bool string(std::string& out) {
    ++at_;  // "
    while (at_ < text_.size()) {
      // The run of plain bytes up to the next quote, escape, control or non-ASCII byte.
      std::size_t end = at_;
      while (end < text_.size()) {
        const auto byte = static_cast<unsigned char>(text_[end]);
        if (byte == '"' || byte == '\\' || byte < 0x20 || byte >= 0x80) break;
        ++end;
      }
      out.append(text_.substr(at_, end - at_));
      at_ = end;
      if (at_ == text_.size()) return false;
      const auto byte = static_cast<unsigned char>(text_[at_]);
      if (byte == '"') {
        ++at_;
        return true;
      }
      if (byte == '\\') {
        ++at_;
        if (!escape(out)) return false;
      } else if (byte < 0x20) {
        return false;  // a raw control character (a tab included)
      } else {
        const std::size_t length = utf8_length(text_, at_);
        if (length == 0) return false;
        out.append(text_.substr(at_, length));
        at_ += length;
      }
    }
    return false;
  }

  std::string_view text_;
  const JsonLineLimits& limits_;
  std::size_t at_ = 0;
  std::size_t nodes_ = 0;
  std::size_t column_offset_ = 0;
  int column_ = 0;  ///< code points before column_offset_
};

}  // namespace

std::optional<yaml::Node> read_plain_json_line(std::string_view line,
                                               const JsonLineLimits& limits) {
  return Reader(line, limits).document();
}

}  // namespace cadre::records
