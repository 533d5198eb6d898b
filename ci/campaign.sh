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
cd "$(dirname "$0")/.."
bash ci/setup.sh
mvn -B -ntp -q install -DskipTests
exec mvn -B -ntp -q -pl conformance-suite exec:java \
  -Dexec.mainClass=dev.seedverify.conformance.Campaign \
  -Dexec.args="--regressions conformance-suite/src/test/resources/regressions $*"
