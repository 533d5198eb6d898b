#!/usr/bin/env bash
# The self-test of the bug-finding engine on injected RTL bugs (issue 5, item 8): builds every
# mutant of RtlMutants (cached under rtl-harness/target/mutant-models), runs generated
# programs (seeds 1.., default weights) golden vs each mutant until the first divergence, shrinks
# it, writes its reproducer, and prints the table (programs tried, time to detect, shrink time,
# shrunk length, bucket, build time, medians, targets). Table and reproducers go to
# reports-out/mutants/ (override with --out DIR).
#
# Usage: ci/mutants.sh [--mutants a,b,...] [--seed N] [--programs N] [--seconds S] [--weights SPEC]
#                      [--out DIR] [--regressions DIR] [--list]
#   --regressions DIR  also writes each shrunk reproducer as DIR/<mutant>.S; the kept folder is
#                      conformance-suite/src/test/resources/regressions/mutants
#   --list             prints the catalogue (name, file, description)
# Exit status: 0 when every mutant was detected and shrunk and the targets are met (100 % detected,
# median time to detect < 30 s, median shrunk length <= 6 instructions), 1 otherwise, 2 for bad usage.
# Set SEEDVERIFY_NO_BUILD=1 to skip the set-up and build steps.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

# Folder arguments are resolved here, so they may be relative to the caller's folder.
args=()
prev=""
for a in "$@"; do
  case "$prev" in
    --out|--regressions|--cache) case "$a" in /*) ;; *) a="$(pwd)/$a" ;; esac ;;
  esac
  args+=("$a")
  prev="$a"
done
exec bash "$here/run-main.sh" dev.seedverify.conformance.mutants.MutantCampaign ${args[@]+"${args[@]}"}
