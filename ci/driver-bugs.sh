#!/usr/bin/env bash
# The injected driver bugs (issue 10), run the way ci/mutants.sh runs the RTL mutants: for each bug of
# driver-stub's DriverBug, generated driver action scripts (seeds 1..) run with the driver carrying the
# bug until the plain API model or the bus protocol monitor objects; the failing script is shrunk and
# written as a replayable reproducer. Table and reproducers go to reports-out/driver-bugs/.
#
# Usage: ci/driver-bugs.sh [--bugs a,b,...] [--seed N] [--scripts N] [--actions N] [--backend NAME]
#                          [--out DIR] [--regressions DIR] [--list]
#   --backend NAME      golden (default), rtl, lockstep, ...
#   --regressions DIR   also writes each reproducer as DIR/<bug>.script; the kept folder is
#                       conformance-suite/src/test/resources/regressions/driver
# Exit status: 0 when every bug was detected and shrunk to <= 6 actions, 1 otherwise, 2 for bad usage.
set -euo pipefail
# shellcheck source=lib/args.sh
source "$(dirname "$0")/lib/args.sh"
run_main_class dev.seedverify.conformance.mutants.DriverBugCampaign --out --regressions -- "$@"
