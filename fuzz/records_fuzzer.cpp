// Fuzz targets of the record readers (records_yaml, records_json,
// records_jsonl, records_csv; CADRE_FUZZ_FORMAT names the format): any bytes
// as a records file of a fixed rule set's schema (fuzz/rules/records) must
// read to records, each typed or carrying its errors, and file-level
// diagnostics — never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cadre::CompiledRuleSet& rules = cadre::fuzz::fixed_ruleset("fuzz/rules/records");
  std::string text(reinterpret_cast<const char*>(data), size);
  cadre::fuzz::touch(cadre::fuzz::read_records_text(rules, std::move(text),
                                                    cadre::RecordFormat::CADRE_FUZZ_FORMAT));
  return 0;
}
