#!/usr/bin/env bash
# The self-test of the bug-finding engine on injected RTL bugs: a thin wrapper over
# bin/seedverify mutants, building first on a fresh machine (SEEDVERIFY_NO_BUILD=1 skips it).
# Usage: ci/mutants.sh [--mutants a,b,...] [--seed N] [--programs N] [--seconds S] [--out DIR]
#                      [--regressions DIR] [--list]
#   --regressions DIR  also copies each shrunk reproducer to DIR/<mutant>.S; the kept folder is
#                      conformance-suite/src/test/resources/regressions/mutants
# Exit status: 0 every mutant detected and shrunk, 1 one survived, 2 usage.
set -euo pipefail
exec bash "$(cd "$(dirname "$0")" && pwd)/seedverify.sh" mutants "$@"
