#!/usr/bin/env bash
# RTL simulation throughput, native vs Java, on the same model library and program.
#   1. assembles the benchmark loop (bench/loop.S, ITERATIONS iterations of 18 instructions),
#   2. runs the native benchmark target/native/s1bench (C++, dlopen + the C ABI) and the Java one
#      (dev.seedverify.rtl.bench.RtlThroughput, through the JavaCPP binding), ROUNDS times each,
#      alternating, each reporting the best of REPS runs after a warm-up run,
#   3. prints the best figures of each and the Java/native ratio.
#   Rates per wall-clock second (best run) and per CPU second of the simulating thread (best run;
#   robust when other processes share the machine) are both reported, with both ratios.
# Prerequisite: mvn -pl golden-model,rtl-harness -am install -DskipTests (from the repository root).
# usage: bench.sh [ITERATIONS=500000] [BATCH=256] [REPS=3] [ROUNDS=2] [--count-only]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/../../.." && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
ITER="${1:-500000}" BATCH="${2:-256}" REPS="${3:-3}" ROUNDS="${4:-2}" EXTRA="${5:-}"
OUT="$MODULE/target/bench"
LIB="$MODULE/target/native/libs1model.so"
[ -x "$MODULE/target/native/s1bench" ] && [ -f "$LIB" ] \
  || { echo "bench: build first: mvn -pl golden-model,rtl-harness -am install -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
bash "$HERE/bench-program.sh" "$OUT/loop.elf" "$ITER"
(cd "$ROOT" && mvn -q -o -pl rtl-harness dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null 2>&1) \
  || (cd "$ROOT" && mvn -q -pl rtl-harness dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt")
CP="$MODULE/target/classes:$(cat "$OUT/classpath.txt")"

echo "model: $LIB"
echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$OUT/results.txt"
for ((round = 1; round <= ROUNDS; round++)); do
  echo "== round $round: native"
  "$MODULE/target/native/s1bench" --lib "$LIB" --elf "$OUT/loop.elf" --batch "$BATCH" --reps "$REPS" $EXTRA \
    | tee -a "$OUT/results.txt"
  echo "== round $round: java"
  java -Xms256m -cp "$CP" dev.seedverify.rtl.bench.RtlThroughput --lib "$LIB" --elf "$OUT/loop.elf" --batch "$BATCH" \
    --reps "$REPS" $EXTRA | tee -a "$OUT/results.txt"
done
# best VALUE of field NAME over the lines of SIDE (native / java)
best() { grep "^$1:" "$OUT/results.txt" | tr ' ' '\n' | sed -n "s|^$2=||p" | sort -n | tail -1; }
NW="$(best native instr/s)" JW="$(best java instr/s)" NC="$(best native cpu_instr/s)" JC="$(best java cpu_instr/s)"
echo "== best per wall second: native $(best native cycles/s) cycles/s $NW instr/s; java $(best java cycles/s) cycles/s $JW instr/s"
echo "== best per CPU second:  native $(best native cpu_cycles/s) cycles/s $NC instr/s; java $(best java cpu_cycles/s) cycles/s $JC instr/s"
awk -v jw="$JW" -v nw="$NW" -v jc="$JC" -v nc="$NC" \
  'BEGIN { printf "== java/native = %.3f (wall), %.3f (cpu)\n", jw / nw, jc / nc }'
