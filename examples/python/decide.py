#!/usr/bin/python3
"""Decides a file of records with a rule set through the Python binding
(cadre.py) and prints a short summary: how many records were decided, the
outcomes of each kind of decision, the pay computed, and the first records
that could not be read.

    CADRE_LIBRARY=build/dev/src/libcadre-policy.so \\
        examples/python/decide.py rules/hengyang examples/hengyang/population.yaml --as-of 2019-03-15
"""

import argparse
import collections
import decimal
import sys

import cadre

# A decision whose line the summary ends with, so that a reader sees one
# decision in full: a secretary's performance pay (3600.00 on 2019-03-15).
SAMPLE = ("QH-SQ-01", "hy.performance_pay")


def summary(rules, decided, as_of):
    """The lines printed for `decided`, the Decisions of `rules` on `as_of`."""
    yield f"rule set {rules.id} {rules.version} (digest {rules.digest[:12]}…)"
    yield (f"{len(decided)} records as of {as_of}: {len(decided) - decided.not_evaluated} decided, "
           f"{decided.not_evaluated} not evaluated")
    outcomes = collections.defaultdict(collections.Counter)
    pay = decimal.Decimal(0)
    not_read = []
    sample = None
    for line in decided:
        if line["errors"]:
            first = line["errors"][0]
            not_read.append(f"  {line['record']}: {first['file']}:{first['line']}: {first['message']}")
        for decision_id, decision in line["decisions"].items():
            outcomes[decision["kind"]][decision["outcome"]] += 1
            if decision["kind"] == "pay" and decision["outcome"] == "computed":
                pay += decimal.Decimal(decision["value"])  # exact: decimals come as text
            if (line["record"], decision_id) == SAMPLE:
                sample = f"{decision['outcome']} {decision['value']}"
    for kind, counts in sorted(outcomes.items()):
        by_count = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        yield f"  {kind}: " + ", ".join(f"{outcome} {n}" for outcome, n in by_count)
    yield f"pay computed: {pay} yuan in total"
    yield from not_read[:5]
    if sample is not None:
        yield f"{SAMPLE[0]} {SAMPLE[1]}: {sample}"


def main():
    parser = argparse.ArgumentParser(description="Decide a file of records with a rule set.")
    parser.add_argument("ruleset", help="the rule set (a folder or its ruleset.yaml)")
    parser.add_argument("records", help="the records: YAML, JSON, JSON Lines or CSV")
    parser.add_argument("--as-of", required=True, help="the evaluation date, YYYY-MM-DD")
    parser.add_argument("--no-explain", action="store_true", help="outcomes only (faster)")
    arguments = parser.parse_args()
    try:
        with cadre.RuleSet(arguments.ruleset) as rules, cadre.Engine(rules) as engine:
            decided = engine.decide_file(arguments.records, arguments.as_of,
                                         explain=not arguments.no_explain)
            for text in summary(rules, decided, arguments.as_of):
                print(text)
    except cadre.CadreError as error:
        # Each diagnostic where it is, as `file:line:col: error: …`, or the message alone.
        for diagnostic in error.diagnostics:
            where = ":".join(str(part) for part in
                             (diagnostic["file"], diagnostic["line"], diagnostic["column"]) if part)
            print(f"{where}: {diagnostic['severity']}: {diagnostic['message']}", file=sys.stderr)
            if diagnostic["help"]:
                print(f"  help: {diagnostic['help']}", file=sys.stderr)
        if not error.diagnostics:
            print(f"decide.py: {error.message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
