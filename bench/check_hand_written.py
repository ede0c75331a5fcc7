#!/usr/bin/env python3
"""Checks that the hand-written peer policy decides as the engine does.

    check_hand_written.py ENGINE_OUTPUT HAND_WRITTEN_OUTPUT [--show N]

ENGINE_OUTPUT is `cadre-policy eval bench/peer-policy RECORDS --as-of DATE`
(JSON Lines, docs/decisions.md; --no-explain or not), HAND_WRITTEN_OUTPUT is
`peer_policy_hand_written RECORDS --as-of DATE` for the same RECORDS. Lines are
paired in order; each pair must name the same record and give the same seven
values: a decision's `value` against the hand-written member, an undetermined
decision's null against null. A line that neither could read agrees (its
record id is not compared: each guesses it its own way).
Exit status 0 when all agree, 1 with the first differences listed, 2 on bad
input. Standard library only.
"""

import argparse
import itertools
import json
import sys

OUTPUTS = (
    "effective_grade", "performance_pay", "professional_eligible", "tier1_allowed",
    "warning_talk", "admonish_talk", "exit",
)
UNREAD = "unreadable"  # the values of a record that could not be read


def engine_values(line):
    """The record id and its seven values (or UNREAD) from one `eval` line."""
    output = json.loads(line)
    decisions = output.get("decisions") or {}
    if output.get("errors") and not decisions:
        return output.get("record"), UNREAD
    values = {}
    for name in OUTPUTS:
        decision = decisions.get(name)
        if decision is None:
            values[name] = "<no decision>"
        elif decision.get("outcome") == "undetermined":
            values[name] = None
        else:
            values[name] = decision.get("value")
    return output.get("record"), values


def hand_written_values(line):
    """The record id and its seven values (or UNREAD) from one hand-written line."""
    output = json.loads(line)
    if "error" in output:
        return output.get("record"), UNREAD
    return output.get("record"), {name: output.get(name, "<missing>") for name in OUTPUTS}


def lines_of(path):
    with open(path, encoding="utf-8") as file:
        for number, line in enumerate(file, 1):
            if line.strip():
                yield number, line


def parsed(read, path, numbered_line):
    number, line = numbered_line
    try:
        return read(line)
    except (ValueError, AttributeError) as error:
        raise ValueError("%s:%d: not an output line: %s" % (path, number, error)) from None


def describe(value):
    return json.dumps(value, ensure_ascii=False)


def compare(engine_path, hand_written_path, show):
    differences = []
    records = agreeing = unreadable = 0
    undetermined = dict.fromkeys(OUTPUTS, 0)
    pairs = itertools.zip_longest(lines_of(engine_path), lines_of(hand_written_path))
    for engine_line, hand_line in pairs:
        if engine_line is None or hand_line is None:
            longer, path = ((hand_line, hand_written_path) if engine_line is None
                            else (engine_line, engine_path))
            extra = 1 + sum(1 for _ in pairs)
            differences.append("%s has %d more records, from line %d on" % (
                path, extra, longer[0]))
            break
        records += 1
        engine_id, expected = parsed(engine_values, engine_path, engine_line)
        hand_id, actual = parsed(hand_written_values, hand_written_path, hand_line)
        where = "record %s (engine line %d, hand-written line %d)" % (
            json.dumps(engine_id, ensure_ascii=False), engine_line[0], hand_line[0])
        found = []
        if expected == UNREAD and actual == UNREAD:
            unreadable += 1  # the ids of unreadable lines are guesses: not compared
        elif expected == UNREAD or actual == UNREAD:
            found.append("%s: engine %s, hand-written %s" % (
                where, "unreadable" if expected == UNREAD else "decided",
                "unreadable" if actual == UNREAD else "decided"))
        elif engine_id != hand_id:
            found.append("%s: the hand-written line is record %s" % (
                where, json.dumps(hand_id, ensure_ascii=False)))
        else:
            for name in OUTPUTS:
                if expected[name] is None:
                    undetermined[name] += 1
                if expected[name] != actual[name]:
                    found.append("%s: %s engine %s, hand-written %s" % (
                        where, name, describe(expected[name]), describe(actual[name])))
        if found:
            differences.extend(found)
        else:
            agreeing += 1
    print("%d records compared: %d agree (%d unreadable by both), %d differ" % (
        records, agreeing, unreadable, records - agreeing))
    if records == 0:
        differences.append("no records to compare")
    print("undetermined: " + ", ".join("%s %d" % item for item in undetermined.items()))
    for difference in differences[:show]:
        print("  " + difference)
    if len(differences) > show:
        print("  ... and %d more differences" % (len(differences) - show))
    return not differences


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("engine_output")
    parser.add_argument("hand_written_output")
    parser.add_argument("--show", type=int, default=20, help="differences to list (default 20)")
    args = parser.parse_args()
    try:
        agree = compare(args.engine_output, args.hand_written_output, args.show)
    except (OSError, ValueError) as error:
        print("check_hand_written: %s" % error, file=sys.stderr)
        sys.exit(2)
    sys.exit(0 if agree else 1)


if __name__ == "__main__":
    main()
