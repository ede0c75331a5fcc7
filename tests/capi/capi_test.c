/* The C API as a C program uses it (C11, no C++ in sight): loading rule sets
 * from files and from text, failed loads read back, records decided one at a
 * time, in batches and from files, NULL and bad arguments, and one engine
 * shared by several threads. Run from the source folder (CTest does), so
 * that rules/ and examples/ are at hand and paths in messages are short. */
#include "cadre/cadre.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(condition)                                                            \
  do {                                                                              \
    if (!(condition)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                                   \
    }                                                                               \
  } while (0)

/* The text holds `part` (a NULL text does not). */
static int contains(const char* text, const char* part) {
  return text != NULL && strstr(text, part) != NULL;
}

/* The whole file, NUL-terminated (free it); NULL when it cannot be read. */
static char* read_file(const char* path) {
  FILE* file = fopen(path, "rb");
  if (file == NULL) return NULL;
  char* text = NULL;
  size_t size = 0;
  if (fseek(file, 0, SEEK_END) == 0) {
    long end = ftell(file);
    if (end >= 0 && fseek(file, 0, SEEK_SET) == 0) {
      size = (size_t)end;
      text = malloc(size + 1);
      if (text != NULL && fread(text, 1, size, file) != size) {
        free(text);
        text = NULL;
      }
    }
  }
  fclose(file);
  if (text != NULL) text[size] = '\0';
  return text;
}

/* The index of the line whose record is `id`, or -1. */
static long line_of(const cadre_result* result, const char* id) {
  char key[128];
  snprintf(key, sizeof key, "{\"record\":\"%s\",", id);
  for (size_t i = 0; i < cadre_result_count(result); ++i) {
    if (strncmp(cadre_result_line(result, i), key, strlen(key)) == 0) return (long)i;
  }
  return -1;
}

static const char* const kAsOf = "2019-03-15";
static const char* const kPopulation = "examples/hengyang/population.yaml";

/* A small rule set, given as text: one decision about a cadre's pay. */
static const char* const kInlineRuleSet =
    "ruleset:\n"
    "  id: capi.inline\n"
    "  version: 0.1.0\n"
    "  title: {en: a rule set given as text}\n"
    "  valid: {from: 2019-01-01}\n"
    "sources:\n"
    "  HY:\n"
    "    title: {zh: 衡阳市村干部管理办法(试行)报道}\n"
    "    issuer: 红星云\n"
    "    date: 2019-02-20\n"
    "    nature: report\n"
    "schema:\n"
    "  records:\n"
    "    cadre:\n"
    "      fields:\n"
    "        id: {type: string, required: true}\n"
    "        baseline_performance_pay: decimal\n"
    "parameters:\n"
    "  hy.multiplier:\n"
    "    type: decimal\n"
    "    value: 1.20\n"
    "    cite: HY-PAY-02\n"
    "decisions:\n"
    "  - id: hy.performance_pay\n"
    "    kind: pay\n"
    "    subject: cadre\n"
    "    cite: HY-PAY-02\n"
    "    components:\n"
    "      - id: performance\n"
    "        formula: cadre.baseline_performance_pay * hy.multiplier\n"
    "        round: {places: 2, mode: half_up}\n";

static void test_version(void) {
  CHECK(strcmp(cadre_version(), CADRE_EXPECTED_VERSION) == 0);
  int major = -1, minor = -1, patch = -1;
  CHECK(sscanf(cadre_version(), "%d.%d.%d", &major, &minor, &patch) == 3);
  CHECK(cadre_version_number() == major * 10000 + minor * 100 + patch);
  CHECK(strcmp(cadre_status_name(CADRE_OK), "ok") == 0);
  CHECK(strcmp(cadre_status_name(CADRE_LOAD_FAILED), "load_failed") == 0);
  CHECK(strcmp(cadre_status_name(99), "unknown") == 0);
}

static void test_load_from_path(void) {
  cadre_ruleset* rules = NULL;
  CHECK(cadre_ruleset_load("rules/hengyang", NULL, &rules) == CADRE_OK);
  CHECK(cadre_ruleset_status(rules) == CADRE_OK);
  CHECK(strcmp(cadre_ruleset_message(rules), "") == 0);
  CHECK(strcmp(cadre_ruleset_id(rules), "hengyang") == 0);
  CHECK(strcmp(cadre_ruleset_version(rules), "1.0.0") == 0);
  CHECK(strlen(cadre_ruleset_digest(rules)) == 64);
  CHECK(cadre_ruleset_diagnostic_count(rules) == 0);
  CHECK(strcmp(cadre_ruleset_diagnostics_json(rules), "[]") == 0);
  CHECK(strcmp(cadre_ruleset_diagnostics_text(rules), "") == 0);
  cadre_ruleset_free(rules);

  /* A rule set that is not there: a failed load, and its handle says why. */
  CHECK(cadre_ruleset_load("rules/no-such-rules", NULL, &rules) == CADRE_LOAD_FAILED);
  CHECK(rules != NULL);
  CHECK(cadre_ruleset_status(rules) == CADRE_LOAD_FAILED);
  CHECK(contains(cadre_ruleset_message(rules), "rule set `rules/no-such-rules` did not load"));
  CHECK(contains(cadre_ruleset_diagnostics_json(rules), "\"code\":\"load.missing_file\""));
  CHECK(strcmp(cadre_ruleset_id(rules), "") == 0);
  cadre_ruleset_free(rules);
}

static void test_load_from_string(void) {
  cadre_ruleset* rules = NULL;
  CHECK(cadre_ruleset_load_string(kInlineRuleSet, "inline.yaml", NULL, &rules) == CADRE_OK);
  CHECK(strcmp(cadre_ruleset_id(rules), "capi.inline") == 0);
  cadre_engine* engine = NULL;
  CHECK(cadre_engine_new(rules, &engine) == CADRE_OK);
  cadre_ruleset_free(rules); /* the engine keeps what it needs */
  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_record(engine, "{\"id\": \"c1\", \"baseline_performance_pay\": 3000}",
                                     kAsOf, 0, &result) == CADRE_OK);
  CHECK(cadre_result_count(result) == 1);
  CHECK(contains(cadre_result_line(result, 0),
                 "\"hy.performance_pay\":{\"kind\":\"pay\",\"outcome\":\"computed\","
                 "\"value\":\"3600.00\""));
  cadre_result_free(result);
  cadre_engine_free(engine);

  /* A rule set whose `include` and `extends` resolve in the folder given. */
  char* county = read_file("rules/tutorial-county/ruleset.yaml");
  CHECK(county != NULL);
  CHECK(cadre_ruleset_load_string(county, "county.yaml", "rules/tutorial-county", &rules) ==
        CADRE_OK);
  CHECK(strcmp(cadre_ruleset_id(rules), "tutorial.leiyang") == 0);
  cadre_ruleset_free(rules);
  /* Without a folder there is nowhere to look for them: refused, with where. */
  CHECK(cadre_ruleset_load_string(county, "county.yaml", NULL, &rules) == CADRE_LOAD_FAILED);
  CHECK(contains(cadre_ruleset_diagnostics_json(rules),
                 "{\"severity\":\"error\",\"code\":\"load.no_base_folder\","
                 "\"file\":\"county.yaml\",\"line\":8,\"column\":12,"));
  CHECK(contains(cadre_ruleset_diagnostics_text(rules),
                 "county.yaml:8:12: error: extended rule "
                 "set `../tutorial-city/ruleset.yaml` "
                 "cannot be found"));
  CHECK(contains(cadre_ruleset_message(rules), "rule set `county.yaml` did not load"));
  cadre_ruleset_free(rules);
  free(county);
}

static void test_failed_load(void) {
  /* The inline rule set with a key misspelt on line 26 (`subjct`). */
  char broken[4096];
  const char* at = strstr(kInlineRuleSet, "    subject: cadre");
  CHECK(at != NULL && strlen(kInlineRuleSet) < sizeof broken - 1);
  if (at == NULL) return;
  const size_t before = (size_t)(at - kInlineRuleSet);
  memcpy(broken, kInlineRuleSet, before);
  strcpy(broken + before, "    subjct: cadre");
  strcat(broken, at + strlen("    subject: cadre"));

  cadre_ruleset* rules = NULL;
  CHECK(cadre_ruleset_load_string(broken, "broken.yaml", NULL, &rules) == CADRE_LOAD_FAILED);
  CHECK(cadre_ruleset_diagnostic_count(rules) >= 1);
  const char* json = cadre_ruleset_diagnostics_json(rules);
  CHECK(contains(json,
                 "\"code\":\"load.unknown_key\",\"file\":\"broken.yaml\",\"line\":26,"
                 "\"column\":5,\"message\":\"unknown key `subjct`"));
  CHECK(contains(cadre_ruleset_diagnostics_text(rules), "broken.yaml:26:5: error: unknown key"));
  CHECK(contains(cadre_ruleset_message(rules), "broken.yaml:26:5: error: unknown key `subjct`"));

  /* An engine of a rule set that did not load says so, and so does deciding through it. */
  cadre_engine* engine = NULL;
  CHECK(cadre_engine_new(rules, &engine) == CADRE_INVALID_ARGUMENT);
  CHECK(engine != NULL);
  CHECK(contains(cadre_engine_message(engine), "the rule set did not load"));
  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_record(engine, "{\"id\": \"c1\"}", kAsOf, 0, &result) ==
        CADRE_INVALID_ARGUMENT);
  CHECK(contains(cadre_result_message(result), "the engine cannot decide"));
  CHECK(cadre_result_count(result) == 0);
  cadre_result_free(result);
  cadre_engine_free(engine);
  cadre_ruleset_free(rules);

  /* YAML that is not even a mapping. */
  CHECK(cadre_ruleset_load_string("- a\n- : b: c\n", NULL, NULL, &rules) == CADRE_LOAD_FAILED);
  CHECK(contains(cadre_ruleset_diagnostics_text(rules), "ruleset.yaml:"));
  cadre_ruleset_free(rules);
}

/* The population of examples/hengyang, decided from its file. */
static void test_population(const cadre_engine* engine) {
  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_file(engine, kPopulation, kAsOf, 0, &result) == CADRE_OK);
  CHECK(cadre_result_count(result) == 63); /* the README's 63 records */
  CHECK(cadre_result_not_evaluated(result) == 0);
  CHECK(cadre_result_diagnostic_count(result) == 0);
  /* QH-SQ-01, graded 优秀 in 2018 within the town's cap: 120 % of 3000.00. */
  const long secretary = line_of(result, "QH-SQ-01");
  CHECK(secretary >= 0);
  if (secretary >= 0) {
    const char* line = cadre_result_line(result, (size_t)secretary);
    CHECK(contains(line, "\"kind\":\"cadre\""));
    CHECK(contains(line, "\"as_of\":\"2019-03-15\""));
    CHECK(contains(line,
                   "\"hy.performance_pay\":{\"kind\":\"pay\",\"outcome\":\"computed\","
                   "\"value\":\"3600.00\""));
  }
  /* The whole text is the lines, each with its newline. */
  const char* all = cadre_result_jsonl(result);
  size_t length = 0;
  for (size_t i = 0; i < cadre_result_count(result); ++i)
    length += strlen(cadre_result_line(result, i)) + 1;
  CHECK(all != NULL && strlen(all) == length);
  CHECK(all != NULL &&
        strncmp(all, cadre_result_line(result, 0), strlen(cadre_result_line(result, 0))) == 0);
  CHECK(cadre_result_line(result, cadre_result_count(result)) == NULL);
  cadre_result_free(result);

  /* Decisions about no record come on their own line. */
  CHECK(cadre_engine_evaluate_context(engine, kAsOf, 0, &result) == CADRE_OK);
  CHECK(cadre_result_count(result) == 1);
  CHECK(strncmp(cadre_result_line(result, 0), "{\"record\":\"_context\",\"kind\":\"_context\",",
                strlen("{\"record\":\"_context\",\"kind\":\"_context\",")) == 0);
  cadre_result_free(result);
}

/* One record on its own: the records it refers to are unknown, not guessed. */
static void test_one_record(const cadre_engine* engine) {
  const char* record =
      "{\"id\": \"QH-X-01\", \"village_id\": \"V-NONE\", \"roles\": [\"party_secretary\"],\n"
      " \"birth_date\": \"1970-01-01\", \"baseline_performance_pay\": \"3000.00\"}";
  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_record(engine, record, kAsOf, CADRE_EVAL_NO_EXPLAIN, &result) ==
        CADRE_OK);
  CHECK(cadre_result_count(result) == 1);
  CHECK(strncmp(cadre_result_line(result, 0), "{\"record\":\"QH-X-01\",\"kind\":\"cadre\",",
                strlen("{\"record\":\"QH-X-01\",\"kind\":\"cadre\",")) == 0);
  CHECK(contains(cadre_result_line(result, 0), "\"outcome\":\"undetermined\""));
  CHECK(contains(cadre_result_line(result, 0), "\"errors\":[]}"));
  cadre_result_free(result);

  /* A record with an error is decided as not evaluated, with the error. */
  CHECK(cadre_engine_evaluate_record(engine,
                                     "{\"id\": \"QH-X-02\", \"birth_date\": \"1970-02-30\"}", kAsOf,
                                     0, &result) == CADRE_OK);
  CHECK(cadre_result_not_evaluated(result) == 1);
  CHECK(contains(cadre_result_line(result, 0), "\"decisions\":{},\"errors\":[{"));
  CHECK(contains(cadre_result_line(result, 0), "\"field\":\"birth_date\""));
  cadre_result_free(result);

  /* Not one object. */
  CHECK(cadre_engine_evaluate_record(engine, "[{\"id\": \"a\"}]", kAsOf, 0, &result) ==
        CADRE_INVALID_ARGUMENT);
  CHECK(contains(cadre_result_message(result), "not a JSON object"));
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, "{\"cadre\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}",
                                     kAsOf, 0, &result) == CADRE_INVALID_ARGUMENT);
  CHECK(contains(cadre_result_message(result), "holds 2 records"));
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, "{\"id\": ", kAsOf, 0, &result) ==
        CADRE_RECORDS_FAILED);
  CHECK(contains(cadre_result_message(result), "record:1:"));
  CHECK(contains(cadre_result_diagnostics_json(result), "\"file\":\"record\",\"line\":1,"));
  cadre_result_free(result);
}

/* 青禾镇 as JSON Lines; a malformed line yields its error object, in its
 * place, and changes no other line. data/qinghe.jsonl holds the district,
 * the town, its villages and their cadres from examples/hengyang/population.yaml,
 * the villages without their own `kind` field (village or community), which a
 * line cannot give beside its record kind. */
static void test_json_lines(const cadre_engine* engine) {
  char* town = read_file("tests/capi/data/qinghe.jsonl");
  CHECK(town != NULL);
  if (town == NULL) return;
  cadre_result* good = NULL;
  CHECK(cadre_engine_evaluate_text(engine, town, CADRE_FORMAT_JSON_LINES, "qinghe.jsonl", kAsOf, 0,
                                   &good) == CADRE_OK);
  const size_t count = cadre_result_count(good);
  CHECK(count == 34); /* 1 district, 1 town, 4 villages, 28 cadres */
  CHECK(cadre_result_not_evaluated(good) == 0);
  CHECK(line_of(good, "QH-SQ-01") >= 0);

  /* The same text with a broken line after the third. */
  const char* bad_line = "{\"id\": \"QH-BROKEN\", \"birth_date\": \n";
  char* broken = malloc(strlen(town) + strlen(bad_line) + 1);
  CHECK(broken != NULL);
  if (broken == NULL) return;
  const char* after_third = town;
  for (int i = 0; i < 3 && after_third != NULL; ++i) {
    after_third = strchr(after_third, '\n');
    if (after_third != NULL) ++after_third;
  }
  CHECK(after_third != NULL);
  if (after_third == NULL) return;
  const size_t head = (size_t)(after_third - town);
  memcpy(broken, town, head);
  strcpy(broken + head, bad_line);
  strcat(broken, after_third);

  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_text(engine, broken, CADRE_FORMAT_AUTO, "qinghe.jsonl", kAsOf, 0,
                                   &result) == CADRE_OK);
  CHECK(cadre_result_count(result) == count + 1);
  CHECK(cadre_result_not_evaluated(result) == 1);
  const char* error_line = cadre_result_line(result, 3);
  CHECK(contains(error_line, "{\"record\":\"QH-BROKEN\","));
  CHECK(
      contains(error_line, "\"decisions\":{},\"errors\":[{\"file\":\"qinghe.jsonl\",\"line\":4,"));
  for (size_t i = 0; i < count; ++i) {
    const char* expected = cadre_result_line(good, i);
    const char* actual = cadre_result_line(result, i < 3 ? i : i + 1);
    CHECK(expected != NULL && actual != NULL && strcmp(expected, actual) == 0);
  }
  cadre_result_free(result);
  cadre_result_free(good);
  free(broken);
  free(town);
}

/* Records that cannot be read as a whole: a status, and diagnostics. */
static void test_unreadable_records(const cadre_engine* engine) {
  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_file(engine, "no-such-records.yaml", kAsOf, 0, &result) ==
        CADRE_RECORDS_FAILED);
  CHECK(cadre_result_count(result) == 0);
  CHECK(contains(cadre_result_diagnostics_json(result), "\"code\":\"records.io\""));
  CHECK(strcmp(cadre_result_message(result),
               "no-such-records.yaml: error: cannot read "
               "`no-such-records.yaml`: no such file or directory") == 0);
  cadre_result_free(result);

  CHECK(cadre_engine_evaluate_text(engine, "[{\"id\": \"a\"", CADRE_FORMAT_JSON, NULL, kAsOf, 0,
                                   &result) == CADRE_RECORDS_FAILED);
  CHECK(contains(cadre_result_diagnostics_text(result), "records:1:"));
  cadre_result_free(result);

  CHECK(cadre_engine_evaluate_text(engine, "id\n", CADRE_FORMAT_AUTO, "town.txt", kAsOf, 0,
                                   &result) == CADRE_RECORDS_FAILED);
  CHECK(contains(cadre_result_diagnostics_json(result), "\"code\":\"records.format\""));
  cadre_result_free(result);

  /* No records at all: nothing to decide, and a warning. */
  CHECK(cadre_engine_evaluate_text(engine, "", CADRE_FORMAT_JSON_LINES, NULL, kAsOf, 0, &result) ==
        CADRE_OK);
  CHECK(cadre_result_count(result) == 0);
  CHECK(contains(cadre_result_diagnostics_json(result), "\"severity\":\"warning\""));
  CHECK(strcmp(cadre_result_jsonl(result), "") == 0);
  cadre_result_free(result);
}

static void test_bad_dates_and_flags(const cadre_engine* engine) {
  const char* record = "{\"id\": \"c1\"}";
  const char* const bad[] = {"2019-02-30", "15/03/2019", "", "2019-3-15"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
    cadre_result* result = NULL;
    CHECK(cadre_engine_evaluate_record(engine, record, bad[i], 0, &result) ==
          CADRE_INVALID_ARGUMENT);
    CHECK(contains(cadre_result_message(result), "is not a date YYYY-MM-DD"));
    CHECK(cadre_result_count(result) == 0);
    cadre_result_free(result);
  }
  /* Before the rules were in force: refused, unless asked for. */
  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_record(engine, record, "2015-06-30", 0, &result) ==
        CADRE_INVALID_ARGUMENT);
  CHECK(contains(cadre_result_message(result), "2015-06-30 is outside the validity of hengyang"));
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, record, "2015-06-30", CADRE_EVAL_OUTSIDE_VALIDITY,
                                     &result) == CADRE_OK);
  CHECK(contains(cadre_result_line(result, 0), "\"outside_validity\""));
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, record, kAsOf, 64, &result) == CADRE_INVALID_ARGUMENT);
  CHECK(contains(cadre_result_message(result), "unknown flags 64"));
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_text(engine, record, 42, NULL, kAsOf, 0, &result) ==
        CADRE_INVALID_ARGUMENT);
  CHECK(contains(cadre_result_message(result), "unknown format 42"));
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_text(engine, record, CADRE_FORMAT_AUTO, NULL, kAsOf, 0, &result) ==
        CADRE_INVALID_ARGUMENT);
  cadre_result_free(result);
}

static void test_null_arguments(const cadre_engine* engine) {
  cadre_ruleset* rules = NULL;
  CHECK(cadre_ruleset_load(NULL, NULL, &rules) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_ruleset_message(rules), "`path` is NULL") == 0);
  cadre_ruleset_free(rules);
  CHECK(cadre_ruleset_load("rules/hengyang", NULL, NULL) == CADRE_INVALID_ARGUMENT);
  CHECK(cadre_ruleset_load_string(NULL, "x.yaml", NULL, &rules) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_ruleset_message(rules), "`yaml` is NULL") == 0);
  cadre_ruleset_free(rules);
  CHECK(cadre_ruleset_load_string(kInlineRuleSet, NULL, NULL, NULL) == CADRE_INVALID_ARGUMENT);

  cadre_engine* no_engine = NULL;
  CHECK(cadre_engine_new(NULL, &no_engine) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_engine_message(no_engine), "`ruleset` is NULL") == 0);
  cadre_engine_free(no_engine);
  CHECK(cadre_engine_new(NULL, NULL) == CADRE_INVALID_ARGUMENT);

  cadre_result* result = NULL;
  CHECK(cadre_engine_evaluate_record(NULL, "{}", kAsOf, 0, &result) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_result_message(result), "`engine` is NULL") == 0);
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, NULL, kAsOf, 0, &result) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_result_message(result), "`record_json` is NULL") == 0);
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, "{}", NULL, 0, &result) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_result_message(result), "`as_of` is NULL") == 0);
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_record(engine, "{}", kAsOf, 0, NULL) == CADRE_INVALID_ARGUMENT);
  CHECK(cadre_engine_evaluate_text(engine, NULL, CADRE_FORMAT_JSON, NULL, kAsOf, 0, &result) ==
        CADRE_INVALID_ARGUMENT);
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_file(engine, NULL, kAsOf, 0, &result) == CADRE_INVALID_ARGUMENT);
  cadre_result_free(result);
  CHECK(cadre_engine_evaluate_context(NULL, kAsOf, 0, &result) == CADRE_INVALID_ARGUMENT);
  cadre_result_free(result);

  /* Getters and free functions take NULL. */
  CHECK(cadre_ruleset_status(NULL) == CADRE_INVALID_ARGUMENT);
  CHECK(strcmp(cadre_ruleset_message(NULL), "the handle is NULL") == 0);
  CHECK(strcmp(cadre_ruleset_id(NULL), "") == 0);
  CHECK(strcmp(cadre_ruleset_diagnostics_json(NULL), "[]") == 0);
  CHECK(cadre_ruleset_diagnostic_count(NULL) == 0);
  CHECK(cadre_engine_status(NULL) == CADRE_INVALID_ARGUMENT);
  CHECK(cadre_result_status(NULL) == CADRE_INVALID_ARGUMENT);
  CHECK(cadre_result_count(NULL) == 0);
  CHECK(cadre_result_line(NULL, 0) == NULL);
  CHECK(strcmp(cadre_result_jsonl(NULL), "") == 0);
  CHECK(strcmp(cadre_result_diagnostics_text(NULL), "") == 0);
  cadre_ruleset_free(NULL);
  cadre_engine_free(NULL);
  cadre_result_free(NULL);
}

/* Several threads deciding the same population through one engine at once. */
enum { kThreads = 4, kRounds = 3 };

struct worker {
  const cadre_engine* engine;
  const char* records;
  const char* expected;
  int mismatches;
};

static void* decide_repeatedly(void* argument) {
  struct worker* worker = argument;
  for (int round = 0; round < kRounds; ++round) {
    cadre_result* result = NULL;
    cadre_status status =
        cadre_engine_evaluate_text(worker->engine, worker->records, CADRE_FORMAT_JSON_LINES,
                                   "qinghe.jsonl", kAsOf, 0, &result);
    const char* all = cadre_result_jsonl(result);
    if (status != CADRE_OK || all == NULL || strcmp(all, worker->expected) != 0)
      ++worker->mismatches;
    cadre_result_free(result);
  }
  return NULL;
}

static void test_threads(const cadre_engine* engine) {
  char* town = read_file("tests/capi/data/qinghe.jsonl");
  CHECK(town != NULL);
  if (town == NULL) return;
  cadre_result* reference = NULL;
  CHECK(cadre_engine_evaluate_text(engine, town, CADRE_FORMAT_JSON_LINES, "qinghe.jsonl", kAsOf, 0,
                                   &reference) == CADRE_OK);
  const char* expected = cadre_result_jsonl(reference);
  struct worker workers[kThreads];
  pthread_t threads[kThreads];
  int started = 0;
  for (int i = 0; i < kThreads; ++i) {
    workers[i] = (struct worker){engine, town, expected, 0};
    if (pthread_create(&threads[i], NULL, decide_repeatedly, &workers[i]) == 0) ++started;
  }
  CHECK(started == kThreads);
  for (int i = 0; i < started; ++i) {
    pthread_join(threads[i], NULL);
    CHECK(workers[i].mismatches == 0);
  }
  cadre_result_free(reference);
  free(town);
}

int main(void) {
  test_version();
  test_load_from_path();
  test_load_from_string();
  test_failed_load();

  cadre_ruleset* rules = NULL;
  cadre_engine* engine = NULL;
  CHECK(cadre_ruleset_load("rules/hengyang", NULL, &rules) == CADRE_OK);
  CHECK(cadre_engine_new(rules, &engine) == CADRE_OK);
  CHECK(cadre_engine_status(engine) == CADRE_OK);
  CHECK(strcmp(cadre_engine_message(engine), "") == 0);
  test_population(engine);
  test_one_record(engine);
  test_json_lines(engine);
  test_unreadable_records(engine);
  test_bad_dates_and_flags(engine);
  test_null_arguments(engine);
  test_threads(engine);
  cadre_engine_free(engine);
  cadre_ruleset_free(rules);

  if (failures != 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("capi_test: all checks passed\n");
  return 0;
}
