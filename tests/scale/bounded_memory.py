#!/usr/bin/python3
"""Decides a generated hengyang population of many cadres with a streamed
`cadre-policy eval` and checks what a province's file needs: the peak memory
(the largest resident set of the eval process) stays under a bound whatever
the file's size, every input record yields one output line, in input order,
and nothing but the summary reaches stderr (no progress line off a terminal).

    tests/scale/bounded_memory.py CADRE_POLICY RULES_DIR --cadres 200000 --max-rss-mb 300 [--threads 2] [--explain] [--work DIR]

The population is written to DIR (default: a temporary folder) and kept
there when it is already present with the same size, so that a second run
need not write it again.
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hengyang_population  # noqa: E402

ID = re.compile(rb'"id":"([^"]*)"')
RECORD = re.compile(rb'\{"record":"([^"]*)"')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("cadre_policy")
    parser.add_argument("rules")
    parser.add_argument("--cadres", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-rss-mb", type=float, default=300)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--work")
    args = parser.parse_args()

    work = args.work or tempfile.mkdtemp(prefix="cadre-scale-")
    os.makedirs(work, exist_ok=True)
    population = os.path.join(work, "hengyang-%d-%d.jsonl" % (args.cadres, args.seed))
    if not os.path.exists(population):
        started = time.time()
        with open(population + ".part", "w", encoding="utf-8") as out:
            hengyang_population.write_population(out, args.cadres, args.seed)
        os.replace(population + ".part", population)
        print("wrote %s in %.1f s" % (population, time.time() - started))

    command = [args.cadre_policy, "eval", args.rules, population, "--as-of", "2019-03-15",
               "--threads", str(args.threads)]
    if not args.explain:
        command.append("--no-explain")
    print(" ".join(command))
    started = time.time()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    failures = []
    lines = 0
    with open(population, "rb") as records:
        for output in child.stdout:
            match = RECORD.match(output)
            if not match:
                failures.append("output line %d is not a record: %r" % (lines + 1, output[:80]))
                break
            lines += 1
            if match.group(1) == b"_context":
                continue
            record = records.readline()
            expected = ID.search(record)
            if not expected or expected.group(1) != match.group(1):
                failures.append("output line %d is %s, input says %s" % (
                    lines, match.group(1), expected.group(1) if expected else record[:80]))
                break
        leftover = records.readline()
        if leftover and not failures:
            failures.append("input record %r has no output" % leftover[:80])
    child.stdout.close()
    err = child.stderr.read().decode("utf-8", "replace")
    status = child.wait()
    seconds = time.time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    records = sum(1 for _ in open(population, "rb"))
    print("%d records, %d output lines, %.1f s (%.0f records/s), peak RSS %.0f MB, exit %d" % (
        records, lines, seconds, records / seconds, peak_mb, status))
    if status != 0:
        failures.append("exit status %d: %s" % (status, err))
    summary = "cadre-policy eval: %d records read, %d decided\n" % (records, records)
    if err != summary:
        failures.append("stderr is not just the summary: %r" % err[-400:])
    if peak_mb > args.max_rss_mb:
        failures.append("peak RSS %.0f MB is over the bound of %.0f MB" % (peak_mb, args.max_rss_mb))
    for failure in failures:
        print("FAILED: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
