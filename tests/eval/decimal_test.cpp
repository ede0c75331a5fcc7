// Unit tests for cadre::Decimal: strict parsing, exact arithmetic, rounding and
// the overflow and division-by-zero reporting that money rules depend on.
#include "cadre/decimal.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include <doctest/doctest.h>

#include "core/decimal_parts.hpp"

namespace {

using cadre::Decimal;
using cadre::DecimalResult;
using cadre::DecimalStatus;
using cadre::Int128;

const std::string kMax = "99999999999999999999999999999999999999";  // 38 nines
const std::string kInvalid = "<invalid>";
const std::string kError = "<error>";

Decimal dec(std::string_view text) {
  return Decimal::parse(text).value();
}

std::string parsed(std::string_view text) {
  const auto value = Decimal::parse(text);
  return value ? value->to_string() : kInvalid;
}

std::string str(const DecimalResult& result) {
  return result.ok() ? result.value.to_string() : kError;
}

std::string add(std::string_view a, std::string_view b) {
  return str(Decimal::add(dec(a), dec(b)));
}
std::string sub(std::string_view a, std::string_view b) {
  return str(Decimal::subtract(dec(a), dec(b)));
}
std::string mul(std::string_view a, std::string_view b) {
  return str(Decimal::multiply(dec(a), dec(b)));
}
std::string div(std::string_view a, std::string_view b) {
  return str(Decimal::divide(dec(a), dec(b)));
}
std::string rem(std::string_view a, std::string_view b) {
  return str(Decimal::remainder(dec(a), dec(b)));
}

bool is_zero_result(const DecimalResult& result) {
  return result.value.is_zero() && result.value.scale() == 0;
}

}  // namespace

TEST_CASE("Decimal::parse accepts strict decimal text and keeps the written scale") {
  CHECK(cadre::internal::coefficient_of(dec("3600")) == 3600);
  CHECK(dec("3600").scale() == 0);
  CHECK(cadre::internal::coefficient_of(dec("-12.340")) == -12340);
  CHECK(dec("-12.340").scale() == 3);
  CHECK(parsed("0.5") == "0.5");
  CHECK(parsed("+7") == "7");
  CHECK(parsed("+0.25") == "0.25");
  CHECK(parsed("007.50") == "7.50");
  CHECK(parsed("1.20") == "1.20");
  CHECK(dec("1.20").scale() == 2);
  CHECK(parsed("0.000000000000000001") == "0.000000000000000001");
  CHECK(dec("0.000000000000000001").scale() == 18);
  CHECK(cadre::internal::coefficient_of(dec(kMax)) == cadre::internal::kMaxCoefficient);
  CHECK(cadre::internal::coefficient_of(dec("-" + kMax)) == -cadre::internal::kMaxCoefficient);
  CHECK(parsed("99999999999999999999.999999999999999999") ==
        "99999999999999999999.999999999999999999");
  CHECK(parsed("0000000000000000000000000000000000000000001") == "1");
}

TEST_CASE("Decimal::parse rejects anything but sign, digits, '.' and digits") {
  CHECK(parsed("") == kInvalid);
  CHECK(parsed("-") == kInvalid);
  CHECK(parsed("+") == kInvalid);
  CHECK(parsed(".") == kInvalid);
  CHECK(parsed("1.") == kInvalid);
  CHECK(parsed(".5") == kInvalid);
  CHECK(parsed("-.5") == kInvalid);
  CHECK(parsed("1e3") == kInvalid);
  CHECK(parsed("1E3") == kInvalid);
  CHECK(parsed(" 1") == kInvalid);
  CHECK(parsed("1 ") == kInvalid);
  CHECK(parsed("1\n") == kInvalid);
  CHECK(parsed("1,000") == kInvalid);
  CHECK(parsed("1_000") == kInvalid);
  CHECK(parsed("1.2.3") == kInvalid);
  CHECK(parsed("1.-2") == kInvalid);
  CHECK(parsed("--1") == kInvalid);
  CHECK(parsed("+-1") == kInvalid);
  CHECK(parsed("0x10") == kInvalid);
  CHECK(parsed("inf") == kInvalid);
  CHECK(parsed("nan") == kInvalid);
  CHECK(parsed("\xd9\xa1") == kInvalid);  // ARABIC-INDIC DIGIT ONE
  CHECK(parsed(std::string_view("1\0", 2)) == kInvalid);
}

TEST_CASE("Decimal::parse rejects values it cannot hold") {
  CHECK(parsed("0.0000000000000000001") == kInvalid);  // 19 fractional digits
  CHECK(parsed(kMax + "9") == kInvalid);
  CHECK(parsed("100000000000000000000000000000000000000") == kInvalid);  // 10^38
  CHECK(parsed("-100000000000000000000000000000000000000") == kInvalid);
  CHECK(parsed("999999999999999999999.999999999999999999") == kInvalid);  // 39 digits
  CHECK(parsed("340282366920938463463374607431768211456") == kInvalid);   // 2^128
}

TEST_CASE("Decimal construction and the coefficient limit") {
  CHECK(cadre::internal::kMaxCoefficient == cadre::internal::coefficient_of(dec(kMax)));
  CHECK(Decimal().is_zero());
  CHECK(Decimal().to_string() == "0");
  CHECK(Decimal::from_int(42).to_string() == "42");
  CHECK(Decimal::from_int(std::numeric_limits<std::int64_t>::min()).to_string() ==
        "-9223372036854775808");
  CHECK(Decimal::from_parts(5, 3).value().to_string() == "0.005");
  CHECK(Decimal::from_parts(-5, 3).value().to_string() == "-0.005");
  CHECK(cadre::internal::decimal_from_parts(cadre::internal::kMaxCoefficient, 18).has_value());
  CHECK(cadre::internal::decimal_from_parts(-cadre::internal::kMaxCoefficient, 0).has_value());
  CHECK(!cadre::internal::decimal_from_parts(cadre::internal::kMaxCoefficient + 1, 0).has_value());
  CHECK(!cadre::internal::decimal_from_parts(-cadre::internal::kMaxCoefficient - 1, 0).has_value());
  CHECK(!Decimal::from_parts(1, -1).has_value());
  CHECK(!Decimal::from_parts(1, 19).has_value());
  CHECK(Decimal::from_parts(1, 18).has_value());
}

TEST_CASE("Decimal::to_string keeps the scale and never prints negative zero") {
  CHECK(dec("1.20").to_string() == "1.20");
  CHECK(dec("3600.00").to_string() == "3600.00");
  CHECK(dec("-0.5").to_string() == "-0.5");
  CHECK(dec("-0.05").to_string() == "-0.05");
  CHECK(dec("7").to_string() == "7");
  CHECK(dec("0").to_string() == "0");
  CHECK(dec("-0").to_string() == "0");
  CHECK(dec("-0.00").to_string() == "0.00");
  CHECK(!dec("-0.00").is_negative());
  CHECK(dec("-0.00").negated().to_string() == "0.00");
  CHECK(dec("-" + kMax).to_string() == "-" + kMax);
}

TEST_CASE("Decimal predicates and conversions") {
  SUBCASE("is_integral") {
    CHECK(dec("1.00").is_integral());
    CHECK(dec("-3").is_integral());
    CHECK(dec("0.000").is_integral());
    CHECK(!dec("1.01").is_integral());
    CHECK(!dec("-0.5").is_integral());
  }
  SUBCASE("to_int64 truncates toward zero") {
    CHECK(dec("2.9").to_int64() == 2);
    CHECK(dec("-2.9").to_int64() == -2);
    CHECK(dec("-0.9").to_int64() == 0);
    CHECK(dec("9223372036854775807.999").to_int64() == std::numeric_limits<std::int64_t>::max());
    CHECK(dec("-9223372036854775808.999").to_int64() == std::numeric_limits<std::int64_t>::min());
  }
  SUBCASE("to_int64 reports values outside int64") {
    CHECK(!dec("9223372036854775808").to_int64().has_value());
    CHECK(!dec("-9223372036854775809").to_int64().has_value());
    CHECK(!dec(kMax).to_int64().has_value());
  }
  SUBCASE("to_double gives the nearest double") {
    CHECK(dec("0.1").to_double() == 0.1);
    CHECK(dec("-2.50").to_double() == -2.5);
    CHECK(dec("3600").to_double() == 3600.0);
    CHECK(dec("0").to_double() == 0.0);
  }
  SUBCASE("negated") {
    CHECK(dec("1.50").negated().to_string() == "-1.50");
    CHECK(dec("-1.50").negated().to_string() == "1.50");
  }
}

TEST_CASE("Decimal addition and subtraction are exact") {
  CHECK(add("0.1", "0.2") == "0.3");
  CHECK(Decimal::add(dec("0.1"), dec("0.2")).value == dec("0.3"));
  CHECK(add("1.5", "2.25") == "3.75");
  CHECK(add("1", "0.00") == "1.00");
  CHECK(add("-1.25", "1.25") == "0.00");
  CHECK(add("-1.25", "0.5") == "-0.75");
  CHECK(sub("0.3", "0.1") == "0.2");
  CHECK(sub("1", "2.50") == "-1.50");
  CHECK(sub("-1", "-1") == "0");
  CHECK(add("99999999999999999999.999999999999999998", "0.000000000000000001") ==
        "99999999999999999999.999999999999999999");
}

TEST_CASE("Decimal addition reports overflow at the coefficient limit") {
  CHECK(add(kMax, "1") == kError);
  CHECK(Decimal::add(dec(kMax), dec("1")).status == DecimalStatus::overflow);
  CHECK(is_zero_result(Decimal::add(dec(kMax), dec("1"))));
  CHECK(add("-" + kMax, "-1") == kError);
  CHECK(sub("-" + kMax, "1") == kError);
  CHECK(sub(kMax, "-1") == kError);
  CHECK(add(kMax, kMax) == kError);
  CHECK(add(kMax, "-1") == "99999999999999999999999999999999999998");
  CHECK(add(kMax, "-" + kMax) == "0");
  CHECK(add(kMax, "0.1") == kError);  // needs a 39-digit coefficient at scale 1
  // Aligning 10^37 to scale 1 exceeds the limit, but the exact sum fits.
  CHECK(add("10000000000000000000000000000000000000", "-0.5") ==
        "9999999999999999999999999999999999999.5");
  CHECK(add("10000000000000000000000000000000000000", "0.5") == kError);
}

TEST_CASE("Decimal multiplication is exact with scale a + b") {
  CHECK(mul("3000", "1.2") == "3600.0");
  CHECK(Decimal::multiply(dec("3000"), dec("1.2")).value.round_half_up(2).value.to_string() ==
        "3600.00");
  CHECK(mul("1800", "0.7") == "1260.0");
  CHECK(Decimal::multiply(dec("1800"), dec("0.7")).value == dec("1260.00"));
  CHECK(mul("1800.00", "0.7") == "1260.000");
  CHECK(mul("0.1", "0.1") == "0.01");
  CHECK(mul("-1.5", "2") == "-3.0");
  CHECK(mul("-1.5", "-2") == "3.0");
  CHECK(mul("0", "-2.5") == "0.0");
  CHECK(mul("123.45", "0.001") == "0.12345");
}

TEST_CASE("Decimal multiplication rounds half-up beyond 18 digits") {
  CHECK(mul("0.000000001", "0.0000000015") == "0.000000000000000002");
  CHECK(mul("-0.000000001", "0.0000000015") == "-0.000000000000000002");
  CHECK(mul("0.000000001", "0.0000000014") == "0.000000000000000001");
  CHECK(mul("0.000000001", "0.0000000004") == "0.000000000000000000");
  CHECK(mul("-0.000000001", "0.0000000004") == "0.000000000000000000");
  // The exact product needs more than 128 bits before rounding back into range.
  CHECK(mul("99999999999999999999.999999999999999999", "1.000000000000000000") ==
        "99999999999999999999.999999999999999999");
  CHECK(mul("12345678901234567890.123456789012345678", "0.500000000000000000") ==
        "6172839450617283945.061728394506172839");
}

TEST_CASE("Decimal multiplication reports overflow") {
  CHECK(mul("10000000000000000000", "10000000000000000000") == kError);  // 10^38
  CHECK(mul("10000000000000000000", "9999999999999999999") ==
        "99999999999999999990000000000000000000");
  CHECK(mul(kMax, kMax) == kError);
  CHECK(mul(kMax, "-" + kMax) == kError);
  CHECK(mul(kMax, "1.0") == kError);  // scale 1 needs a 39-digit coefficient
  CHECK(mul(kMax, "-1") == "-" + kMax);
  CHECK(Decimal::multiply(dec(kMax), dec("2")).status == DecimalStatus::overflow);
  CHECK(is_zero_result(Decimal::multiply(dec(kMax), dec("2"))));
}

TEST_CASE("Decimal division rounds at 18 digits and trims to the operand scale") {
  CHECK(div("1", "3") == "0.333333333333333333");
  CHECK(div("2", "3") == "0.666666666666666667");
  CHECK(div("-2", "3") == "-0.666666666666666667");
  CHECK(div("2", "-3") == "-0.666666666666666667");
  CHECK(div("-2", "-3") == "0.666666666666666667");
  CHECK(div("10", "4") == "2.5");
  CHECK(div("1.00", "4") == "0.25");
  CHECK(div("1", "4.00") == "0.25");
  CHECK(div("6.00", "2") == "3.00");
  CHECK(div("6", "2") == "3");
  CHECK(div("1", "8") == "0.125");
  CHECK(div("100", "0.5") == "200.0");  // never below max(a.scale, b.scale)
  CHECK(div("0", "7") == "0");
  CHECK(div("0.000", "7") == "0.000");
  CHECK(div("3600", "12") == "300");
  CHECK(div("1", "0.000000000000000003") == "333333333333333333.333333333333333333");
  CHECK(div("1", kMax) == "0");  // far below 10^-18
  CHECK(div("10000000000000000000000000000000", "1") == "10000000000000000000000000000000");
}

TEST_CASE("Decimal division reports division by zero and overflow") {
  CHECK(Decimal::divide(dec("1"), dec("0")).status == DecimalStatus::division_by_zero);
  CHECK(Decimal::divide(dec("1"), dec("0.00")).status == DecimalStatus::division_by_zero);
  CHECK(Decimal::divide(dec("0"), dec("0")).status == DecimalStatus::division_by_zero);
  CHECK(is_zero_result(Decimal::divide(dec("5"), dec("0"))));
  CHECK(Decimal::divide(dec(kMax), dec("0.1")).status == DecimalStatus::overflow);
  // 10^30 / 3 needs 18 fractional digits on a 31-digit integer part.
  CHECK(Decimal::divide(dec("1000000000000000000000000000000"), dec("3")).status ==
        DecimalStatus::overflow);
  CHECK(div(kMax, "1") == kMax);
  CHECK(div(kMax, "-1") == "-" + kMax);
}

TEST_CASE("Decimal remainder takes the sign of the dividend") {
  CHECK(rem("7", "3") == "1");
  CHECK(rem("-7", "3") == "-1");
  CHECK(rem("7", "-3") == "1");
  CHECK(rem("-7", "-3") == "-1");
  CHECK(rem("5.5", "2") == "1.5");
  CHECK(rem("-5.5", "2") == "-1.5");
  CHECK(rem("1", "0.3") == "0.1");
  CHECK(rem("6", "3") == "0");
  CHECK(rem("-6.00", "3") == "0.00");
  CHECK(rem(kMax, "0.7") == "0.3");  // kMax aligned to scale 1 needs more than 128 bits
  CHECK(Decimal::remainder(dec("1"), dec("0")).status == DecimalStatus::division_by_zero);
  CHECK(is_zero_result(Decimal::remainder(dec("1"), dec("0.0"))));
}

TEST_CASE("Decimal::round_half_up rounds away from zero on .5") {
  CHECK(str(dec("2.345").round_half_up(2)) == "2.35");
  CHECK(str(dec("-2.345").round_half_up(2)) == "-2.35");
  CHECK(str(dec("2.344").round_half_up(2)) == "2.34");
  CHECK(str(dec("-2.344").round_half_up(2)) == "-2.34");
  CHECK(str(dec("2.5").round_half_up(0)) == "3");
  CHECK(str(dec("-2.5").round_half_up(0)) == "-3");
  CHECK(str(dec("2.4999").round_half_up(0)) == "2");
  CHECK(str(dec("0.5").round_half_up(0)) == "1");
  CHECK(str(dec("-0.004").round_half_up(2)) == "0.00");
  CHECK(str(dec("9.995").round_half_up(2)) == "10.00");
  CHECK(str(dec("3").round_half_up(2)) == "3.00");
  CHECK(str(dec("1.5").round_half_up(1)) == "1.5");
  CHECK(str(dec("1.234").round_half_up(18)) == "1.234000000000000000");
}

TEST_CASE("Decimal floor, ceiling and truncate") {
  CHECK(str(dec("2.345").round_floor(2)) == "2.34");
  CHECK(str(dec("-2.341").round_floor(2)) == "-2.35");
  CHECK(str(dec("-2.340").round_floor(2)) == "-2.34");
  CHECK(str(dec("2.341").round_ceiling(2)) == "2.35");
  CHECK(str(dec("2.340").round_ceiling(2)) == "2.34");
  CHECK(str(dec("-2.349").round_ceiling(2)) == "-2.34");
  CHECK(str(dec("-0.5").round_ceiling(0)) == "0");
  CHECK(str(dec("0.5").round_floor(0)) == "0");
  CHECK(str(dec("-0.5").round_floor(0)) == "-1");
  CHECK(str(dec("2.349").round_truncate(2)) == "2.34");
  CHECK(str(dec("-2.349").round_truncate(2)) == "-2.34");
  CHECK(str(dec("-0.9").round_truncate(0)) == "0");
  CHECK(str(dec("7").round_floor(1)) == "7.0");
  CHECK(str(dec("7").round_ceiling(3)) == "7.000");
  CHECK(str(dec("7").round_truncate(0)) == "7");
}

TEST_CASE("Decimal rounding reports invalid places and overflow") {
  CHECK(dec("1.5").round_half_up(-1).status == DecimalStatus::invalid_scale);
  CHECK(dec("1.5").round_half_up(19).status == DecimalStatus::invalid_scale);
  CHECK(dec("1.5").round_floor(-1).status == DecimalStatus::invalid_scale);
  CHECK(dec("1.5").round_ceiling(19).status == DecimalStatus::invalid_scale);
  CHECK(dec("1.5").round_truncate(100).status == DecimalStatus::invalid_scale);
  CHECK(is_zero_result(dec("1.5").round_half_up(19)));
  CHECK(dec(kMax).round_half_up(1).status == DecimalStatus::overflow);
  CHECK(dec(kMax).round_half_up(0).ok());
  CHECK(dec("99999999999999999999.999999999999999999").round_half_up(17).status ==
        DecimalStatus::ok);
  CHECK(str(dec("99999999999999999999.999999999999999999").round_half_up(0)) ==
        "100000000000000000000");
}

TEST_CASE("Decimal ordering and hashing are numeric") {
  CHECK(dec("1.0") == dec("1.00"));
  CHECK(dec("1.0").hash() == dec("1.00").hash());
  CHECK(dec("-1.0").hash() == dec("-1").hash());
  CHECK(dec("0").hash() == dec("0.000").hash());
  CHECK(dec("0") == dec("-0.00"));
  CHECK(dec("1.0") < dec("1.01"));
  CHECK(dec("1.01") > dec("1"));
  CHECK(dec("-1") < dec("-0.5"));
  CHECK(dec("-2.0") < dec("-1.99"));
  CHECK(dec("-0.01") < dec("0"));
  CHECK(dec("0") < dec("0.000000000000000001"));
  CHECK(dec("1.5") != dec("1.50001"));
  CHECK(dec("1.5").hash() != dec("15").hash());
  CHECK((dec("3600.0") <=> dec("3600")) == std::strong_ordering::equal);
  // Aligning kMax to scale 18 needs more than 128 bits.
  CHECK(dec(kMax) > dec("99999999999999999999.999999999999999999"));
  CHECK(dec("-" + kMax) < dec("-0.000000000000000001"));
}
