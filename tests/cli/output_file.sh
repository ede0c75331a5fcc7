#!/usr/bin/env bash
# `eval --output FILE` replaces FILE only with a complete result:
#   output_file.sh interrupt SIGNAL TOOL RULESET RECORDS WORKDIR
#     SIGNAL (TERM, INT, HUP) while deciding: the run ends by that signal
#     (status 128 + its number), leaves no temporary file and no FILE.
#   output_file.sh stale TOOL RULESET RECORDS WORKDIR
#     a temporary file left by an earlier run that was killed outright
#     (FILE.tmp, FILE.tmp.PID) is neither used nor removed, and FILE is written.
# RECORDS is a CSV file of the peer-comparison policy (decided as of
# 2024-12-31); `interrupt` repeats its rows to make a run long enough.
set -euo pipefail
# Job control: a background job keeps SIGINT's default action (without it,
# bash starts background jobs with SIGINT ignored).
set -m

mode=$1
shift
if [ "$mode" = interrupt ]; then
  signal=$1
  shift
fi
tool=$1 ruleset=$2 records=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
output=$work/out.jsonl

fail() {
  echo "FAIL: $*" >&2
  ls -la "$work" >&2
  exit 1
}

case "$mode" in
  interrupt)
    # 20,000 records (the rows repeated with ids made unique): seconds of work.
    awk -F, -v OFS=, 'NR == 1 { print; next } { rows[n++] = $0 }
      END { for (i = 1; i <= 1000; i++) for (j = 0; j < n; j++) {
              row = rows[j]; sub(/,/, "-" i ",", row); print row } }' \
      "$records" >"$work/records.csv"
    "$tool" eval "$ruleset" "$work/records.csv" --as-of 2024-12-31 --output "$output" &
    pid=$!
    # Interrupt it once its temporary file exists.
    for _ in $(seq 6000); do
      compgen -G "$output.tmp*" >/dev/null && break
      sleep 0.01
    done
    compgen -G "$output.tmp*" >/dev/null || fail "no temporary file appeared"
    kill -s "$signal" "$pid" 2>/dev/null || fail "the run ended before it could be interrupted"
    status=0
    wait "$pid" || status=$?
    expected=$((128 + $(kill -l "$signal")))
    [ "$status" -eq "$expected" ] || fail "exit status $status after SIG$signal, expected $expected"
    if compgen -G "$output.tmp*" >/dev/null; then fail "temporary file left behind"; fi
    [ ! -e "$output" ] || fail "$output written by an interrupted run"
    ;;
  stale)
    echo "left by a run killed with SIGKILL" >"$output.tmp"
    echo "left by a run killed with SIGKILL" >"$output.tmp.999999999"
    "$tool" eval "$ruleset" "$records" --as-of 2024-12-31 --output "$output" ||
      fail "eval failed"
    rows=$(($(wc -l <"$records") - 1))
    [ "$(grep -c '^{"record":"c' "$output")" -eq "$rows" ] || fail "not one line per record"
    for stale in "$output.tmp" "$output.tmp.999999999"; do
      grep -q "killed with SIGKILL" "$stale" || fail "$stale was used or removed"
    done
    ;;
  *)
    fail "unknown mode $mode"
    ;;
esac
echo "ok"
