// Deciding a records file into the lines of a snapshot (snapshot_files.hpp).
#include "snapshot_files.hpp"

#include "cadre/output.hpp"

namespace cadre::tool {

DecidedLines decide_lines(const Engine& engine, const RecordBatch& batch, Date as_of) {
  DecidedLines out;
  // As `eval` writes them: the decisions about no record first, on a line of
  // their own, then the records in input order.
  RecordOutput context;
  context.record = "_context";
  context.kind = "_context";
  context.decisions = engine.evaluate_context(as_of);
  if (!context.decisions.empty()) {
    out.lines.push_back(to_json_line(context, engine.rules(), as_of));
    out.decisions += context.decisions.size();
  }
  out.outputs = engine.evaluate_batch(batch, as_of);
  for (const auto& output : out.outputs) {
    out.lines.push_back(to_json_line(output, engine.rules(), as_of));
    out.decisions += output.decisions.size();
  }
  return out;
}

}  // namespace cadre::tool
