#!/usr/bin/env python3
"""The in-memory tables of docs/performance.md from Google Benchmark's JSON.

  build/release/bench/peer_policy_bench --benchmark_repetitions=5 \
      --benchmark_format=json > peer.json
  bench/ratios.py peer.json [engine.json ruleset.json ...]

Takes the median of the repetitions (or the single run) of every benchmark and
prints records/s, the engine's throughput as a share of the hand-written
code's (BM_PeerHandWritten), and explanations on as a share of off (the same
benchmark with explain:0); benchmarks that count no records (loading a rule
set) are listed with their median time.
"""
import json
import re
import sys


def medians(files):
    """{name: (records/s or None, time in ms)} from the median aggregates."""
    runs = {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            report = json.load(f)
        for run in report["benchmarks"]:
            if run.get("run_type") == "aggregate" and run.get("aggregate_name") != "median":
                continue
            key = run.get("run_name", run["name"])
            if run.get("run_type") == "iteration" and key in runs:
                continue  # repetitions: the median aggregate replaces them
            scale = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}[run.get("time_unit", "ns")]
            runs[key] = (run.get("items_per_second"), run["real_time"] * scale)
    return runs


def main():
    runs = medians(sys.argv[1:])
    hand = runs.get("BM_PeerHandWritten", (None, 0))[0]
    print("| benchmark | records/s | of hand-written | explanations on / off |")
    print("| --- | ---: | ---: | ---: |")
    for name, (rate, _) in runs.items():
        if rate is None:
            continue
        share = "%.2f %%" % (100 * rate / hand) if hand and name.startswith("BM_PeerEngine") else ""
        on_off = ""
        if re.search(r"explain:1", name):
            off = runs.get(name.replace("explain:1", "explain:0"), (None, 0))[0]
            if off:
                on_off = "%.0f %%" % (100 * rate / off)
        print("| %s | %s | %s | %s |" % (name, format(int(rate), ","), share, on_off))
    timed = [(name, ms) for name, (rate, ms) in runs.items() if rate is None]
    if timed:
        print()
        print("| benchmark | median |")
        print("| --- | ---: |")
        for name, ms in timed:
            print("| %s | %.1f ms |" % (name, ms))


if __name__ == "__main__":
    main()
