// Reading a double literal's text ("1.2", "-0.5", "1.5e3") as an exact decimal.
#pragma once

#include <optional>
#include <string_view>

#include "cadre/decimal.hpp"

namespace cadre {

/// nullopt when the text has more digits than a Decimal holds.
std::optional<Decimal> decimal_from_literal(std::string_view text);

}  // namespace cadre
