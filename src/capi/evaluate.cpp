// Evaluations through the C API: records from a JSON object, from text or
// from a file → one line of the `eval` JSON Lines contract per input record,
// rendered by the renderer the command-line tool uses (cadre/output.hpp).
// Each call checks what it was given first (engine, date, flags), then
// reads, decides and renders, and only then fills its result: a result
// never holds half an evaluation.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cadre/cadre.h"
#include "cadre/engine.hpp"
#include "cadre/output.hpp"
#include "cadre/records.hpp"
#include "capi/diagnostics_json.hpp"
#include "capi/entry.hpp"
#include "render/decision_json.hpp"

namespace cadre::capi {

namespace {

constexpr unsigned int kKnownFlags = CADRE_EVAL_NO_EXPLAIN | CADRE_EVAL_OUTSIDE_VALIDITY;

/// What every evaluation needs, once its arguments are checked.
struct Request {
  const Engine* engine = nullptr;
  Date as_of;
  EvaluationOptions options;
};

std::string validity_text(const CompiledRuleSet& rules) {
  const auto from = rules.valid_from();
  const auto to = rules.valid_to();
  return (from ? from->to_string() : std::string("…")) + " to " +
         (to ? to->to_string() : std::string("…"));
}

/// Checks the engine, the date and the flags; CADRE_OK with `request` filled.
cadre_status prepare(cadre_result& handle, const cadre_engine* engine, const char* as_of,
                     unsigned int flags, Request& request) {
  Outcome& outcome = handle.outcome;
  if (engine == nullptr) return null_argument(outcome, "engine");
  if (!engine->engine) {
    return fail(outcome, CADRE_INVALID_ARGUMENT,
                std::string("the engine cannot decide: ") + engine->outcome.text());
  }
  if (as_of == nullptr) return null_argument(outcome, "as_of");
  const std::optional<Date> date = Date::parse(as_of);
  if (!date) {
    return fail(outcome, CADRE_INVALID_ARGUMENT,
                "`as_of` `" + std::string(as_of) + "` is not a date YYYY-MM-DD");
  }
  if ((flags & ~kKnownFlags) != 0) {
    return fail(outcome, CADRE_INVALID_ARGUMENT,
                "unknown flags " + std::to_string(flags & ~kKnownFlags) +
                    ": the flags are CADRE_EVAL_NO_EXPLAIN and CADRE_EVAL_OUTSIDE_VALIDITY");
  }
  const CompiledRuleSet& rules = engine->engine->rules();
  if (!rules.in_force(*date) && (flags & CADRE_EVAL_OUTSIDE_VALIDITY) == 0) {
    return fail(outcome, CADRE_INVALID_ARGUMENT,
                date->to_string() + " is outside the validity of " + rules.id() + " (" +
                    validity_text(rules) +
                    "): give a date within it, or CADRE_EVAL_OUTSIDE_VALIDITY to decide anyway");
  }
  request.engine = &*engine->engine;
  request.as_of = *date;
  request.options.explain = (flags & CADRE_EVAL_NO_EXPLAIN) == 0;
  return CADRE_OK;
}

/// Renders `outputs` into the result.
cadre_status keep(cadre_result& handle, const Request& request,
                  const std::vector<RecordOutput>& outputs) {
  // As `cadre-policy eval` writes them: without explanations, no title, quote
  // or source either (docs/decisions.md).
  const render::DecisionJsonLines writer(request.engine->rules(), request.as_of.to_string(),
                                         request.options.explain);
  std::vector<std::string> lines;
  lines.reserve(outputs.size());
  std::size_t not_evaluated = 0;
  for (const RecordOutput& output : outputs) {
    writer.append(lines.emplace_back(), output);
    not_evaluated += output.errors.empty() ? 0 : 1;
  }
  handle.lines = std::move(lines);
  handle.not_evaluated = not_evaluated;
  return CADRE_OK;
}

/// Decides a batch as one population, as `cadre-policy eval` does; a batch
/// that could not be read as a whole is CADRE_RECORDS_FAILED.
cadre_status decide(cadre_result& handle, const Request& request, const RecordBatch& batch) {
  handle.diagnostics = describe(batch.diagnostics);
  if (has_errors(batch.diagnostics)) {
    return fail(handle.outcome, CADRE_RECORDS_FAILED, first_error(batch.diagnostics));
  }
  return keep(handle, request,
              request.engine->evaluate_batch(batch, request.as_of, request.options));
}

/// The reader's format for a cadre_format; nullopt for a value not in the enum.
std::optional<RecordFormat> record_format(int format) {
  switch (format) {
    case CADRE_FORMAT_AUTO:
      return RecordFormat::automatic;
    case CADRE_FORMAT_JSON:
      return RecordFormat::json;
    case CADRE_FORMAT_JSON_LINES:
      return RecordFormat::json_lines;
    case CADRE_FORMAT_YAML:
      return RecordFormat::yaml;
    case CADRE_FORMAT_CSV:
      return RecordFormat::csv;
  }
  return std::nullopt;
}

/// True when the first character other than white space opens an object.
bool opens_object(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

}  // namespace

}  // namespace cadre::capi

using namespace cadre::capi;

extern "C" {

cadre_status cadre_engine_evaluate_record(const cadre_engine* engine, const char* record_json,
                                          const char* as_of, unsigned int flags,
                                          cadre_result** out) {
  return create(out, [&](cadre_result& handle) {
    Request request;
    if (cadre_status status = prepare(handle, engine, as_of, flags, request); status != CADRE_OK) {
      return status;
    }
    if (record_json == nullptr) return null_argument(handle.outcome, "record_json");
    if (!opens_object(record_json)) {
      return fail(handle.outcome, CADRE_INVALID_ARGUMENT,
                  "`record_json` is not a JSON object: give one record as {…}, or decide "
                  "several with cadre_engine_evaluate_text");
    }
    cadre::RecordReadOptions options;
    options.format = cadre::RecordFormat::json;
    cadre::RecordBatch batch =
        cadre::read_records_text("record", record_json, request.engine->rules(), options);
    if (!cadre::has_errors(batch.diagnostics) && batch.records.size() != 1) {
      return fail(handle.outcome, CADRE_INVALID_ARGUMENT,
                  "`record_json` holds " + std::to_string(batch.records.size()) +
                      " records (an object of kind → records): give one record, or decide "
                      "several with cadre_engine_evaluate_text");
    }
    return decide(handle, request, batch);
  });
}

cadre_status cadre_engine_evaluate_text(const cadre_engine* engine, const char* text, int format,
                                        const char* name, const char* as_of, unsigned int flags,
                                        cadre_result** out) {
  return create(out, [&](cadre_result& handle) {
    Request request;
    if (cadre_status status = prepare(handle, engine, as_of, flags, request); status != CADRE_OK) {
      return status;
    }
    if (text == nullptr) return null_argument(handle.outcome, "text");
    const std::optional<cadre::RecordFormat> read_as = record_format(format);
    if (!read_as) {
      return fail(handle.outcome, CADRE_INVALID_ARGUMENT,
                  "unknown format " + std::to_string(format));
    }
    if (name == nullptr && *read_as == cadre::RecordFormat::automatic) {
      return fail(handle.outcome, CADRE_INVALID_ARGUMENT,
                  "CADRE_FORMAT_AUTO needs a `name` whose extension says the format");
    }
    cadre::RecordReadOptions options;
    options.format = *read_as;
    return decide(handle, request,
                  cadre::read_records_text(name != nullptr ? name : "records", text,
                                           request.engine->rules(), options));
  });
}

cadre_status cadre_engine_evaluate_file(const cadre_engine* engine, const char* path,
                                        const char* as_of, unsigned int flags, cadre_result** out) {
  return create(out, [&](cadre_result& handle) {
    Request request;
    if (cadre_status status = prepare(handle, engine, as_of, flags, request); status != CADRE_OK) {
      return status;
    }
    if (path == nullptr) return null_argument(handle.outcome, "path");
    return decide(handle, request, cadre::read_records(path, request.engine->rules()));
  });
}

cadre_status cadre_engine_evaluate_context(const cadre_engine* engine, const char* as_of,
                                           unsigned int flags, cadre_result** out) {
  return create(out, [&](cadre_result& handle) {
    Request request;
    if (cadre_status status = prepare(handle, engine, as_of, flags, request); status != CADRE_OK) {
      return status;
    }
    std::vector<cadre::RecordOutput> outputs;
    cadre::RecordOutput context;
    context.record = "_context";
    context.kind = "_context";
    context.decisions = request.engine->evaluate_context(request.as_of, request.options);
    if (!context.decisions.empty()) outputs.push_back(std::move(context));
    return keep(handle, request, outputs);
  });
}

}  // extern "C"
