#!/usr/bin/env bash
# Bit-exact unit test of the tile unit's numerics (s1_fp32_pkg, s1_e4m3_pkg, s1_requant_pkg)
# against the golden model's numerics classes: NumericsVectors.java writes COUNT random and
# boundary vectors per kind, tb_numerics (Verilator) checks every one.
# Usage: run_numerics.sh [COUNT] [SEED]. Environment: OUT (default /tmp/s1-rtl; uses the
# seedchip_pkg.sv and golden classes build.sh put there, building them if missing).
set -u -o pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RTL="${RTL_DIR:-$(cd "$HERE/../../../main/rtl" && pwd)}"
OUT="${OUT:-/tmp/s1-rtl}"
COUNT="${1:-200000}"
SEED="${2:-1}"
if [ ! -f "$OUT/seedchip_pkg.sv" ] || [ ! -d "$OUT/golden-classes" ]; then
  "$HERE/../build.sh" >/dev/null || exit 1
fi
mkdir -p "$OUT/numerics"
javac -d "$OUT/numerics" -cp "$OUT/golden-classes" "$HERE/NumericsVectors.java" || exit 1
verilator --cc --exe --build -O3 -Wall -j 2 --top-module tb_numerics -Mdir "$OUT/numerics/obj" -o tb_numerics \
  "$OUT/seedchip_pkg.sv" "$RTL/s1_fp32_pkg.sv" "$RTL/s1_e4m3_pkg.sv" "$RTL/s1_requant_pkg.sv" "$HERE/tb_numerics.sv" "$HERE/tb_numerics.cpp" \
  > "$OUT/numerics/build.log" 2>&1 || { tail -30 "$OUT/numerics/build.log"; echo "ERROR: numerics testbench build failed"; exit 1; }
java -cp "$OUT/numerics:$OUT/golden-classes" NumericsVectors "$SEED" "$COUNT" | "$OUT/numerics/obj/tb_numerics"
