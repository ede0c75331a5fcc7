/* The C API of cadre-policy: load a rule set, decide records, read the
 * decisions as JSON — from C, or from any language that can call C (Java
 * through JNA or the FFM API, C# through P/Invoke, Python through ctypes, Go
 * through cgo). docs/c-api.md walks through it; examples/python and
 * examples/java are complete clients.
 *
 *   cadre_ruleset* rules = NULL;
 *   if (cadre_ruleset_load("rules/hengyang", NULL, &rules) != CADRE_OK) {
 *     fputs(cadre_ruleset_diagnostics_text(rules), stderr);   // file:line:col: error: …
 *   }
 *   cadre_engine* engine = NULL;
 *   cadre_engine_new(rules, &engine);                           // share it between threads
 *   cadre_result* result = NULL;
 *   if (cadre_engine_evaluate_file(engine, "town.yaml", "2019-03-15", 0, &result) == CADRE_OK)
 *     fputs(cadre_result_jsonl(result), stdout);                // one JSON line per record
 *   else
 *     fprintf(stderr, "%s\n", cadre_result_message(result));
 *   cadre_result_free(result);
 *   cadre_engine_free(engine);
 *   cadre_ruleset_free(rules);
 *
 * The contract, for every function:
 *
 * - Status. Every operation returns a cadre_status. Its handle (the one it
 *   creates, even when it fails) holds the status and a message saying what
 *   went wrong: a failed load returns a rule-set handle with the diagnostics,
 *   a failed evaluation a result handle with the message. Only when no
 *   handle can be made (the out-pointer is NULL, memory runs out) is the
 *   status the whole answer, and then *out is NULL.
 * - No crash, no exception. A NULL argument is CADRE_INVALID_ARGUMENT; no
 *   C++ exception ever leaves the library (out of memory is
 *   CADRE_OUT_OF_MEMORY); a mistake in a rule set or a record is a
 *   diagnostic or a record's error, never a failure of the call.
 * - Ownership. Each handle is freed with its own free function, which
 *   accepts NULL; handles do not depend on each other (an engine keeps what
 *   it needs of its rule set, a result what it needs of its engine), so they
 *   may be freed in any order. A `const char*` the library returns is owned
 *   by the handle it came from: UTF-8, NUL-terminated, never NULL unless said
 *   otherwise, and valid until that handle is freed (no later call changes
 *   it). Strings passed in are UTF-8, NUL-terminated, and only read during
 *   the call.
 * - Threads. A rule set and an engine never change once made: one may be
 *   shared by any number of threads and used concurrently (the intended use:
 *   load once, decide everywhere). A result belongs to one thread at a time.
 *
 * The output is the `cadre-policy eval` JSON Lines contract: one JSON object
 * per input record, in input order (docs/decisions.md; JSON Schema
 * docs/decisions.schema.json). A record that cannot be read yields its line
 * with `errors` and no decisions, as the command-line tool gives it.
 */
#ifndef CADRE_CADRE_H
#define CADRE_CADRE_H

#include <stddef.h>
#include <stdint.h>

/* Symbol visibility: the shared library exports only what is marked
 * (the same CADRE_SHARED / CADRE_BUILDING switches as the C++ API). */
#if defined(CADRE_SHARED)
#if defined(_WIN32)
#if defined(CADRE_BUILDING)
#define CADRE_C_API __declspec(dllexport)
#else
#define CADRE_C_API __declspec(dllimport)
#endif
#else
#define CADRE_C_API __attribute__((visibility("default")))
#endif
#else
#define CADRE_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Statuses ----------------------------------------------------------- */

/** What a call came to. New statuses may be added; treat an unknown one as a
 *  failure. */
typedef enum cadre_status {
  CADRE_OK = 0,
  /** A NULL where a value is needed, a date that is not YYYY-MM-DD, a date
   *  outside the rule set's validity, unknown flags or format, an engine
   *  made from a rule set that did not load. */
  CADRE_INVALID_ARGUMENT = 1,
  /** The rule set has errors: its diagnostics say where and why. */
  CADRE_LOAD_FAILED = 2,
  /** The records cannot be read as a whole (no such file, not JSON, an
   *  unknown format, a limit passed): the result's diagnostics say why, and
   *  it holds no lines. A record that alone cannot be read is not this: it
   *  has its line with its errors, and the call is CADRE_OK. */
  CADRE_RECORDS_FAILED = 3,
  CADRE_OUT_OF_MEMORY = 4,
  /** A fault of the library itself; the message says what. Please report it. */
  CADRE_INTERNAL_ERROR = 5
} cadre_status;

/** The name of a cadre_status, short and lowercase: "ok", "invalid_argument",
 *  "load_failed", "records_failed", "out_of_memory", "internal_error", or
 *  "unknown" for any other value. A static string. (Enumerations cross the
 *  boundary as `int`: a caller in any language may pass any value.) */
CADRE_C_API const char* cadre_status_name(int status);

/* ---- Version ------------------------------------------------------------ */

/** The library's version, "MAJOR.MINOR.PATCH". A static string. */
CADRE_C_API const char* cadre_version(void);
/** The same as one number, MAJOR * 10000 + MINOR * 100 + PATCH (0.1.0 is 100),
 *  for comparisons. */
CADRE_C_API int32_t cadre_version_number(void);

/* ---- Rule sets ---------------------------------------------------------- */

/** A loaded rule set, or the diagnostics of why it did not load. Immutable:
 *  may be shared between threads. Free it with cadre_ruleset_free. */
typedef struct cadre_ruleset cadre_ruleset;

/** Loads, checks and compiles the rule set at `path` (its ruleset.yaml, or
 *  the folder holding it). `allowed_root` is the folder its includes and
 *  `extends` may not leave; NULL or "": the nearest folder holding a
 *  `.cadre-root` marker at or above it, else its own folder.
 *  CADRE_LOAD_FAILED when the rule set has errors; *out then holds the
 *  diagnostics. *out is set whenever `out` is not NULL. */
CADRE_C_API cadre_status cadre_ruleset_load(const char* path, const char* allowed_root,
                                            cadre_ruleset** out);

/** Loads a rule set whose root file is the YAML text `yaml`. `name` is what
 *  diagnostics call it, as they would name its file (NULL or "":
 *  "ruleset.yaml").
 *  Its `include`s and `extends` resolve in `base_folder`, as if the text were
 *  a file there (and may not leave the root such a file would have); NULL or
 *  "": each is refused with a `load.no_base_folder` diagnostic ("." is the
 *  current folder). Otherwise as cadre_ruleset_load. */
CADRE_C_API cadre_status cadre_ruleset_load_string(const char* yaml, const char* name,
                                                   const char* base_folder, cadre_ruleset** out);

/** Frees the rule set and every string it returned. NULL is ignored. */
CADRE_C_API void cadre_ruleset_free(cadre_ruleset* ruleset);

/** The status of the load that made the handle (CADRE_INVALID_ARGUMENT for
 *  NULL). */
CADRE_C_API cadre_status cadre_ruleset_status(const cadre_ruleset* ruleset);
/** Why the load failed, in one line ("" when it did not). */
CADRE_C_API const char* cadre_ruleset_message(const cadre_ruleset* ruleset);

/** The rule set's id (`hengyang`), its version (`1.0.0`), and the SHA-256 of
 *  its files (64 hex digits), as each output line names them; "" when it did
 *  not load. */
CADRE_C_API const char* cadre_ruleset_id(const cadre_ruleset* ruleset);
CADRE_C_API const char* cadre_ruleset_version(const cadre_ruleset* ruleset);
CADRE_C_API const char* cadre_ruleset_digest(const cadre_ruleset* ruleset);

/** The load's diagnostics (errors, and warnings even when it loaded), sorted
 *  by file and position: their number; as a JSON array of objects
 *  {"severity", "code", "file", "line", "column", "message", "help"}
 *  (severity "error", "warning" or "note"; line and column 1-based, 0 for
 *  the file as a whole; file and help "" when there is none); and as text,
 *  one `file:line:col: severity: message` line each, followed by an indented
 *  `  help: …` line when there is help ("" when there are none). */
CADRE_C_API size_t cadre_ruleset_diagnostic_count(const cadre_ruleset* ruleset);
CADRE_C_API const char* cadre_ruleset_diagnostics_json(const cadre_ruleset* ruleset);
CADRE_C_API const char* cadre_ruleset_diagnostics_text(const cadre_ruleset* ruleset);

/* ---- Engines ------------------------------------------------------------ */

/** Decides records with a rule set. Immutable: may be shared between
 *  threads, which may evaluate through it at the same time. Free it with
 *  cadre_engine_free; the rule set it was made from may be freed first. */
typedef struct cadre_engine cadre_engine;

/** Makes an engine for a rule set that loaded. CADRE_INVALID_ARGUMENT when
 *  `ruleset` is NULL or did not load; *out then holds the message, and
 *  evaluating through it fails the same way. */
CADRE_C_API cadre_status cadre_engine_new(const cadre_ruleset* ruleset, cadre_engine** out);
/** Frees the engine. NULL is ignored. Results made through it stay valid. */
CADRE_C_API void cadre_engine_free(cadre_engine* engine);
/** The status of cadre_engine_new, and its message ("" when CADRE_OK). */
CADRE_C_API cadre_status cadre_engine_status(const cadre_engine* engine);
CADRE_C_API const char* cadre_engine_message(const cadre_engine* engine);

/** Options of an evaluation, or-ed together; 0 for the defaults. */
typedef enum cadre_eval_flag {
  /** Outcomes, values, missing facts and reason codes only: no rendered
   *  reasons, hints or breakdowns, and no title, quote or source (what bulk
   *  runs need; faster; as `cadre-policy eval --no-explain`). */
  CADRE_EVAL_NO_EXPLAIN = 1,
  /** Decide on a date outside the rule set's validity, every decision then
   *  flagged `outside_validity`; without it such a date is
   *  CADRE_INVALID_ARGUMENT, as the command-line tool refuses it. */
  CADRE_EVAL_OUTSIDE_VALIDITY = 2
} cadre_eval_flag;

/** The format of records given as text. */
typedef enum cadre_format {
  /** By the extension of the name given (.json, .jsonl/.ndjson, .yaml/.yml,
   *  .csv). */
  CADRE_FORMAT_AUTO = 0,
  /** An array of records, an object of kind → array of records, or one
   *  record (docs/records.md). */
  CADRE_FORMAT_JSON = 1,
  /** One JSON object per line. */
  CADRE_FORMAT_JSON_LINES = 2,
  CADRE_FORMAT_YAML = 3,
  CADRE_FORMAT_CSV = 4
} cadre_format;

/** Decisions for the records it was given (or the reasons it could not
 *  decide them). Belongs to one thread at a time. Free it with
 *  cadre_result_free. */
typedef struct cadre_result cadre_result;

/* Each evaluation decides its records as one population (cohort rules such as
 * a town's 20 % cap count the records given together) on `as_of`, a date
 * "YYYY-MM-DD", with `flags` of cadre_eval_flag, and sets *out to a result
 * whenever `out` is not NULL — on failure, one holding the status and the
 * message. */

/** Decides one record, given as a JSON object (its kind by its `kind` key,
 *  else the kind most decisions are about). The records it refers to (its
 *  village, its town) are not given, so their facts are unknown: decide a
 *  batch to give them. A text that is not one JSON object is
 *  CADRE_INVALID_ARGUMENT (or CADRE_RECORDS_FAILED when it cannot be parsed);
 *  a record with errors is CADRE_OK with its line holding them. */
CADRE_C_API cadre_status cadre_engine_evaluate_record(const cadre_engine* engine,
                                                      const char* record_json, const char* as_of,
                                                      unsigned int flags, cadre_result** out);

/** Decides the records of `text`, in `format` (a cadre_format; another value
 *  is CADRE_INVALID_ARGUMENT). `name` stands for a file name
 *  in the errors of records and in diagnostics (NULL: "records", which
 *  needs a format other than CADRE_FORMAT_AUTO). One line per input record,
 *  in input order. */
CADRE_C_API cadre_status cadre_engine_evaluate_text(const cadre_engine* engine, const char* text,
                                                    int format, const char* name, const char* as_of,
                                                    unsigned int flags, cadre_result** out);

/** Decides the records of the file at `path` (UTF-8; YAML, JSON, JSON Lines
 *  or CSV by its extension), as `cadre-policy eval` does. */
CADRE_C_API cadre_status cadre_engine_evaluate_file(const cadre_engine* engine, const char* path,
                                                    const char* as_of, unsigned int flags,
                                                    cadre_result** out);

/** Decides the decisions about no record (reference values of the rule set,
 *  such as a city's average pay in a year): one line with `record` and
 *  `kind` "_context", which `cadre-policy eval` prints first; no line when
 *  the rule set has no such decisions. */
CADRE_C_API cadre_status cadre_engine_evaluate_context(const cadre_engine* engine,
                                                       const char* as_of, unsigned int flags,
                                                       cadre_result** out);

/* ---- Results ------------------------------------------------------------ */

/** Frees the result and every string it returned. NULL is ignored. */
CADRE_C_API void cadre_result_free(cadre_result* result);
/** The status of the evaluation that made it, and its message ("" when
 *  CADRE_OK). */
CADRE_C_API cadre_status cadre_result_status(const cadre_result* result);
CADRE_C_API const char* cadre_result_message(const cadre_result* result);

/** How many lines: one per input record (0 when the call failed). */
CADRE_C_API size_t cadre_result_count(const cadre_result* result);
/** How many of them are records that could not be evaluated (lines with
 *  `errors`). */
CADRE_C_API size_t cadre_result_not_evaluated(const cadre_result* result);
/** Line `index` (0-based) as one JSON object, without a newline; NULL when
 *  `index` is not below cadre_result_count. */
CADRE_C_API const char* cadre_result_line(const cadre_result* result, size_t index);
/** Every line, each ending with "\n": JSON Lines, exactly what
 *  `cadre-policy eval` prints for the same records (without the `_context`
 *  line, which cadre_engine_evaluate_context gives); NULL only when memory
 *  runs out while building it. Built on the first call, which is why a
 *  result belongs to one thread at a time. */
CADRE_C_API const char* cadre_result_jsonl(cadre_result* result);

/** Problems of the records as a whole, in the forms of
 *  cadre_ruleset_diagnostics_*: the file cannot be read or parsed, a limit
 *  passed (errors: CADRE_RECORDS_FAILED), or there are no records at all (a
 *  `records.empty` warning: CADRE_OK with no lines). A problem of one record
 *  is in its line's `errors` instead. */
CADRE_C_API size_t cadre_result_diagnostic_count(const cadre_result* result);
CADRE_C_API const char* cadre_result_diagnostics_json(const cadre_result* result);
CADRE_C_API const char* cadre_result_diagnostics_text(const cadre_result* result);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CADRE_CADRE_H */
