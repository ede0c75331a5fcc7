// Exact decimal numbers for money and rates.
//
// A Decimal is coefficient × 10^-scale with 0 <= scale <= kMaxScale. Money never
// passes through binary floating point: values are parsed from their decimal
// text and every operation is exact or fails; rounding happens only where it is
// asked for (round_half_up) or where division must stop (kMaxScale digits).
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cadre/export.hpp"

namespace cadre {

namespace internal {
struct Access;
}

enum class DecimalStatus : std::uint8_t { ok, overflow, division_by_zero, invalid_scale };
struct DecimalResult;

class CADRE_API Decimal {
 public:
  /// Most fractional digits a Decimal carries.
  static constexpr int kMaxScale = 18;
  /// Most significant digits a Decimal carries (its coefficient is below 10^38).
  static constexpr int kMaxDigits = 38;

  constexpr Decimal() = default;

  static Decimal from_int(std::int64_t value);
  /// coefficient × 10^-scale (`from_parts(360000, 2)` is 3600.00); nullopt
  /// when scale is outside [0, kMaxScale].
  static std::optional<Decimal> from_parts(std::int64_t coefficient, int scale);
  /// Strict decimal text: optional sign, digits, optional '.' and digits
  /// ("-12.340", "3600", "0.5"). Keeps the written scale ("1.20" has scale 2).
  /// No exponent, no spaces, no grouping; nullopt on anything else.
  static std::optional<Decimal> parse(std::string_view text);

  int scale() const { return scale_; }
  bool is_zero() const { return low_ == 0 && high_ == 0; }
  bool is_negative() const { return high_ < 0; }
  /// True when the value has no fractional part (1.00 is integral).
  bool is_integral() const;

  /// Plain notation with exactly `scale()` fractional digits: "3600.00", "-0.5", "7".
  std::string to_string() const;
  /// The nearest double (for display and explicit conversion only).
  double to_double() const;
  /// Truncated toward zero; nullopt when it does not fit in int64.
  std::optional<std::int64_t> to_int64() const;

  /// Exact sum/difference with scale max(a, b); overflow is reported.
  static DecimalResult add(const Decimal& a, const Decimal& b);
  static DecimalResult subtract(const Decimal& a, const Decimal& b);
  /// Exact product with scale a + b; when that exceeds kMaxScale the product is
  /// rounded half-up to kMaxScale digits. Overflow is reported.
  static DecimalResult multiply(const Decimal& a, const Decimal& b);
  /// Quotient rounded half-up at kMaxScale fractional digits, then trailing
  /// zeros removed but never below max(a.scale, b.scale) digits.
  static DecimalResult divide(const Decimal& a, const Decimal& b);
  /// Remainder with the sign of the dividend (truncated division).
  static DecimalResult remainder(const Decimal& a, const Decimal& b);
  Decimal negated() const;

  /// Rounded half-up (away from zero on .5) to `places` fractional digits; the
  /// result has scale exactly `places` (round(3, 2) is 3.00). places in [0, kMaxScale].
  DecimalResult round_half_up(int places) const;
  /// Rounded toward -infinity / +infinity / zero, same scale rules as round_half_up.
  DecimalResult round_floor(int places) const;
  DecimalResult round_ceiling(int places) const;
  DecimalResult round_truncate(int places) const;

  /// Numeric order: 1.0 == 1.00.
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);
  friend bool operator==(const Decimal& a, const Decimal& b) {
    return (a <=> b) == std::strong_ordering::equal;
  }
  /// Equal for numerically equal values (1.0 and 1.00 hash alike).
  std::size_t hash() const;

 private:
  friend struct internal::Access;  // the arithmetic works on the 128-bit coefficient
  // The coefficient, a two's-complement 128-bit integer in two halves (the
  // public header stays standard C++).
  std::uint64_t low_ = 0;
  std::int64_t high_ = 0;
  std::int8_t scale_ = 0;
};

/// The result of a Decimal operation that can fail; `value` is zero unless ok.
struct DecimalResult {
  DecimalStatus status = DecimalStatus::ok;
  Decimal value;
  bool ok() const { return status == DecimalStatus::ok; }
};

}  // namespace cadre
