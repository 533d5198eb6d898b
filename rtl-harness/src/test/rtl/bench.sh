#!/usr/bin/env bash
# Native speed baseline of the S1 RTL: the plain C++ testbench runs tests/bench.S (a loop-heavy
# scalar kernel) or tests/xs_bench.S (a tile-heavy kernel), built with a large iteration count, for
# a fixed cycle budget with tracing off and reports cycles/s, instr/s (CPU time) and CPI.
# Usage: bench.sh [CYCLES] [bench|xs_bench] (default 50,000,000 cycles of bench).
# Environment: OUT (default /tmp/s1-rtl), SKIP_BUILD=1 to reuse an existing $OUT/obj/s1_tb.
set -u -o pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${OUT:-/tmp/s1-rtl}"
CYCLES="${1:-50000000}"
KERNEL="${2:-bench}"
export OUT
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -x "$OUT/obj/s1_tb" ]; then "$HERE/build.sh" || exit 1; fi
mkdir -p "$OUT/elf"
riscv64-unknown-elf-gcc -march=rv32im_zicsr_zifencei -mabi=ilp32 -nostdlib -nostartfiles \
  -T "$HERE/link.ld" -I "$OUT/include" -I "$HERE" -DBENCH_ITERS=1000000 -o "$OUT/elf/${KERNEL}_big.elf" "$HERE/tests/$KERNEL.S" || exit 1
echo "== $OUT/obj/s1_tb --elf $OUT/elf/${KERNEL}_big.elf --bench $CYCLES"
"$OUT/obj/s1_tb" --elf "$OUT/elf/${KERNEL}_big.elf" --bench "$CYCLES"
