#!/usr/bin/env python3
"""End-to-end runs of bench/peer-policy on a generated records file, against the
hand-written program on the same file (docs/performance.md).

  bench/end_to_end.py --tool build/release/tools/cadre-policy/cadre-policy \
      --hand-written build/release/bench/hand_written/peer_policy_hand_written \
      --records 1000000 [--work /tmp/e2e] [--formats jsonl csv] [--threads 1 2]

For each format it generates the file once (bench/generate_peer_records.py),
then runs, each under /usr/bin/time -v with the output to /dev/null:
the hand-written program, and `cadre-policy eval` with --no-explain and with
explanations on 1 and 2 threads. It prints one Markdown table: wall clock,
records/s, CPU, peak memory, and the throughput as a share of the
hand-written program's (explanations on also as a share of off).
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command):
    """Runs `command` under /usr/bin/time -v; (seconds, cpu %, peak MB)."""
    result = subprocess.run(["/usr/bin/time", "-v"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    report = result.stderr
    if result.returncode != 0:
        sys.exit("failed (%d): %s\n%s" % (result.returncode, " ".join(command), report[-2000:]))
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", report).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = re.search(r"Percent of CPU this job got: (\d+)%", report).group(1)
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    return seconds, int(cpu), peak_kb / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tool", required=True)
    parser.add_argument("--hand-written", required=True)
    parser.add_argument("--records", type=int, default=1000000)
    parser.add_argument("--work", default="/tmp/cadre-e2e")
    parser.add_argument("--formats", nargs="+", default=["jsonl", "csv"])
    parser.add_argument("--threads", nargs="+", type=int, default=[1, 2])
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    ruleset = os.path.join(HERE, "peer-policy")
    rows = []
    for fmt in args.formats:
        records = os.path.join(args.work, "peer-%d.%s" % (args.records, fmt))
        if not os.path.exists(records):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_peer_records.py"),
                            "--records", str(args.records), "--format", fmt, "--output", records],
                           check=True)
        base = timed([args.hand_written, records, "--as-of", "2024-12-31"])
        rows.append((fmt, "hand-written", base, base[0], None))
        for threads in args.threads:
            off = None
            for explain in (False, True):
                command = [args.tool, "eval", ruleset, records, "--as-of", "2024-12-31",
                           "--threads", str(threads), "--quiet"]
                if not explain:
                    command.append("--no-explain")
                run = timed(command)
                if not explain:
                    off = run[0]
                label = "eval %s, %d thread%s" % ("explained" if explain else "--no-explain",
                                                  threads, "" if threads == 1 else "s")
                rows.append((fmt, label, run, base[0], off if explain else None))
    print("| file | run | wall clock | records/s | CPU | peak memory | of hand-written "
          "| of --no-explain |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for fmt, label, (seconds, cpu, peak), base, off in rows:
        share = "%.1f %%" % (100 * base / seconds)
        of_off = "%.0f %%" % (100 * off / seconds) if off else ""
        print("| %s | %s | %.2f s | %s | %d %% | %.0f MB | %s | %s |" % (
            fmt, label, seconds, format(int(args.records / seconds), ","), cpu, peak, share,
            of_off))


if __name__ == "__main__":
    main()
