#!/usr/bin/env bash
# Standalone verification of the S1 RTL (no Java harness needed):
#   1. generates seedchip_pkg.sv and s1_device_pkg.sv from the golden model,
#   2. lints the RTL with `verilator --lint-only -Wall`,
#   3. builds the plain C++ testbench (tb_main.cpp) with Verilator -O3,
#   4. assembles every tests/*.S and runs it on the RTL (self-checking: tohost = 1 passes),
#   5. diffs each RTL commit trace against the golden model's (GoldenTrace.java), mcycle reads
#      synchronised from the RTL,
#   6. does the same for random programs from gen_random.py: N scalar ones (hazard stress) and
#      N Xseed ones (--xseed: tile sequences on random data mixed in),
#   7. checks the tile unit's numerics bit for bit against the golden model's numerics classes
#      (numerics/run_numerics.sh, COUNT random + boundary vectors per function).
# Usage: run_tests.sh [--random N] [--xrandom N] [--numerics COUNT] [--no-golden] [--keep-going]
# Environment: OUT (build folder, default /tmp/s1-rtl), JOBS (make -j, default 2).
set -u -o pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN="$(cd "$HERE/../../../.." && pwd)"               # /work/main
RTL="${RTL_DIR:-$MAIN/rtl-harness/src/main/rtl}"   # RTL_DIR: e.g. a mutated copy
OUT="${OUT:-/tmp/s1-rtl}"
JOBS="${JOBS:-2}"
RANDOM_N=20
XRANDOM_N=20
NUMERICS_N=100000
GOLDEN=1
KEEP_GOING=0
while [ $# -gt 0 ]; do
  case "$1" in
    --random) RANDOM_N="$2"; shift 2 ;;
    --xrandom) XRANDOM_N="$2"; shift 2 ;;
    --numerics) NUMERICS_N="$2"; shift 2 ;;
    --no-golden) GOLDEN=0; shift ;;
    --keep-going) KEEP_GOING=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$OUT/elf" "$OUT/log"
export OUT JOBS RTL_DIR="$RTL"

step() { echo "== $*"; }
die() { echo "ERROR: $*" >&2; exit 1; }

"$HERE/build.sh" || exit 1
TB="$OUT/obj/s1_tb"
GT_CP="$OUT/gt:$OUT/golden-classes"

CC=riscv64-unknown-elf-gcc
CFLAGS=(-march=rv32im_zicsr_zifencei -mabi=ilp32 -nostdlib -nostartfiles -T "$HERE/link.ld" -I "$OUT/include" -I "$HERE")

pass=0; fail=0; failed=()

# run_one NAME ELF GOLDEN(0/1) [TB_ARGS...]
run_one() {
  local name="$1" elf="$2" use_golden="$3"; shift 3
  local args=("$@") golden_args=() rc
  # --window LO HI maps onto a golden-model LAUNCH with that window, --reset-pc onto its entry
  # (--expect-stop alone: a LAUNCH whose window is all of DRAM, so the first trap stops)
  local entry=()
  for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "--expect-stop" ] && [ ${#golden_args[@]} -eq 0 ]; then golden_args=(--window 0x80000000 0x80100000); fi
    if [ "${args[$i]}" = "--window" ]; then golden_args=(--window "${args[$((i+1))]}" "${args[$((i+2))]}"); fi
    if [ "${args[$i]}" = "--reset-pc" ]; then entry=(--entry "${args[$((i+1))]}"); fi
  done
  golden_args+=("${entry[@]}")
  "$TB" --elf "$elf" --trace --max-cycles 2000000 "${args[@]}" > "$OUT/log/$name.rtl" 2>&1
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL $name (testbench exit $rc): $(grep -E '^(FAIL|TIMEOUT|BROKEN|STOPPED)' "$OUT/log/$name.rtl" | head -2 | tr '\n' ' ')"
    fail=$((fail + 1)); failed+=("$name"); return 1
  fi
  if [ "$GOLDEN" = 1 ] && [ "$use_golden" = 1 ]; then
    local n
    n=$(grep -c '^[0-9]' "$OUT/log/$name.rtl")
    java -cp "$GT_CP" GoldenTrace "$elf" "$n" --sync "$OUT/log/$name.rtl" "${golden_args[@]}" > "$OUT/log/$name.gold" 2>&1 \
      || { echo "FAIL $name (golden model run failed)"; fail=$((fail + 1)); failed+=("$name"); return 1; }
    if ! diff <(grep '^[0-9]' "$OUT/log/$name.gold") <(grep '^[0-9]' "$OUT/log/$name.rtl") > "$OUT/log/$name.diff"; then
      echo "FAIL $name (RTL trace differs from the golden model; first lines of $OUT/log/$name.diff:)"
      head -6 "$OUT/log/$name.diff"
      fail=$((fail + 1)); failed+=("$name"); return 1
    fi
  fi
  echo "ok   $name ($(grep -c '^[0-9]' "$OUT/log/$name.rtl") records, $(tail -1 "$OUT/log/$name.rtl" | sed 's/.*\(cycles=[0-9]*\).*\(CPI=[0-9.]*\).*/\1 \2/'))"
  pass=$((pass + 1))
}

step "directed tests"
for src in "$HERE"/tests/*.S; do
  name="$(basename "$src" .S)"
  elf="$OUT/elf/$name.elf"
  $CC "${CFLAGS[@]}" -o "$elf" "$src" || { echo "FAIL $name (assembly)"; fail=$((fail + 1)); failed+=("$name"); continue; }
  # Optional per-test testbench arguments: a line `// TB_ARGS: ...`
  read -r -a targs <<< "$(sed -n 's|^// TB_ARGS: *||p' "$src" | head -1)"
  # `// GOLDEN: skip` marks a test the golden model cannot run yet (RTL-only behaviour)
  use_golden=1
  grep -q '^// GOLDEN: skip' "$src" && use_golden=0
  run_one "$name" "$elf" "$use_golden" "${targs[@]}"
  if [ $fail -gt 0 ] && [ "$KEEP_GOING" = 0 ]; then break; fi
done

if [ "$RANDOM_N" -gt 0 ] && { [ $fail -eq 0 ] || [ "$KEEP_GOING" = 1 ]; }; then
  step "random programs ($RANDOM_N seeds)"
  for ((seed = 1; seed <= RANDOM_N; seed++)); do
    name="random_$seed"
    python3 "$HERE/gen_random.py" --seed "$seed" > "$OUT/elf/$name.S" || die "gen_random.py failed"
    $CC "${CFLAGS[@]}" -o "$OUT/elf/$name.elf" "$OUT/elf/$name.S" || { echo "FAIL $name (assembly)"; fail=$((fail + 1)); failed+=("$name"); continue; }
    run_one "$name" "$OUT/elf/$name.elf" 1
    if [ $fail -gt 0 ] && [ "$KEEP_GOING" = 0 ]; then break; fi
  done
fi

if [ "$XRANDOM_N" -gt 0 ] && { [ $fail -eq 0 ] || [ "$KEEP_GOING" = 1 ]; }; then
  step "random Xseed programs ($XRANDOM_N seeds)"
  for ((seed = 1; seed <= XRANDOM_N; seed++)); do
    name="xrandom_$seed"
    python3 "$HERE/gen_random.py" --seed "$seed" --xseed > "$OUT/elf/$name.S" || die "gen_random.py failed"
    $CC "${CFLAGS[@]}" -o "$OUT/elf/$name.elf" "$OUT/elf/$name.S" || { echo "FAIL $name (assembly)"; fail=$((fail + 1)); failed+=("$name"); continue; }
    run_one "$name" "$OUT/elf/$name.elf" 1
    if [ $fail -gt 0 ] && [ "$KEEP_GOING" = 0 ]; then break; fi
  done
fi

if [ "$NUMERICS_N" -gt 0 ] && { [ $fail -eq 0 ] || [ "$KEEP_GOING" = 1 ]; }; then
  step "numerics ($NUMERICS_N vectors per function)"
  if "$HERE/numerics/run_numerics.sh" "$NUMERICS_N" 1; then
    pass=$((pass + 1))
  else
    echo "FAIL numerics"; fail=$((fail + 1)); failed+=("numerics")
  fi
fi

echo
[ ${#failed[@]} -gt 0 ] && echo "failed: ${failed[*]}"
echo "rtl: $pass passed, $fail failed"
[ $fail -eq 0 ]
