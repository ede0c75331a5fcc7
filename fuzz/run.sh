#!/usr/bin/env bash
# Runs one fuzz target for a while (fuzz/README.md):
#   fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAGS...]
#   fuzz/run.sh loader 600
# TARGET: expression, loader, records_yaml, records_json, records_jsonl,
# records_csv, evaluation. Configures and builds the clang fuzz build
# (build/fuzz, or $CADRE_FUZZ_BUILD) when it is missing, then fuzzes the
# target from its committed corpus (fuzz/corpus/TARGET, only read) with its
# dictionary. New inputs go to build/fuzz/fuzz/found/TARGET, kept between
# runs; a crash, leak, timeout or sanitizer report stops the run and is written
# to build/fuzz/fuzz/artifacts/TARGET/.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAGS...]" >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
cd "$(dirname "$0")/.."
build=${CADRE_FUZZ_BUILD:-build/fuzz}
if [ ! -d "fuzz/corpus/$target" ]; then
  echo "fuzz/run.sh: no target \`$target\` (no fuzz/corpus/$target)" >&2
  exit 2
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCADRE_WARNINGS_AS_ERRORS=ON -DCADRE_SANITIZE=ON -DCADRE_BUILD_FUZZERS=ON \
    -DCADRE_BUILD_TESTS=OFF -DCADRE_BUILD_TOOLS=OFF -DCADRE_INSTALL=OFF >/dev/null
fi
cmake --build "$build" --target "${target}_fuzzer"

found=$build/fuzz/found/$target
artifacts=$build/fuzz/artifacts/$target
mkdir -p "$found" "$artifacts"
exec "$build/fuzz/${target}_fuzzer" "$found" "fuzz/corpus/$target" \
  -dict="$build/fuzz/$target.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
