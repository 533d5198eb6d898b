#!/usr/bin/env bash
# Builds everything the standalone RTL checks need, into $OUT (default /tmp/s1-rtl):
#   $OUT/seedchip_pkg.sv   generated from the golden model (never committed), with s1_device_pkg.sv
#   $OUT/include/xseed.h   generated from the golden model's ISA table (XseedHeader), for the tests
#   lint                   verilator --lint-only -Wall over the RTL (must be clean)
#   $OUT/obj/s1_tb         the plain C++ Verilator testbench (tb_main.cpp), -O3, no tracing
#   $OUT/gt                GoldenTrace (golden-model commit trace in the testbench's format)
# Environment: OUT, JOBS (make -j, default 2), RTL_DIR (RTL folder, default src/main/rtl),
#              DRAM_BYTES, XU_ROWS_PER_CYCLE (optional: override the s1_top parameters).
set -u -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/../../../.." && pwd)"
RTL="${RTL_DIR:-$MAIN/rtl-harness/src/main/rtl}"
OUT="${OUT:-/tmp/s1-rtl}"
JOBS="${JOBS:-2}"
mkdir -p "$OUT/log"

step() { echo "== $*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

step "generate seedchip_pkg.sv, s1_device_pkg.sv and xseed.h"
# The golden model (no dependencies) is compiled into $OUT rather than golden-model/target, so a
# concurrent Maven build of the repository cannot race with this script. Equivalent to:
#   mvn -q -pl golden-model compile && java -cp golden-model/target/classes \
#     dev.seedverify.golden.gen.SystemVerilogPackage $OUT/seedchip_pkg.sv
GOLDEN_CLASSES="$OUT/golden-classes"
rm -rf "$GOLDEN_CLASSES"
find "$MAIN/golden-model/src/main/java" -name '*.java' > "$OUT/golden-sources.txt"
javac -nowarn --release 17 -d "$GOLDEN_CLASSES" @"$OUT/golden-sources.txt" || die "golden-model compile failed"
java -cp "$GOLDEN_CLASSES" dev.seedverify.golden.gen.SystemVerilogPackage "$OUT/seedchip_pkg.sv" \
  || die "package generation failed"
java -cp "$GOLDEN_CLASSES" dev.seedverify.golden.gen.DevicePackage "$OUT/s1_device_pkg.sv" \
  || die "device package generation failed"
# xseed.h (the Xseed instruction macros and CSR numbers the tests assemble with) comes from the
# same ISA table: no encoding is written by hand in the tests.
java -cp "$GOLDEN_CLASSES" dev.seedverify.golden.gen.XseedHeader "$OUT/include/xseed.h" \
  || die "xseed.h generation failed"

SRCS=("$OUT/seedchip_pkg.sv" "$OUT/s1_device_pkg.sv")
while read -r f; do
  case "$f" in ''|//*) continue ;; esac
  SRCS+=("$RTL/$f")
done < "$RTL/s1_files.f"
PARAMS=()
[ -n "${DRAM_BYTES:-}" ] && PARAMS+=(-GDRAM_BYTES="$DRAM_BYTES")
[ -n "${XU_ROWS_PER_CYCLE:-}" ] && PARAMS+=(-GXU_ROWS_PER_CYCLE="$XU_ROWS_PER_CYCLE")

step "lint (verilator --lint-only -Wall)"
verilator --lint-only -Wall --top-module s1_top "${PARAMS[@]}" "${SRCS[@]}" || die "lint failed"
echo "lint clean"

step "build testbench"
verilator --cc --exe --build -O3 --x-assign fast --x-initial fast -j "$JOBS" --top-module s1_top \
  "${PARAMS[@]}" -Mdir "$OUT/obj" -o s1_tb -CFLAGS "-O2" "${SRCS[@]}" "$HERE/tb_main.cpp" \
  > "$OUT/log/build.log" 2>&1 || { tail -30 "$OUT/log/build.log"; die "testbench build failed"; }
echo "$OUT/obj/s1_tb"

step "build golden trace tool"
mkdir -p "$OUT/gt"
javac -d "$OUT/gt" -cp "$GOLDEN_CLASSES" "$HERE/GoldenTrace.java" || die "javac GoldenTrace failed"
