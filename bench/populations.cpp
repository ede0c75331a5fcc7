#include "populations.hpp"

#include <cstdint>
#include <cstdio>
#include <string>
#include <unordered_set>

#include "compile/compiled_ruleset.hpp"
#include "core/access.hpp"
#include "engine/related_records.hpp"

namespace cadre_bench {

namespace {

std::filesystem::path source_path(const char* relative) {
  return std::filesystem::path(CADRE_SOURCE_DIR) / relative;
}

// Types a map as a record of `kind` the way the engine binds it.
cadre::RecordValue as_record(const cadre::Engine& engine, const std::string& kind,
                             const cadre::MapValue& fields) {
  const auto& impl = cadre::internal::impl_of(engine.rules());
  cadre::Activation facts(impl.environment);
  facts.bind(kind, cadre::Value(fields));
  return cadre::internal::bound_slot(facts, impl.record_slots.at(kind))->as_record();
}

// The 64-bit linear congruential sequence bench/generate_peer_records.py repeats.
struct Sequence {
  std::uint64_t state = 0x9e3779b97f4a7c15ULL;
  int next(int bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
  }
};

/// A date from three draws, made in a fixed order (day, month, year): as
/// arguments of one call their order would be the compiler's.
std::string drawn_date(Sequence& random, int first_year, int years) {
  const int day = 1 + random.next(28);
  const int month = 1 + random.next(12);
  const int year = first_year + random.next(years);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

/// `value` with every string that is one of `ids` given `suffix`.
cadre::Value renamed(const cadre::Value& value, const std::unordered_set<std::string>& ids,
                     const std::string& suffix) {
  switch (value.kind()) {
    case cadre::ValueKind::string:
      return ids.contains(value.as_string()) ? cadre::Value(value.as_string() + suffix) : value;
    case cadre::ValueKind::list: {
      cadre::ListValue items;
      for (const cadre::Value& item : value.as_list())
        items.push_back(renamed(item, ids, suffix));
      return items;
    }
    case cadre::ValueKind::record: {
      cadre::RecordValue record = value.as_record();
      for (std::size_t i = 0; i < record.type().fields().size(); ++i) {
        if (const cadre::Value* field = record.field(static_cast<int>(i)))
          record.set(static_cast<int>(i), renamed(*field, ids, suffix));
      }
      return record;
    }
    default:
      return value;
  }
}

}  // namespace

std::optional<cadre::Engine> load_engine(const char* folder) {
  auto loaded = cadre::load_ruleset(source_path(folder));
  if (!loaded.ok()) return std::nullopt;
  return cadre::Engine(*loaded.ruleset);
}

std::vector<cadre::RecordValue> peer_population(const cadre::Engine& engine, int size) {
  static const char* const roles[] = {"secretary", "director", "member", "reserve"};
  static const char* const grades[] = {"优秀", "称职", "基本称职", "不称职"};
  static const char* const committee[] = {"好", "较好", "一般", "差"};
  Sequence random;
  std::vector<cadre::RecordValue> records;
  for (int i = 0; i < size; ++i) {
    cadre::MapValue cadre;
    cadre.set("id", "c" + std::to_string(i));
    cadre.set("role", roles[random.next(4)]);
    cadre.set("birth_date", drawn_date(random, 1965, 35));
    cadre.set("full_time_college", random.next(2) == 0);
    cadre.set("tenure_start", drawn_date(random, 2010, 14));
    int town_size = 5 + random.next(20);
    cadre.set("town_rank", static_cast<std::int64_t>(1 + random.next(town_size)));
    cadre.set("town_size", static_cast<std::int64_t>(town_size));
    cadre.set("collective_income", static_cast<std::int64_t>(random.next(400) * 1000));
    cadre.set("party_org_stars", static_cast<std::int64_t>(1 + random.next(5)));
    cadre.set("grade", grades[random.next(4)]);
    cadre.set("committee_grade", committee[random.next(4)]);
    cadre.set("competency_rate",
              *cadre::Decimal::parse("0." + std::to_string(70 + random.next(30))));
    cadre.set("missed_targets", random.next(10) == 0);
    cadre.set("skipped_org_life", random.next(10) == 0);
    cadre.set("criminal_conviction", random.next(50) == 0);
    cadre.set("line_deviation", random.next(50) == 0);
    cadre.set("base_performance_pay", static_cast<std::int64_t>(1500 + random.next(1000)));
    records.push_back(as_record(engine, "cadre", cadre));
  }
  return records;
}

std::vector<cadre::RecordValue> copied_population(const cadre::Engine& engine, const char* file,
                                                  int copies) {
  const cadre::RecordBatch batch = cadre::read_records(source_path(file), engine.rules());
  std::unordered_set<std::string> ids;
  for (const cadre::InputRecord& record : batch.records)
    if (record.value && !record.id.empty()) ids.insert(record.id);
  std::vector<cadre::RecordValue> records;
  for (int copy = 0; copy < copies; ++copy) {
    const std::string suffix = "~" + std::to_string(copy);
    for (const cadre::InputRecord& record : batch.records) {
      if (record.value) records.push_back(renamed(*record.value, ids, suffix).as_record());
    }
  }
  return records;
}

std::vector<cadre::RecordValue> related_records(const cadre::Engine& engine,
                                                const cadre::RecordValue& subject,
                                                const std::vector<cadre::RecordValue>& all) {
  return cadre::engine::ancestors(cadre::internal::impl_of(engine.rules()).rules(), subject, all);
}

}  // namespace cadre_bench
