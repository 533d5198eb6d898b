#!/usr/bin/env bash
# RTL device throughput (issue 9): commands per second through the Java harness, simulated cycles
# per command of each kind (NOP, LAUNCH of an ecall kernel, COPY and FILL of several sizes) and the
# DMA's bytes per cycle; see dev.seedverify.rtl.bench.DeviceThroughput.
# Prerequisite: mvn -pl golden-model,rtl-harness -am install -DskipTests (from the repository root).
# usage: bench-device.sh [COMMANDS=2000] [REPS=3]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE="$(cd "$HERE/../../.." && pwd)"
ROOT="$(cd "$MODULE/.." && pwd)"
COMMANDS="${1:-2000}" REPS="${2:-3}"
OUT="$MODULE/target/bench"
LIB="$MODULE/target/native/libs1model.so"
[ -f "$LIB" ] || { echo "bench-device: build first: mvn -pl golden-model,rtl-harness -am install -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
(cd "$ROOT" && mvn -q -o -pl rtl-harness dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null 2>&1) \
  || (cd "$ROOT" && mvn -q -pl rtl-harness dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt")
CP="$MODULE/target/classes:$(cat "$OUT/classpath.txt")"
echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xms256m -cp "$CP" dev.seedverify.rtl.bench.DeviceThroughput --lib "$LIB" --commands "$COMMANDS" --reps "$REPS"
