// Exact decimal arithmetic for money and rates (see cadre/decimal.hpp).
//
// Coefficients are at most 10^38 - 1, but aligned operands, full products and
// scaled dividends can need more than 128 bits, so intermediate magnitudes are
// held in a small unsigned 256-bit helper and only narrowed back at the end,
// where anything that does not fit is reported as overflow.
#include "cadre/decimal.hpp"

#include "core/access.hpp"
#include "core/decimal_parts.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <limits>
#include <string>
#include <utility>

namespace cadre {
namespace {

__extension__ using U128 = unsigned __int128;

constexpr U128 pow10(int exponent) {
  U128 result = 1;
  for (int i = 0; i < exponent; ++i)
    result *= 10;
  return result;
}

constexpr Int128 kLimit = internal::kMaxCoefficient;
static_assert(kLimit == static_cast<Int128>(pow10(38)) - 1);

/// Unsigned 256-bit magnitude; enough for any coefficient times 10^36.
struct U256 {
  U128 hi = 0;
  U128 lo = 0;
};

std::strong_ordering compare(const U256& a, const U256& b) {
  if (a.hi != b.hi) return a.hi < b.hi ? std::strong_ordering::less : std::strong_ordering::greater;
  if (a.lo != b.lo) return a.lo < b.lo ? std::strong_ordering::less : std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

bool is_zero_wide(const U256& a) {
  return a.hi == 0 && a.lo == 0;
}

U256 add(const U256& a, const U256& b) {
  U256 sum{a.hi + b.hi, a.lo + b.lo};
  if (sum.lo < a.lo) ++sum.hi;
  return sum;
}

/// a - b, for a >= b.
U256 sub(const U256& a, const U256& b) {
  U256 difference{a.hi - b.hi, a.lo - b.lo};
  if (a.lo < b.lo) --difference.hi;
  return difference;
}

/// The full 256-bit product of two 128-bit values.
U256 mul(U128 a, U128 b) {
  const U128 mask = std::numeric_limits<std::uint64_t>::max();
  const U128 low_low = (a & mask) * (b & mask);
  const U128 low_high = (a & mask) * (b >> 64);
  const U128 high_low = (a >> 64) * (b & mask);
  const U128 high_high = (a >> 64) * (b >> 64);
  const U128 middle = (low_low >> 64) + (low_high & mask) + (high_low & mask);
  return U256{high_high + (low_high >> 64) + (high_low >> 64) + (middle >> 64),
              (middle << 64) | (low_low & mask)};
}

bool bit(const U256& a, int index) {
  return index >= 128 ? ((a.hi >> (index - 128)) & 1) != 0 : ((a.lo >> index) & 1) != 0;
}

void set_bit(U256& a, int index) {
  if (index >= 128) {
    a.hi |= U128{1} << (index - 128);
  } else {
    a.lo |= U128{1} << index;
  }
}

/// Quotient and remainder of n / d (d > 0) by binary long division; the
/// divisors used here stay far below 2^255, so the remainder never overflows.
std::pair<U256, U256> divmod(const U256& n, const U256& d) {
  if (n.hi == 0 && d.hi == 0) return {U256{0, n.lo / d.lo}, U256{0, n.lo % d.lo}};
  U256 quotient;
  U256 remainder;
  for (int index = 255; index >= 0; --index) {
    remainder = U256{(remainder.hi << 1) | (remainder.lo >> 127), remainder.lo << 1};
    if (bit(n, index)) remainder.lo |= 1;
    if (compare(remainder, d) >= 0) {
      remainder = sub(remainder, d);
      set_bit(quotient, index);
    }
  }
  return {quotient, remainder};
}

enum class Rounding { half_up, floor, ceiling, truncate };

/// n / d rounded by `mode`, where `negative` is the sign of the true quotient.
U256 divide_rounded(const U256& n, const U256& d, Rounding mode, bool negative) {
  auto [quotient, remainder] = divmod(n, d);
  if (is_zero_wide(remainder)) return quotient;
  bool away_from_zero = false;
  switch (mode) {
    case Rounding::half_up:
      away_from_zero = compare(remainder, sub(d, remainder)) >= 0;
      break;
    case Rounding::floor:
      away_from_zero = negative;
      break;
    case Rounding::ceiling:
      away_from_zero = !negative;
      break;
    case Rounding::truncate:
      break;
  }
  return away_from_zero ? add(quotient, U256{0, 1}) : quotient;
}

U128 magnitude(Int128 value) {
  return value < 0 ? U128{0} - static_cast<U128>(value) : value;
}

/// |coefficient| rescaled to `scale` fractional digits (scale >= d.scale()).
U256 aligned(const Decimal& d, int scale) {
  return mul(magnitude(internal::Access::coefficient(d)), pow10(scale - d.scale()));
}

/// Narrows a signed magnitude back to a Decimal, reporting overflow.
DecimalResult finish(const U256& value, bool negative, int scale) {
  if (value.hi != 0 || value.lo > static_cast<U128>(kLimit)) return {DecimalStatus::overflow, {}};
  const Int128 coefficient = static_cast<Int128>(value.lo);
  return {DecimalStatus::ok,
          *internal::decimal_from_parts(negative ? -coefficient : coefficient, scale)};
}

/// Sum of two signed magnitudes at a common scale.
DecimalResult signed_sum(const U256& a, bool a_negative, const U256& b, bool b_negative,
                         int scale) {
  if (a_negative == b_negative) return finish(add(a, b), a_negative, scale);
  if (compare(a, b) >= 0) return finish(sub(a, b), a_negative, scale);
  return finish(sub(b, a), b_negative, scale);
}

DecimalResult round_to(const Decimal& d, int places, Rounding mode) {
  if (places < 0 || places > Decimal::kMaxScale) return {DecimalStatus::invalid_scale, {}};
  if (places >= d.scale()) return finish(aligned(d, places), d.is_negative(), places);
  const U256 divisor{0, pow10(d.scale() - places)};
  const U256 value{0, magnitude(internal::Access::coefficient(d))};
  return finish(divide_rounded(value, divisor, mode, d.is_negative()), d.is_negative(), places);
}

/// Appends the digits of `text` to `coefficient`; false on a non-digit or when
/// the coefficient would exceed kMaxCoefficient.
bool accumulate_digits(std::string_view text, Int128& coefficient) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    if (__builtin_mul_overflow(coefficient, 10, &coefficient) ||
        __builtin_add_overflow(coefficient, c - '0', &coefficient) || coefficient > kLimit) {
      return false;
    }
  }
  return true;
}

std::size_t hash_combine(std::size_t seed, std::uint64_t value) {
  const std::size_t mixed = std::hash<std::uint64_t>{}(value);
  return seed ^
         (mixed + static_cast<std::size_t>(0x9e3779b97f4a7c15ULL) + (seed << 6) + (seed >> 2));
}

}  // namespace

Int128 internal::coefficient_of(const Decimal& value) {
  return Access::coefficient(value);
}

std::optional<Decimal> internal::decimal_from_parts(Int128 coefficient, int scale) {
  if (scale < 0 || scale > Decimal::kMaxScale) return std::nullopt;
  if (coefficient > kLimit || coefficient < -kLimit) return std::nullopt;
  return Access::decimal(coefficient, scale);
}

Decimal Decimal::from_int(std::int64_t value) {
  return internal::Access::decimal(value, 0);
}

std::optional<Decimal> Decimal::from_parts(std::int64_t coefficient, int scale) {
  return internal::decimal_from_parts(coefficient, scale);
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  if (whole.empty() || (point != std::string_view::npos && fraction.empty())) return std::nullopt;
  if (fraction.size() > static_cast<std::size_t>(kMaxScale)) return std::nullopt;
  Int128 coefficient = 0;
  if (!accumulate_digits(whole, coefficient) || !accumulate_digits(fraction, coefficient)) {
    return std::nullopt;
  }
  return internal::decimal_from_parts(negative ? -coefficient : coefficient,
                                      static_cast<int>(fraction.size()));
}

bool Decimal::is_integral() const {
  return magnitude(internal::Access::coefficient(*this)) % pow10(scale_) == 0;
}

std::string Decimal::to_string() const {
  std::string digits;
  for (U128 rest = magnitude(internal::Access::coefficient(*this)); rest != 0; rest /= 10) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(rest % 10)));
  }
  const std::size_t scale = static_cast<std::size_t>(scale_);
  if (digits.size() < scale + 1) digits.resize(scale + 1, '0');
  std::reverse(digits.begin(), digits.end());
  if (scale > 0) digits.insert(digits.size() - scale, 1, '.');
  return is_negative() ? "-" + digits : digits;
}

double Decimal::to_double() const {
  const std::string text = to_string();
  double value = 0.0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::optional<std::int64_t> Decimal::to_int64() const {
  const U128 whole = magnitude(internal::Access::coefficient(*this)) / pow10(scale_);
  const U128 bound =
      static_cast<U128>(std::numeric_limits<std::int64_t>::max()) + (is_negative() ? 1 : 0);
  if (whole > bound) return std::nullopt;
  if (!is_negative()) return static_cast<std::int64_t>(whole);
  return static_cast<std::int64_t>(-static_cast<Int128>(whole));
}

DecimalResult Decimal::add(const Decimal& a, const Decimal& b) {
  const int scale = std::max(a.scale(), b.scale());
  return signed_sum(aligned(a, scale), a.is_negative(), aligned(b, scale), b.is_negative(), scale);
}

DecimalResult Decimal::subtract(const Decimal& a, const Decimal& b) {
  return add(a, b.negated());
}

DecimalResult Decimal::multiply(const Decimal& a, const Decimal& b) {
  const bool negative = a.is_negative() != b.is_negative();
  U256 product =
      mul(magnitude(internal::Access::coefficient(a)), magnitude(internal::Access::coefficient(b)));
  int scale = a.scale() + b.scale();
  if (scale > kMaxScale) {
    product =
        divide_rounded(product, U256{0, pow10(scale - kMaxScale)}, Rounding::half_up, negative);
    scale = kMaxScale;
  }
  return finish(product, negative, scale);
}

DecimalResult Decimal::divide(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) return {DecimalStatus::division_by_zero, {}};
  const bool negative = a.is_negative() != b.is_negative();
  // a / b = (ca / cb) × 10^(sb - sa), computed with kMaxScale fractional digits.
  const U256 dividend =
      mul(magnitude(internal::Access::coefficient(a)), pow10(kMaxScale - a.scale() + b.scale()));
  const U256 divisor{0, magnitude(internal::Access::coefficient(b))};
  U256 quotient = divide_rounded(dividend, divisor, Rounding::half_up, negative);
  int scale = kMaxScale;
  const U256 ten{0, 10};
  for (const int min_scale = std::max(a.scale(), b.scale()); scale > min_scale; --scale) {
    auto [shorter, digit] = divmod(quotient, ten);
    if (!is_zero_wide(digit)) break;
    quotient = shorter;
  }
  return finish(quotient, negative, scale);
}

DecimalResult Decimal::remainder(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) return {DecimalStatus::division_by_zero, {}};
  const int scale = std::max(a.scale(), b.scale());
  return finish(divmod(aligned(a, scale), aligned(b, scale)).second, a.is_negative(), scale);
}

Decimal Decimal::negated() const {
  return internal::Access::decimal(-internal::Access::coefficient(*this), scale_);
}

DecimalResult Decimal::round_half_up(int places) const {
  return round_to(*this, places, Rounding::half_up);
}

DecimalResult Decimal::round_floor(int places) const {
  return round_to(*this, places, Rounding::floor);
}

DecimalResult Decimal::round_ceiling(int places) const {
  return round_to(*this, places, Rounding::ceiling);
}

DecimalResult Decimal::round_truncate(int places) const {
  return round_to(*this, places, Rounding::truncate);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  const int a_sign =
      (internal::Access::coefficient(a) > 0) - (internal::Access::coefficient(a) < 0);
  const int b_sign =
      (internal::Access::coefficient(b) > 0) - (internal::Access::coefficient(b) < 0);
  if (a_sign != b_sign) return a_sign <=> b_sign;
  const int scale = std::max(a.scale(), b.scale());
  const U256 a_magnitude = aligned(a, scale);
  const U256 b_magnitude = aligned(b, scale);
  return a_sign < 0 ? compare(b_magnitude, a_magnitude) : compare(a_magnitude, b_magnitude);
}

std::size_t Decimal::hash() const {
  // Hash the canonical form: trailing fractional zeros removed, so 1.0 and 1.00 agree.
  U128 value = magnitude(internal::Access::coefficient(*this));
  int scale = scale_;
  for (; scale > 0 && value % 10 == 0; --scale)
    value /= 10;
  std::size_t seed = is_negative() ? 1 : 0;
  seed = hash_combine(seed, static_cast<std::uint64_t>(value));
  seed = hash_combine(seed, static_cast<std::uint64_t>(value >> 64));
  return hash_combine(seed, static_cast<std::uint64_t>(scale));
}

}  // namespace cadre
