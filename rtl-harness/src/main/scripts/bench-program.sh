#!/usr/bin/env bash
# Assembles the throughput benchmark program (bench/loop.S) into an ELF for both benchmarks
# (the native s1bench and dev.seedverify.rtl.bench.RtlThroughput).
# usage: bench-program.sh OUT.elf [ITERATIONS]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:?usage: bench-program.sh OUT.elf [ITERATIONS]}"
ITER="${2:-500000}"
CC="${RISCV_CC:-riscv64-unknown-elf-gcc}"
command -v "$CC" >/dev/null 2>&1 || { echo "bench-program: $CC is not on PATH: run ci/setup.sh" >&2; exit 1; }
mkdir -p "$(dirname "$OUT")"
"$CC" -march=rv32im_zicsr -mabi=ilp32 -nostdlib -nostartfiles -static -DITERATIONS="$ITER" \
  -Wl,--no-warn-rwx-segments -T "$HERE/bench/link.ld" -o "$OUT" "$HERE/bench/loop.S"
echo "bench-program: $OUT ($ITER iterations)"
