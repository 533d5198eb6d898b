#!/usr/bin/env bash
# The main job: installs what is missing, builds SeedVerify, and runs a co-verification campaign
# on the built-in S1: golden model vs RTL in lockstep on the conformance list, the C and GEMM
# kernels, the regression folder of past reproducers, and a property campaign with coverage.
# The sign-off report goes to reports-out/campaign.txt and .json (override with --out DIR); the
# exit status is 0 when the campaign signs off, 1 when it found divergences or failures, 2 for bad
# usage or an unavailable target.
# Usage: ci/campaign.sh [--out DIR] [--target rtl|golden|mutant:NAME] [--seed N] [--programs N]
#                       [--threads N] [--weights SPEC] [--no-kernels] [--no-property]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# --out is resolved here, so it may be relative to the caller's folder (default: reports-out/ of the repository).
args=()
prev=""
for a in "$@"; do
  case "$prev" in --out) case "$a" in /*) ;; *) a="$(pwd)/$a" ;; esac ;; esac
  args+=("$a")
  prev="$a"
done
exec bash "$here/run-main.sh" dev.seedverify.conformance.Campaign \
  --regressions "$(cd "$here/.." && pwd)/conformance-suite/src/test/resources/regressions" ${args[@]+"${args[@]}"}
