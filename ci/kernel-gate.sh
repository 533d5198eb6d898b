#!/usr/bin/env bash
# The compiler gate (kernels/README.md, "Compiler gate"): builds the kernel library with two
# configurations, runs every kernel (both variants) and the tiny CNN with both on the golden
# model (and the RTL with --rtl), and reports per row equal outputs or the first differing element
# and the store that wrote it in each build (with its source line), plus instructions and cycles.
# Exit 0 pass, 1 a new mismatch or a slow-down above the threshold, 2 bad usage or a build failure.
#   ci/kernel-gate.sh                                        # gcc -O2 vs clang -O2
#   ci/kernel-gate.sh --base gcc:-O2 --candidate 'gcc@/opt/gcc-14/bin/riscv64-unknown-elf-gcc:-O2' --rtl
#   ci/kernel-gate.sh --candidate gcc:-O2 --candidate-bug misplaced-fence   # what a failing gate looks like
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --known|--json) args+=("$1" "$(realpath -m "$2")"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
SEEDVERIFY_MODULE=kernels exec bash "$here/run-main.sh" dev.seedverify.kernels.gate.CompilerGate "${args[@]}"
