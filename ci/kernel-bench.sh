#!/usr/bin/env bash
# GEMM benchmarks of the kernel library (kernels/README.md, "Performance"): MACs per second of
# gemm_i8 and gemm_mxfp8 on the golden model and cycles per MAC on the RTL, both variants.
#   ci/kernel-bench.sh [--config gcc:-O2] [--size 64] [--reps 5] [--no-rtl]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
SEEDVERIFY_MODULE=kernels exec bash "$here/run-main.sh" dev.seedverify.kernels.bench.KernelBenchmark "$@"
