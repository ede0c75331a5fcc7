// Date functions of the domain and CEL's timestamp and duration accessors.
// Whole years are counted two ways (cadre/date.hpp): durations such as tenures
// (years_between, add_years: R-05, clamped to the end of a shorter month) and
// ages (age, birthday: R-03, a 29 February birthday counted on 1 March).
#include <string>

#include "eval/builtin_groups.hpp"
#include "eval/builtins.hpp"

namespace cadre::eval {

namespace {

using expr::FunctionId;

bool kinds_are(std::span<const Value> args, std::initializer_list<ValueKind> kinds) {
  if (args.size() != kinds.size()) return false;
  std::size_t i = 0;
  for (ValueKind kind : kinds) {
    if (args[i++].kind() != kind) return false;
  }
  return true;
}

Value date_function(FunctionId function, std::span<const Value> args) {
  if (kinds_are(args, {ValueKind::date, ValueKind::date})) {
    Date from = args[0].as_date();
    Date to = args[1].as_date();
    switch (function) {
      case FunctionId::years_between:
        return Date::years_between(from, to);
      case FunctionId::months_between:
        return Date::months_between(from, to);
      case FunctionId::days_between:
        return Date::days_between(from, to);
      case FunctionId::age:
        return Date::age(from, to);
      default:
        return no_overload(function, args);
    }
  }
  if (kinds_are(args, {ValueKind::date, ValueKind::integer})) {
    Date date = args[0].as_date();
    std::int64_t amount = args[1].as_int();
    std::optional<Date> result;
    switch (function) {
      case FunctionId::add_years:
        result = Date::add_years(date, amount);
        break;
      case FunctionId::add_months:
        result = Date::add_months(date, amount);
        break;
      case FunctionId::add_days:
        result = Date::add_days(date, amount);
        break;
      case FunctionId::birthday:
        result = Date::birthday(date, amount);
        break;
      default:
        return no_overload(function, args);
    }
    return result ? Value(*result) : Value::error("date out of range (0001-01-01 to 9999-12-31)");
  }
  if (kinds_are(args, {ValueKind::date})) {
    Date date = args[0].as_date();
    switch (function) {
      case FunctionId::year:
        return date.year();
      case FunctionId::month:
        return date.month();
      case FunctionId::day:
        return date.day();
      default:
        return no_overload(function, args);
    }
  }
  return no_overload(function, args);
}

// date(year, month, day): an error for a day the calendar does not have.
Value date_from_parts(std::span<const Value> args) {
  if (!kinds_are(args, {ValueKind::integer, ValueKind::integer, ValueKind::integer})) {
    return no_overload(FunctionId::to_date, args);
  }
  const std::int64_t year = args[0].as_int();
  const std::int64_t month = args[1].as_int();
  const std::int64_t day = args[2].as_int();
  if (year < Date::kMinYear || year > Date::kMaxYear) {
    return Value::error("date out of range (0001-01-01 to 9999-12-31): year " +
                        std::to_string(year));
  }
  // Month and day fit an int once known to be small; anything else is no day.
  std::optional<Date> date;
  if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    date = Date::from_ymd(static_cast<int>(year), static_cast<int>(month), static_cast<int>(day));
  }
  if (date) return *date;
  return Value::error("no such date: year " + std::to_string(year) + ", month " +
                      std::to_string(month) + ", day " + std::to_string(day));
}

std::optional<TimeField> timestamp_field(FunctionId function) {
  switch (function) {
    case FunctionId::get_full_year:
      return TimeField::full_year;
    case FunctionId::get_month:
      return TimeField::month;
    case FunctionId::get_day_of_year:
      return TimeField::day_of_year;
    case FunctionId::get_day_of_month:
      return TimeField::day_of_month;
    case FunctionId::get_date:
      return TimeField::date;
    case FunctionId::get_day_of_week:
      return TimeField::day_of_week;
    case FunctionId::get_hours:
      return TimeField::hours;
    case FunctionId::get_minutes:
      return TimeField::minutes;
    case FunctionId::get_seconds:
      return TimeField::seconds;
    case FunctionId::get_milliseconds:
      return TimeField::milliseconds;
    default:
      return std::nullopt;
  }
}

Value duration_field(FunctionId function, Duration duration) {
  switch (function) {
    case FunctionId::get_hours:
      return duration.total_hours();
    case FunctionId::get_minutes:
      return duration.total_minutes();
    case FunctionId::get_seconds:
      return duration.total_seconds();
    default:
      return duration.milliseconds_part();
  }
}

Value time_accessor(FunctionId function, std::span<const Value> args) {
  auto field = timestamp_field(function);
  if (!field || args.empty()) return no_overload(function, args);
  if (kinds_are(args, {ValueKind::duration}) && *field >= TimeField::hours) {
    return duration_field(function, args[0].as_duration());
  }
  std::string_view zone;
  if (kinds_are(args, {ValueKind::timestamp, ValueKind::string})) {
    zone = args[1].as_string();
  } else if (!kinds_are(args, {ValueKind::timestamp})) {
    return no_overload(function, args);
  }
  auto value = args[0].as_timestamp().field(*field, zone);
  if (!value) return Value::error("unknown time zone \"" + std::string(zone) + "\"");
  return *value;
}

}  // namespace

Value calendar(FunctionId function, std::span<const Value> args) {
  if (timestamp_field(function)) return time_accessor(function, args);
  if (function == FunctionId::to_date) return date_from_parts(args);
  return date_function(function, args);
}

}  // namespace cadre::eval
