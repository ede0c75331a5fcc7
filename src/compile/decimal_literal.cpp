// Exact conversion of numeric literal text to Decimal, exponent included, so
// that `pay * 1.2` multiplies by exactly 1.2.
#include "compile/decimal_literal.hpp"

#include <charconv>
#include <string>

namespace cadre {

std::optional<Decimal> decimal_from_literal(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative || (!text.empty() && text.front() == '+')) text.remove_prefix(1);
  std::string_view mantissa = text;
  long exponent = 0;
  if (auto e = text.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = text.substr(0, e);
    std::string_view power = text.substr(e + 1);
    if (!power.empty() && power.front() == '+') power.remove_prefix(1);
    auto [end, error] = std::from_chars(power.data(), power.data() + power.size(), exponent);
    if (error != std::errc() || end != power.data() + power.size()) return std::nullopt;
    if (exponent > 60 || exponent < -60) return std::nullopt;
  }
  std::string digits;
  long scale = 0;
  bool seen_point = false;
  for (char c : mantissa) {
    if (c == '.') {
      seen_point = true;
      continue;
    }
    digits += c;
    scale += seen_point;
  }
  scale -= exponent;
  while (scale < 0) {
    digits += '0';
    ++scale;
  }
  if (digits.empty()) return std::nullopt;
  while (static_cast<long>(digits.size()) <= scale)
    digits.insert(0, "0");
  std::size_t integral = digits.size() - static_cast<std::size_t>(scale);
  std::string text_form = (negative ? "-" : "") + digits.substr(0, integral);
  if (scale > 0) text_form += "." + digits.substr(integral);
  return Decimal::parse(text_form);
}

}  // namespace cadre
