// The 128-bit coefficient behind a Decimal, for the arithmetic and the
// engine's exact fractions (cohort quotas, pay shown as a fraction). A GCC
// and Clang extension, so it stays out of the public headers.
#pragma once

#include <cstdint>
#include <optional>

#include "cadre/decimal.hpp"
#include "core/access.hpp"

namespace cadre {

namespace internal {

/// Largest magnitude of a coefficient: 10^38 - 1.
inline constexpr Int128 kMaxCoefficient =
    static_cast<Int128>(10'000'000'000'000'000'000ULL) * 10'000'000'000'000'000'000ULL - 1;

/// The Decimal's coefficient: the value is coefficient × 10^-scale.
Int128 coefficient_of(const Decimal& value);
/// coefficient × 10^-scale; nullopt when scale is outside [0, kMaxScale] or
/// the coefficient's magnitude exceeds kMaxCoefficient.
std::optional<Decimal> decimal_from_parts(Int128 coefficient, int scale);

}  // namespace internal
}  // namespace cadre
