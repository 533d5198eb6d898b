#!/usr/bin/env bash
# The main job: installs what is missing, builds SeedVerify once, and runs the co-verification
# campaign (bin/seedverify campaign) on the built-in S1: golden model vs RTL in lockstep on the
# conformance list, the kernels, the regression folder and a property campaign with coverage.
# Reports go to reports-out/runs/<id>/ (reports-out/latest points at the last run; --out DIR
# elsewhere). Exit status 0 signed off, 1 not (FAILED, INCOMPLETE), 2 usage, 3 bad configuration,
# 130 interrupted (resume with: bin/seedverify campaign --resume).
# Usage: ci/campaign.sh [campaign options]        (see: bin/seedverify campaign --help)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out=(--out "$root/reports-out")
for a in "$@"; do case "$a" in -o|--out|--out=*|-o*) out=() ;; esac; done
exec bash "$root/ci/seedverify.sh" campaign ${out[@]+"${out[@]}"} "$@"
