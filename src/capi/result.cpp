// What a result tells through the C API: its status, its lines (each one
// JSON object of the `eval` contract), and the problems of the records as a
// whole.
#include <string>

#include "cadre/cadre.h"
#include "capi/entry.hpp"

using namespace cadre::capi;

extern "C" {

void cadre_result_free(cadre_result* result) {
  delete result;
}

cadre_status cadre_result_status(const cadre_result* result) {
  return result != nullptr ? result->outcome.status : CADRE_INVALID_ARGUMENT;
}

const char* cadre_result_message(const cadre_result* result) {
  return result != nullptr ? result->outcome.text() : kNullHandle;
}

size_t cadre_result_count(const cadre_result* result) {
  return result != nullptr ? result->lines.size() : 0;
}

size_t cadre_result_not_evaluated(const cadre_result* result) {
  return result != nullptr ? result->not_evaluated : 0;
}

const char* cadre_result_line(const cadre_result* result, size_t index) {
  if (result == nullptr || index >= result->lines.size()) return nullptr;
  return result->lines[index].c_str();
}

const char* cadre_result_jsonl(cadre_result* result) {
  if (result == nullptr) return "";
  if (!result->jsonl) {
    try {
      std::size_t size = 0;
      for (const std::string& line : result->lines)
        size += line.size() + 1;
      std::string text;
      text.reserve(size);
      for (const std::string& line : result->lines) {
        text += line;
        text += '\n';
      }
      result->jsonl = std::move(text);
    } catch (...) {  // out of memory: the caller is told by NULL
      return nullptr;
    }
  }
  return result->jsonl->c_str();
}

size_t cadre_result_diagnostic_count(const cadre_result* result) {
  return result != nullptr ? result->diagnostics.count : 0;
}

const char* cadre_result_diagnostics_json(const cadre_result* result) {
  return result != nullptr ? result->diagnostics.json.c_str() : "[]";
}

const char* cadre_result_diagnostics_text(const cadre_result* result) {
  return result != nullptr ? result->diagnostics.text.c_str() : "";
}

}  // extern "C"
