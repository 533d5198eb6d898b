#!/usr/bin/env bash
# The main job: installs what is missing, builds SeedVerify, and runs a co-verification campaign
# on the built-in S1. The report goes to reports-out/ (override with --out DIR); the exit status
# is 0 when the campaign signs off, 1 when it found divergences or failures.
# Usage: ci/campaign.sh [--out DIR] [--seed N] [--programs N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash ci/setup.sh
mvn -B -ntp -q install -DskipTests
exec mvn -B -ntp -q -pl conformance-suite exec:java \
  -Dexec.mainClass=dev.seedverify.conformance.Campaign -Dexec.args="$*"
