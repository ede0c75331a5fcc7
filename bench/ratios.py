#!/usr/bin/env python3
"""The in-memory table of docs/performance.md from Google Benchmark's JSON.

  build/release/bench/peer_policy_bench --benchmark_repetitions=5 \
      --benchmark_format=json > peer.json
  bench/ratios.py peer.json [engine.json ...]

Takes the median of the repetitions (or the single run) of every benchmark and
prints records/s, the engine's throughput as a share of the hand-written
code's (BM_PeerHandWritten), and explanations on as a share of off (the same
benchmark with explain:0).
"""
import json
import re
import sys


def medians(files):
    rates = {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            report = json.load(f)
        for run in report["benchmarks"]:
            if run.get("run_type") == "aggregate" and run.get("aggregate_name") != "median":
                continue
            key = run.get("run_name", run["name"])
            if run.get("run_type") == "iteration" and key in rates:
                continue  # repetitions: the median aggregate replaces them
            rates[key] = run["items_per_second"]
    return rates


def main():
    rates = medians(sys.argv[1:])
    hand = rates.get("BM_PeerHandWritten")
    print("| benchmark | records/s | of hand-written | explanations on / off |")
    print("| --- | ---: | ---: | ---: |")
    for name, rate in rates.items():
        share = "%.2f %%" % (100 * rate / hand) if hand and name.startswith("BM_PeerEngine") else ""
        on_off = ""
        if re.search(r"explain:1", name):
            off = rates.get(name.replace("explain:1", "explain:0"))
            if off:
                on_off = "%.0f %%" % (100 * rate / off)
        print("| %s | %s | %s | %s |" % (name, format(int(rate), ","), share, on_off))


if __name__ == "__main__":
    main()
